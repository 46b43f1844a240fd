import { referenceTotals } from "./internal/reference.js"
import type { Grid, Matrix, Panel, Vector } from "./Matrix.js"
import { MatrixError } from "./MatrixError.js"

/**
 * Reference (national) totals per industry for the base and end year. Default: the column totals of the two matrices
 * (the regions in the matrix make up the nation).
 *
 * @since 0.1.0
 */
export interface Reference {
  readonly base: ArrayLike<number>
  readonly end: ArrayLike<number>
}

/**
 * A shift-share decomposition per region and industry (row-major like a {@link Matrix}), with
 * `nationalShare + industryMix + competitive = change` in every cell.
 *
 * @since 0.1.0
 */
export interface Decomposition {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  /** e_ri,t − e_ri,0. */
  readonly change: Float64Array
  /** NS = e_ri,0 · g. */
  readonly nationalShare: Float64Array
  /** IM = e_ri,0 · (g_i − g). */
  readonly industryMix: Float64Array
  /** RS = e_ri,0 · (g_ri − g_i), the regional competitive effect. */
  readonly competitive: Float64Array
}

const sameShape = (a: Matrix, b: Matrix): void => {
  const same = (x: ReadonlyArray<string>, y: ReadonlyArray<string>) =>
    x.length === y.length && x.every((v, k) => v === y[k])
  if (!same(a.regions, b.regions) || !same(a.industries, b.industries)) {
    throw new MatrixError(
      "expected the base and end matrices to have the same regions and industries in the same order"
    )
  }
}

/**
 * Classic shift-share analysis between a base and an end year. With national growth g = E_t/E_0 − 1, industry growth
 * g_i and regional industry growth g_ri: NS = e_0·g, IM = e_0·(g_i − g), RS = e_0·(g_ri − g_i). RS is computed as
 * the remainder `change − (NS + IM)` (the formula up to rounding). For integer counts `NS + IM + RS === e_t − e_0`
 * holds exactly in floating point, in any order of summation: NS and IM are rounded to a power-of-two grid about
 * 2^−50 of the cell's magnitude so that every sum is exact. For other data the identity holds to rounding. Cells with
 * e_0 = 0 have no growth rate: their whole change is competitive.
 *
 * @example
 * ```ts
 * const d = ShiftShare.classic(Matrix.year(panel, 2000), Matrix.year(panel, 2017))
 * ShiftShare.byRegion(d).competitive // per region
 * ```
 * @since 0.1.0
 */
export const classic = (base: Matrix, end: Matrix, reference?: Reference): Decomposition => {
  sameShape(base, end)
  const I = base.industries.length
  const E0 = referenceTotals(base, reference?.base, "reference.base")
  const Et = referenceTotals(end, reference?.end, "reference.end")
  let total0 = 0
  let totalT = 0
  for (let i = 0; i < I; i++) {
    total0 += E0[i]!
    totalT += Et[i]!
  }
  const g = totalT / total0 - 1
  const gi = E0.map((v, i) => Et[i]! / v - 1)
  const n = base.values.length
  const change = new Float64Array(n)
  const nationalShare = new Float64Array(n)
  const industryMix = new Float64Array(n)
  const competitive = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const e0 = base.values[k]!
    const i = k % I
    change[k] = end.values[k]! - e0
    const [ns, im, rs] = exact(change[k]!, e0 * g, e0 === 0 ? 0 : e0 * (gi[i]! - g))
    nationalShare[k] = ns
    industryMix[k] = im
    competitive[k] = rs
  }
  return { regions: base.regions, industries: base.industries, change, nationalShare, industryMix, competitive }
}

/**
 * Makes NS + IM + RS reproduce the change bit for bit: NS and IM are rounded to the nearest multiple of a power of two
 * q ≈ 2^−50 × the cell's magnitude (a relative change below 1e-15), so that their sum and the remainder RS = change −
 * (NS + IM) are exact doubles. Needs the change itself on the grid q, which holds for integer counts below 2^49; for
 * other data the components are left as computed and the identity holds to rounding.
 */
const exact = (change: number, ns: number, im: number): [number, number, number] => {
  const m = Math.max(Math.abs(ns), Math.abs(im), Math.abs(change), 1)
  const q = 2 ** (Math.ceil(Math.log2(m)) + 2 - 52)
  if (Number.isInteger(change / q)) {
    const a = Math.round(ns / q) * q
    const b = Math.round(im / q) * q
    return [a, b, change - (a + b)]
  }
  return [ns, im, change - (ns + im)]
}

const add = (into: Decomposition, d: Decomposition): void => {
  for (let k = 0; k < into.change.length; k++) {
    into.change[k]! += d.change[k]!
    into.nationalShare[k]! += d.nationalShare[k]!
    into.industryMix[k]! += d.industryMix[k]!
    into.competitive[k]! += d.competitive[k]!
  }
}

