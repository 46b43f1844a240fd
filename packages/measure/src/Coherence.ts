import { SymmetricEigen } from "@innokraft/numerics"
import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"
import type { Framework } from "./Framework.js"
import * as S from "./internal/stats.js"
import type * as Treat from "./Treat.js"

/**
 * Descriptive statistics of one column (COINr `get_stats`).
 *
 * @since 0.1.0
 */
export interface IndicatorStats {
  readonly code: string
  readonly present: number
  readonly missingShare: number
  readonly min: number
  readonly max: number
  readonly mean: number
  readonly median: number
  readonly sd: number
  readonly skew: number
  readonly kurt: number
  /** Points treated as outliers in the treatment step, when its report is given. */
  readonly treated: number
}

/**
 * Statistics for every column of a data set; pass the treatment report to count treated outliers.
 *
 * @since 0.1.0
 */
export const indicatorStats = (
  ds: DataSet,
  treatment: ReadonlyArray<Treat.ColumnReport> = []
): Array<IndicatorStats> => {
  const treated = new Map(treatment.map((r) => [r.code, r.points.length]))
  return ds.codes.map((code) => {
    const x = DS.column(ds, code)
    const present = S.present(x).length
    const shape = S.skewKurt(x)
    return {
      code,
      present,
      missingShare: 1 - present / x.length,
      min: S.min(x),
      max: S.max(x),
      mean: S.mean(x),
      median: S.median(x),
      sd: S.sd(x),
      skew: shape[0]!,
      kurt: shape[1]!,
      treated: treated.get(code) ?? 0
    }
  })
}

/**
 * A correlation matrix: `values[i * cols.length + j]` correlates `rows[i]` with `cols[j]`.
 *
 * @since 0.1.0
 */
export interface Correlations {
  readonly rows: ReadonlyArray<string>
  readonly cols: ReadonlyArray<string>
  readonly values: Float64Array
}

/**
 * Pearson or Spearman correlations between two lists of codes (pairwise complete observations).
 *
 * @since 0.1.0
 */
export const correlations = (
  ds: DataSet,
  rows: ReadonlyArray<string>,
  cols: ReadonlyArray<string> = rows,
  method: "pearson" | "spearman" = "pearson"
): Correlations => {
  const f = method === "pearson" ? S.pearson : S.spearman
  const values = new Float64Array(rows.length * cols.length)
  rows.forEach((a, i) => {
    const x = DS.column(ds, a)
    cols.forEach((b, j) => {
      values[i * cols.length + j] = f(x, DS.column(ds, b))
    })
  })
  return { rows, cols, values }
}

const completeRows = (ds: DataSet, codes: ReadonlyArray<string>): Array<Float64Array> => {
  const cols = codes.map((c) => DS.column(ds, c))
  const keep: Array<number> = []
  for (let i = 0; i < ds.units.length; i++) if (cols.every((c) => !Number.isNaN(c[i]!))) keep.push(i)
  return cols.map((c) => Float64Array.from(keep, (i) => c[i]!))
}

/**
 * How {@link cronbachAlpha} treats missing values: `"pairwise"` (COINr's default) takes each covariance over the
 * units that have both values; `"listwise"` keeps only the units that have every value of the group.
 *
 * @since 0.2.0
 */
export type Missing = "pairwise" | "listwise"

/**
 * Cronbach's alpha of a group of columns, `k²·mean(off-diagonal covariances) / Σ covariances`
 * (= `k/(k − 1)·(1 − Σ var_i / var(Σ x_i))` on complete data), as COINr's `get_cronbach`: by default each covariance
 * over the units with both values (`use = "pairwise.complete.obs"`); `"listwise"` as `use = "complete.obs"`.
 * Fewer than two columns give NaN.
 *
 * @since 0.1.0
 */
