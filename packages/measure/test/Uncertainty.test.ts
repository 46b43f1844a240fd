import { Csv } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Random, Sensitivity, Uncertainty } from "../src/index.js"
import { asemProject, asemSpec, readAsem } from "./asem.js"

const { framework, data } = asemProject()
const assumptions = {
  weights: { noise: 0.25 },
  impute: [
    { method: "groupMean", group: "EurAsia_group" },
    { method: "groupMedian", group: "EurAsia_group" }
  ],
  normalise: [
    { method: "minmax", range: [1, 100] },
    { method: "zscore", mean: 10, sd: 2 }
  ],
  aggregate: ["amean", "gmean"]
} as const satisfies Uncertainty.Assumptions

describe("Random.seeded", () => {
  it("is reproducible and roughly uniform", () => {
    const a = Random.seeded(42)
    const b = Random.seeded(42)
    const xs = Array.from({ length: 10000 }, a)
    expect(Array.from({ length: 10000 }, b)).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01)
    expect(Random.seeded(43)()).not.toBe(xs[0])
  })
})

describe("uncertainty analysis of ASEM (COINr's SA inputs)", () => {
  const progress: Array<number> = []
  const ua = Uncertainty.run(framework, data, asemSpec, {
    runs: 200,
    seed: 1,
    assumptions,
    onProgress: (done) => progress.push(done)
  })
  const coinr = Csv.records(Csv.parse(readAsem("ASEM_SA_RankStats_N50_seed1.csv")))

  it("reports progress, nominal ranks equal COINr's, medians near COINr's", () => {
    expect(progress).toHaveLength(200)
    expect(progress.at(-1)).toBe(200)
    expect(ua.inputs).toEqual(["weights", "impute", "normalise", "aggregate"])
    const gaps: Array<number> = []
    for (const row of coinr) {
      const s = ua.stats.find((x) => x.unit === row.uCode)!
      expect(s.nominal).toBe(Number(row.Nominal))
      gaps.push(Math.abs(s.median - Number(row.Median)))
    }
    // COINr draws from R's generator, so the medians agree closely but not exactly: 2.5 ranks at most, 0.29 on average
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3)
    expect(gaps.reduce((a, b) => a + b, 0) / gaps.length).toBeLessThan(0.5)
  })

  it("interval widths are of COINr's order of magnitude", () => {
    const width = (rows: ReadonlyArray<{ q5: number; q95: number }>) =>
      rows.reduce((s, r) => s + (r.q95 - r.q5), 0) / rows.length
    const ours = width(ua.stats)
    const theirs = width(coinr.map((r) => ({ q5: Number(r.Q5), q95: Number(r.Q95) })))
    expect(ours / theirs).toBeGreaterThan(0.5)
    expect(ours / theirs).toBeLessThan(2)
  })

  it("the same seed gives the same runs", () => {
    const again = Uncertainty.run(framework, data, asemSpec, { runs: 20, seed: 1, assumptions })
    expect([...again.ranks]).toEqual([...ua.ranks.subarray(0, 20 * ua.units.length)])
  })
})

describe("sensitivity analysis", () => {
  it("estimators recover a known additive model y = 4·x1 + x2 (S ≈ ST ≈ 16/17 and 1/17)", () => {
    const next = Random.seeded(7)
    const n = 20000
    const A = Array.from({ length: n }, () => [next(), next()])
    const B = Array.from({ length: n }, () => [next(), next()])
    const f = (x: Array<number>) => 4 * x[0]! + x[1]!
    const y = new Float64Array(4 * n)
    for (let r = 0; r < n; r++) {
      y[r] = f(A[r]!)
      y[n + r] = f(B[r]!)
      y[2 * n + r] = f([B[r]![0]!, A[r]![1]!])
      y[3 * n + r] = f([A[r]![0]!, B[r]![1]!])
    }
    const e = Sensitivity.estimate(y, n, 2)
    expect(e.first[0]).toBeCloseTo(16 / 17, 1)
    expect(e.total[0]).toBeCloseTo(16 / 17, 1)
    expect(e.first[1]).toBeCloseTo(1 / 17, 1)
    expect(e.total[1]).toBeCloseTo(1 / 17, 1)
    const b = Sensitivity.bootstrap(y, n, 2, 100, 1)
    for (let i = 0; i < 2; i++) {
      expect(b.totalQ5[i]!).toBeLessThanOrEqual(e.total[i]!)
      expect(b.totalQ95[i]!).toBeGreaterThanOrEqual(e.total[i]!)
      expect(b.firstQ95[i]! - b.firstQ5[i]!).toBeGreaterThan(0)
      expect(b.firstQ95[i]! - b.firstQ5[i]!).toBeLessThan(0.1)
    }
  })

  it("on ASEM the aggregation method dominates, as in COINr (ST ≈ 0.63 there)", () => {
    const done: Array<number> = []
    const sa = Sensitivity.run(framework, data, asemSpec, {
      n: 60,
      seed: 3,
      assumptions,
      onProgress: (d, total) => done.push(d / total)
    })
    expect(done.at(-1)).toBe(1)
    expect(done).toHaveLength(60 * 6)
    const k = sa.inputs.indexOf("aggregate")
    for (let i = 0; i < sa.inputs.length; i++) if (i !== k) expect(sa.total[k]!).toBeGreaterThan(sa.total[i]!)
    expect(sa.total[k]!).toBeGreaterThan(0.4)
  })
})

describe("Uncertainty.run: runs that fail are counted and left out, as COINr's NA regenerations", () => {
  it("gmean over min–max [0, 100] fails; the statistics come from the amean runs only", () => {
    const { framework, data } = asemProject()
    const options = { runs: 40, seed: 3, assumptions: { aggregate: ["amean", "gmean"] } } as const
    const ua = Uncertainty.run(framework, data, asemSpec, options)
    const n = ua.units.length
    let failedRows = 0
    for (let r = 0; r < options.runs; r++) {
      const row = ua.ranks.subarray(r * n, (r + 1) * n)
      if (row.every(Number.isNaN)) failedRows++
      else expect(row.some(Number.isNaN)).toBe(false)
    }
    expect(ua.failed).toBe(failedRows)
    expect(ua.failed).toBeGreaterThan(0)
    expect(ua.failed).toBeLessThan(options.runs)
    expect(ua.firstFailure).toMatch(/the geometric mean needs values > 0/)
    // only amean runs remain, and amean with the nominal spec has the nominal ranks: every statistic is the nominal
    for (const s of ua.stats) {
      expect(s.median).toBe(s.nominal)
      expect(s.q5).toBe(s.nominal)
      expect(s.q95).toBe(s.nominal)
    }
  })
})
