import { describe, expect, it } from "vitest"
import { Matrix, MatrixError, Analysis as Sequential } from "../src/index.js"
import { Analysis } from "../src/node.js"
import { ResultJson } from "../src/schema.js"
import { eurostatCounties } from "./data.js"
import { readShared } from "./golden.js"

// Each test starts a worker thread (through tsx on the TypeScript source) on a machine that may be busy.
describe("Analysis.runParallel (@innokraft/s3/node)", { timeout: 60_000 }, () => {
  it("gives the analysis and the bytes of analyse + toJsonBytes, bit for bit, on the golden dev-2 input", async () => {
    const panel = Matrix.fromLongCsv(readShared("s3-reference/dev-2.csv"), { source: "dev-2.csv" })
    for (const options of [{}, { eciSd: "sample", densityDiagonal: "exclude", threshold: 1.2 }] as const) {
      const { analysis, json } = await Analysis.runParallel(panel, options)
      const expected = Sequential.analyse(panel, options)
      expect(analysis).toEqual(expected)
      expect(Buffer.from(json).equals(Buffer.from(Sequential.toJsonBytes(expected)))).toBe(true)
      expect(new TextDecoder().decode(json)).toBe(JSON.stringify(Sequential.toJson(expected)))
    }
  })

  it("analyses a chosen year of the Eurostat county panel as analyse does", async () => {
    const panel = eurostatCounties()
    const { analysis, json } = await Analysis.runParallel(panel, { year: 2008 })
    expect(analysis.year).toBe(2008)
    expect(analysis.density.values).toEqual(Sequential.analyse(panel, { year: 2008 }).density.values)
    const parsed = ResultJson.parse(JSON.parse(new TextDecoder().decode(json)))
    expect(Object.keys(parsed.rca)).toHaveLength(21)
    expect(parsed.density.SE331).toEqual(Sequential.toJson(Sequential.analyse(panel, { year: 2008 })).density.SE331)
  })

  it("takes a function that reads the input, called while the worker boots, and passes on its error", async () => {
    const text = readShared("s3-reference/dev-1.csv")
    const { analysis } = await Analysis.runParallel(() => Matrix.fromLongCsv(text, { source: "dev-1.csv" }))
    expect(analysis).toEqual(Sequential.analyse(Matrix.fromLongCsv(text)))
    await expect(
      Analysis.runParallel(() => Matrix.fromLongCsv("region,industry,value\nA,x,-1\n", { source: "bad.csv" }))
    ).rejects.toThrow(/bad\.csv:2/)
  })

  it("rejects bad input with the same error as analyse", async () => {
    const empty = Matrix.make(["A", "B"], ["x", "y"], [0, 0, 0, 0])
    await expect(Analysis.runParallel(empty)).rejects.toBeInstanceOf(MatrixError)
    await expect(
      Analysis.runParallel(Matrix.fromLongCsv("region,industry,value,year\nA,x,1,2010\n"), { year: 2011 })
    ).rejects.toThrow(/2011/)
  })
})
