import type { DataSet } from "./DataSet.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"

/**
 * Replaces missing values by the mean of the present values (COINr `i_mean`). Returns a new array.
 *
 * @since 0.1.0
 */
export const mean = (x: Float64Array): Float64Array => fillWith(x, S.mean(x))

/**
 * Replaces missing values by the median (COINr `i_median`).
 *
 * @since 0.1.0
 */
export const median = (x: Float64Array): Float64Array => fillWith(x, S.median(x))

const fillWith = (x: Float64Array, v: number): Float64Array => {
  const out = new Float64Array(x)
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i]!)) out[i] = v
  return out
}

const byGroup = (
  x: Float64Array,
  groups: ReadonlyArray<string | null>,
  f: (x: Float64Array) => number
): Float64Array => {
  if (groups.length !== x.length)
    throw new MeasureError("groups", `expected ${x.length} group values, found ${groups.length}`)
  const out = new Float64Array(x)
  const members = new Map<string, Array<number>>()
  groups.forEach((g, i) => {
    if (g === null) return
    const list = members.get(g)
    if (list) list.push(i)
    else members.set(g, [i])
  })
  for (const idx of members.values()) {
    const v = f(Float64Array.from(idx, (i) => x[i]!))
    for (const i of idx) if (Number.isNaN(out[i]!)) out[i] = v
  }
  return out
}

/**
 * Group mean imputation (COINr `i_mean_grp`): a missing value takes the mean of the present values in the unit's
 * group; units without a group are left missing.
 *
 * @since 0.1.0
 */
export const groupMean = (x: Float64Array, groups: ReadonlyArray<string | null>): Float64Array =>
  byGroup(x, groups, S.mean)

/**
 * Group median imputation (COINr `i_median_grp`).
 *
 * @since 0.1.0
 */
export const groupMedian = (x: Float64Array, groups: ReadonlyArray<string | null>): Float64Array =>
  byGroup(x, groups, S.median)

/**
 * Last observation carried forward over time (COINr `impute_panel(imp_type = "latest")`): a missing value takes
 * the latest earlier observation, looking back at most `maxTime` periods; nothing is filled before the first.
 *
 * @since 0.1.0
 */
export const locf = (series: Float64Array, maxTime = Number.POSITIVE_INFINITY): Float64Array => {
  const out = new Float64Array(series)
  let last = -1
  for (let t = 0; t < series.length; t++) {
    if (!Number.isNaN(series[t]!)) last = t
    else if (last >= 0 && t - last <= maxTime) out[t] = series[last]!
  }
  return out
}

/**
 * Linear interpolation over time with the ends filled by the nearest observation (R `approx(rule = 2)`, COINr
 * `impute_panel(imp_type = "linear")`); an all-missing series is returned as it is.
 *
 * @since 0.1.0
 */
export const linear = (series: Float64Array, times?: ArrayLike<number>): Float64Array => {
  const out = new Float64Array(series)
  const t = times ?? Float64Array.from(series, (_, i) => i)
  const obs: Array<number> = []
  for (let i = 0; i < series.length; i++) if (!Number.isNaN(series[i]!)) obs.push(i)
  if (obs.length === 0) return out
  let k = 0
  for (let i = 0; i < series.length; i++) {
    if (!Number.isNaN(series[i]!)) continue
    while (k + 1 < obs.length && obs[k + 1]! < i) k++
    const a = obs[k]!
    if (i < a) out[i] = series[a]!
    else if (k + 1 >= obs.length) out[i] = series[a]!
    else {
      const b = obs[k + 1]!
      out[i] = series[a]! + ((series[b]! - series[a]!) * (t[i]! - t[a]!)) / (t[b]! - t[a]!)
    }
  }
  return out
}

/**
 * Cross-sectional imputation methods.
 *
 * @since 0.1.0
 */
export type Method = "none" | "mean" | "median" | "groupMean" | "groupMedian"

/**
 * Imputes every column of a data set (COINr `Impute` with `impute_by = "column"`).
 *
 * @since 0.1.0
 */
export const impute = (ds: DataSet, method: Method, groups?: ReadonlyArray<string | null>): DataSet => {
  if (method === "none") return ds
  if ((method === "groupMean" || method === "groupMedian") && !groups) {
    throw new MeasureError("impute.group", `method "${method}" needs a group column`)
  }
  const n = ds.units.length
  const out = new Float64Array(ds.values.length)
  for (let j = 0; j < ds.codes.length; j++) {
    const x = ds.values.subarray(j * n, (j + 1) * n)
    const y =
      method === "mean"
        ? mean(x)
        : method === "median"
          ? median(x)
          : method === "groupMean"
            ? groupMean(x, groups!)
            : groupMedian(x, groups!)
    out.set(y, j * n)
  }
  return { units: ds.units, codes: ds.codes, values: out }
}

/**
 * Imputes a panel (one data set per period, same units and codes) over time, unit by unit and code by code.
 *
 * @since 0.1.0
 */
export const imputePanel = (
  panel: ReadonlyArray<DataSet>,
  method: "locf" | "linear",
  periods?: ReadonlyArray<number>
): Array<DataSet> => {
  const first = panel[0]
  if (!first) return []
  const size = first.values.length
  const T = panel.length
  const outs = panel.map(() => new Float64Array(size))
  const series = new Float64Array(T)
  for (let k = 0; k < size; k++) {
    for (let t = 0; t < T; t++) series[t] = panel[t]!.values[k]!
    const filled = method === "locf" ? locf(series) : linear(series, periods)
    for (let t = 0; t < T; t++) outs[t]![k] = filled[t]!
  }
  return outs.map((values) => ({ units: first.units, codes: first.codes, values }))
}
