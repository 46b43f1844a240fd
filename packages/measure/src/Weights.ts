import * as Aggregate from "./Aggregate.js"
import * as Coherence from "./Coherence.js"
import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"
import type { Framework } from "./Framework.js"
import { nelderMead } from "./internal/nelderMead.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"

/**
 * PCA weights of one group: the first principal component's unit eigenvector over the group's children (COINr
 * `get_PCA`'s weights), with the share of variance of every component and the number of complete units used.
 *
 * @since 0.2.0
 */
export interface PcaWeights {
  /** The aggregate whose children are weighted. */
  readonly group: string
  readonly codes: ReadonlyArray<string>
  /** First-component loadings of unit length; the sign is chosen so that they sum to a positive number. */
  readonly weights: Float64Array
  /** Share of the variance explained by each component, largest first. */
  readonly varianceShare: Float64Array
  /** Units with every child present (the others are left out, as COINr does with a warning). */
  readonly rows: number
}

const levelCodes = (framework: Framework, level: number): ReadonlyArray<string> => {
  const codes = framework.levels[level - 1]
  if (codes === undefined || level >= framework.levels.length) {
    throw new MeasureError(
      "level",
      `expected a level below the top, from 1 to ${framework.levels.length - 1}, found ${level}`
    )
  }
  return codes
}

const parents = (framework: Framework, level: number): Array<string> => {
  const codes = new Set(levelCodes(framework, level))
  return [...framework.children].filter(([, kids]) => kids.some((k) => codes.has(k))).map(([p]) => p)
}

/**
 * PCA weights for the children of every aggregate at `level + 1`, each group on its own (COINr
 * `get_PCA(by_groups = TRUE)`): the loadings of the first component of the correlation matrix over the units with
 * all children present. COINr's sign is whatever LAPACK returns; here it is fixed so the weights sum to a positive
 * number (compare with COINr up to the sign of the whole vector). Weights can still be negative: a child that runs
 * against the rest of its group. Use {@link toRecord} to pass them to `Aggregate`.
 *
 * @since 0.2.0
 */
export const pca = (framework: Framework, ds: DataSet, level = 1): Array<PcaWeights> =>
  parents(framework, level).map((group) => {
    const codes = framework.children.get(group)!
    for (const c of codes) if (!ds.codes.includes(c)) throw new MeasureError(c, `expected ${c} in the data set`)
    const k = codes.length
    if (k < 2) {
      return { group, codes, weights: Float64Array.of(1), varianceShare: Float64Array.of(1), rows: ds.units.length }
    }
    const r = Coherence.pca(ds, codes)
    if (r.rows < 2)
      throw new MeasureError(group, `PCA needs at least 2 units with every child present, found ${r.rows}`)
    const weights = Float64Array.from({ length: k }, (_, i) => r.vectors[i * k]!)
    let sum = 0
    for (const w of weights) sum += w
    if (sum < 0) for (let i = 0; i < k; i++) weights[i] = -weights[i]!
    return { group, codes, weights, varianceShare: r.varianceExplained, rows: r.rows }
  })

/**
 * Weights by code from {@link pca} groups (or any code/weight lists), ready for `Aggregate`'s `weights`.
 *
 * @since 0.2.0
 */
export const toRecord = (
  groups: ReadonlyArray<{ readonly codes: ReadonlyArray<string>; readonly weights: ArrayLike<number> }>
): Record<string, number> =>
  Object.fromEntries(groups.flatMap((g) => g.codes.map((c, i) => [c, g.weights[i]!] as const)))

/**
 * Options of {@link optimise}.
 *
 * @since 0.2.0
 */
export interface OptimiseOptions {
  /** The level whose weights are optimised (COINr's `Level`), below the top. */
  readonly level: number
  /**
   * `"equal"` (default) or relative target importances in the level's framework order (COINr `optype = "balance"`
   * with `itarg`): the weights make the correlations of the level's codes with the index proportional to them.
   * `"infomax"` maximises the sum of those correlations.
   */
  readonly target?: "equal" | "infomax" | ReadonlyArray<number>
  /** The aggregation re-run for every trial (default: arithmetic mean, the framework's other weights). */
  readonly aggregate?: Aggregate.AggregateSpec
  /** Correlation type (default Pearson). */
  readonly correlation?: "pearson" | "spearman"
  /** Relative tolerance of the Nelder–Mead search (COINr's `toler`, default 0.1). */
  readonly tolerance?: number
  /** Most objective evaluations (COINr's `maxiter`, default 500). */
  readonly maxEvaluations?: number
}

