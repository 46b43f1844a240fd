import { describe, expect, it } from "vitest"
import { Analysis, Complexity, LocationQuotient, Matrix, Relatedness } from "../src/index.js"
import { ResultJson } from "../src/schema.js"
import { eurostatCounties } from "./data.js"
import { expected, maxDiff, maxDiff2, readShared } from "./golden.js"

describe("Analysis.analyse → result.json", () => {
  it("reproduces the peers' dev-1 outputs through the JSON shape", () => {
    const panel = Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv"), { source: "dev-1.csv" })
    const json = Analysis.toJson(Analysis.analyse(panel, { eciSd: "population", densityDiagonal: "include" }))
    expect(ResultJson.parse(json)).toEqual(json)
    const e = expected("dev-1")
    expect(Object.keys(json)).toEqual([
      "rca",
      "mcp",
      "diversity",
      "ubiquity",
      "eci",
      "pci",
      "fitness",
      "complexity_fc",
      "density",
      "dropped"
    ])
    const num = (r: Record<string, number | null>) => r as Record<string, number>
    const num2 = (r: Record<string, Record<string, number | null>>) => r as Record<string, Record<string, number>>
    expect(maxDiff2(num2(json.rca), e.rca)).toBeLessThan(1e-12)
    expect(maxDiff2(json.mcp, e.mcp)).toBe(0)
    expect(maxDiff(num(json.eci), e.eci)).toBeLessThan(1e-10)
    expect(maxDiff(num(json.pci), e.pci)).toBeLessThan(1e-10)
    expect(maxDiff(num(json.fitness), e.fitness)).toBeLessThan(1e-10)
    expect(maxDiff(num(json.complexity_fc), e.complexity_fc)).toBeLessThan(1e-10)
    expect(maxDiff2(num2(json.density), e.density!)).toBeLessThan(1e-10)
    expect(json.dropped).toEqual({ regions: [], industries: [] })
  })

  it("uses the latest year of a panel by default, reports dropped rows and honours the options", () => {
    const panel = Matrix.fromLongCsv(
      "region,industry,value,year\nA,x,5,2020\nA,y,1,2020\nB,x,1,2020\nB,y,5,2020\nC,z,0,2020\nA,x,4,2021\nA,y,1,2021\nB,x,1,2021\nB,y,6,2021\nC,x,2,2021\nC,y,2,2021\nC,z,0,2021\nD,z,0,2021\n"
    )
    const result = Analysis.analyse(panel)
    expect(result.year).toBe(2021)
    expect(result.dropped).toEqual({ regions: ["D"], industries: ["z"] })
    expect(result.matrix.regions).toEqual(["A", "B", "C"])
    const old = Analysis.analyse(panel, { year: 2020 })
    expect(old.dropped).toEqual({ regions: ["C", "D"], industries: ["z"] })
    const excl = Analysis.analyse(panel, { densityDiagonal: "exclude" })
    expect(excl.density.values).not.toEqual(result.density.values)
    expect(() => Analysis.analyse(panel, { eciSd: "median" as "sample" })).toThrow()
  })

  it("runs on Swedish counties (Eurostat 2017) with sample-sd ECI", () => {
    const result = Analysis.analyse(eurostatCounties(), { year: 2017, eciSd: "sample" })
    expect(result.matrix.regions).toHaveLength(21)
    const eci = result.eci.eci.values
    const mean = eci.reduce((s, v) => s + v, 0) / eci.length
    const sample = Math.sqrt(eci.reduce((s, v) => s + (v - mean) ** 2, 0) / (eci.length - 1))
    expect(mean).toBeCloseTo(0, 12)
    expect(sample).toBeCloseTo(1, 12)
  })
})

