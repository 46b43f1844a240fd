/**
 * Eigenvalues and eigenvectors of a small dense symmetric matrix.
 *
 * @since 0.1.0
 */
export interface Decomposition {
  /** The eigenvalues. */
  readonly values: Float64Array
  /** The eigenvectors as the columns of a row-major k × k matrix: vector j is `vectors[r * k + j]`, r = 0 … k − 1. */
  readonly vectors: Float64Array
}

/**
 * The cyclic Jacobi method: robust and accurate to machine precision, for matrices up to a few hundred rows (a
 * correlation matrix for PCA, a Lanczos tridiagonal). It sweeps until the off-diagonal mass is below 1e-34 of the
 * diagonal's. `a` (row-major k × k) is left as it is; the eigenvalues come in the order of the diagonal they end on
 * (see {@link sorted}).
 *
 * @example
 * ```ts
 * const { values } = SymmetricEigen.jacobi(Float64Array.of(2, 1, 1, 2), 2) // 1 and 3
 * ```
 * @since 0.1.0
 */
export const jacobi = (input: Float64Array, k: number): Decomposition => {
  const a = new Float64Array(input)
  const v = new Float64Array(k * k)
  for (let i = 0; i < k; i++) v[i * k + i] = 1
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    let diag = 0
    for (let p = 0; p < k; p++) {
      diag += a[p * k + p]! * a[p * k + p]!
      for (let q = p + 1; q < k; q++) off += a[p * k + q]! * a[p * k + q]!
    }
    if (off <= 1e-34 * diag || off === 0) break
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!
        if (apq === 0) continue
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!
          const arq = a[r * k + q]!
          a[r * k + p] = c * arp - s * arq
          a[r * k + q] = s * arp + c * arq
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!
          const aqr = a[q * k + r]!
          a[p * k + r] = c * apr - s * aqr
          a[q * k + r] = s * apr + c * aqr
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!
          const vrq = v[r * k + q]!
          v[r * k + p] = c * vrp - s * vrq
          v[r * k + q] = s * vrp + c * vrq
        }
      }
    }
  }
  const values = new Float64Array(k)
  for (let i = 0; i < k; i++) values[i] = a[i * k + i]!
  return { values, vectors: v }
}

/**
 * A decomposition with its eigenvalues in decreasing order and the eigenvectors moved with them.
 *
 * @since 0.1.0
 */
export const sorted = (d: Decomposition, k: number): Decomposition => {
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => d.values[y]! - d.values[x]!)
  const vectors = new Float64Array(k * k)
  order.forEach((from, j) => {
    for (let r = 0; r < k; r++) vectors[r * k + j] = d.vectors[r * k + from]!
  })
  return { values: Float64Array.from(order, (i) => d.values[i]!), vectors }
}
