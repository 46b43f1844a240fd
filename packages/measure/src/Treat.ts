import type { DataSet } from "./DataSet.js"
import * as S from "./internal/stats.js"

/**
 * Type-2 skewness (e1071 type 2, Excel `SKEW`, COINr `skew`) over the present values; `NaN` below 3 values.
 *
 * @since 0.1.0
 */
export const skew = S.skew

/**
 * Type-2 excess kurtosis (e1071 type 2, Excel `KURT`, COINr `kurt`); `NaN` below 4 values.
 *
 * @since 0.1.0
 */
export const kurt = S.kurt

/**
 * Parameters of the skew/kurtosis rule (COINr `check_SkewKurt` and `winsorise`; defaults 5, 2, 3.5).
 *
 * @since 0.1.0
 */
export interface WinsoriseOptions {
  readonly winmax?: number | undefined
  readonly skewThreshold?: number | undefined
  readonly kurtThreshold?: number | undefined
}

/**
 * `true` when `|skew| < skewThreshold` or `kurt < kurtThreshold` (COINr's pass rule), `null` when undefined
 * (fewer than 4 present values).
 *
 * @since 0.1.0
 */
export const passes = (x: Float64Array, skewThreshold = 2, kurtThreshold = 3.5): boolean | null =>
  rule(S.skewKurt(x), skewThreshold, kurtThreshold)

/** COINr's pass rule on a computed `[skew, kurt]`. */
const rule = (sk: ArrayLike<number>, skewThreshold: number, kurtThreshold: number): boolean | null =>
  Number.isNaN(sk[0]!) || Number.isNaN(sk[1]!) ? null : Math.abs(sk[0]!) < skewThreshold || sk[1]! < kurtThreshold

/**
 * Winsorised values, the number of winsorised points and a flag per position (`"winhi"`, `"winlo"` or `""`).
 *
 * @since 0.1.0
 */
export interface Winsorised {
  readonly x: Float64Array
  readonly count: number
  readonly flags: ReadonlyArray<"" | "winhi" | "winlo">
  /** The pass check on the returned values (`null` when undefined). */
  readonly passes: boolean | null
}

/**
 * COINr's `winsorise`: while the column fails the skew/kurtosis rule and fewer than `winmax` points are treated,
 * set the points tied at the maximum (skew ≥ 0) or minimum (skew < 0) to the next value inward. Tied points count
 * together, so the count can pass `winmax`.
 *
 * @since 0.1.0
 */
export const winsorise = (input: Float64Array, options: WinsoriseOptions = {}): Winsorised => {
  const winmax = options.winmax ?? 5
  const st = options.skewThreshold ?? 2
  const kt = options.kurtThreshold ?? 3.5
  const x = new Float64Array(input)
  const n = x.length
  let hi: Array<number> = []
  let lo: Array<number> = []
  let count = 0
  const sk = S.skewKurt(x)
  const check = () => rule(sk, st, kt)
  let passing = check()
  while (passing === false && count < winmax) {
    // the skew of the current x decides the side (COINr recomputes it; it is the one just checked)
    const high = sk[0]! >= 0
    // one pass for the extreme and the next value inward
    let extreme = high ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY
    let next = extreme
    for (let i = 0; i < n; i++) {
      const v = x[i]!
      if (high ? v > extreme : v < extreme) {
        next = extreme
        extreme = v
      } else if (v !== extreme && (high ? v > next : v < next)) next = v
    }
    const at: Array<number> = []
    for (let i = 0; i < n; i++) if (x[i] === extreme) at.push(i)
    if (!Number.isFinite(next)) break
    for (const i of at) x[i] = next
    if (high) hi = at
    else lo = at
    count = hi.length + lo.length
    S.skewKurt(x, sk)
    passing = check()
  }
  const flags: Array<"" | "winhi" | "winlo"> = new Array(n).fill("")
  for (const i of hi) flags[i] = "winhi"
  for (const i of lo) flags[i] = "winlo"
  return { x, count, flags, passes: passing }
}

/**
 * COINr's `log_CT`: `ln(x − min + 0.01·(max − min))`.
 *
 * @since 0.1.0
 */
export const logCT = (x: Float64Array): Float64Array => {
  const mn = S.min(x)
  const a = 0.01 * (S.max(x) - mn)
  return x.map((v) => Math.log(v - mn + a))
}

/**
 * The RIS/EIS outlier rule: values above mean + k·sd become the highest value that is not above it, values below
 * mean − k·sd the lowest that is not below it (k = 2).
 *
 * @since 0.1.0
 */
export const capOutliers = (x: Float64Array, k = 2): Float64Array => {
  const m = S.mean(x)
  const s = S.sd(x)
  const upper = m + k * s
  const lower = m - k * s
  let hi = Number.NEGATIVE_INFINITY
  let lo = Number.POSITIVE_INFINITY
  for (const v of x) {
    if (Number.isNaN(v)) continue
    if (v <= upper && v > hi) hi = v
    if (v >= lower && v < lo) lo = v
  }
  return x.map((v) => (v > upper ? hi : v < lower ? lo : v))
}

