import { referenceTotals } from "./internal/reference.js"
import * as LocationQuotient from "./LocationQuotient.js"
import { industryTotals, type Matrix, regionTotals, type Vector } from "./Matrix.js"
import { MatrixError } from "./MatrixError.js"

/**
 * Options for the indices that compare a region with a reference economy.
 *
 * @since 0.1.0
 */
export interface ReferenceOptions {
  /** Reference totals per industry (e.g. the national row). Default: the column totals of the matrix. */
  readonly reference?: ArrayLike<number>
}

const shares = (m: Matrix, options: ReferenceOptions) => {
  const I = m.industries.length
  const reference = referenceTotals(m, options.reference, "reference")
  let grand = 0
  for (let i = 0; i < I; i++) grand += reference[i]!
  const s = reference.map((v) => v / grand)
  return { s, rows: regionTotals(m), I }
}

const perRegion = (m: Matrix, f: (row: Float64Array, total: number) => number): Vector => {
  const I = m.industries.length
  const totals = regionTotals(m)
  const values = new Float64Array(m.regions.length)
  for (let r = 0; r < values.length; r++) values[r] = f(m.values.subarray(r * I, (r + 1) * I), totals[r]!)
  return { labels: m.regions, values }
}

/**
 * Krugman specialisation index `K_r = Σ_i |s_ri − s_i|`, in [0, 2): **not halved**, as EconGeo's `Krugman.index`.
 * Halve it for the coefficient of specialisation ({@link specialisationCoefficient}).
 *
 * @since 0.1.0
 */
export const krugman = (m: Matrix, options: ReferenceOptions = {}): Vector => {
  const { s, rows, I } = shares(m, options)
  const values = new Float64Array(m.regions.length)
  for (let r = 0; r < values.length; r++) {
    let k = 0
    for (let i = 0; i < I; i++) k += Math.abs(m.values[r * I + i]! / rows[r]! - s[i]!)
    values[r] = k
  }
  return { labels: m.regions, values }
}

/**
 * Coefficient of specialisation `K_r / 2` in [0, 1) (EconGeo `spec.coeff`).
 *
 * @since 0.1.0
 */
export const specialisationCoefficient = (m: Matrix, options: ReferenceOptions = {}): Vector => {
  const k = krugman(m, options)
  return { labels: k.labels, values: k.values.map((v) => v / 2) }
}

/**
 * Herfindahl–Hirschman index of a region's industry shares `H_r = Σ_i s_ri²` in [1/N, 1] (EconGeo `Herfindahl`;
 * multiply by 10,000 for the policy scale).
 *
 * @since 0.1.0
 */
export const herfindahl = (m: Matrix): Vector =>
  perRegion(m, (row, total) => {
    let h = 0
    for (const x of row) h += (x / total) ** 2
    return h
  })

/**
 * Normalised Herfindahl `(H − 1/N)/(1 − 1/N)` in [0, 1].
 *
 * @since 0.1.0
 */
export const normalisedHerfindahl = (m: Matrix): Vector => {
  const n = m.industries.length
  const h = herfindahl(m)
  return { labels: h.labels, values: h.values.map((v) => (v - 1 / n) / (1 - 1 / n)) }
}

/**
 * Shannon entropy of a region's industry shares, base 2: `−Σ_i s_ri log2 s_ri` (0 · log 0 = 0). EconGeo's `entropy`
 * adds 1e-9 inside the log and rounds to 3 decimals; this does neither.
 *
 * @since 0.1.0
 */
export const entropy = (m: Matrix): Vector =>
  perRegion(m, (row, total) => {
    let e = 0
    for (const x of row) if (x > 0) e -= (x / total) * Math.log2(x / total)
    return e
  })

/**
 * Theil index of specialisation `T_r = Σ_i s_ri ln(s_ri / s_i)` (Kullback–Leibler divergence of the region's
 * structure from the reference): 0 when the region mirrors the reference.
 *
 * @since 0.1.0
 */
export const theil = (m: Matrix, options: ReferenceOptions = {}): Vector => {
  const { s, rows, I } = shares(m, options)
  const values = new Float64Array(m.regions.length)
  for (let r = 0; r < values.length; r++) {
    let t = 0
    for (let i = 0; i < I; i++) {
      const sri = m.values[r * I + i]! / rows[r]!
      if (sri > 0) t += sri * Math.log(sri / s[i]!)
    }
    values[r] = t
  }
  return { labels: m.regions, values }
}

