import { Prng } from "@innokraft/numerics"
import { describe, expect, it } from "vitest"
import { largestDeflated } from "../../src/internal/eigen.js"

/** A symmetric operator Q diag(λ) Qᵀ with a random orthogonal Q (Householder products) and a chosen spectrum. */
const operator = (spectrum: ReadonlyArray<number>, seed: number) => {
  const n = spectrum.length
  const random = Prng.mulberry32(seed)
  const reflectors = Array.from({ length: 4 }, () => {
    const v = Float64Array.from({ length: n }, () => random() - 0.5)
    const norm = Math.hypot(...v)
    return v.map((x) => x / norm)
  })
  const reflect = (x: Float64Array, order: "forward" | "backward") => {
    const list = order === "forward" ? reflectors : [...reflectors].reverse()
    for (const v of list) {
      let d = 0
      for (let i = 0; i < n; i++) d += v[i]! * x[i]!
      for (let i = 0; i < n; i++) x[i]! -= 2 * d * v[i]!
    }
  }
  // A = Q D Qᵀ where Q = H1 H2 H3 H4 (each Householder is symmetric and orthogonal)
  const apply = (x: Float64Array, y: Float64Array) => {
    y.set(x)
    reflect(y, "backward")
    for (let i = 0; i < n; i++) y[i] = y[i]! * spectrum[i]!
    reflect(y, "forward")
  }
  const column = (k: number) => {
    const e = new Float64Array(n)
    e[k] = 1
    reflect(e, "forward")
    return e
  }
  return { apply, column }
}

describe("largestDeflated", () => {
  it("finds λ2 = 0.5 next to λ3 = 0.49 (ratio 0.98) with the eigenvector to 1e-11", () => {
    const n = 400
    const random = Prng.mulberry32(7)
    const spectrum = Array.from({ length: n }, (_, k) =>
      k === 0 ? 1 : k === 1 ? 0.5 : k === 2 ? 0.49 : 0.45 * random()
    )
    const { apply, column } = operator(spectrum, 11)
    const pair = largestDeflated(n, apply, column(0))
    expect(pair.value).toBeCloseTo(0.5, 14)
    expect(pair.next).toBeCloseTo(0.49, 10)
    expect(pair.residual).toBeLessThan(1e-14)
    const exact = column(1)
    let dot = 0
    for (let i = 0; i < n; i++) dot += exact[i]! * pair.vector[i]!
    let err = 0
    for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(Math.sign(dot) * pair.vector[i]! - exact[i]!))
    expect(err).toBeLessThan(1e-11)
  })
})
