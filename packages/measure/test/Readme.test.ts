import { readFileSync } from "node:fs"
import { join } from "node:path"
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
    expect(result.ranks.CHE).toBe(1)
    expect(DataSet.get(result.stages.Aggregated!, "SWE", "Index")).toBeCloseTo(63.0, 2)
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
    expect(ua.stats.find((s) => s.unit === "SWE")).toEqual({
      unit: "SWE",
      nominal: 6,
      mean: 5.734,
      median: 6,
      q5: 4,
      q95: 7
    })

    const eco = Ecosystem.data({
      rdPrivate: read("eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"),
      rdGovernment: read("eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"),
      empers: read("eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
      scb: read("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv")
    })
    const se = Build.build(Ecosystem.framework(), eco, Ecosystem.spec, { period: 2017 })
    expect(se.ranks).toEqual({ SE11: 1, SE23: 2, SE22: 3, SE12: 4, SE33: 5, SE21: 6, SE32: 7, SE31: 8 })
    const sw = Results.strengthsAndWeaknesses(se.stages.Normalised!, "SE33")
    expect(sw.strengths.map((r) => r.code)).toEqual(["rdGovernment"])
    expect(sw.strengths[0]!.difference).toBeCloseTo(45.33, 2)
    expect(sw.weaknesses.map((r) => r.code)).toEqual(["womenManufacturing", "rdBusiness", "womenAG"])
  })
})