/**
 * Hachman index `HI_r = 1 / Σ_i s_ri · LQ_ri` in (0, 1]; 1 = the region mirrors the reference (EconGeo `Hachman`).
 *
 * @since 0.1.0
 */
export const hachman = (m: Matrix, options: ReferenceOptions = {}): Vector => {
  const lq = LocationQuotient.of(m, options)
  const I = m.industries.length
  const rows = regionTotals(m)
  const values = new Float64Array(m.regions.length)
  for (let r = 0; r < values.length; r++) {
    let sum = 0
    for (let i = 0; i < I; i++) sum += (m.values[r * I + i]! / rows[r]!) * lq.values[r * I + i]!
    values[r] = 1 / sum
  }
  return { labels: m.regions, values }
}

const column = (m: Matrix, i: number): Float64Array => {
  const I = m.industries.length
  const out = new Float64Array(m.regions.length)
  for (let r = 0; r < out.length; r++) out[r] = m.values[r * I + i]!
  return out
}

/**
 * Gini coefficient of each industry's values across regions (EconGeo `Gini`, without its 3-decimal rounding):
 * `Σ_k (2k − n − 1) x_(k) / (n Σ x)` over the sorted values, the Lorenz-curve (trapezoid) Gini; 0 = equal everywhere.
 *
 * @since 0.1.0
 */
export const gini = (m: Matrix): Vector => {
  const n = m.regions.length
  const values = new Float64Array(m.industries.length)
  for (let i = 0; i < values.length; i++) {
    const x = column(m, i).sort()
    let num = 0
    let sum = 0
    for (let k = 0; k < n; k++) {
      num += (2 * (k + 1) - n - 1) * x[k]!
      sum += x[k]!
    }
    values[i] = num / (n * sum)
  }
  return { labels: m.industries, values }
}

/**
 * Locational Gini of each industry (Krugman 1991; EconGeo `locational.Gini`): regions sorted by the share ratio
 * X_ri / X_r·; the Lorenz curve of the cumulative industry share against the cumulative share of total activity; the
 * area-based Gini **divided by 2**, so the range is 0–0.5.
 *
 * @since 0.1.0
 */
export const locationalGini = (m: Matrix): Vector => {
  const rows = regionTotals(m)
  const totals = industryTotals(m)
  let grand = 0
  for (const v of rows) grand += v
  const R = m.regions.length
  const values = new Float64Array(m.industries.length)
  for (let i = 0; i < values.length; i++) {
    const x = column(m, i)
    const order = Array.from({ length: R }, (_, r) => r).sort((a, b) => x[a]! / rows[a]! - x[b]! / rows[b]!)
    let area = 0
    let cumX = 0
    let cumY = 0
    for (const r of order) {
      const nx = cumX + rows[r]! / grand
      const ny = cumY + x[r]! / totals[i]!
      area += (nx - cumX) * (ny + cumY)
      cumX = nx
      cumY = ny
    }
    values[i] = (1 - area) / 2
  }
  return { labels: m.industries, values }
}

/**
 * Hoover index of each industry (EconGeo `Hoover.index`, without its rounding): `100 · ½ Σ_r |X_ri/X_·i − p_r/Σp|`,
 * where p is a regional population or any other base; default the regions' total activity.
 *
 * @since 0.1.0
 */
export const hoover = (m: Matrix, population?: ArrayLike<number>): Vector => {
  const p = population ? Float64Array.from(population) : regionTotals(m)
  if (p.length !== m.regions.length) {
    throw new MatrixError(`expected ${m.regions.length} population values, one per region, found ${p.length}`)
  }
  p.forEach((v, r) => {
    if (!Number.isFinite(v) || v < 0) {
      throw new MatrixError(
        `population: expected a finite value ≥ 0 for region ${JSON.stringify(m.regions[r])}, found ${v}`
      )
    }
  })
  let total = 0
  for (const v of p) total += v
  const totals = industryTotals(m)
  const values = new Float64Array(m.industries.length)
  for (let i = 0; i < values.length; i++) {
    let h = 0
    for (let r = 0; r < m.regions.length; r++) {
      h += Math.abs(m.values[r * m.industries.length + i]! / totals[i]! - p[r]! / total)
    }
    values[i] = 50 * h
  }
  return { labels: m.industries, values }
}