/**
 * The outlier treatment applied to a data set.
 *
 * @since 0.1.0
 */
export type TreatSpec =
  | { readonly method: "none" }
  | {
      readonly method: "winsorise"
      readonly winmax?: number | undefined
      readonly skewThreshold?: number | undefined
      readonly kurtThreshold?: number | undefined
      /** Applied to the original column when winsorising does not make it pass (COINr `f2`; default `log`). */
      readonly fallback?: "log" | "none" | undefined
    }
  | {
      /** RIS: cap beyond mean ± `sd`·sd, then square root when skewness exceeds `sqrtSkewThreshold`. */
      readonly method: "ris"
      readonly sd?: number | undefined
      readonly sqrtSkewThreshold?: number | undefined
    }

/**
 * What happened to one column.
 *
 * @since 0.1.0
 */
export interface ColumnReport {
  readonly code: string
  readonly skewBefore: number
  readonly kurtBefore: number
  readonly skewAfter: number
  readonly kurtAfter: number
  /** `"none"` (passed or untreatable), `"winsorise"`, `"log"`, `"cap"`, `"sqrt"`, `"cap+sqrt"`. */
  readonly treatment: string
  readonly winsorised: number
  /** Positions (row indices) of treated points. */
  readonly points: ReadonlyArray<number>
  readonly passes: boolean | null
}

/**
 * COINr's `Treat.numeric` with `f1 = winsorise`, `f2 = log_CT` and `combine_treat = FALSE`.
 *
 * @since 0.1.0
 */
export const treatColumn = (
  x: Float64Array,
  spec: Exclude<TreatSpec, { method: "none" | "ris" }>
): { x: Float64Array; treatment: string; winsorised: number; points: Array<number> } => {
  const st = spec.skewThreshold ?? 2
  const kt = spec.kurtThreshold ?? 3.5
  const w = winsorise(x, { winmax: spec.winmax ?? 5, skewThreshold: st, kurtThreshold: kt })
  if (w.count === 0 && w.passes !== false) return { x, treatment: "none", winsorised: 0, points: [] }
  const points: Array<number> = []
  for (let i = 0; i < w.flags.length; i++) if (w.flags[i] !== "") points.push(i)
  if (w.passes !== false || (spec.fallback ?? "log") === "none") {
    return { x: w.x, treatment: "winsorise", winsorised: w.count, points }
  }
  const all: Array<number> = []
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) all.push(i)
  return { x: logCT(x), treatment: "log", winsorised: 0, points: all }
}

/**
 * Treats every column of a data set and reports per column.
 *
 * @since 0.1.0
 */
export const treat = (ds: DataSet, spec: TreatSpec): { data: DataSet; report: Array<ColumnReport> } => {
  if (spec.method === "none") return { data: ds, report: [] }
  const n = ds.units.length
  const out = new Float64Array(ds.values.length)
  const report: Array<ColumnReport> = []
  for (let j = 0; j < ds.codes.length; j++) {
    const x = ds.values.subarray(j * n, (j + 1) * n)
    let y: Float64Array
    let treatment: string
    let winsorised = 0
    let points: Array<number> = []
    if (spec.method === "winsorise") {
      const r = treatColumn(x, spec)
      y = r.x
      treatment = r.treatment
      winsorised = r.winsorised
      points = r.points
    } else {
      y = capOutliers(x, spec.sd ?? 2)
      for (let i = 0; i < n; i++) if (y[i] !== x[i] && !Number.isNaN(x[i]!)) points.push(i)
      treatment = points.length > 0 ? "cap" : "none"
      if (S.skew(y) > (spec.sqrtSkewThreshold ?? 1)) {
        const mn = S.min(y)
        // Square root needs non-negative values; shift only when some are negative.
        y = y.map((v) => Math.sqrt(mn < 0 ? v - mn : v))
        treatment = treatment === "cap" ? "cap+sqrt" : "sqrt"
      }
    }
    out.set(y, j * n)
    const st = spec.method === "winsorise" ? (spec.skewThreshold ?? 2) : 2
    const kt = spec.method === "winsorise" ? (spec.kurtThreshold ?? 3.5) : 3.5
    const before = S.skewKurt(x)
    const after = S.skewKurt(y)
    report.push({
      code: ds.codes[j]!,
      skewBefore: before[0]!,
      kurtBefore: before[1]!,
      skewAfter: after[0]!,
      kurtAfter: after[1]!,
      treatment,
      winsorised,
      points,
      passes: rule(after, st, kt)
    })
  }
  return { data: { units: ds.units, codes: ds.codes, values: out }, report }
}
