import { describe, expect, it } from "vitest"
import { Build, Coherence, DataSet } from "../src/index.js"
import { asemProject, asemSpec } from "./asem.js"

const { framework, data } = asemProject()
const b = Build.build(framework, data, asemSpec)
const agg = b.stages.Aggregated!

describe("coherence", () => {
  it("indicator statistics count the missing share and the treated points", () => {
    const raw = Coherence.indicatorStats(b.stages.Raw)
    const missing = raw.reduce((s, r) => s + r.missingShare * 51, 0)
    expect(Math.round(missing)).toBe(63)
    const treated = Coherence.indicatorStats(b.stages.Treated!, b.treatment!)
    expect(treated.find((r) => r.code === "Services")!.treated).toBe(4)
    expect(treated.find((r) => r.code === "LPI")!.treated).toBe(0)
  })

  it("correlations: diagonal 1, symmetric, Spearman of a monotone transform is 1", () => {
    const c = Coherence.correlations(agg, ["Conn", "Sust", "Index"])
    expect(c.values[0]).toBeCloseTo(1, 12)
    expect(c.values[1]).toBeCloseTo(c.values[3]!, 12)
    const x = DataSet.column(agg, "Index")
    const ds = DataSet.make(agg.units, ["x", "y"], Float64Array.from([...x, ...x.map((v) => Math.exp(v / 10))]))
    expect(Coherence.correlations(ds, ["x"], ["y"], "spearman").values[0]).toBeCloseTo(1, 12)
    expect(Coherence.correlations(ds, ["x"], ["y"], "pearson").values[0]).toBeLessThan(1)
  })

  it("Cronbach's alpha of two identical columns is 1; PCA shares sum to 1 and the first dominates", () => {
    const x = DataSet.column(agg, "Index")
    const ds = DataSet.make(agg.units, ["a", "b"], Float64Array.from([...x, ...x]))
    expect(Coherence.cronbachAlpha(ds, ["a", "b"])).toBeCloseTo(1, 12)
    const p = Coherence.pca(agg, framework.children.get("Social")!)
    expect(p.varianceExplained.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10)
    for (let i = 1; i < p.eigenvalues.length; i++) expect(p.eigenvalues[i]!).toBeLessThanOrEqual(p.eigenvalues[i - 1]!)
    const groups = Coherence.byGroup(framework, agg)
    expect(groups.map((g) => g.code)).toEqual([
      ...framework.levels[1]!,
      ...framework.levels[2]!,
      ...framework.levels[3]!
    ])
    // Political's alpha by the textbook formula k/(k − 1)·(1 − Σ var_i / var(Σ x_i)) on its (complete) columns
    const political = groups.find((g) => g.code === "Political")!
    const cols = framework.children.get("Political")!.map((c) => Array.from(DataSet.column(agg, c)))
    const variance = (xs: ReadonlyArray<number>) => {
      const m = xs.reduce((a, v) => a + v, 0) / xs.length
      return xs.reduce((a, v) => a + (v - m) ** 2, 0) / (xs.length - 1)
    }
    const k = cols.length
    const sums = cols[0]!.map((_, u) => cols.reduce((a, c) => a + c[u]!, 0))
    const alpha = (k / (k - 1)) * (1 - cols.reduce((a, c) => a + variance(c), 0) / variance(sums))
    expect(cols.flat().every(Number.isFinite)).toBe(true)
    expect(political.alpha).toBeCloseTo(alpha, 12)
  })

  it("PCA loadings are the correlations of each indicator with the component scores, and R v = λ v", () => {
    const codes = framework.children.get("Social")!
    const p = Coherence.pca(agg, codes)
    const k = codes.length
    const n = agg.units.length
    const standardised = codes.map((c) => {
      const x = Array.from(DataSet.column(agg, c))
      const m = x.reduce((a, v) => a + v, 0) / n
      const sd = Math.sqrt(x.reduce((a, v) => a + (v - m) ** 2, 0) / (n - 1))
      return x.map((v) => (v - m) / sd)
    })
    expect(p.rows).toBe(n)
    const pearson = (x: ReadonlyArray<number>, y: ReadonlyArray<number>) => {
      const mx = x.reduce((a, v) => a + v, 0) / x.length
      const my = y.reduce((a, v) => a + v, 0) / y.length
      let sxy = 0
      let sxx = 0
      let syy = 0
      for (let u = 0; u < x.length; u++) {
        sxy += (x[u]! - mx) * (y[u]! - my)
        sxx += (x[u]! - mx) ** 2
        syy += (y[u]! - my) ** 2
      }
      return sxy / Math.sqrt(sxx * syy)
    }
    for (let j = 0; j < k; j++) {
      const v = codes.map((_, i) => p.vectors[i * k + j]!)
      // R v = λ v with R the correlations computed here
      for (let i = 0; i < k; i++) {
        const Rv = codes.reduce((a, _, l) => a + pearson(standardised[i]!, standardised[l]!) * v[l]!, 0)
        expect(Rv).toBeCloseTo(p.eigenvalues[j]! * v[i]!, 9)
      }
      if (p.eigenvalues[j]! < 1e-9) continue
      const score = agg.units.map((_, u) => codes.reduce((a, _, i) => a + standardised[i]![u]! * v[i]!, 0))
      for (let i = 0; i < k; i++) expect(p.loadings[i * k + j]).toBeCloseTo(pearson(standardised[i]!, score), 9)
    }
  })

  it("PCA of a two-column correlation r has eigenvalues 1 ± |r|", () => {
    const r = Coherence.correlations(agg, ["Conn"], ["Sust"]).values[0]!
    const p = Coherence.pca(agg, ["Conn", "Sust"])
    expect(p.eigenvalues[0]).toBeCloseTo(1 + Math.abs(r), 10)
    expect(p.eigenvalues[1]).toBeCloseTo(1 - Math.abs(r), 10)
  })

  it("cross-level correlations: each indicator against its pillar, sub-index and index", () => {
    const rows = Coherence.crossLevel(framework, agg)
    expect(rows).toHaveLength(49 * 3)
    const lpi = rows.filter((r) => r.indicator === "LPI")
    expect(lpi.map((r) => [r.aggregate, r.level])).toEqual([
      ["Physical", 2],
      ["Conn", 3],
      ["Index", 4]
    ])
    expect(lpi[0]!.r).toBeCloseTo(Coherence.byGroup(framework, agg)[0]!.childCorrelations[0]!, 12)
  })
})