export const cronbachAlpha = (ds: DataSet, codes: ReadonlyArray<string>, missing: Missing = "pairwise"): number => {
  const cols = missing === "listwise" ? completeRows(ds, codes) : codes.map((c) => DS.column(ds, c))
  const k = cols.length
  if (k < 2) return Number.NaN
  let all = 0
  let diagonal = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = S.covariance(cols[i]!, cols[j]!)
      if (Number.isNaN(c)) continue
      all += c
      if (i === j) diagonal += c
    }
  }
  return (k * k * ((all - diagonal) / (k * (k - 1)))) / all
}

/**
 * Principal components of the correlation matrix of a group of columns over the units that have all of them (COINr
 * `get_PCA`, i.e. `prcomp(scale = TRUE)` after `na.omit`): eigenvalues, the share of variance each explains, the
 * loadings (`loadings[i * k + j]` = column i on component j, eigenvector × √eigenvalue), the unit eigenvectors
 * (`vectors[i * k + j]`, the rotation; each column's sign is arbitrary) and the number of units used.
 *
 * @since 0.1.0
 */
export const pca = (
  ds: DataSet,
  codes: ReadonlyArray<string>
): {
  eigenvalues: Float64Array
  varianceExplained: Float64Array
  loadings: Float64Array
  vectors: Float64Array
  rows: number
} => {
  const cols = completeRows(ds, codes)
  const k = cols.length
  const R = new Float64Array(k * k)
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) R[i * k + j] = i === j ? 1 : S.pearson(cols[i]!, cols[j]!)
  const { values, vectors } = SymmetricEigen.sorted(SymmetricEigen.jacobi(R, k), k)
  const loadings = new Float64Array(k * k)
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) loadings[i * k + j] = vectors[i * k + j]! * Math.sqrt(Math.max(0, values[j]!))
  return {
    eigenvalues: values,
    varianceExplained: values.map((x) => x / k),
    loadings,
    vectors,
    rows: cols[0]?.length ?? 0
  }
}

/**
 * Coherence of one aggregate: Cronbach's alpha and first-component variance share of its children, and each
 * child's correlation with the aggregate.
 *
 * @since 0.1.0
 */
export interface GroupCoherence {
  readonly code: string
  readonly children: ReadonlyArray<string>
  readonly alpha: number
  readonly firstComponentShare: number
  readonly childCorrelations: ReadonlyArray<number>
}

/**
 * {@link GroupCoherence} for every aggregate of the framework, from an aggregated data set.
 *
 * @since 0.1.0
 */
export const byGroup = (
  framework: Framework,
  aggregated: DataSet,
  method: "pearson" | "spearman" = "pearson"
): Array<GroupCoherence> =>
  framework.levels.slice(1).flatMap((codes) =>
    codes.map((code) => {
      const children = framework.children.get(code)!
      const parent = DS.column(aggregated, code)
      const f = method === "pearson" ? S.pearson : S.spearman
      return {
        code,
        children,
        alpha: cronbachAlpha(aggregated, children),
        firstComponentShare: children.length > 1 ? pca(aggregated, children).varianceExplained[0]! : 1,
        childCorrelations: children.map((c) => f(DS.column(aggregated, c), parent))
      }
    })
  )

/**
 * Correlations across levels: every indicator with every aggregate above it (its parent, grandparent … index),
 * as `{ indicator, aggregate, level, r }` rows (COINr `get_corr` with `Levels = c(1, L)`).
 *
 * @since 0.1.0
 */
export const crossLevel = (
  framework: Framework,
  aggregated: DataSet,
  method: "pearson" | "spearman" = "pearson"
): Array<{ indicator: string; aggregate: string; level: number; r: number }> => {
  const parentOf = new Map<string, string>()
  for (const [p, kids] of framework.children) for (const k of kids) parentOf.set(k, p)
  const f = method === "pearson" ? S.pearson : S.spearman
  const out: Array<{ indicator: string; aggregate: string; level: number; r: number }> = []
  for (const code of framework.levels[0]!) {
    const x = DS.column(aggregated, code)
    let level = 2
    for (let p = parentOf.get(code); p !== undefined; p = parentOf.get(p), level++) {
      out.push({ indicator: code, aggregate: p, level, r: f(x, DS.column(aggregated, p)) })
    }
  }
  return out
}
