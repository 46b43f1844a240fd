import { largestDeflated } from "./internal/eigen.js"
import { fromDense, multiply, type Sparse } from "./internal/sparse.js"
import { mean, pearson, sd } from "./internal/stats.js"
import type { Grid, Vector } from "./Matrix.js"
import { MatrixError } from "./MatrixError.js"

/**
 * Which standard deviation z-scores the ECI: `"population"` (ddof 0; py-ecomplexity and the Atlas, the default) or
 * `"sample"` (N − 1; economiccomplexity, Datawheel, R's `sd`). They differ by the factor √((N − 1)/N).
 *
 * @since 0.1.0
 */
export type StandardDeviation = "population" | "sample"

/**
 * Options for {@link eci}.
 *
 * @since 0.1.0
 */
export interface EciOptions {
  /** Default `"population"`. */
  readonly sd?: StandardDeviation
  /**
   * How PCI is standardised. `"eci"` (default, py-ecomplexity): with the mean and sd of the raw region vector, so that
   * ECI_r is still the mean PCI of the region's industries. `"own"`: z-scored by its own mean and sd
   * (economiccomplexity, Datawheel).
   */
  readonly pciScale?: "eci" | "own"
}

/**
 * The result of {@link eci}. Regions with diversity 0 and industries with ubiquity 0 (possible only with a threshold
 * above 1) have no complexity: their entries are NaN, and they are named in `warnings`.
 *
 * @since 0.1.0
 */
export interface Eci {
  readonly eci: Vector
  readonly pci: Vector
  /** λ2, the eigenvalue whose eigenvector is the ECI (λ1 = 1). */
  readonly eigenvalue: number
  /** Estimate of λ3; the ECI is well determined when λ3 is clearly below λ2. */
  readonly nextEigenvalue: number
  /** ‖A v − λ v‖ of the symmetric problem at convergence. */
  readonly residual: number
  readonly warnings: ReadonlyArray<string>
}

interface Active {
  readonly byRow: Sparse
  readonly byColumn: Sparse
  readonly rowMap: Int32Array
  readonly columnMap: Int32Array
  readonly diversity: Float64Array
  readonly ubiquity: Float64Array
  readonly warnings: Array<string>
}

const active = (mcp: Grid<Uint8Array>): Active => {
  const R = mcp.regions.length
  const I = mcp.industries.length
  const div = new Float64Array(R)
  const ubi = new Float64Array(I)
  for (let r = 0; r < R; r++) {
    for (let i = 0; i < I; i++) {
      if (mcp.values[r * I + i]) {
        div[r]!++
        ubi[i]!++
      }
    }
  }
  const warnings: Array<string> = []
  const rowMap = new Int32Array(R).fill(-1)
  const columnMap = new Int32Array(I).fill(-1)
  const diversity: Array<number> = []
  const ubiquity: Array<number> = []
  const noRows: Array<string> = []
  const noColumns: Array<string> = []
  for (let r = 0; r < R; r++) {
    if (div[r]! > 0) {
      rowMap[r] = diversity.length
      diversity.push(div[r]!)
    } else noRows.push(mcp.regions[r]!)
  }
  for (let i = 0; i < I; i++) {
    if (ubi[i]! > 0) {
      columnMap[i] = ubiquity.length
      ubiquity.push(ubi[i]!)
    } else noColumns.push(mcp.industries[i]!)
  }
  if (noRows.length > 0) warnings.push(`regions with diversity 0 have no ECI: ${noRows.join(", ")}`)
  if (noColumns.length > 0) warnings.push(`industries with ubiquity 0 have no PCI: ${noColumns.join(", ")}`)
  if (diversity.length < 2 || ubiquity.length < 2) {
    throw new MatrixError(
      `complexity needs at least 2 regions with diversity > 0 and 2 industries with ubiquity > 0, found ${diversity.length} and ${ubiquity.length}`
    )
  }
  const { byRow, byColumn } = fromDense(mcp.values, R, I, rowMap, columnMap)
  return {
    byRow,
    byColumn,
    rowMap,
    columnMap,
    diversity: Float64Array.from(diversity),
    ubiquity: Float64Array.from(ubiquity),
    warnings
  }
}

