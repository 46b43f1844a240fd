import type { DataSet } from "./DataSet.js"
import type { Framework } from "./Framework.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"

/**
 * Min–max to `[lo, hi]`: `(x − min)/(max − min)·(hi − lo) + lo` (COINr `n_minmax`). A constant column gives NaN.
 *
 * @since 0.1.0
 */
export const minMax = (x: Float64Array, range: readonly [number, number] = [0, 100]): Float64Array => {
  const mn = S.min(x)
  const span = S.max(x) - mn
  const [lo, hi] = range
  const out = new Float64Array(x.length)
  for (let i = 0; i < x.length; i++) out[i] = ((x[i]! - mn) / span) * (hi - lo) + lo
  return out
}

/**
 * z-score rescaled to mean `m` and sd `s`: `(x − mean)/sd·s + m`, sample sd (COINr `n_zscore`).
 *
 * @since 0.1.0
 */
export const zScore = (x: Float64Array, m = 0, s = 1): Float64Array => {
  const mu = S.mean(x)
  const sigma = S.sd(x)
  return x.map((v) => ((v - mu) / sigma) * s + m)
}

/**
 * Rank, ties get the lowest rank, missing stays missing (COINr `n_rank`).
 *
 * @since 0.1.0
 */
export const rank = (x: Float64Array): Float64Array => S.rank(x)

/**
 * Borda score `rank − 1` (COINr `n_borda`).
 *
 * @since 0.1.0
 */
export const borda = (x: Float64Array): Float64Array => S.rank(x).map((r) => r - 1)

/**
 * Percentile rank `(rank − 1)/(n − 1)` in [0, 1] (COINr `n_prank`).
 *
 * @since 0.1.0
 */
export const percentileRank = (x: Float64Array): Float64Array => {
  const n = S.present(x).length
  return S.rank(x).map((r) => (r - 1) / (n - 1))
}

/**
 * Distance to the maximum `1 − (max − x)/(max − min)` (COINr `n_dist2max`).
 *
 * @since 0.1.0
 */
export const distanceToMax = (x: Float64Array): Float64Array => {
  const mn = S.min(x)
  const mx = S.max(x)
  return x.map((v) => 1 - (mx - v) / (mx - mn))
}

/**
 * Distance to a reference unit's value `1 − (ref − x)/(ref − min)`, optionally capped at 1 (COINr `n_dist2ref`).
 *
 * @since 0.1.0
 */
export const distanceToReference = (x: Float64Array, ref: number, capMax = false): Float64Array => {
  const mn = S.min(x)
  return x.map((v) => {
    const y = 1 - (ref - v) / (ref - mn)
    return capMax && y > 1 ? 1 : y
  })
}

/**
 * Distance to a target `(x − min)/(target − min)` for direction 1, `(max − x)/(max − target)` for −1, optionally
 * capped at 1 (COINr `n_dist2targ`).
 *
 * @since 0.1.0
 */
export const distanceToTarget = (
  x: Float64Array,
  target: number,
  direction: 1 | -1 = 1,
  capMax = false
): Float64Array => {
  const mn = S.min(x)
  const mx = S.max(x)
  return x.map((v) => {
    const y = direction === 1 ? (v - mn) / (target - mn) : (mx - v) / (mx - target)
    return capMax && y > 1 ? 1 : y
  })
}

/**
 * Fraction of the maximum `x / max` (COINr `n_fracmax`).
 *
 * @since 0.1.0
 */
export const fractionOfMax = (x: Float64Array): Float64Array => {
  const mx = S.max(x)
  return x.map((v) => v / mx)
}

/**
 * Goalposts `[lo, hi, scale]`: `(x − lo)/(hi − lo)` (direction 1) or `(x − hi)/(lo − hi)` (−1), clipped to [0, 1]
 * when `truncate`, times `scale` (COINr `n_goalposts`).
 *
 * @since 0.1.0
 */
export const goalposts = (
  x: Float64Array,
  posts: readonly [number, number, number],
  direction: 1 | -1 = 1,
  truncate = true
): Float64Array => {
  const [lo, hi, scale] = posts
  return x.map((v) => {
    let y = direction === 1 ? (v - lo) / (hi - lo) : (v - hi) / (lo - hi)
    if (truncate) y = Math.min(1, Math.max(0, y))
    return y * scale
  })
}

/**
 * A normalisation method with its parameters (the `normalise` field of the build spec).
 *
 * @since 0.1.0
 */
export type NormaliseSpec =
  | { readonly method: "none" }
  | { readonly method: "minmax"; readonly range?: readonly [number, number] | undefined }
  | { readonly method: "zscore"; readonly mean?: number | undefined; readonly sd?: number | undefined }
  | { readonly method: "rank" }
  | { readonly method: "borda" }
  | { readonly method: "prank" }
  | { readonly method: "dist2max" }
  | { readonly method: "dist2ref"; readonly unit: string; readonly capMax?: boolean | undefined }
  | { readonly method: "dist2targ"; readonly capMax?: boolean | undefined }
  | { readonly method: "fracmax" }
  | { readonly method: "goalposts"; readonly truncate?: boolean | undefined }

