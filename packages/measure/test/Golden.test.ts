import { describe, expect, it } from "vitest"
import { Aggregate, Build, Data, DataSet, Denominate, Impute, Normalise, Screen, Treat } from "../src/index.js"
import { asemProject, asemSpec, golden, maxDiff, maxRelDiff } from "./asem.js"

const { framework, data } = asemProject()
const groups = data.groups.EurAsia_group!

describe("golden: every ASEM stage from the previous golden stage (COINr 1.1.14)", () => {
  it("Raw equals COINr's Raw", () => {
    expect(maxDiff(data.indicators[0]!, golden("Raw"))).toBe(0)
  })

  it("Denominate: Raw → Denominated", () => {
    const raw = golden("Raw")
    const denoms = DataSet.select(
      // the denominators in iData order follow the iData units; align them to the golden file's unit order
      DataSet.selectUnits(
        data.denominators[0]!,
        raw.units.map((u) => data.units.indexOf(u))
      ),
      ["Area", "Energy", "GDP", "Population"]
    )
    const got = Denominate.denominate(framework, raw, denoms)
    expect(maxRelDiff(got, golden("Denominated"))).toBeLessThan(1e-12)
    let missing = 0
    for (const v of got.values) if (Number.isNaN(v)) missing++
    expect(missing).toBe(65)
  })

  it("Impute: Denominated → Imputed (group mean by EurAsia_group)", () => {
    const den = golden("Denominated")
    const g = den.units.map((u) => groups[data.units.indexOf(u)]!)
    const got = Impute.impute(den, "groupMean", g)
    expect(maxRelDiff(got, golden("Imputed"))).toBeLessThan(1e-9)
    expect(got.values.some(Number.isNaN)).toBe(false)
  })

  it("Screen: Imputed → Screened keeps all 51; on Denominated it drops the five COINr names", () => {
    const got = Screen.screen(golden("Imputed"), { minDataShare: 0.9 })
    expect(got.removed).toEqual([])
    expect(maxDiff(got.data, golden("Screened"))).toBe(0)
    const den = Screen.screen(golden("Denominated"), { minDataShare: 0.9 })
    expect([...den.removed].sort()).toEqual(["BGD", "BRN", "KHM", "LAO", "MMR"])
    expect(den.dataShare.BRN).toBeCloseTo(0.796, 3)
    expect(den.data.units).toHaveLength(46)
  })

  it("Treat: Screened → Treated, 15 indicators winsorised with COINr's counts", () => {
    const got = Treat.treat(golden("Screened"), asemSpec.treat)
    expect(maxDiff(got.data, golden("Treated"))).toBeLessThan(1e-9)
    const counts = Object.fromEntries(
      got.report.filter((r) => r.treatment !== "none").map((r) => [r.code, r.winsorised])
    )
    expect(counts).toEqual({
      Flights: 1,
      Bord: 3,
      Gas: 3,
      Services: 4,
      FDI: 2,
      ForPort: 3,
      CostImpEx: 1,
      Tariff: 3,
      StMob: 2,
      CultServ: 3,
      Forest: 2,
      Poverty: 3,
      NGOs: 3,
      FemLab: 1,
      PubDebt: 1
    })
    expect(got.report.every((r) => r.passes === true)).toBe(true)
  })

  it("Normalise: Treated → Normalised (directions, min–max 0–100)", () => {
    const got = Normalise.normalise(framework, golden("Treated"), { method: "minmax", range: [0, 100] })
    expect(maxDiff(got, golden("Normalised"))).toBeLessThan(1e-9)
  })

  it("Aggregate: Normalised → Aggregated (arithmetic mean, equal weights)", () => {
    const got = Aggregate.aggregate(framework, golden("Normalised"), { method: "amean" })
    const want = golden("Aggregated")
    // COINr orders aggregates alphabetically within a level; we keep framework order
    expect([...got.codes].sort()).toEqual([...want.codes].sort())
    expect(maxDiff(got, want)).toBeLessThan(1e-9)
  })
})

describe("golden: end to end from the raw iData", () => {
  const result = Build.build(framework, data, asemSpec)
  for (const stage of ["Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"] as const) {
    it(`${stage} matches COINr`, () => {
      const got = result.stages[stage]!
      expect(got).toBeDefined()
      expect(maxRelDiff(got, golden(stage))).toBeLessThan(1e-9)
    })
  }

  it("ranks are identical to COINr's and the top of the index matches the published values", () => {
    const want = golden("Aggregated")
    expect(result.ranks).toEqual(Build.ranksOf(want, "Index"))
    const top = Object.entries(result.ranks)
      .sort((a, b) => a[1]! - b[1]!)
      .slice(0, 6)
      .map(([u]) => [u, Math.round(DataSet.get(result.stages.Aggregated!, u, "Index")! * 100) / 100])
    expect(top).toEqual([
      ["CHE", 68.38],
      ["NLD", 64.82],
      ["DNK", 64.8],
      ["NOR", 64.47],
      ["BEL", 63.54],
      ["SWE", 63]
    ])
  })

  it("toJson gives the CLI's results.json shape", () => {
    const json = Build.toJson(result)
    expect(Object.keys(json.stages)).toEqual([
      "Raw",
      "Denominated",
      "Imputed",
      "Screened",
      "Treated",
      "Normalised",
      "Aggregated"
    ])
    expect(json.stages.Raw!.LAO!.Energy).toBeUndefined()
    expect(json.stages.Denominated!.LAO!.Elec).toBeNull()
    expect(json.ranks.CHE).toBe(1)
    const skipped = Build.toJson(
      Build.build(framework, data, { normalise: { method: "minmax" }, aggregate: { method: "amean" } })
    )
    expect(Object.keys(skipped.stages)).toEqual(["Raw", "Normalised", "Aggregated"])
  })

  it("long CSV import gives the same build as the COINr import", () => {
    const lines = ["unit,indicator,period,value"]
    data.units.forEach((u, i) => {
      data.indicators[0]!.codes.forEach((c, j) => {
        const v = data.indicators[0]!.values[j * data.units.length + i]!
        lines.push(`${u},${c},2018,${Number.isNaN(v) ? "NA" : v}`)
      })
    })
    const long = Data.fromLongCsv(lines.join("\n"), { framework })
    const r = Build.build(framework, long, { normalise: { method: "minmax" }, aggregate: { method: "amean" } })
    const r2 = Build.build(framework, data, { normalise: { method: "minmax" }, aggregate: { method: "amean" } })
    expect(r.ranks).toEqual(r2.ranks)
  })
})
