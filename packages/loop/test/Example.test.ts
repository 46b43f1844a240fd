import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { CycleDocument, Example } from "../src/index.js"

describe("Example", () => {
  it("lists the five themes of the Interreg Europe record, with Swedish names and years only where sourced", () => {
    expect(Example.themes.slice(0, 5).map((t) => t.en)).toEqual([
      "Talent for Growth",
      "Culture-Driven Growth",
      "Border-Crossing Meetings",
      "The Sustainable Place",
      "Global attraction"
    ])
    expect(Example.themes.filter((t) => t.sv !== null).map((t) => t.year)).toEqual([2013, 2016, 2024])
  })
  it("is a valid, deterministic, clearly synthetic document", () => {
    const a = Example.walkthrough()
    expect(a).toEqual(Example.walkthrough())
    expect(a.synthetic).toBe(true)
    expect(CycleDocument.parse(a).ok).toBe(true)
    for (const idea of a.ideas) expect(idea.title).toMatch(/^Synthetic idea \d+/)
    for (const s of a.subThemes) expect(s.title.en).toMatch(/^Synthetic/)
    expect(a.cycle.theme).toEqual({ sv: "Den Hållbara Platsen", en: "The Sustainable Place" })
    expect(a.cycle.history.map((h) => h.to)).toEqual([
      "themed",
      "ideation",
      "prototyping",
      "implementation",
      "reporting"
    ])
  })
  it("zones exactly the 15 municipalities of Västerbotten (county 24) in municipalities.csv", () => {
    const file = join(import.meta.dirname, "../../../../shared/data/se-admin-units/municipalities.csv")
    const rows = Csv.records(Csv.parse(readFileSync(file, "utf8"), { source: file }))
    const county24 = rows.filter((r) => r.county_code === "24").map((r) => r.municipality_code)
    expect(county24).toHaveLength(15)
    expect(Object.keys(Example.illustrativeZones.municipalities).sort()).toEqual([...county24].sort())
    expect(Example.illustrativeZones.source).toMatch(/Not an official classification/)
  })
})