const scatter = (values: Float64Array, map: Int32Array): Float64Array => {
  const out = new Float64Array(map.length).fill(Number.NaN)
  for (let k = 0; k < map.length; k++) if (map[k]! >= 0) out[k] = values[map[k]!]!
  return out
}

/**
 * Raw eigenvector ECI (kc) and PCI (kp), on the consistent scale `kc = D_div⁻¹ M kp`, with kc positively correlated
 * with diversity. Solves the symmetric form A Aᵀ (A = D_div^−½ M D_ubi^−½) on the smaller side.
 */
const eigen = (a: Active) => {
  const { byRow, byColumn, diversity, ubiquity } = a
  const R = byRow.rows
  const I = byColumn.rows
  // Solve on the side with fewer entries: "column" side = industries unless regions are fewer.
  const industrySide = I <= R
  const outer = industrySide ? byRow : byColumn // maps the solve side to the other side: y_other = M x
  const inner = industrySide ? byColumn : byRow
  const dOuter = industrySide ? diversity : ubiquity
  const dInner = industrySide ? ubiquity : diversity
  const n = inner.rows
  const m = outer.rows
  const scaleIn = new Float64Array(n)
  for (let k = 0; k < n; k++) scaleIn[k] = 1 / Math.sqrt(dInner[k]!)
  const t = new Float64Array(n)
  const s = new Float64Array(m)
  const apply = (x: Float64Array, y: Float64Array) => {
    for (let k = 0; k < n; k++) t[k] = x[k]! * scaleIn[k]!
    multiply(outer, t, s)
    for (let k = 0; k < m; k++) s[k] = s[k]! / dOuter[k]!
    multiply(inner, s, y)
    for (let k = 0; k < n; k++) y[k] = y[k]! * scaleIn[k]!
  }
  const known = new Float64Array(n)
  let total = 0
  for (let k = 0; k < n; k++) total += dInner[k]!
  for (let k = 0; k < n; k++) known[k] = Math.sqrt(dInner[k]! / total)
  const pair = largestDeflated(n, apply, known)
  const kInner = new Float64Array(n)
  for (let k = 0; k < n; k++) kInner[k] = pair.vector[k]! * scaleIn[k]!
  const kOuter = new Float64Array(m)
  multiply(outer, kInner, kOuter)
  for (let k = 0; k < m; k++) kOuter[k] = kOuter[k]! / dOuter[k]!
  let kc: Float64Array
  let kp: Float64Array
  if (industrySide) {
    kp = kInner
    kc = kOuter
  } else {
    // kOuter = D_ubi⁻¹ Mᵀ kc = λ kp
    kc = kInner
    kp = kOuter.map((v) => v / pair.value)
  }
  if (pearson(kc, diversity) < 0) {
    for (let k = 0; k < kc.length; k++) kc[k] = -kc[k]!
    for (let k = 0; k < kp.length; k++) kp[k] = -kp[k]!
  }
  return { kc, kp, pair }
}

/**
 * Economic complexity of regions (ECI) and industries (PCI) by the eigenvector method (Hidalgo & Hausmann 2009;
 * Atlas): the eigenvector of the second largest eigenvalue of `D_div⁻¹ M D_ubi⁻¹ Mᵀ`, computed through the symmetric
 * similar matrix with a Lanczos solver that deflates the known first eigenvector and converges to a measured residual
 * of 1e-14 (close eigenvalues cost iterations, never accuracy). Sign: ECI positively correlated with diversity. ECI is
 * z-scored with the chosen sd; PCI as set by `pciScale`. Matches py-ecomplexity 0.5.2 with the defaults.
 *
 * Warns when λ2 is within 1e-9 of 1: M then splits into disconnected blocks and the "ECI" only labels the blocks.
 *
 * @example
 * ```ts
 * const mcp = LocationQuotient.presence(matrix)
 * const { eci, pci } = Complexity.eci(mcp)
 * ```
 * @since 0.1.0
 */
