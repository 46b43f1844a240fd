import { industryTotals, type Matrix } from "../Matrix.js"
import { MatrixError } from "../MatrixError.js"

/**
 * The reference totals per industry: the given vector, checked, or the matrix's column totals. A given vector must
 * have one finite, non-negative entry per industry, and a positive one wherever the matrix has activity in that
 * industry (a zero there would make the location quotient infinite and the growth rate undefined; a negative one
 * flips the sign of every share). `option` names the option in the message, e.g. `reference` or `reference.base`.
 */
export const referenceTotals = (m: Matrix, given: ArrayLike<number> | undefined, option: string): Float64Array => {
  const columns = industryTotals(m)
  if (given === undefined) return columns
  const I = m.industries.length
  if (given.length !== I) {
    throw new MatrixError(`${option}: expected ${I} reference totals, one per industry, found ${given.length}`)
  }
  const totals = Float64Array.from(given)
  for (let i = 0; i < I; i++) {
    const v = totals[i]!
    const industry = JSON.stringify(m.industries[i])
    if (!Number.isFinite(v) || v < 0) {
      throw new MatrixError(`${option}: expected a finite reference total ≥ 0 for industry ${industry}, found ${v}`)
    }
    if (v === 0 && columns[i]! > 0) {
      throw new MatrixError(
        `${option}: expected a reference total > 0 for industry ${industry}, which has ${columns[i]} in the matrix, found 0`
      )
    }
  }
  return totals
}
