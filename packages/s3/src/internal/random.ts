/** A small, fast, seeded PRNG (mulberry32) returning floats in [0, 1). Same seed, same sequence, on every platform. */
export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
