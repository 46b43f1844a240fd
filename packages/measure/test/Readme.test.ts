import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Build, Coinr, DataSet, Ecosystem, Results, Uncertainty } from "../src/index.js"

// The README example, verbatim apart from the path helper and the assertions on the values it shows.
const read = (path: string) => readFileSync(join(import.meta.dirname, "../../../../shared/data", path), "utf8")

describe("README example", () => {
  it("runs and gives the numbers the README shows", () => {
    const { framework, data } = Coinr.fromCsv({
      iMeta: read("coinr-asem/ASEM_iMeta.csv"),
      iData: read("coinr-asem/ASEM_iData.csv"),
      iMetaSource: "ASEM_iMeta.csv",
      iDataSource: "ASEM_iData.csv"
    })
    const spec = {
      denominate: true,
      impute: { method: "groupMean", group: "EurAsia_group" },
      screen: { minDataShare: 0.9 },
      treat: { method: "winsorise", winmax: 5, skewThreshold: 2, kurtThreshold: 3.5, fallback: "log" },
      normalise: { method: "minmax", range: [0, 100] },
      aggregate: { method: "amean" }
    } as const
    const result = Build.build(framework, data, spec)
    // independent checks: COINr's own build of this example (ASEM_Aggregated.csv: SWE 62.99968, CHE first)
    const coinrIndex = DataSet.fromWideCsv(read("coinr-asem/ASEM_Aggregated.csv"), { source: "ASEM_Aggregated.csv" })
    const coinrRanks = Csv.records(Csv.parse(read("coinr-asem/ASEM_SA_RankStats_N50_seed1.csv")))
    const coinrSwe = coinrRanks.find((row) => row.uCode === "SWE")!
    expect(result.ranks.CHE).toBe(1)
    expect(coinrRanks.find((row) => row.uCode === "CHE")!.Nominal).toBe("1")
    expect(DataSet.get(result.stages.Aggregated!, "SWE", "Index")).toBeCloseTo(63.0, 2)
    expect(DataSet.get(result.stages.Aggregated!, "SWE", "Index")).toBeCloseTo(
      DataSet.get(coinrIndex, "SWE", "Index")!,
      9
    )
    expect(Object.keys(Build.toJson(result))).toEqual(["stages", "ranks", "warnings"])
    expect(result.warnings).toEqual([])

    const ua = Uncertainty.run(framework, data, spec, {
      runs: 1000,
      seed: 1,
      assumptions: {
        weights: { noise: 0.25 },
        aggregate: ["amean", "gmean"],
        normalise: [
          { method: "minmax", range: [1, 100] },
          { method: "zscore", mean: 10, sd: 2 }
        ]
      }
    })
    const swe = ua.stats.find((s) => s.unit === "SWE")!
    expect(swe).toEqual({ unit: "SWE", nominal: 6, mean: 5.734, median: 6, q5: 4, q95: 7 })
    // COINr's uncertainty analysis of the same example (50 runs, R's generator): the same nominal rank, median and
    // 5–95 % interval; the mean within 0.4 (3 standard errors of COINr's 50-run mean, rank sd ≈ 0.9)
    expect([swe.nominal, swe.median, swe.q5, swe.q95]).toEqual(
      [coinrSwe.Nominal, coinrSwe.Median, coinrSwe.Q5, coinrSwe.Q95].map(Number)
    )
    expect(Math.abs(swe.mean - Number(coinrSwe.Mean))).toBeLessThan(0.4)

    const eco = Ecosystem.data({
      rdPrivate: read("eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"),
      rdGovernment: read("eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"),
      empers: read("eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
      scb: read("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv")
    })
    const se = Build.build(Ecosystem.framework(), eco, Ecosystem.spec, { period: 2017 })
    // the same ranks as the index computed by hand from the imputed values in Presets.test.ts
    expect(se.ranks).toEqual({ SE11: 1, SE23: 2, SE22: 3, SE12: 4, SE33: 5, SE21: 6, SE32: 7, SE31: 8 })
    const sw = Results.strengthsAndWeaknesses(se.stages.Normalised!, "SE33")
    expect(sw.strengths.map((r) => r.code)).toEqual(["rdGovernment"])
    expect(sw.strengths[0]!.difference).toBeCloseTo(45.33, 2)
    // by hand: SE33's min–max-normalised government R&D minus the mean of the eight regions' normalised values
    const gov = Ecosystem.regions.map((u) => DataSet.get(se.stages.Imputed!, u, "rdGovernment")!)
    const [lo, hi] = [Math.min(...gov), Math.max(...gov)]
    const normalised = gov.map((v) => (100 * (v - lo)) / (hi - lo))
    const mean = normalised.reduce((a, v) => a + v, 0) / normalised.length
    expect(sw.strengths[0]!.difference).toBeCloseTo(normalised[Ecosystem.regions.indexOf("SE33")]! - mean, 9)
    expect(sw.weaknesses.map((r) => r.code)).toEqual(["womenManufacturing", "rdBusiness", "womenAG"])
  })
})
