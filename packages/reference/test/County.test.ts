import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { County, UnknownCodeError } from "../src/index.js"

const shared = join(import.meta.dirname, "../../../../shared/data/se-admin-units")
const read = (file: string) => Csv.records(Csv.parse(readFileSync(join(shared, file), "utf8"), { source: file }))

describe("County", () => {
  it("holds exactly the 21 counties of counties.csv and nuts.csv, row by row", () => {
    const rows = read("counties.csv")
    const nuts = new Map(read("nuts.csv").map((r) => [r.county_code, r]))
    expect(County.all).toHaveLength(21)
    expect(County.all.map((c) => c.code)).toEqual(rows.map((r) => r.county_code))
    for (const row of rows) {
      const county = County.parse(row.county_code!)
      expect(county.name.sv).toBe(row.county_name)
      expect(county.shortName).toBe(row.county_name_short)
      expect(county.name.en).toBe(`${row.county_name_short} County`)
      const n = nuts.get(row.county_code)!
      expect([county.nuts3, county.nuts2, county.nuts1]).toEqual([n.nuts3_code, n.nuts2_code, n.nuts1_code])
    }
  })

  it("looks up Västerbotten by code and by NUTS 3", () => {
    expect(County.get("24")).toEqual({
      code: "24",
      name: { sv: "Västerbottens län", en: "Västerbotten County" },
      shortName: "Västerbotten",
      nuts3: "SE331",
      nuts2: "SE33",
      nuts1: "SE3"
    })
    expect(County.byNuts3("SE321").shortName).toBe("Västernorrland")
  })

  it("refuses an unknown code with a clear error and suggestions", () => {
    expect(County.isCode("02")).toBe(false)
    expect(() => County.parse("02")).toThrow(UnknownCodeError)
    expect(() => County.parse("02")).toThrow(
      'Unknown county code "02": expected a two-digit county code such as "24" (Västerbotten); did you mean "01", "03", "04"?'
    )
    expect(() => County.byNuts3("SE999")).toThrow(/Unknown NUTS 3 \(county\) code "SE999"/)
  })
})
