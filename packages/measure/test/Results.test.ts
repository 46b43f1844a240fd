import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Build, DataSet, Ecosystem, Results } from "../src/index.js"
import { asemProject, asemSpec, golden, shared } from "./asem.js"

describe("performance groups", () => {
  it("applies the RIS thresholds and splits each group into thirds", () => {
    const g = Results.performanceGroups({ a: 130, b: 126, c: 140, d: 125, e: 100, f: 99.9, g: 70, h: 69, i: null })
    expect(g.a!.group).toBe("Leader")
    expect(g.c!.label).toBe("Innovation Leader +")
    expect(g.a!.subgroup).toBe("")
    expect(g.b!.label).toBe("Innovation Leader -")
    expect(g.d!.group).toBe("Strong")
    expect(g.e!.group).toBe("Strong")
    expect(g.f!.group).toBe("Moderate")
    expect(g.g!.group).toBe("Moderate")
    expect(g.h!.label).toBe("Emerging Innovator +")
    expect(g.i).toBeUndefined()
  })

  it("relative to a reference unit on ASEM: Sweden's index relative to Germany's", () => {
    const { framework, data } = asemProject()
    const b = Build.build(framework, data, asemSpec)
    const rel = Results.relativeTo(b.stages.Aggregated!, "Index", "DEU")
    expect(rel.DEU).toBe(100)
    // against COINr's aggregated index (ASEM_Aggregated.csv), not a rounded reading of it
    const coinr = golden("Aggregated")
    expect(rel.SWE).toBeCloseTo((100 * DataSet.get(coinr, "SWE", "Index")!) / DataSet.get(coinr, "DEU", "Index")!, 9)
    const groups = Results.performanceGroups(rel)
    expect(groups.CHE!.group).toBe("Strong")
  })

  it("strengths and weaknesses of Sweden against the ASEM mean", () => {
    const { framework, data } = asemProject()
    const b = Build.build(framework, data, asemSpec)
    const sw = Results.strengthsAndWeaknesses(b.stages.Normalised!, "SWE", { count: 3 })
    expect(sw.strengths).toHaveLength(3)
    expect(sw.weaknesses).toHaveLength(3)
    expect(sw.strengths[0]!.difference).toBeGreaterThanOrEqual(sw.strengths[1]!.difference)
    expect(sw.weaknesses[0]!.difference).toBeLessThanOrEqual(sw.weaknesses[1]!.difference)
    const n = b.stages.Normalised!
    const col = DataSet.column(n, sw.strengths[0]!.code)
    const mean = col.reduce((s, x) => s + x, 0) / col.length
    expect(sw.strengths[0]!.difference).toBeCloseTo(DataSet.get(n, "SWE", sw.strengths[0]!.code)! - mean, 9)
  })
})

describe("change over time on the Swedish ecosystem data", () => {
  const r = (p: string) => readFileSync(join(shared, p), "utf8")
  const data = Ecosystem.data({
    rdPrivate: r("eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"),
    rdGovernment: r("eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"),
    empers: r("eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
    scb: r("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv")
  })
  const fw = Ecosystem.framework()

  it("normalises over all regions and years; scores relative to SE11 in 2016; change from first to last year", () => {
    const c = Results.changeOverTime(fw, data, Ecosystem.spec, { periods: [2016, 2017, 2018], reference: "SE11" })
    expect(c.relative.SE11![0]).toBe(100)
    expect(Object.keys(c.change)).toEqual([...Ecosystem.regions])
    for (const u of Ecosystem.regions) {
      const rel = c.relative[u]!
      for (let k = 0; k < 3; k++) expect(rel[k]).toBeCloseTo((100 * c.scores[u]![k]!) / c.scores.SE11![0]!, 9)
      expect(c.change[u]).toBeCloseTo(rel[2]! - rel[0]!, 12)
    }
    // pooled min–max: the cross-section of one year no longer reaches both ends for every indicator
    const single = Build.build(fw, data, Ecosystem.spec, { period: 2017 })
    expect(DataSet.get(single.stages.Aggregated!, "SE11", "Ecosystem")).not.toBeCloseTo(c.scores.SE11![1]!, 6)
  })
})