/** The methods whose result depends on the spread of the column: a constant column gives no values. */
const spreadMethods: ReadonlySet<NormaliseSpec["method"]> = new Set([
  "minmax",
  "zscore",
  "prank",
  "dist2max",
  "dist2ref"
])

/**
 * A column that a normalisation cannot scale: it is constant over the units that have a value (min–max, z-score,
 * percentile rank, distance to the maximum or to a reference unit all divide by its spread), so every normalised
 * value is missing. COINr's `n_minmax` warns "The range of x is 0: returning vector of NaNs" and goes on; the build
 * reports these as warnings.
 *
 * @since 0.2.0
 */
export interface ConstantColumn {
  readonly code: string
  readonly method: NormaliseSpec["method"]
  /** The one value every unit with data has. */
  readonly value: number
  /** How many units have it. */
  readonly units: number
}

/**
 * The columns that {@link normalise} with these specs turns into missing values because they are constant.
 *
 * @since 0.2.0
 */
export const constantColumns = (
  ds: DataSet,
  spec: NormaliseSpec,
  individual: Readonly<Record<string, NormaliseSpec>> = {}
): Array<ConstantColumn> => {
  const n = ds.units.length
  const out: Array<ConstantColumn> = []
  ds.codes.forEach((code, j) => {
    const method = (individual[code] ?? spec).method
    if (!spreadMethods.has(method)) return
    const x = ds.values.subarray(j * n, (j + 1) * n)
    const units = S.present(x).length
    if (units > 0 && S.min(x) === S.max(x)) out.push({ code, method, value: S.min(x), units })
  })
  return out
}

/**
 * Checks that a normalisation can compare the units at all: the methods that scale by the spread of a column need
 * at least two units. A {@link MeasureError} naming the method and the units otherwise.
 *
 * @since 0.2.0
 */
export const checkUnits = (
  ds: DataSet,
  spec: NormaliseSpec,
  individual: Readonly<Record<string, NormaliseSpec>> = {}
): void => {
  if (ds.units.length >= 2) return
  const methods = [spec, ...Object.values(individual)].map((s) => s.method).filter((m) => spreadMethods.has(m))
  if (methods.length === 0) return
  const found = ds.units.length === 0 ? "none" : `1 ("${ds.units[0]}")`
  throw new MeasureError(
    "normalise.method",
    `${methods[0]} compares units with each other: expected at least 2 units, found ${found}`
  )
}

/**
 * Normalises every column: first multiplied by the indicator's direction (so −1 indicators are flipped, as in
 * COINr's `Normalise`), then the method. Goalposts use the unflipped values with the indicator's goalposts and
 * direction; distance to target uses `target × direction`, as COINr does with iMeta targets.
 *
 * @since 0.1.0
 */
export const normalise = (
  framework: Framework,
  ds: DataSet,
  spec: NormaliseSpec,
  individual: Readonly<Record<string, NormaliseSpec>> = {}
): DataSet => {
  if (spec.method === "none" && Object.keys(individual).length === 0) return ds
  const n = ds.units.length
  const out = new Float64Array(ds.values.length)
  const x = new Float64Array(n)
  for (let j = 0; j < ds.codes.length; j++) {
    const code = ds.codes[j]!
    const ind = framework.indicatorIndex.get(code)
    const dir = ind?.direction ?? 1
    const raw = ds.values.subarray(j * n, (j + 1) * n)
    for (let i = 0; i < n; i++) x[i] = raw[i]! * dir
    out.set(column(individual[code] ?? spec, x, raw, code, ind, dir, ds), j * n)
  }
  return { units: ds.units, codes: ds.codes, values: out }
}

const column = (
  spec: NormaliseSpec,
  x: Float64Array,
  raw: Float64Array,
  code: string,
  ind: { target: number | null; goalposts: readonly [number, number, number] | null } | undefined,
  dir: 1 | -1,
  ds: DataSet
): Float64Array => {
  switch (spec.method) {
    case "none":
      return raw
    case "minmax":
      return minMax(x, spec.range ?? [0, 100])
    case "zscore":
      return zScore(x, spec.mean ?? 0, spec.sd ?? 1)
    case "rank":
      return rank(x)
    case "borda":
      return borda(x)
    case "prank":
      return percentileRank(x)
    case "dist2max":
      return distanceToMax(x)
    case "fracmax":
      return fractionOfMax(x)
    case "dist2ref": {
      const i = ds.units.indexOf(spec.unit)
      if (i < 0) throw new MeasureError("normalise.unit", `expected a unit code of the data, found "${spec.unit}"`)
      return distanceToReference(x, x[i]!, spec.capMax ?? false)
    }
    case "dist2targ": {
      const target = ind?.target ?? null
      if (target === null) throw new MeasureError(code, "distance to target needs a target for every indicator")
      return distanceToTarget(x, target * dir, 1, spec.capMax ?? false)
    }
    case "goalposts": {
      const posts = ind?.goalposts ?? null
      if (posts === null) throw new MeasureError(code, "goalpost normalisation needs goalposts for every indicator")
      return goalposts(raw, posts, dir, spec.truncate ?? true)
    }
  }
}
