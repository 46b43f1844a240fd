import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Sni } from "../src/index.js"

const dir = join(import.meta.dirname, "../../../../shared/data/sni2007")
const read = (f: string) => Csv.records(Csv.parse(readFileSync(join(dir, f), "utf8"), { source: f }))

describe("Sni", () => {
  it("holds the 21 sections of sections.csv with both names and their division ranges", () => {
    const rows = read("sections.csv")
    expect(Sni.sections).toHaveLength(21)
    for (const row of rows) {
      const section = Sni.parseSection(row.section!)
      expect(section.name).toEqual({ sv: row.name_sv, en: row.name_en })
      const [from, to = from] = row.divisions!.split("-")
      expect(section.divisions[0]).toBe(from)
      expect(section.divisions.at(-1)).toBe(to)
    }
  })

  it("holds the 88 divisions of divisions.csv with section and both names", () => {
    const rows = read("divisions.csv")
    expect(Sni.divisions).toHaveLength(88)
    for (const row of rows) {
      expect(Sni.parseDivision(row.division!)).toEqual({
        code: row.division,
        section: row.section,
        name: { sv: row.name_sv, en: row.name_en }
      })
    }
  })

  it("relates divisions to sections", () => {
    expect(Sni.sectionOf("62").code).toBe("J")
    expect(Sni.section("C").divisions).toHaveLength(24)
    expect(Sni.parseDivision("6").code).toBe("06")
    expect(Sni.classification).toBe("SNI2007")
  })

  it("refuses divisions that do not exist in SNI 2007", () => {
    for (const gap of ["04", "34", "40", "44", "48", "54", "57", "67", "76", "83", "89"]) {
      expect(Sni.isDivision(gap)).toBe(false)
      expect(() => Sni.parseDivision(gap)).toThrow(`Unknown SNI 2007 division code "${gap}"`)
    }
    expect(() => Sni.parseSection("V")).toThrow(/expected a section letter A–U/)
  })
})
