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
  // The Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1 (a = 7, b = 0.1, x uniform on [−π, π]) has known
  // indices (Ishigami & Homma 1990; Saltelli et al. 2008 §4.6): V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½,
  // V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0 and the x1·x3 interaction V13 = 8b²π⁸/225, giving S = (0.314, 0.442, 0)
  // and ST = ((V1 + V13)/V, V2/V, V13/V) = (0.558, 0.442, 0.244): first-order and total differ for x1 and x3, so swapping them cannot pass.
  const a = 7
  const b = 0.1
  const pi4 = Math.PI ** 4
  const V = (a * a) / 8 + (b * pi4) / 5 + (b * b * pi4 * pi4) / 18 + 0.5
  const V1 = 0.5 * (1 + (b * pi4) / 5) ** 2
  const V2 = (a * a) / 8
  const VT3 = (8 * b * b * pi4 * pi4) / 225
  const analytic = { first: [V1 / V, V2 / V, 0], total: [(V1 + VT3) / V, V2 / V, VT3 / V] }
  const ishigami = (x: ReadonlyArray<number>) =>
    Math.sin(x[0]!) + a * Math.sin(x[1]!) ** 2 + b * x[2]! ** 4 * Math.sin(x[0]!)
  const n = 20_000
  const next = Random.seeded(7)
  const draw = () => Array.from({ length: 3 }, () => Math.PI * (2 * next() - 1))
  const A = Array.from({ length: n }, draw)
  const B = Array.from({ length: n }, draw)
  const y = new Float64Array(5 * n)
  for (let r = 0; r < n; r++) {
    y[r] = ishigami(A[r]!)
    y[n + r] = ishigami(B[r]!)
    for (let i = 0; i < 3; i++) y[(2 + i) * n + r] = ishigami(A[r]!.map((v, j) => (j === i ? B[r]![j]! : v)))
  }
  // Monte Carlo standard errors of the two estimators at this n, from the spread of their per-row terms
  const standardErrors = (i: number) => {
    const terms = (term: (r: number) => number) => {
      const t = Array.from({ length: n }, (_, r) => term(r))
      const mean = t.reduce((s, v) => s + v, 0) / n
      return Math.sqrt(t.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) / n) / V
    }
    return {
      first: terms((r) => y[n + r]! * (y[(2 + i) * n + r]! - y[r]!)),
      total: terms((r) => (y[r]! - y[(2 + i) * n + r]!) ** 2 / 2)
    }
  }

  it("estimators recover the Ishigami indices S = (0.314, 0.442, 0), ST = (0.558, 0.442, 0.244) within 4 SE", () => {
    expect(analytic.first[0]).toBeCloseTo(0.3139, 4)
    expect(analytic.total[2]).toBeCloseTo(0.2437, 4)
    const e = Sensitivity.estimate(y, n, 3)
    expect(e.variance).toBeCloseTo(V, 0)
    for (let i = 0; i < 3; i++) {
      const se = standardErrors(i)
      // SE ≈ 0.004–0.01 at n = 20,000: far below the 0.24 between S1 and ST1
      expect(se.first).toBeLessThan(0.015)
      expect(Math.abs(e.first[i]! - analytic.first[i]!)).toBeLessThan(4 * se.first)
      expect(Math.abs(e.total[i]! - analytic.total[i]!)).toBeLessThan(4 * se.total)
    }
  })

  it("bootstrap 5 % and 95 % quantiles lie 1.645 Monte Carlo standard errors either side of the estimate", () => {
    const e = Sensitivity.estimate(y, n, 3)
    const boot = Sensitivity.bootstrap(y, n, 3, 500, 1)
    for (let i = 0; i < 3; i++) {
      const se = standardErrors(i)
      // 500 resamples place a 5 % quantile to about ±6 % (one sd) of its distance from the centre; the first-order
      // standard error leaves out the error of V and the total-order terms are skewed: 0.6–1.5 of 1.645 SE
      for (const [low, high, estimate, error] of [
        [boot.firstQ5[i]!, boot.firstQ95[i]!, e.first[i]!, se.first],
        [boot.totalQ5[i]!, boot.totalQ95[i]!, e.total[i]!, se.total]
      ] as const) {
        expect((estimate - low) / error).toBeGreaterThan(1.645 * 0.6)
        expect((estimate - low) / error).toBeLessThan(1.645 * 1.5)
        expect((high - estimate) / error).toBeGreaterThan(1.645 * 0.6)
        expect((high - estimate) / error).toBeLessThan(1.645 * 1.5)
      }
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
