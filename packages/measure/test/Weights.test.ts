import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Aggregate, Coherence, DataSet, MeasureError, Weights } from "../src/index.js"
import { asemProject, golden } from "./asem.js"

/** Expected values from COINr 1.1.14 under R 4.2.2, made by coinr/make-fixtures.R (kept beside them). */
const parity = JSON.parse(readFileSync(join(import.meta.dirname, "coinr/parity.json"), "utf8")) as {
  cronbach: Array<{ dset: string; group: string; pairwise: number; listwise: number }>
  pca: Array<{
    dset: string
    level: number
    group: string
    codes: Array<string>
    weights: Array<number>
    varianceShare: Array<number>
    rows: number
  }>
  optimised: Array<{
    level: number
    optype: "balance" | "infomax"
    codes: Array<string>
    weights: Array<number>
    value: number
    evaluations: number
    convergence: number
  }>
}

const { framework } = asemProject()
const stage = (name: string) => golden(name)

describe("Coherence.cronbachAlpha: COINr's get_cronbach (pairwise by default, listwise as option)", () => {
  it("ASEM Denominated P2P: 0.3398 pairwise (COINr's default) and 0.2752 listwise, as in issue #16", () => {
    const ds = stage("Denominated")
    const p2p = framework.children.get("P2P")!
    expect(Coherence.cronbachAlpha(ds, p2p)).toBeCloseTo(0.3398, 4)
    expect(Coherence.cronbachAlpha(ds, p2p, "listwise")).toBeCloseTo(0.2752, 4)
  })

  it.each(parity.cronbach.map((c) => [c.dset, c.group, c] as const))(
    "%s %s matches COINr to 1e-13 both ways",
    (dset, group, expected) => {
      const ds = stage(dset)
      const codes = framework.children.get(group)!
      expect(Math.abs(Coherence.cronbachAlpha(ds, codes) - expected.pairwise)).toBeLessThan(1e-13)
      expect(Math.abs(Coherence.cronbachAlpha(ds, codes, "listwise") - expected.listwise)).toBeLessThan(1e-13)
    }
  )

  it("on complete data the covariance form equals the textbook k/(k − 1)·(1 − Σ var_i / var(Σ x_i))", () => {
    const ds = stage("Normalised")
    const codes = framework.children.get("Social")!
    const cols = codes.map((c) => DataSet.column(ds, c))
    const variance = (x: ArrayLike<number>) => {
      const n = x.length
      let m = 0
      for (let i = 0; i < n; i++) m += x[i]! / n
      let s = 0
      for (let i = 0; i < n; i++) s += (x[i]! - m) ** 2
      return s / (n - 1)
    }
    const total = Float64Array.from(cols[0]!, (_, i) => cols.reduce((s, c) => s + c[i]!, 0))
    const k = codes.length
    const textbook = (k / (k - 1)) * (1 - cols.reduce((s, c) => s + variance(c), 0) / variance(total))
    expect(Coherence.cronbachAlpha(ds, codes)).toBeCloseTo(textbook, 12)
  })
})

describe("Weights.pca: COINr's get_PCA weights", () => {
  it.each(parity.pca.map((p) => [p.dset, p.level, p.group, p] as const))(
    "%s level %i %s: first-component loadings equal COINr's up to the sign of the whole vector, to 1e-10",
    (dset, level, group, expected) => {
      const got = Weights.pca(framework, stage(dset), level).find((g) => g.group === group)!
      // COINr lists a group's codes alphabetically; match by code
      expect([...got.codes].sort()).toEqual([...expected.codes].sort())
      expect(got.rows).toBe(expected.rows)
      const sign = Math.sign(expected.weights.reduce((s, w) => s + w, 0))
      got.weights.forEach((w, i) => {
        const want = expected.weights[expected.codes.indexOf(got.codes[i]!)]!
        expect(Math.abs(w - sign * want)).toBeLessThan(1e-10)
      })
      got.varianceShare.forEach((v, i) => {
        expect(Math.abs(v - expected.varianceShare[i]!)).toBeLessThan(1e-12)
      })
      expect(got.weights.reduce((s, w) => s + w * w, 0)).toBeCloseTo(1, 14)
    }
  )

  it("the weights aggregate: a pillar built with PCA weights is the weighted mean of its indicators", () => {
    const ds = stage("Normalised")
    const weights = Weights.toRecord(Weights.pca(framework, ds, 1))
    const out = Aggregate.aggregate(framework, ds, { method: "amean", weights })
    const kids = framework.children.get("P2P")!
    const W = kids.reduce((s, c) => s + weights[c]!, 0)
    const want = kids.reduce((s, c) => s + weights[c]! * DataSet.get(ds, "SWE", c)!, 0) / W
    expect(DataSet.get(out, "SWE", "P2P")).toBeCloseTo(want, 10)
  })

  it("the top level has no parent to group by", () => {
    expect(() => Weights.pca(framework, stage("Aggregated"), 4)).toThrow(MeasureError)
  })
})

describe("Weights.optimise: COINr's get_opt_weights (Nelder–Mead as R's optim)", () => {
  it.each(parity.optimised.map((o) => [o.level, o.optype, o] as const))(
    "level %i %s: same weights, objective and number of evaluations as COINr",
    (level, optype, expected) => {
      const got = Weights.optimise(framework, stage("Normalised"), {
        level,
        target: optype === "infomax" ? "infomax" : "equal"
      })
      expect(got.codes).toEqual(expected.codes)
      got.weights.forEach((w, i) => {
        expect(Math.abs(w - expected.weights[i]!)).toBeLessThan(1e-12)
      })
      expect(Math.abs(got.value - expected.value)).toBeLessThan(1e-10 * Math.abs(expected.value))
      expect(got.evaluations).toBe(expected.evaluations)
      expect(got.converged).toBe(expected.convergence === 0)
    }
  )

  it("a tighter tolerance balances the sub-indices' correlations with the index better than the start", () => {
    const ds = stage("Normalised")
    const loose = Weights.optimise(framework, ds, { level: 3 })
    const tight = Weights.optimise(framework, ds, { level: 3, tolerance: 1e-10 })
    const spread = (r: Float64Array) => Math.abs(r[0]! - r[1]!)
    expect(tight.value).toBeLessThanOrEqual(loose.value)
    expect(spread(tight.correlations)).toBeLessThan(1e-4)
    // the correlations are those of a re-aggregation with the returned weights
    const out = Aggregate.aggregate(framework, ds, {
      method: "amean",
      weights: { Conn: tight.weights[0]!, Sust: tight.weights[1]! }
    })
    const idx = DataSet.column(out, "Index")
    const conn = DataSet.column(out, "Conn")
    const m = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length
    const [mi, mc] = [m(idx), m(conn)]
    let sxy = 0
    let sxx = 0
    let syy = 0
    idx.forEach((v, i) => {
      sxy += (v - mi) * (conn[i]! - mc)
      sxx += (v - mi) ** 2
      syy += (conn[i]! - mc) ** 2
    })
    expect(tight.correlations[0]).toBeCloseTo(sxy / Math.sqrt(sxx * syy), 12)
  })

  it("a target of the wrong length names the codes", () => {
    expect(() => Weights.optimise(framework, stage("Normalised"), { level: 3, target: [1, 2, 3] })).toThrow(
      new MeasureError("target", "expected 2 target importances (Conn, Sust), found 3")
    )
  })
})
