import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Matrix } from "../../src/index.js"
import { fastLongCsv } from "../../src/internal/fastLongCsv.js"
import { readShared } from "../golden.js"

/**
 * Quoting the first header name gives Csv.parse the same table, but makes fromLongCsv take its general path (the fast
 * path leaves any text with a quote to it). So the two calls must agree: same panel, or the same error.
 */
const general = (text: string): string => text.replace(/^(\uFEFF?)([^,\r\n]*)/, '$1"$2"')

const outcome = (f: () => Matrix.Panel) => {
  try {
    const p = f()
    return { regions: p.regions, industries: p.industries, years: p.years, values: p.values.map((v) => Array.from(v)) }
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` }
  }
}

const options = {
  region: (code: string) => code !== "Z",
  industry: (code: string) => code !== "TOTAL",
  year: (y: number) => y !== 2019
}

describe("the fast path of Matrix.fromLongCsv", () => {
  it("is taken for plain long CSV and gives the general path's panel (golden dev-1, dev-2)", () => {
    for (const name of ["dev-1", "dev-2"]) {
      const text = readShared(`s3-reference/${name}.csv`)
      const fast = fastLongCsv(text, {})
      expect(fast).toBeDefined()
      expect(outcome(() => fast!)).toEqual(outcome(() => Matrix.fromLongCsv(general(text))))
    }
  })

  it("agrees with the general path on random valid and invalid input, with filters", () => {
    const code = fc.constantFrom("A", "B", "C", "Z", "TOTAL", "x", "y", "", " A")
    const value = fc.oneof(
      fc.constantFrom("1", "0", "12", "3.5", "1e3", "007", " 7 ", "0x10", "-0"),
      fc.constantFrom("1", "0", "12", "3.5", "1e3", "", "..", "NA", "-2", "abc")
    )
    const year = fc.constantFrom("2019", "2020", "2021", "2020.5", "", "x")
    const end = fc.constantFrom("\n", "\r\n", "\n\n", "\r")
    let fast = 0
    const row = fc.tuple(code, code, value, year, end, fc.integer({ min: 0, max: 30 }))
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 25 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("error", "zero") as fc.Arbitrary<"error" | "zero">,
        (rows, withYear, filtered, missing) => {
          const header = withYear ? "region,industry,value,year" : "region,industry,value"
          let text = `${header}\n`
          for (const [r, i, v, y, e, extra] of rows) {
            // an occasional row with a field too many or too few
            const fields: Array<string> = withYear ? [r, i, v, y] : [r, i, v]
            if (extra === 0) fields.push("9")
            if (extra === 1) fields.pop()
            text += fields.join(",") + e
          }
          const o = { missing, ...(filtered ? options : {}) }
          if (fastLongCsv(text, o) !== undefined) fast++
          expect(outcome(() => Matrix.fromLongCsv(text, o))).toEqual(
            outcome(() => Matrix.fromLongCsv(general(text), o))
          )
        }
      ),
      { numRuns: 400, seed: 7 }
    )
    expect(fast).toBeGreaterThan(40) // the fast path did answer, not only hand over
  })

  it("keeps the order of the first kept row when a filter skips a region's first rows", () => {
    const text = "region,industry,value\nA,TOTAL,9\nB,x,1\nA,x,2\nA,y,3\n"
    const panel = Matrix.fromLongCsv(text, { industry: (c) => c !== "TOTAL" })
    expect(panel.regions).toEqual(["B", "A"])
    expect(outcome(() => panel)).toEqual(
      outcome(() => Matrix.fromLongCsv(general(text), { industry: (c) => c !== "TOTAL" }))
    )
  })
})
