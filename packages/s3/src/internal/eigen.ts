import { Prng, SymmetricEigen } from "@innokraft/numerics"

const dot = (x: Float64Array, y: Float64Array, n: number): number => {
  let s = 0
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!
  return s
}

const axpy = (alpha: number, x: Float64Array, y: Float64Array, n: number): void => {
  for (let i = 0; i < n; i++) y[i]! += alpha * x[i]!
}

/** The result of {@link largestDeflated}. */
export interface EigenPair {
  readonly value: number
  readonly vector: Float64Array
  /** The next Ritz value below `value` (an estimate of the following eigenvalue). */
  readonly next: number
  /** ‖A v − λ v‖ with ‖v‖ = 1, measured, not estimated. */
  readonly residual: number
  readonly matvecs: number
}

/**
 * The largest eigenpair of a symmetric positive semi-definite operator `apply` (y = A x) of size n, restricted to the
 * orthogonal complement of the unit vector `known` (the eigenvector of the known largest eigenvalue). Lanczos with full
 * re-orthogonalisation (twice, classical Gram–Schmidt) and explicit restarts from the current Ritz vector, until the
 * *measured* residual ‖A v − λ v‖ ≤ tolerance · max(λ, 1e-300). Close eigenvalues (λ3/λ2 = 0.9 or closer) only cost
 * more Lanczos steps; it never stops early on a small change between iterates.
 */
export const largestDeflated = (
  n: number,
  apply: (x: Float64Array, y: Float64Array) => void,
  known: Float64Array,
  tolerance = 1e-14,
  acceptable = 1e-12
): EigenPair => {
  const dimension = n - 1
  const maxBasis = Math.max(2, Math.min(dimension, 160))
  const random = Prng.mulberry32(0x5eed)
  let start: Float64Array = new Float64Array(n)
  for (let i = 0; i < n; i++) start[i] = random() - 0.5
  let best: EigenPair | undefined
  let matvecs = 0
  for (let restart = 0; restart < 60; restart++) {
    const basis: Array<Float64Array> = []
    const alpha: Array<number> = []
    const beta: Array<number> = []
    const q = start.slice()
    orthogonalise(q, known, basis, n)
    let norm = Math.sqrt(dot(q, q, n))
    if (!(norm > 0)) {
      for (let i = 0; i < n; i++) q[i] = random() - 0.5
      orthogonalise(q, known, basis, n)
      norm = Math.sqrt(dot(q, q, n))
    }
    for (let i = 0; i < n; i++) q[i] = q[i]! / norm
    basis.push(q)
    const w = new Float64Array(n)
    let nextCheck = 8
    let ritz: EigenPair | undefined
    for (let j = 0; j < maxBasis; j++) {
      const qj = basis[j]!
      apply(qj, w)
      matvecs++
      const a = dot(qj, w, n)
      alpha.push(a)
      orthogonalise(w, known, basis, n)
      const b = Math.sqrt(dot(w, w, n))
      const last = j + 1 === maxBasis || b <= 1e-14 * Math.abs(a) || j + 1 >= dimension
      if (j + 1 >= nextCheck || last) {
        nextCheck = Math.ceil((j + 1) * 1.4)
        ritz = ritzPair(alpha, beta, basis, apply, n)
        matvecs++
        if (!best || ritz.residual < best.residual) best = ritz
        if (ritz.residual <= tolerance * Math.max(ritz.value, 1e-300)) return { ...ritz, matvecs }
      }
      if (last) break
      beta.push(b)
      const next = new Float64Array(n)
      for (let i = 0; i < n; i++) next[i] = w[i]! / b
      basis.push(next)
    }
    if (ritz === undefined) break
    start = ritz.vector
  }
  if (best && best.residual <= acceptable * Math.max(best.value, 1e-300)) return { ...best, matvecs }
  throw new Error(`the eigen-solver did not converge (residual ${best?.residual}); please report this matrix`)
}

const orthogonalise = (w: Float64Array, known: Float64Array, basis: ReadonlyArray<Float64Array>, n: number): void => {
  for (let pass = 0; pass < 2; pass++) {
    axpy(-dot(known, w, n), known, w, n)
    for (const b of basis) axpy(-dot(b, w, n), b, w, n)
  }
}

const ritzPair = (
  alpha: ReadonlyArray<number>,
  beta: ReadonlyArray<number>,
  basis: ReadonlyArray<Float64Array>,
  apply: (x: Float64Array, y: Float64Array) => void,
  n: number
): EigenPair => {
  const k = alpha.length
  const t = new Float64Array(k * k)
  for (let i = 0; i < k; i++) {
    t[i * k + i] = alpha[i]!
    if (i + 1 < k) {
      t[i * k + i + 1] = beta[i]!
      t[(i + 1) * k + i] = beta[i]!
    }
  }
  const { values, vectors } = SymmetricEigen.jacobi(t, k)
  let top = 0
  for (let i = 1; i < k; i++) if (values[i]! > values[top]!) top = i
  let second = Number.NEGATIVE_INFINITY
  for (let i = 0; i < k; i++) if (i !== top && values[i]! > second) second = values[i]!
  const v = new Float64Array(n)
  for (let i = 0; i < k; i++) axpy(vectors[i * k + top]!, basis[i]!, v, n)
  const norm = Math.sqrt(dot(v, v, n))
  for (let i = 0; i < n; i++) v[i] = v[i]! / norm
  const av = new Float64Array(n)
  apply(v, av)
  const lambda = dot(v, av, n)
  axpy(-lambda, v, av, n)
  return { value: lambda, vector: v, next: second, residual: Math.sqrt(dot(av, av, n)), matvecs: 0 }
}
