import type * as Aggregate from "./Aggregate.js"
import type { Data } from "./Data.js"
import type { Framework } from "./Framework.js"
import { evaluator, runBlock } from "./internal/perturb.js"
import * as S from "./internal/stats.js"
import type * as Spec from "./Spec.js"

/**
 * The uncertain assumptions of a Monte Carlo run (each one an input of the analysis): weight noise (every weight
 * at the chosen levels becomes `w·(1 + noise·U(−1, 1))`, COINr `get_noisy_weights`; default levels: all but the
 * indicators' and the top's), and lists of alternative imputation, treatment, normalisation and aggregation methods.
 *
 * @since 0.1.0
 */
export interface Assumptions {
  readonly weights?: {
    readonly noise: number
    readonly levels?: ReadonlyArray<number> | undefined
    /** How many noisy weight sets are drawn up front and picked from (COINr's `Nrep`; default 1000). */
    readonly sets?: number | undefined
  }
  readonly impute?: ReadonlyArray<NonNullable<Spec.SpecInput["impute"]>>
  readonly treat?: ReadonlyArray<NonNullable<Spec.SpecInput["treat"]>>
  readonly normalise?: ReadonlyArray<NonNullable<Spec.SpecInput["normalise"]>>
  readonly aggregate?: ReadonlyArray<Aggregate.Method>
}

/**
 * Options of {@link run}.
 *
 * @since 0.1.0
 */
export interface UncertaintyOptions {
  readonly runs: number
  readonly seed?: number
  readonly assumptions: Assumptions
  readonly period?: number
  /** Called after each run with the number done and the total. */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * Rank statistics per unit (COINr `RankStats`): nominal rank, mean, median, 5th and 95th percentile (R type 7).
 *
 * @since 0.1.0
 */
export interface RankStats {
  readonly unit: string
  readonly nominal: number | null
  readonly mean: number
  readonly median: number
  readonly q5: number
  readonly q95: number
}

/**
 * The result of an uncertainty analysis: the inputs, every run's ranks (`ranks[r * units.length + i]`) and the
 * rank statistics.
 *
 * @since 0.1.0
 */
export interface UncertaintyResult {
  readonly inputs: ReadonlyArray<string>
  readonly units: ReadonlyArray<string>
  readonly ranks: Float64Array
  readonly stats: ReadonlyArray<RankStats>
  /**
   * Runs whose build failed (a `MeasureError`, e.g. the geometric mean over a zero): their ranks are missing and
   * left out of the statistics, as COINr's failed regenerations give NA. Report them: a method that fails in many
   * runs changes what the statistics mean.
   *
   * @since 0.2.0
   */
  readonly failed: number
  /** The first failed run's message, when a run failed. */
  readonly firstFailure?: string
}

/**
 * Rank statistics of a run matrix (`ranks[r * n + i]`).
 *
 * @since 0.1.0
 */
export const rankStats = (
  units: ReadonlyArray<string>,
  nominal: Float64Array,
  ranks: Float64Array
): Array<RankStats> => {
  const n = units.length
  const runs = ranks.length / n
  const col = new Float64Array(runs)
  return units.map((unit, i) => {
    for (let r = 0; r < runs; r++) col[r] = ranks[r * n + i]!
    return {
      unit,
      nominal: Number.isNaN(nominal[i]!) ? null : nominal[i]!,
      mean: S.mean(col),
      median: S.quantile(col, 0.5),
      q5: S.quantile(col, 0.05),
      q95: S.quantile(col, 0.95)
    }
  })
}

/**
 * Monte Carlo uncertainty analysis (the JRC audit; COINr `get_sensitivity(SA_type = "UA")`): each run draws one
 * uniform number per assumption from a seeded generator, maps it to an alternative (equal-width bins) or a weight
 * set, rebuilds (reusing the unchanged early stages) and ranks the top index.
 *
 * @example
 * ```ts
 * const ua = Uncertainty.run(framework, data, spec, {
 *   runs: 1000, seed: 1,
 *   assumptions: { weights: { noise: 0.25 }, aggregate: ["amean", "gmean"] }
 * })
 * ua.stats[0] // { unit, nominal, mean, median, q5, q95 }
 * ```
 * @since 0.1.0
 */
export const run = (
  framework: Framework,
  data: Data,
  spec: Spec.SpecInput,
  options: UncertaintyOptions
): UncertaintyResult => {
  const seed = options.seed ?? 1
  const ev = evaluator(framework, data, spec, options.assumptions, seed, options.period)
  const ranks = new Float64Array(options.runs * ev.units.length)
  const onProgress = options.onProgress
  runBlock(ev, seed, 0, options.runs, ranks, onProgress && ((r) => onProgress(r + 1, options.runs)))
  return {
    inputs: ev.names,
    units: ev.units,
    ranks,
    stats: rankStats(ev.units, ev.nominal, ranks),
    failed: ev.failures.count,
    ...(ev.failures.first === undefined ? {} : { firstFailure: ev.failures.first })
  }
}
