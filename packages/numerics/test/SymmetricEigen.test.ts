import { describe, expect, it } from "vitest"
import { Prng, SymmetricEigen } from "../src/index.js"

/** max |A − V Λ Vᵀ| and max |VᵀV − I|. */
const residuals = (a: Float64Array, k: number, d: SymmetricEigen.Decomposition) => {
  let reconstruction = 0
  let orthogonality = 0
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0
      let o = 0
      for (let m = 0; m < k; m++) {
        s += d.vectors[i * k + m]! * d.values[m]! * d.vectors[j * k + m]!
        o += d.vectors[m * k + i]! * d.vectors[m * k + j]!
      }
      reconstruction = Math.max(reconstruction, Math.abs(s - a[i * k + j]!))
      orthogonality = Math.max(orthogonality, Math.abs(o - (i === j ? 1 : 0)))
    }
  }
  return { reconstruction, orthogonality }
}

describe("SymmetricEigen.jacobi", () => {
  it("finds 1 and 3 for [[2, 1], [1, 2]] and leaves the input as it was", () => {
    const a = Float64Array.of(2, 1, 1, 2)
    const d = SymmetricEigen.sorted(SymmetricEigen.jacobi(a, 2), 2)
    expect(Array.from(d.values)).toEqual([3, 1].map((x) => expect.closeTo(x, 15)))
    expect(Math.abs(d.vectors[0]!)).toBeCloseTo(Math.SQRT1_2, 15)
    expect(Array.from(a)).toEqual([2, 1, 1, 2])
  })

  it("decomposes seeded random symmetric matrices up to 120 × 120 to machine precision", () => {
    const next = Prng.mulberry32(7)
    for (const k of [1, 3, 10, 40, 120]) {
      const a = new Float64Array(k * k)
      for (let i = 0; i < k; i++) {
        for (let j = i; j < k; j++) {
          const x = 2 * next() - 1
          a[i * k + j] = x
          a[j * k + i] = x
        }
      }
      const d = SymmetricEigen.jacobi(a, k)
      const r = residuals(a, k, d)
      expect(r.reconstruction, `k = ${k}`).toBeLessThan(1e-12)
      expect(r.orthogonality, `k = ${k}`).toBeLessThan(1e-12)
      let trace = 0
      for (let i = 0; i < k; i++) trace += a[i * k + i]!
      expect(d.values.reduce((s, v) => s + v, 0)).toBeCloseTo(trace, 10)
    }
  })

  it("sorts eigenvalues in decreasing order with their vectors", () => {
    const a = Float64Array.of(4, 0, 0, 0, 1, 0, 0, 0, 9)
    const d = SymmetricEigen.sorted(SymmetricEigen.jacobi(a, 3), 3)
    expect(Array.from(d.values)).toEqual([9, 4, 1])
    expect(Array.from(d.vectors)).toEqual([0, 1, 0, 0, 0, 1, 1, 0, 0])
  })
})
