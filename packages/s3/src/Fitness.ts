import { fromDense, identityMap } from "./internal/sparse.js"
import type { Grid, Vector } from "./Matrix.js"
import { MatrixError } from "./MatrixError.js"

/**
 * Options for {@link of}.
 *
 * @since 0.1.0
 */
export interface FitnessOptions {
  /**
   * economiccomplexity's `iterations` (default 20): the result is column `iterations` of a matrix whose column 1 is the
   * start F = Q = 1, i.e. `iterations − 1` update steps.
   */
  readonly iterations?: number
  /** γ in `Q̃_i = (Σ_r M_ri F_r^−γ)^(−1/γ)`; 1 (default) is the original algorithm. */
  readonly extremality?: number
}

/**
 * Fitness–Complexity (Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero 2012), economiccomplexity 1.4's
 * convention exactly: start F = Q = 1; each step `F̃_r = Σ_i M_ri Q_i`, `Q̃_i = 1 / Σ_r M_ri / F_r`, both from the
 * previous step's normalised values, each divided by its arithmetic mean. A fixed number of steps, because the
 * algorithm need not converge on nested matrices (Pugliese et al. 2016): many F tend to 0. Show log F.
 *
 * Regions with diversity 0 get F = 0; an industry with ubiquity 0 would get Q̃ = ∞, so it is a {@link MatrixError}
 * (drop it first).
 *
 * @since 0.1.0
 */
export const of = (mcp: Grid<Uint8Array>, options: FitnessOptions = {}): { fitness: Vector; complexity: Vector } => {
  const iterations = options.iterations ?? 20
  const gamma = options.extremality ?? 1
  if (!Number.isInteger(iterations) || iterations < 1) {
    throw new MatrixError(`expected a positive whole number of iterations, found ${iterations}`)
  }
  const R = mcp.regions.length
  const I = mcp.industries.length
  const { byRow, byColumn } = fromDense(mcp.values, R, I, identityMap(R), identityMap(I))
  for (let i = 0; i < I; i++) {
    if (byColumn.start[i + 1] === byColumn.start[i]) {
      throw new MatrixError(`industry ${JSON.stringify(mcp.industries[i])} has ubiquity 0: its complexity is infinite`)
    }
  }
  let F = new Float64Array(R).fill(1)
  let Q = new Float64Array(I).fill(1)
  const inverse = new Float64Array(R)
  for (let step = 1; step < iterations; step++) {
    const nF = new Float64Array(R)
    const nQ = new Float64Array(I)
    let sumF = 0
    for (let r = 0; r < R; r++) {
      let s = 0
      for (let k = byRow.start[r]!; k < byRow.start[r + 1]!; k++) s += Q[byRow.index[k]!]!
      nF[r] = s
      sumF += s
    }
    // 1/F once per region rather than once per non-zero: the same quotients, so the same sums
    if (gamma === 1) for (let r = 0; r < R; r++) inverse[r] = 1 / F[r]!
    let sumQ = 0
    for (let i = 0; i < I; i++) {
      let s = 0
      if (gamma === 1) {
        for (let k = byColumn.start[i]!; k < byColumn.start[i + 1]!; k++) s += inverse[byColumn.index[k]!]!
        nQ[i] = 1 / s
      } else {
        for (let k = byColumn.start[i]!; k < byColumn.start[i + 1]!; k++) s += F[byColumn.index[k]!]! ** -gamma
        nQ[i] = s ** (-1 / gamma)
      }
      sumQ += nQ[i]!
    }
    const meanF = sumF / R
    const meanQ = sumQ / I
    for (let r = 0; r < R; r++) nF[r] = nF[r]! / meanF
    for (let i = 0; i < I; i++) nQ[i] = nQ[i]! / meanQ
    F = nF
    Q = nQ
  }
  return { fitness: { labels: mcp.regions, values: F }, complexity: { labels: mcp.industries, values: Q } }
}