/**
 * The result of {@link optimise}.
 *
 * @since 0.2.0
 */
export interface Optimised {
  readonly codes: ReadonlyArray<string>
  /** Optimised weights of the level's codes, summing to 1. */
  readonly weights: Float64Array
  /** Correlation of each code with the index at the optimised weights. */
  readonly correlations: Float64Array
  /** Objective at the optimum: log of the mean squared difference from the target shares, or −Σ correlations. */
  readonly value: number
  readonly evaluations: number
  /** False when the search hit `maxEvaluations` or its simplex stopped shrinking. */
  readonly converged: boolean
}

/**
 * Correlation-optimised weights (COINr `get_opt_weights`, after Becker et al. 2017, doi:10.1016/j.ecolind.2017.03.056):
 * a Nelder–Mead search (R's `optim` variant, same steps and stopping rule) over the weights of one level, re-aggregating
 * the normalised data for every trial and correlating each code of the level with the index. `"equal"` or given
 * targets: minimise `log(mean((target/Σtarget − r/Σr)²))`; `"infomax"`: maximise `Σ r`. Starts from the targets
 * (balance) or the framework's weights (infomax). With COINr's default tolerance 0.1 the search stops early — that is
 * COINr's behaviour, reproduced; lower `tolerance` for a closer optimum.
 *
 * @since 0.2.0
 */
export const optimise = (framework: Framework, normalised: DataSet, options: OptimiseOptions): Optimised => {
  const top = framework.top
  if (top === null) throw new MeasureError("framework", "weight optimisation needs a framework with one top node")
  const codes = levelCodes(framework, options.level)
  const target = options.target ?? "equal"
  let shares: Float64Array | undefined
  if (target !== "infomax") {
    const t = target === "equal" ? codes.map(() => 1) : target
    if (t.length !== codes.length) {
      throw new MeasureError(
        "target",
        `expected ${codes.length} target importances (${codes.join(", ")}), found ${t.length}`
      )
    }
    t.forEach((v, i) => {
      if (!(Number.isFinite(v) && v >= 0)) throw new MeasureError(`target[${i}]`, `expected a number ≥ 0, found ${v}`)
    })
    let sum = 0
    for (const v of t) sum += v
    if (!(sum > 0)) throw new MeasureError("target", "expected at least one positive target importance")
    shares = Float64Array.from(t, (v) => v / sum)
  }
  const agg = options.aggregate ?? { method: "amean" }
  const corr = options.correlation === "spearman" ? S.spearman : S.pearson
  const correlationsAt = (w: Float64Array): Float64Array => {
    const weights: Record<string, number> = { ...agg.weights }
    codes.forEach((c, i) => {
      weights[c] = w[i]!
    })
    const out = Aggregate.aggregate(framework, normalised, { ...agg, weights })
    const index = DS.column(out, top)
    return Float64Array.from(codes, (c) => corr(DS.column(out, c), index))
  }
  const objective = (w: Float64Array): number => {
    let sum = 0
    for (const v of w) sum += v
    const r = correlationsAt(w.map((v) => v / sum))
    let total = 0
    for (const v of r) total += v
    if (shares === undefined) return -total
    let sq = 0
    for (let i = 0; i < r.length; i++) sq += (shares[i]! - r[i]! / total) ** 2
    return Math.log(sq / r.length)
  }
  const start = shares ?? Float64Array.from(codes, (c) => framework.weights.get(c) ?? 1)
  const found = nelderMead(objective, start, {
    reltol: options.tolerance ?? 0.1,
    maxEvaluations: options.maxEvaluations ?? 500
  })
  let sum = 0
  for (const v of found.x) sum += v
  const weights = found.x.map((v) => v / sum)
  return {
    codes,
    weights,
    correlations: correlationsAt(weights),
    value: found.value,
    evaluations: found.evaluations,
    converged: found.converged
  }
}
