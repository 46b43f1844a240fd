/**
 * A seeded pseudo-random generator (xoshiro128**, seeded through splitmix32): the same seed gives the same
 * sequence in every JavaScript engine. Returns numbers in [0, 1).
 *
 * @example
 * ```ts
 * const next = Random.seeded(1)
 * next() // 0.…, the same on every run
 * ```
 * @since 0.1.0
 */
export const seeded = (seed: number): (() => number) => {
  let s = seed >>> 0
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = split()
  let b = split()
  let c = split()
  let d = split()
  return () => {
    const r = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0
    const t = (b << 9) >>> 0
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = ((d << 11) | (d >>> 21)) >>> 0
    return r / 4294967296
  }
}
