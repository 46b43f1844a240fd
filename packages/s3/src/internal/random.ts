/** A draw from the flat Dirichlet distribution (all concentrations 1): normalised exponential variates. */
export const dirichlet = (next: () => number, n: number, out: Float64Array): Float64Array => {
  let sum = 0
  for (let k = 0; k < n; k++) {
    const v = -Math.log(1 - next())
    out[k] = v
    sum += v
  }
  for (let k = 0; k < n; k++) out[k] = out[k]! / sum
  return out
}