describe("complexity outlook", () => {
  it("is zero where the region has the industry, and matches a direct sum", () => {
    const m = Matrix.year(Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv")))
    const mcp = LocationQuotient.presence(m)
    const phi = Relatedness.proximity(mcp)
    const density = Relatedness.density(mcp, phi)
    const { pci } = Complexity.eci(mcp)
    const { coi, cog } = Complexity.outlook(mcp, phi, density, pci)
    const I = m.industries.length
    const r = 3
    let c = 0
    for (let i = 0; i < I; i++) if (!mcp.values[r * I + i]) c += density.values[r * I + i]! * pci.values[i]!
    expect(coi.values[r]).toBeCloseTo(c, 12)
    for (let i = 0; i < I; i++) if (mcp.values[r * I + i]) expect(cog.values[r * I + i]).toBe(0)
    const i0 = [...Array(I).keys()].find((i) => !mcp.values[r * I + i])!
    let g = 0
    for (let j = 0; j < I; j++) {
      if (mcp.values[r * I + j]) continue
      let col = 0
      for (let k = 0; k < I; k++) col += phi.values[k * I + j]!
      g += (phi.values[i0 * I + j]! / col) * pci.values[j]!
    }
    expect(cog.values[r * I + i0]).toBeCloseTo(g, 12)
  })
})

describe("EconGeo relatedness normalisations", () => {
  it("computes probability, association, cosine and Jaccard from a small co-occurrence matrix", () => {
    const c = { labels: ["a", "b", "c"], values: Float64Array.from([9, 2, 4, 2, 9, 1, 4, 1, 9]) }
    // diagonal → 0: S = (6, 3, 5), T = 14
    const S = [6, 3, 5]
    const T = 14
    const at = (m: { values: Float64Array }, i: number, j: number) => m.values[i * 3 + j]!
    expect(at(Relatedness.normalise(c, "association"), 0, 1)).toBeCloseTo((2 * T) / (S[0]! * S[1]!), 14)
    expect(at(Relatedness.normalise(c, "cosine"), 0, 2)).toBeCloseTo(4 / Math.sqrt(30), 14)
    expect(at(Relatedness.normalise(c, "jaccard"), 1, 2)).toBeCloseTo(1 / (3 + 5 - 1), 14)
    const expectedProb = 2 / ((T / 2) * ((6 / T) * (3 / (T - 6)) + (3 / T) * (6 / (T - 3))))
    expect(at(Relatedness.normalise(c), 0, 1)).toBeCloseTo(expectedProb, 14)
    expect(at(Relatedness.normalise(c), 1, 1)).toBe(0)
  })

  it("co-occurrence has the ubiquity on its diagonal", () => {
    const m = Matrix.year(Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv")))
    const mcp = LocationQuotient.presence(m)
    const c = Relatedness.coOccurrence(mcp)
    const u = LocationQuotient.ubiquity(mcp).values
    const I = m.industries.length
    for (let i = 0; i < I; i++) expect(c.values[i * I + i]).toBe(u[i])
  })
})

describe("Analysis.toJsonText", () => {
  it("writes exactly JSON.stringify(toJson(result)) on the golden dev-1 and dev-2 inputs", () => {
    for (const name of ["dev-1", "dev-2"]) {
      const result = Analysis.analyse(Matrix.fromLongCsv(readShared(`s3-reference/${name}.csv`), { source: name }))
      const text = Analysis.toJsonText(result)
      expect(text).toBe(JSON.stringify(Analysis.toJson(result)))
      expect(ResultJson.parse(JSON.parse(text))).toEqual(Analysis.toJson(result))
    }
  })

  it("orders index-like keys as JSON.stringify does, escapes labels and writes NaN as null", () => {
    const m = Matrix.make(
      ["10", "a", "2", "010", "-1", "4294967294", "4294967295", "1.5", 'é"\\x'],
      ["99", "01", "x", "0", "3"],
      Array.from({ length: 45 }, (_, k) => ((k * 7) % 5) + (k % 3))
    )
    const analysed = Analysis.analyse(m, { densityDiagonal: "exclude" })
    // NaN and ±Infinity as they would come from regions without complexity
    const eci = analysed.eci.eci.values.slice()
    eci[1] = Number.NaN
    eci[3] = Number.POSITIVE_INFINITY
    const density = analysed.density.values.slice()
    density[7] = Number.NaN
    density[8] = -0
    const result: Analysis.Analysis = {
      ...analysed,
      eci: { ...analysed.eci, eci: { labels: analysed.eci.eci.labels, values: eci } },
      density: { ...analysed.density, values: density }
    }
    const text = Analysis.toJsonText(result)
    expect(text).toBe(JSON.stringify(Analysis.toJson(result)))
    expect(text).toContain('"eci":{"2":')
    const dropped = Analysis.analyse(Matrix.make(["A", "B", "C"], ["x", "y", "z"], [5, 1, 0, 1, 5, 0, 0, 0, 0]))
    expect(Analysis.toJsonText(dropped)).toBe(JSON.stringify(Analysis.toJson(dropped)))
    expect(JSON.parse(Analysis.toJsonText(dropped)).dropped).toEqual({ regions: ["C"], industries: ["z"] })
  })
})
