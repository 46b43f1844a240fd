import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Example, IdeasCsv, Lifecycle } from "../src/index.js"
import { docWith } from "./fixtures.js"

describe("IdeasCsv.write", () => {
  const walk = Example.walkthrough()
  const text = IdeasCsv.write(walk)
  const table = Csv.parse(text, { source: "ideas.csv" })
  const rows = Csv.records(table)

  it("writes one row per idea that the shared CSV reader reads back", () => {
    expect(table.header).toEqual([...IdeasCsv.columns])
    expect(rows.map((r) => r.id)).toEqual(walk.ideas.map((i) => i.id))
    expect(text.endsWith("\r\n")).toBe(true)
  })
  it("keeps the stage history and the dates each stage was reached", () => {
    const i01 = rows.find((r) => r.id === "I-01")!
    expect(i01).toMatchObject({
      stage: "company_formed",
      reached_idea_at: "2016-03-10",
      reached_concept_at: "2016-05-12",
      reached_prototype_at: "2016-06-09",
      reached_pilot_at: "2016-09-15",
      reached_end_at: "2016-10-13",
      transitions: "5"
    })
    expect(i01.history!.split(" | ")).toHaveLength(5)
    expect(i01.history).toMatch(/^2016-03-10 problem_formulated→idea \[G0\] Region Västerbotten facilitators: /)
    for (const r of rows) {
      expect(Number(r.transitions)).toBe(walk.transitions.filter((t) => t.ideaId === r.id).length)
    }
    expect(rows.find((r) => r.id === "I-15")).toMatchObject({ merged_from: "I-05;I-06" })
    expect(rows.find((r) => r.id === "I-12")!.drop_reason).toBe("Synthetic: the team dissolved")
  })
  it("quotes commas, quotes and line breaks", () => {
    const doc = Lifecycle.advance(docWith([{ id: "I1", title: 'A "quoted", title', need: "line\nbreak" }]), {
      idea: "I1",
      to: "dropped",
      by: "x",
      reason: "a, b",
      at: "2020-05-01"
    })
    const back = Csv.records(Csv.parse(IdeasCsv.write(doc)))[0]!
    expect(back).toMatchObject({ title: 'A "quoted", title', need: "line\nbreak", drop_reason: "a, b" })
  })
})
