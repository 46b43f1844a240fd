import { referenceTotals } from "./internal/reference.js"
import { type Grid, type Matrix, regionTotals, type Vector } from "./Matrix.js"

/**
 * Options for {@link of} and {@link presence}.
 *
 * @since 0.1.0
 */
export interface ReferenceOptions {
  /**
   * Reference totals per industry (e.g. the national row, or the EU). Default: the column totals of the matrix itself
   * (the regions in it are the reference economy), which is what py-ecomplexity, economiccomplexity and EconGeo do.
   */
  readonly reference?: ArrayLike<number>
}

const referenceShares = (m: Matrix, options: ReferenceOptions): { totals: Float64Array; grand: number } => {
  const totals = referenceTotals(m, options.reference, "reference")
  let grand = 0
  for (let i = 0; i < totals.length; i++) grand += totals[i]!
  return { totals, grand }
}

/**
 * Location quotient = Balassa revealed comparative advantage,
 * `LQ_ri = (X_ri / X_r·) / (X_·i / X_··)`, computed as `(X_ri · X_··) / (X_r· · X_·i)` to keep rounding small.
 * A zero row or column gives NaN: use `Matrix.dropEmpty` first.
 *
 * @example
 * ```ts
 * const lq = LocationQuotient.of(Matrix.make(["a", "b"], ["x", "y"], [1, 3, 3, 1])) // values 0.5, 1.5, 1.5, 0.5
 * ```
 * @since 0.1.0
 */
export const of = (m: Matrix, options: ReferenceOptions = {}): Matrix => {
  const I = m.industries.length
  const rows = regionTotals(m)
  const { totals, grand } = referenceShares(m, options)
  const out = new Float64Array(m.values.length)
  for (let r = 0; r < m.regions.length; r++) {
    const rowTotal = rows[r]!
    for (let i = 0; i < I; i++) {
      const k = r * I + i
      out[k] = (m.values[k]! * grand) / (rowTotal * totals[i]!)
    }
  }
  return { regions: m.regions, industries: m.industries, values: out }
}

/**
 * Symmetric location quotient (Laursen 1998, revealed symmetric comparative advantage): `(LQ − 1)/(LQ + 1)` in
 * [−1, 1]; use it to average or regress.
 *
 * @since 0.1.0
 */
export const symmetric = (lq: Matrix): Matrix => ({
  regions: lq.regions,
  industries: lq.industries,
  values: lq.values.map((v) => (v - 1) / (v + 1))
})

/**
 * Options for {@link presence}.
 *
 * @since 0.1.0
 */
export interface PresenceOptions extends ReferenceOptions {
  /** M_ri = 1 when LQ_ri ≥ threshold. Default 1. */
  readonly threshold?: number
  /**
   * Relative tolerance of the comparison, so that an LQ that is exactly 1 in exact arithmetic but 0.9999999999999998
   * in floating point still counts. Default 1e-12. Not used when both sides are exact integers (integer counts).
   */
  readonly tolerance?: number
}

/**
 * The binary presence matrix M: `M_ri = 1` if `LQ_ri ≥ threshold` (default 1, as in py-ecomplexity,
 * economiccomplexity and EconGeo). The comparison is `X_ri · X_·· ≥ t · X_r· · X_·i`, exact when both products are
 * integers below 2^53 (integer counts) and with a relative `tolerance` otherwise, so counts that give an LQ of exactly
 * 1 are present however the division rounds. Zero rows and columns give 0, never 1.
 *
 * @since 0.1.0
 */
export const presence = (m: Matrix, options: PresenceOptions = {}): Grid<Uint8Array> => {
  const threshold = options.threshold ?? 1
  const tolerance = options.tolerance ?? 1e-12
  const I = m.industries.length
  const rows = regionTotals(m)
  const { totals, grand } = referenceShares(m, options)
  const out = new Uint8Array(m.values.length)
  const factor = threshold * (1 - tolerance)
  for (let r = 0; r < m.regions.length; r++) {
    const rowTotal = rows[r]!
    if (rowTotal === 0) continue
    for (let i = 0; i < I; i++) {
      const k = r * I + i
      const x = m.values[k]!
      if (x <= 0) continue
      const left = x * grand
      const right = threshold * rowTotal * totals[i]!
      // integer counts: both products are exact, so compare exactly; otherwise allow for rounding
      if (
        Number.isSafeInteger(left) && Number.isSafeInteger(right)
          ? left >= right
          : left >= factor * rowTotal * totals[i]!
      ) {
        out[k] = 1
      }
    }
  }
  return { regions: m.regions, industries: m.industries, values: out }
}

/**
 * The binary matrix of an already computed LQ/RCA matrix (`LQ ≥ threshold · (1 − tolerance)`; NaN → 0).
 *
 * @since 0.1.0
 */
export const binary = (lq: Matrix, options: { readonly threshold?: number; readonly tolerance?: number } = {}) => {
  const cut = (options.threshold ?? 1) * (1 - (options.tolerance ?? 1e-12))
  const out = new Uint8Array(lq.values.length)
  for (let k = 0; k < out.length; k++) if (lq.values[k]! >= cut) out[k] = 1
  return { regions: lq.regions, industries: lq.industries, values: out } satisfies Grid<Uint8Array>
}

/**
 * Diversity k_r,0 = Σ_i M_ri: the number of industries in which a region is specialised.
 *
 * @since 0.1.0
 */
export const diversity = (mcp: Grid<Uint8Array>): Vector => {
  const I = mcp.industries.length
  const out = new Float64Array(mcp.regions.length)
  for (let r = 0; r < out.length; r++) {
    let s = 0
    for (let i = 0; i < I; i++) s += mcp.values[r * I + i]!
    out[r] = s
  }
  return { labels: mcp.regions, values: out }
}

/**
 * Ubiquity k_i,0 = Σ_r M_ri: the number of regions specialised in an industry.
 *
 * @since 0.1.0
 */
export const ubiquity = (mcp: Grid<Uint8Array>): Vector => {
  const I = mcp.industries.length
  const out = new Float64Array(I)
  for (let r = 0; r < mcp.regions.length; r++) for (let i = 0; i < I; i++) out[i]! += mcp.values[r * I + i]!
  return { labels: mcp.industries, values: out }
}
