import type { DataSet } from "./DataSet.js"
import type { Framework } from "./Framework.js"
import { MeasureError } from "./MeasureError.js"

/**
 * An aggregation method: arithmetic, geometric, harmonic or generalised (power `p`) weighted mean, or the Copeland
 * outranking score.
 *
 * @since 0.1.0
 */
export type Method = "amean" | "gmean" | "hmean" | "genmean" | "copeland"

/**
 * The `aggregate` field of the build spec.
 *
 * @since 0.1.0
 */
export interface AggregateSpec {
  readonly method: Method
  /** Power of the generalised mean. */
  readonly p?: number | undefined
  /** Minimum share of present children for an aggregate to be computed (COINr `dat_thresh`; default none). */
  readonly datThreshold?: number | undefined
  /** Weights by code, overriding the framework's. Rescaled to sum 1 within each group. */
  readonly weights?: Readonly<Record<string, number>> | undefined
  /** Per-level methods from level 2 upwards, overriding `method` (COINr's vector `f_ag`). */
  readonly byLevel?: ReadonlyArray<Method> | undefined
}

/**
 * Weighted arithmetic mean over the present values, weights renormalised (COINr `a_amean`).
 *
 * @since 0.1.0
 */
export const arithmetic = (x: ArrayLike<number>, w: ArrayLike<number>): number => {
  let s = 0
  let W = 0
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!
    if (Number.isNaN(v)) continue
    s += w[k]! * v
    W += w[k]!
  }
  return W === 0 ? Number.NaN : s / W
}

/**
 * The position of the first present value a mean cannot take, or −1: the geometric mean needs values > 0, the
 * harmonic mean values ≠ 0, the generalised mean with p < 0 values > 0 (COINr stops on each of these).
 */
const firstInvalid = (x: ArrayLike<number>, method: "gmean" | "hmean" | "genmean", p = 1): number => {
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!
    if (method === "hmean" ? v === 0 : (method === "gmean" || p < 0) && v <= 0) return k
  }
  return -1
}

const expectation = (method: "gmean" | "hmean" | "genmean", p: number): string =>
  method === "gmean"
    ? "the geometric mean needs values > 0"
    : method === "hmean"
      ? "the harmonic mean needs values ≠ 0"
      : `the generalised mean with p = ${p} < 0 needs values > 0`

const invalid = (method: "gmean" | "hmean" | "genmean", p: number, v: number): MeasureError =>
  new MeasureError(`aggregate.${method}`, `${expectation(method, p)}, found ${v}`)

/**
 * Weighted geometric mean `exp(Σ w ln x / Σ w)` over the present values. A value ≤ 0 is a {@link MeasureError}, as
 * COINr's `a_gmean` stops.
 *
 * @since 0.1.0
 */
export const geometric = (x: ArrayLike<number>, w: ArrayLike<number>): number => {
  const bad = firstInvalid(x, "gmean")
  if (bad >= 0) throw invalid("gmean", 1, x[bad]!)
  let s = 0
  let W = 0
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!
    if (Number.isNaN(v)) continue
    s += w[k]! * Math.log(v)
    W += w[k]!
  }
  return W === 0 ? Number.NaN : Math.exp(s / W)
}

/**
 * Weighted harmonic mean `Σ w / Σ (w/x)` over the present values. A zero is a {@link MeasureError}, as COINr's
 * `a_hmean` stops.
 *
 * @since 0.1.0
 */
export const harmonic = (x: ArrayLike<number>, w: ArrayLike<number>): number => {
  const bad = firstInvalid(x, "hmean")
  if (bad >= 0) throw invalid("hmean", 1, x[bad]!)
  let s = 0
  let W = 0
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!
    if (Number.isNaN(v)) continue
    s += w[k]! / v
    W += w[k]!
  }
  return W === 0 ? Number.NaN : W / s
}

/**
 * Generalised mean `(Σ w x^p / Σ w)^(1/p)`; any missing child gives NaN, as in COINr `a_genmean`. With p < 0 a
 * value ≤ 0 is a {@link MeasureError}, as COINr stops.
 *
 * @since 0.1.0
 */
export const generalised = (x: ArrayLike<number>, w: ArrayLike<number>, p: number): number => {
  if (p === 0) throw new MeasureError("aggregate.p", "p = 0 is the geometric mean: use method gmean")
  const bad = firstInvalid(x, "genmean", p)
  if (bad >= 0) throw invalid("genmean", p, x[bad]!)
  let s = 0
  let W = 0
  for (let k = 0; k < x.length; k++) {
    const v = x[k]!
    if (Number.isNaN(v)) return Number.NaN
    s += w[k]! * v ** p
    W += w[k]!
  }
  return (s / W) ** (1 / p)
}

