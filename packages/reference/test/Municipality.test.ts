import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { County, Municipality } from "../src/index.js"

const file = join(import.meta.dirname, "../../../../shared/data/se-admin-units/municipalities.csv")
const rows = Csv.records(Csv.parse(readFileSync(file, "utf8"), { source: file }))

describe("Municipality", () => {
  it("holds exactly the 290 municipalities of municipalities.csv, row by row", () => {
    expect(Municipality.all).toHaveLength(290)
    expect(rows).toHaveLength(290)
    for (const row of rows) {
      const m = Municipality.parse(row.municipality_code!)
      expect(m.name).toBe(row.municipality_name_short)
      expect(m.label.sv).toBe(row.municipality_name)
      expect(m.county).toBe(row.county_code)
      expect(m.code.startsWith(m.county)).toBe(true)
    }
  })

  it("has the official number of municipalities in every county", () => {
    const official: Record<string, number> = {
      "01": 26,
      "03": 8,
      "04": 9,
      "05": 13,
      "06": 13,
      "07": 8,
      "08": 12,
      "09": 1,
      "10": 5,
      "12": 33,
      "13": 6,
      "14": 49,
      "17": 16,
      "18": 12,
      "19": 10,
      "20": 15,
      "21": 10,
      "22": 7,
      "23": 8,
      "24": 15,
      "25": 14
    }
    for (const county of County.all)
      expect(Municipality.inCounty(county.code).length, county.code).toBe(official[county.code])
  })

  it("finds Lycksele, home of Mötesplats Lycksele, by code and by name", () => {
    expect(Municipality.get("2481").name).toBe("Lycksele")
    expect(Municipality.byName("lycksele kommun").code).toBe("2481")
    expect(Municipality.countyOf("2481").shortName).toBe("Västerbotten")
  })

  it("refuses unknown codes and names with suggestions", () => {
    expect(() => Municipality.parse("2499")).toThrow(/Unknown municipality code "2499".*did you mean/)
    expect(() => Municipality.byName("Lyksele")).toThrow(/did you mean "Lycksele"/)
  })
})
