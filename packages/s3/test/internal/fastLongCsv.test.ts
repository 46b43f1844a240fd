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
  /** The fast path answers, with the general path's panel. */
  const agrees = (text: string, o: Matrix.LongCsvOptions = {}) => {
    expect(fastLongCsv(text, o)).toBeDefined()
    const panel = outcome(() => Matrix.fromLongCsv(text, o))
    expect(panel).toEqual(outcome(() => Matrix.fromLongCsv(general(text), o)))
    return panel
  }

  it("tells apart codes of equal length whose hashes collide", () => {
    // the hash rotates each char code into the next byte: A123B and B123A (five chars) collide, and so do Ā + A and
    // ā + Ł (chars beyond 255)
    const text =
      "region,industry,value\nA123B,A123B,1\nB123A,B123A,2\nA123B,B123A,3\n\u0100A,\u0101\u0141,4\n\u0101\u0141,\u0100A,5\n"
    const panel = agrees(text)
    expect(panel).toMatchObject({ regions: ["A123B", "B123A", "\u0100A", "\u0101\u0141"] })
    expect(panel).toMatchObject({ industries: ["A123B", "B123A", "\u0101\u0141", "\u0100A"] })
  })

  it("reads a region that comes back later, or whose code begins another's", () => {
    const text = "region,industry,value\nR1,x,1\nR10,x,2\nR1,y,3\nR,x,4\nR10,y,5\nR1,z,6\n"
    expect(agrees(text)).toMatchObject({ regions: ["R1", "R10", "R"], industries: ["x", "y", "z"] })
  })

  it("numbers a code by its first kept row, and asks a filter only about rows the general path asks about", () => {
    const text = "industry,region,value\nx,Z,1\ny,A,2\nTOTAL,B,3\nx,B,4\nq,Z,5\n"
    const asked: Array<string> = []
    const o = {
      region: (code: string) => code !== "Z",
      industry: (code: string) => {
        asked.push(code)
        return code !== "TOTAL"
      }
    }
    fastLongCsv(text, o)
    expect(asked).toEqual(["y", "TOTAL", "x"]) // not q, which only a filtered region has
    expect(agrees(text, o)).toMatchObject({ regions: ["A", "B"], industries: ["y", "x"] })
  })

  it("hands a repeated cell to the general path, also when its region comes back later", () => {
    for (const text of [
      "region,industry,value\nA,x,1\nA,x,2\n",
      "region,industry,value\nA,x,1\nB,x,2\nA,x,3\n",
      "region,industry,value,year\nA,x,1,2020\nA,x,2,2021\nB,x,3,2020\nA,x,4,2021\n"
    ]) {
      expect(fastLongCsv(text, {})).toBeUndefined()
      expect(() => Matrix.fromLongCsv(text)).toThrow(/appears again/)
    }
  })

  it("reads CRLF lines, blank lines and a last line without its end", () => {
    agrees("region,industry,value\r\nA,x,1\r\n\r\nB,y,2\r\nA,y,3")
  })

  it("keeps every value when more than 255 industries and 512 regions come in late, and values outgrow int32", () => {
    const lines = ["region,industry,value"]
    for (let r = 0; r < 700; r++) lines.push(`R${r},I${r % 7},${r}`)
    // new industries after 700 cells, then values that are not int32 (−0 is one): the compact cells change form
    for (let i = 0; i < 300; i++) lines.push(`R${i},J${i},${i + 1}`)
    lines.push("R1,K,-0", "R2,K,4294967296", "R3,K,2.5", "R4,K,12345678901234567")
    const panel = agrees(`${lines.join("\n")}\n`)
    expect(panel).toMatchObject({ regions: { length: 700 }, industries: { length: 308 } })
  })
})