/**
 * The outranking matrix (COINr `outrankMatrix`), row-major n × n: `O[i][j] = Σ_{k: x_ik > x_jk} w_k +
 * ½ Σ_{k: x_ik = x_jk} w_k` with weights summing to 1; comparisons with a missing value count nothing.
 * `columns[k]` is child k over the n units.
 *
 * @since 0.1.0
 */
export const outrankMatrix = (columns: ReadonlyArray<Float64Array>, w: ArrayLike<number>): Float64Array => {
  const n = columns[0]?.length ?? 0
  let W = 0
  for (let k = 0; k < columns.length; k++) W += w[k]!
  const O = new Float64Array(n * n)
  for (let k = 0; k < columns.length; k++) {
    const c = columns[k]!
    const wk = w[k]! / W
    for (let i = 0; i < n; i++) {
      const a = c[i]!
      if (Number.isNaN(a)) continue
      for (let j = 0; j < n; j++) {
        if (i === j) continue
        const b = c[j]!
        if (a > b) O[i * n + j]! += wk
        else if (a === b) O[i * n + j]! += wk / 2
      }
    }
  }
  return O
}

/**
 * Copeland scores: for each unit, the number of units it outranks (`O > 0.5`) minus those that outrank it.
 *
 * @since 0.1.0
 */
export const copeland = (columns: ReadonlyArray<Float64Array>, w: ArrayLike<number>): Float64Array => {
  const O = outrankMatrix(columns, w)
  const n = columns[0]?.length ?? 0
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < n; j++) {
      if (i === j) continue
      const o = O[i * n + j]!
      s += o > 0.5 ? 1 : o < 0.5 ? -1 : 0
    }
    out[i] = s
  }
  return out
}

/**
 * Aggregates a normalised data set level by level up the framework (COINr `Aggregate`). The result holds the
 * indicator columns followed by every aggregate, level by level, in framework order.
 *
 * @since 0.1.0
 */
export const aggregate = (framework: Framework, ds: DataSet, spec: AggregateSpec): DataSet => {
  const n = ds.units.length
  const indicatorCodes = framework.levels[0]!
  const aggCodes = framework.levels.slice(1).flat()
  const codes = [...indicatorCodes, ...aggCodes]
  const out = new Float64Array(n * codes.length)
  const col = new Map<string, number>()
  indicatorCodes.forEach((c, j) => {
    const src = ds.codes.indexOf(c)
    if (src < 0) throw new MeasureError(c, "expected every framework indicator in the data set to aggregate")
    out.set(ds.values.subarray(src * n, (src + 1) * n), j * n)
    col.set(c, j)
  })
  const weightOf = (c: string) => spec.weights?.[c] ?? framework.weights.get(c) ?? 1
  let j = indicatorCodes.length
  for (let level = 2; level <= framework.levels.length; level++) {
    const method = spec.byLevel?.[level - 2] ?? spec.method
    for (const code of framework.levels[level - 1]!) {
      const kids = framework.children.get(code)!
      const m = kids.length
      const offsets = kids.map((k) => col.get(k)! * n)
      const w = Float64Array.from(kids, weightOf)
      if (method === "copeland") {
        out.set(
          copeland(
            offsets.map((o) => out.subarray(o, o + n)),
            w
          ),
          j * n
        )
      } else {
        const x = new Float64Array(m)
        const p = spec.p ?? 1
        const thresh = spec.datThreshold
        for (let i = 0; i < n; i++) {
          let present = 0
          for (let k = 0; k < m; k++) {
            const v = out[offsets[k]! + i]!
            x[k] = v
            if (!Number.isNaN(v)) present++
          }
          let y: number
          if (thresh !== undefined && present / m < thresh) y = Number.NaN
          else if (method === "amean") y = arithmetic(x, w)
          else if (
            (method === "gmean" || method === "hmean" || method === "genmean") &&
            firstInvalid(x, method, p) >= 0
          ) {
            const k = firstInvalid(x, method, p)
            throw new MeasureError(
              code,
              `${expectation(method, p)}, found ${kids[k]} = ${x[k]} for unit "${ds.units[i]}" (normalise to a positive range, e.g. minmax [1, 100], or use amean)`
            )
          } else if (method === "gmean") y = geometric(x, w)
          else if (method === "hmean") y = harmonic(x, w)
          else y = generalised(x, w, p)
          out[j * n + i] = y
        }
      }
      col.set(code, j)
      j++
    }
  }
  return { units: ds.units, codes, values: out }
}
