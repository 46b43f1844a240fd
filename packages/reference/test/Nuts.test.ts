import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { County, Nuts } from "../src/index.js"

const file = join(import.meta.dirname, "../../../../shared/data/se-admin-units/nuts.csv")
const rows = Csv.records(Csv.parse(readFileSync(file, "utf8"), { source: file }))

describe("Nuts", () => {
  it("holds every NUTS 1, 2 and 3 region of nuts.csv with its name and parent", () => {
    for (const row of rows) {
      expect(Nuts.parse(row.nuts3_code!)).toEqual({
        code: row.nuts3_code,
        level: 3,
        name: row.nuts3_name,
        parent: row.nuts2_code
      })
      expect(Nuts.parse(row.nuts2_code!)).toEqual({
        code: row.nuts2_code,
        level: 2,
        name: row.nuts2_name,
        parent: row.nuts1_code
      })
      expect(Nuts.parse(row.nuts1_code!)).toEqual({
        code: row.nuts1_code,
        level: 1,
        name: row.nuts1_name,
        parent: "SE"
      })
    }
    expect([0, 1, 2, 3].map((level) => Nuts.atLevel(level as Nuts.NutsLevel).length)).toEqual([1, 3, 8, 21])
    expect(Nuts.all).toHaveLength(33)
  })

  it("maps regions to counties and counties to regions", () => {
    expect(Nuts.counties("SE33").map((c) => c.code)).toEqual(["24", "25"])
    expect(Nuts.counties("SE").length).toBe(21)
    expect(Nuts.ofCounty("22").nuts2.name).toBe("Mellersta Norrland")
    expect(Nuts.children("SE3").map((r) => r.code)).toEqual(["SE31", "SE32", "SE33"])
    for (const county of County.all) expect(Nuts.counties(county.nuts3)).toEqual([county])
  })

  it("refuses extra-regio and unknown codes with the reason", () => {
    expect(() => Nuts.parse("SEZZ")).toThrow(/extra-regio codes such as SEZZ hold no territory/)
    expect(() => Nuts.parse("SE34")).toThrow(/Unknown NUTS code "SE34"/)
    expect(Nuts.parse(" se331 ").code).toBe("SE331")
  })
})
