import { describe, expect, it } from "vitest"
import { MeasureError, Sensitivity } from "../src/index.js"
import { asemProject, asemSpec } from "./asem.js"

describe("Sensitivity.estimate: checked outputs", () => {
  it("recovers the indices of an additive model y = 2·x1 + x2 on a known design", () => {
    // A, B and A_B^(i) for n = 4, d = 2 by hand; y = 2 x1 + x2
    const A = [
      [0.1, 0.7],
      [0.4, 0.2],
      [0.9, 0.5],
      [0.6, 0.9]
    ]
    const B = [
      [0.8, 0.3],
      [0.2, 0.6],
      [0.5, 0.1],
      [0.3, 0.8]
    ]
    const f = (x: ReadonlyArray<number>) => 2 * x[0]! + x[1]!
    const rows = [...A, ...B, ...A.map((a, r) => [B[r]![0]!, a[1]!]), ...A.map((a, r) => [a[0]!, B[r]![1]!])]
    const y = Float64Array.from(rows, f)
    const { first, total, variance } = Sensitivity.estimate(y, 4, 2)
    const yAB = [...y.subarray(0, 8)]
    const m = yAB.reduce((s, v) => s + v, 0) / 8
    const V = yAB.reduce((s, v) => s + (v - m) ** 2, 0) / 7
    expect(variance).toBeCloseTo(V, 14)
    // Jansen total effect of x1 by the formula on the rows
    const t1 = A.reduce((s, a, r) => s + (f(a) - f([B[r]![0]!, a[1]!])) ** 2, 0) / (2 * 4 * V)
    expect(total[0]).toBeCloseTo(t1, 14)
    expect(first).toHaveLength(2)
  })

  it("a short output vector is an error naming the expected length, not NaN indices", () => {
    expect(() => Sensitivity.estimate(new Float64Array(10), 4, 2)).toThrow(
      new MeasureError("outputs", "expected n·(d + 2) = 4·4 = 16 outputs, found 10")
    )
  })

  it("a missing output is an error naming its block and row", () => {
    const y = Float64Array.from({ length: 16 }, (_, k) => (k * 7) % 5)
    y[13] = Number.NaN
    expect(() => Sensitivity.estimate(y, 4, 2)).toThrow(
      new MeasureError("outputs[13]", "expected a number for row 1 of block A_B^(2), found NaN (a failed run)")
    )
  })
})

describe("Sensitivity.run: failed runs are an error, not NaN indices", () => {
  const { framework, data } = asemProject()

  it("gmean over min–max [0, 100] fails in the runs that draw it, and the message says so", () => {
    expect(() =>
      Sensitivity.run(framework, data, asemSpec, {
        n: 8,
        assumptions: { aggregate: ["amean", "gmean"], normalise: [{ method: "minmax", range: [0, 100] }] }
      })
    ).toThrow(
      /^assumptions: \d+ of 32 runs failed, so the indices cannot be estimated; the first: \w+: the geometric mean needs values > 0/
    )
  })

  it("needs two assumptions", () => {
    expect(() =>
      Sensitivity.run(framework, data, asemSpec, { n: 2, assumptions: { aggregate: ["amean", "gmean"] } })
    ).toThrow(new MeasureError("assumptions", "sensitivity analysis needs at least two assumptions, found 1"))
  })
})