export const eci = (mcp: Grid<Uint8Array>, options: EciOptions = {}): Eci => {
  const a = active(mcp)
  const { kc, kp, pair } = eigen(a)
  const ddof = options.sd === "sample" ? 1 : 0
  const mc = mean(kc)
  const sc = sd(kc, ddof)
  const own = options.pciScale === "own"
  const mp = own ? mean(kp) : mc
  const sp = own ? sd(kp, ddof) : sc
  const eciValues = kc.map((v) => (v - mc) / sc)
  const pciValues = kp.map((v) => (v - mp) / sp)
  const warnings = [...a.warnings]
  if (pair.value > 1 - 1e-9) {
    warnings.push(
      `the second eigenvalue is ${pair.value}, i.e. 1: the region–industry network is disconnected and the ECI only separates its components`
    )
  }
  return {
    eci: { labels: mcp.regions, values: scatter(eciValues, a.rowMap) },
    pci: { labels: mcp.industries, values: scatter(pciValues, a.columnMap) },
    eigenvalue: pair.value,
    nextEigenvalue: pair.next,
    residual: pair.residual,
    warnings
  }
}

/**
 * Options for {@link reflections}.
 *
 * @since 0.1.0
 */
export interface ReflectionOptions {
  /** Number of reflections; default 20 (economiccomplexity, Datawheel). */
  readonly iterations?: number
  /** Default `"sample"` (economiccomplexity). */
  readonly sd?: StandardDeviation
}

/**
 * The method of reflections (Hidalgo & Hausmann 2009), economiccomplexity's convention: k_r,0 = diversity,
 * k_i,0 = ubiquity, `k_r,N = mean of k_i,N−1 over the region's industries` and vice versa; returns the region vector
 * after `iterations − 2` steps and the industry vector after `iterations − 1` steps (economiccomplexity's kx at column
 * iterations − 2 and ky at iterations − 1, 0-based), each z-scored. Then, unlike economiccomplexity, the sign is fixed so
 * that ECI correlates positively with diversity. A fixed even number of steps, never "until convergence" (the
 * information is in deviations that shrink like λ2^N).
 *
 * @since 0.1.0
 */
export const reflections = (mcp: Grid<Uint8Array>, options: ReflectionOptions = {}) => {
  const iterations = options.iterations ?? 20
  if (!Number.isInteger(iterations) || iterations < 2) {
    throw new MatrixError(`expected at least 2 reflections, found ${iterations}`)
  }
  const a = active(mcp)
  const { byRow, byColumn, diversity, ubiquity } = a
  let kx = diversity.slice()
  let ky = ubiquity.slice()
  // column j of economiccomplexity's matrices holds step j; we need kx at j = iterations − 2, ky at iterations − 1
  for (let j = 1; j < iterations; j++) {
    const nx = new Float64Array(kx.length)
    const ny = new Float64Array(ky.length)
    multiply(byRow, ky, nx)
    multiply(byColumn, kx, ny)
    for (let k = 0; k < nx.length; k++) nx[k] = nx[k]! / diversity[k]!
    for (let k = 0; k < ny.length; k++) ny[k] = ny[k]! / ubiquity[k]!
    if (j <= iterations - 2) kx = nx
    ky = ny
  }
  const ddof = options.sd === "population" ? 0 : 1
  const mx = mean(kx)
  const sx = sd(kx, ddof)
  const my = mean(ky)
  const sy = sd(ky, ddof)
  const sign = pearson(kx, diversity) < 0 ? -1 : 1
  return {
    eci: {
      labels: mcp.regions,
      values: scatter(
        kx.map((v) => (sign * (v - mx)) / sx),
        a.rowMap
      )
    } as Vector,
    pci: {
      labels: mcp.industries,
      values: scatter(
        ky.map((v) => (sign * (v - my)) / sy),
        a.columnMap
      )
    } as Vector,
    warnings: a.warnings as ReadonlyArray<string>
  }
}

