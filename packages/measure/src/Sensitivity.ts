import type { Data } from "./Data.js"
import type { Framework } from "./Framework.js"
import { evaluator } from "./internal/perturb.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"
import { seeded } from "./Random.js"
import type * as Spec from "./Spec.js"
import { type Assumptions, type RankStats, rankStats } from "./Uncertainty.js"

/**
 * Options of {@link run}: `n` base samples give `n·(d + 2)` builds for d assumptions.
 *
 * @since 0.1.0
 */
export interface SensitivityOptions {
  readonly n: number
  readonly seed?: number
  readonly assumptions: Assumptions
  readonly period?: number
  readonly onProgress?: (done: number, total: number) => void
  /** Bootstrap resamples for 5–95 % intervals of the indices (COINr `Nboot`); none when absent. */
  readonly bootstrap?: number
}

/**
 * Variance-based sensitivity indices per assumption, for the output `y` = mean absolute rank shift against the
 * nominal ranks (COINr's SA output).
 *
 * @since 0.1.0
 */
export interface SensitivityResult {
  readonly inputs: ReadonlyArray<string>
  /** First-order indices S_i (Saltelli 2010 estimator). */
  readonly first: Float64Array
  /** Total-effect indices S_Ti (Jansen estimator). */
  readonly total: Float64Array
  /** Variance of y over the A and B samples. */
  readonly variance: number
  /** Outputs y in the order A (n), B (n), A_B^(1) (n), … */
  readonly outputs: Float64Array
  /** Rank statistics over the A and B runs. */
  readonly stats: ReadonlyArray<RankStats>
  /** Bootstrap 5 % and 95 % quantiles of S_i and S_Ti, when `bootstrap` was asked for. */
  readonly intervals?: {
    readonly firstQ5: Float64Array
    readonly firstQ95: Float64Array
    readonly totalQ5: Float64Array
    readonly totalQ95: Float64Array
  }
}

/**
 * Estimates S_i and S_Ti from outputs stacked as A, B, A_B^(1) … A_B^(d) (COINr `SA_estimate`):
 * `V = var(y_A ∪ y_B)`, `S_i = mean(y_B (y_ABi − y_A)) / V`, `S_Ti = Σ (y_A − y_ABi)² / (2 N V)`.
 *
 * @since 0.1.0
 */
export const estimate = (
  y: Float64Array,
  n: number,
  d: number
): { first: Float64Array; total: Float64Array; variance: number } => {
  if (!Number.isInteger(n) || n < 1) throw new MeasureError("n", `expected an integer ≥ 1 base samples, found ${n}`)
  if (!Number.isInteger(d) || d < 1) throw new MeasureError("d", `expected an integer ≥ 1 assumptions, found ${d}`)
  if (y.length !== n * (d + 2)) {
    throw new MeasureError("outputs", `expected n·(d + 2) = ${n}·${d + 2} = ${n * (d + 2)} outputs, found ${y.length}`)
  }
  const missing = y.findIndex((v) => !Number.isFinite(v))
  if (missing >= 0) {
    const block = Math.floor(missing / n)
    const name = block === 0 ? "A" : block === 1 ? "B" : `A_B^(${block - 1})`
    throw new MeasureError(
      `outputs[${missing}]`,
      `expected a number for row ${missing % n} of block ${name}, found ${y[missing]} (a failed run)`
    )
  }
  const V = S.variance(y.subarray(0, 2 * n))
  const first = new Float64Array(d)
  const total = new Float64Array(d)
  for (let i = 0; i < d; i++) {
    let s = 0
    let t = 0
    for (let r = 0; r < n; r++) {
      const yA = y[r]!
      const yB = y[n + r]!
      const yABi = y[(2 + i) * n + r]!
      s += yB * (yABi - yA)
      t += (yA - yABi) ** 2
    }
    first[i] = s / n / V
    total[i] = t / (2 * n * V)
  }
  return { first, total, variance: V }
}

