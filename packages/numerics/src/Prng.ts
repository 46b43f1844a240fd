/**
 * mulberry32: a small, fast, seeded pseudo-random generator returning floats in [0, 1). The same seed gives the same
 * sequence on every platform, so rank ranges, solver starts and synthetic example data are reproducible.
 *
 * @example
 * ```ts
 * const next = Prng.mulberry32(1)
 * next() // 0.6270739405881613
 * ```
 * @since 0.1.0
 */
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