/**
 * Dynamic shift-share (Barff & Knight 1988): the classic decomposition for every consecutive pair of years from
 * `from` to `to` (default the first and last year of the panel), each with its own base, summed. `reference` gives
 * the national totals per year (same order as `panel.years`); default the column totals.
 *
 * @since 0.1.0
 */
export const dynamic = (
  panel: Panel,
  options: {
    readonly from?: number
    readonly to?: number
    readonly reference?: ReadonlyArray<ArrayLike<number>>
  } = {}
): Decomposition => {
  const years = panel.years
  const a = options.from === undefined ? 0 : years.indexOf(options.from)
  const b = options.to === undefined ? years.length - 1 : years.indexOf(options.to)
  if (a < 0 || b < 0 || b <= a) {
    throw new MatrixError(`expected two years of the panel (${years.join(", ")}), the first before the second`)
  }
  const slice = (k: number): Matrix => ({
    regions: panel.regions,
    industries: panel.industries,
    values: panel.values[k]!
  })
  const n = panel.regions.length * panel.industries.length
  const sum: Decomposition = {
    regions: panel.regions,
    industries: panel.industries,
    change: new Float64Array(n),
    nationalShare: new Float64Array(n),
    industryMix: new Float64Array(n),
    competitive: new Float64Array(n)
  }
  const ref = options.reference
  if (ref !== undefined) {
    if (ref.length !== years.length) {
      throw new MatrixError(`reference: expected one vector of totals per year (${years.length}), found ${ref.length}`)
    }
    for (let k = a; k <= b; k++) referenceTotals(slice(k), ref[k], `reference[${k}] (${years[k]})`)
  }
  for (let k = a; k < b; k++) {
    add(sum, classic(slice(k), slice(k + 1), ref ? { base: ref[k]!, end: ref[k + 1]! } : undefined))
  }
  return sum
}

/**
 * The components summed over industries, per region.
 *
 * @since 0.1.0
 */
export const byRegion = (
  d: Decomposition
): { change: Vector; nationalShare: Vector; industryMix: Vector; competitive: Vector } => {
  const I = d.industries.length
  const sum = (x: Float64Array): Vector => {
    const values = new Float64Array(d.regions.length)
    for (let k = 0; k < x.length; k++) values[Math.floor(k / I)]! += x[k]!
    return { labels: d.regions, values }
  }
  return {
    change: sum(d.change),
    nationalShare: sum(d.nationalShare),
    industryMix: sum(d.industryMix),
    competitive: sum(d.competitive)
  }
}

/**
 * Esteban-Marquillas (1972) split of the competitive effect: homothetic employment `ê_ri = e_r,0 · E_i,0 / E_0`;
 * `net = ê_ri·(g_ri − g_i)`, `allocation = (e_ri,0 − ê_ri)·(g_ri − g_i)` (positive = specialised in an industry in
 * which the region is competitive); `net + allocation = competitive` of {@link classic}. Cells with e_ri,0 = 0 have no
 * growth rate: their whole change is counted as net.
 *
 * @since 0.1.0
 */
export const estebanMarquillas = (base: Matrix, end: Matrix, reference?: Reference) => {
  const d = classic(base, end, reference)
  const I = base.industries.length
  const E0 = referenceTotals(base, reference?.base, "reference.base")
  let total0 = 0
  for (const v of E0) total0 += v
  const n = base.values.length
  const homothetic = new Float64Array(n)
  const net = new Float64Array(n)
  const allocation = new Float64Array(n)
  for (let r = 0; r < base.regions.length; r++) {
    let er0 = 0
    for (let i = 0; i < I; i++) er0 += base.values[r * I + i]!
    for (let i = 0; i < I; i++) {
      const k = r * I + i
      const e0 = base.values[k]!
      homothetic[k] = (er0 * E0[i]!) / total0
      if (e0 === 0) {
        net[k] = d.competitive[k]!
        continue
      }
      const differential = d.competitive[k]! / e0 // g_ri − g_i
      allocation[k] = (e0 - homothetic[k]!) * differential
      net[k] = d.competitive[k]! - allocation[k]!
    }
  }
  const grid = (values: Float64Array): Grid<Float64Array> => ({
    regions: base.regions,
    industries: base.industries,
    values
  })
  return { decomposition: d, homothetic: grid(homothetic), net: grid(net), allocation: grid(allocation) }
}

/**
 * Growth rates `e_t / e_0 − 1` per cell (NaN where e_0 = 0).
 *
 * @since 0.1.0
 */
export const growth = (base: Matrix, end: Matrix): Grid<Float64Array> => {
  sameShape(base, end)
  const values = base.values.map((e0, k) => (e0 === 0 ? Number.NaN : end.values[k]! / e0 - 1))
  return { regions: base.regions, industries: base.industries, values }
}