/**
 * Bootstrap intervals of the estimators (COINr `SA_estimate` with `Nboot`): rows of the design are resampled with
 * replacement and the indices recomputed; returns the 5 % and 95 % quantiles (R type 7).
 *
 * @since 0.1.0
 */
export const bootstrap = (
  y: Float64Array,
  n: number,
  d: number,
  resamples: number,
  seed = 1
): { firstQ5: Float64Array; firstQ95: Float64Array; totalQ5: Float64Array; totalQ95: Float64Array } => {
  const next = seeded(seed ^ 0x2545f491)
  const first = Array.from({ length: d }, () => new Float64Array(resamples))
  const total = Array.from({ length: d }, () => new Float64Array(resamples))
  const z = new Float64Array(y.length)
  for (let b = 0; b < resamples; b++) {
    for (let r = 0; r < n; r++) {
      const src = Math.floor(next() * n)
      for (let block = 0; block < d + 2; block++) z[block * n + r] = y[block * n + src]!
    }
    const e = estimate(z, n, d)
    for (let i = 0; i < d; i++) {
      first[i]![b] = e.first[i]!
      total[i]![b] = e.total[i]!
    }
  }
  const q = (cols: Array<Float64Array>, p: number) => Float64Array.from(cols, (c) => S.quantile(c, p))
  return { firstQ5: q(first, 0.05), firstQ95: q(first, 0.95), totalQ5: q(total, 0.05), totalQ95: q(total, 0.95) }
}

/**
 * Variance-based global sensitivity analysis (COINr `get_sensitivity(SA_type = "SA")`): plain uniform matrices A
 * and B from a seeded generator, the d matrices A_B^(i), a build per row, and the Saltelli/Jansen estimators.
 * Needs at least two assumptions.
 *
 * @since 0.1.0
 */
export const run = (
  framework: Framework,
  data: Data,
  spec: Spec.SpecInput,
  options: SensitivityOptions
): SensitivityResult => {
  const seed = options.seed ?? 1
  const n = options.n
  const ev = evaluator(framework, data, spec, options.assumptions, seed, options.period)
  const d = ev.names.length
  if (d < 2) {
    throw new MeasureError("assumptions", `sensitivity analysis needs at least two assumptions, found ${d}`)
  }
  const next = seeded(seed)
  const A = Float64Array.from({ length: n * d }, next)
  const B = Float64Array.from({ length: n * d }, next)
  const total = n * (d + 2)
  const y = new Float64Array(total)
  const m = ev.units.length
  const abRanks = new Float64Array(2 * n * m)
  const row = new Float64Array(d)
  let done = 0
  for (let block = 0; block < d + 2; block++) {
    for (let r = 0; r < n; r++) {
      for (let k = 0; k < d; k++) {
        const src = block === 0 ? A : block === 1 ? B : k === block - 2 ? B : A
        row[k] = src[r * d + k]!
      }
      const ranks = ev.evaluate(row)
      if (block < 2) abRanks.set(ranks, (block * n + r) * m)
      let s = 0
      let c = 0
      for (let i = 0; i < m; i++) {
        const diff = Math.abs(ranks[i]! - ev.nominal[i]!)
        if (!Number.isNaN(diff)) {
          s += diff
          c++
        }
      }
      y[block * n + r] = c === 0 ? Number.NaN : s / c
      options.onProgress?.(++done, total)
    }
  }
  if (ev.failures.count > 0) {
    throw new MeasureError(
      "assumptions",
      `${ev.failures.count} of ${total} runs failed, so the indices cannot be estimated; the first: ${ev.failures.first}`
    )
  }
  const est = estimate(y, n, d)
  const result = { inputs: ev.names, ...est, outputs: y, stats: rankStats(ev.units, ev.nominal, abRanks) }
  return options.bootstrap ? { ...result, intervals: bootstrap(y, n, d, options.bootstrap, seed) } : result
}