/**
 * Subnational complexity (Datawheel's `complexity_subnational`): a region's ECI is the mean of an **external**
 * (national or global) PCI over the industries in which the region has M = 1. Industries without an external PCI are
 * left out of the mean and listed in `missing`; a region with no such industry gets NaN.
 *
 * @since 0.1.0
 */
export const subnational = (mcp: Grid<Uint8Array>, externalPci: Readonly<Record<string, number>>) => {
  const I = mcp.industries.length
  const pci = mcp.industries.map((code) => (Object.hasOwn(externalPci, code) ? externalPci[code]! : Number.NaN))
  const missing = mcp.industries.filter((_, i) => Number.isNaN(pci[i]!))
  const values = new Float64Array(mcp.regions.length)
  for (let r = 0; r < values.length; r++) {
    let s = 0
    let n = 0
    for (let i = 0; i < I; i++) {
      if (mcp.values[r * I + i] && !Number.isNaN(pci[i]!)) {
        s += pci[i]!
        n++
      }
    }
    values[r] = n > 0 ? s / n : Number.NaN
  }
  return { eci: { labels: mcp.regions, values } as Vector, missing: missing as ReadonlyArray<string> }
}

/**
 * Complexity outlook (Hausmann et al., Atlas 2011/2013) from a presence matrix, a proximity matrix φ, the relatedness
 * density and a PCI vector:
 * `COI_r = Σ_i (1 − M_ri) · density_ri · PCI_i` (how many complex, nearby industries a region does not yet have) and
 * `COG_ri = (1 − M_ri) · Σ_j [φ_ij / Σ_k φ_kj] · (1 − M_rj) · PCI_j` (the gain in outlook from entering i).
 * Raw values with the PCI as given; py-ecomplexity further z-scores COI and divides COG by the sd of its raw ECI, and
 * uses its own unstandardised PCI, so values are comparable to it only up to that scaling (not golden-tested).
 *
 * @since 0.1.0
 */
export const outlook = (
  mcp: Grid<Uint8Array>,
  phi: { readonly labels: ReadonlyArray<string>; readonly values: Float64Array },
  density: Grid<Float64Array>,
  pci: Vector
): { coi: Vector; cog: Grid<Float64Array> } => {
  const R = mcp.regions.length
  const I = mcp.industries.length
  if (phi.labels.length !== I || pci.values.length !== I || density.values.length !== R * I) {
    throw new MatrixError("expected proximity, density and PCI over the same industries as the presence matrix")
  }
  const p = pci.values
  const columnTotals = new Float64Array(I)
  for (let k = 0; k < I; k++) for (let j = 0; j < I; j++) columnTotals[j]! += phi.values[k * I + j]!
  // W_ij = φ_ij / Σ_k φ_kj, so COG_r = (1 − M_r) ∘ (W · ((1 − M_r) ∘ PCI))
  const coi = new Float64Array(R)
  const cog = new Float64Array(R * I)
  const x = new Float64Array(I)
  for (let r = 0; r < R; r++) {
    const base = r * I
    let c = 0
    for (let j = 0; j < I; j++) {
      const absent = mcp.values[base + j] ? 0 : 1
      x[j] = absent ? p[j]! / columnTotals[j]! : 0
      if (absent) c += density.values[base + j]! * p[j]!
    }
    coi[r] = c
    for (let i = 0; i < I; i++) {
      if (mcp.values[base + i]) continue
      const row = i * I
      let s = 0
      for (let j = 0; j < I; j++) s += phi.values[row + j]! * x[j]!
      cog[base + i] = s
    }
  }
  return {
    coi: { labels: mcp.regions, values: coi },
    cog: { regions: mcp.regions, industries: mcp.industries, values: cog }
  }
}
