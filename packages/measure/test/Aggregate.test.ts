import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Aggregate, DataSet, Framework, MeasureError } from "../src/index.js"
import { asemProject, golden } from "./asem.js"

describe("aggregators (COINr test values)", () => {
  it("geometric, harmonic and generalised means", () => {
    expect(Aggregate.geometric([1, 2, 3], [1, 1, 1])).toBeCloseTo(6 ** (1 / 3), 14)
    expect(Aggregate.geometric([1, 2, 3], [1, 1, 2])).toBeCloseTo((1 * 2 * 3 ** 2) ** (1 / 4), 14)
    expect(Aggregate.harmonic([1, 2, 3], [2, 1, 1])).toBeCloseTo(4 / (2 / 1 + 1 / 2 + 1 / 3), 14)
    expect(Aggregate.generalised([1, 2, 3], [2, 1, 1], -1)).toBeCloseTo(Aggregate.harmonic([1, 2, 3], [2, 1, 1]), 14)
    expect(Aggregate.generalised([1, 2, 3], [1, 1, 1], 1)).toBeCloseTo(2, 14)
    expect(() => Aggregate.geometric([1, 0, 3], [1, 1, 1])).toThrow(
      "aggregate.gmean: the geometric mean needs values > 0, found 0"
    )
    expect(Aggregate.arithmetic([1, Number.NaN, 3], [1, 5, 1])).toBe(2)
    expect(Aggregate.generalised([1, Number.NaN, 3], [1, 1, 1], 2)).toBeNaN()
    expect(() => Aggregate.generalised([1], [1], 0)).toThrow(MeasureError)
  })

  it("outranking matrix with ties gives 0.5 and Copeland scores sum to zero", () => {
    const O = Aggregate.outrankMatrix([Float64Array.of(1, 1), Float64Array.of(2, 2)], [1, 1])
    expect([...O]).toEqual([0, 0.5, 0.5, 0])
    const c = Aggregate.copeland([Float64Array.of(3, 2, 1), Float64Array.of(1, 3, 2)], [2, 1])
    expect([...c]).toEqual([2, 0, -2])
  })

  it("a unit with 1 of 5 children present is NA under datThreshold 0.5 (COINr)", () => {
    const fw = Framework.make({
      indicators: ["a", "b", "c", "d", "e"].map((code) => ({ code, name: { sv: code, en: code }, parent: "I" })),
      aggregates: [{ code: "I", name: { sv: "I", en: "I" }, level: 2, parent: null }]
    })
    const N = Number.NaN
    const ds = DataSet.make(["u1", "u2"], ["a", "b", "c", "d", "e"], Float64Array.of(1, 1, N, 2, N, 3, N, 4, N, 5))
    const out = Aggregate.aggregate(fw, ds, { method: "amean", datThreshold: 0.5 })
    expect(DataSet.get(out, "u1", "I")).toBeNull()
    expect(DataSet.get(out, "u2", "I")).toBe(3)
  })

  it("per-level methods and weight overrides", () => {
    const { framework } = asemProject()
    const norm = golden("Normalised")
    const a = Aggregate.aggregate(framework, norm, { method: "amean", byLevel: ["amean", "amean", "gmean"] })
    const conn = DataSet.get(a, "CHE", "Conn")!
    const sust = DataSet.get(a, "CHE", "Sust")!
    expect(DataSet.get(a, "CHE", "Index")).toBeCloseTo(Math.sqrt(conn * sust), 12)
    const w = Aggregate.aggregate(framework, norm, { method: "amean", weights: { Conn: 3, Sust: 1 } })
    expect(DataSet.get(w, "CHE", "Index")).toBeCloseTo(0.75 * conn + 0.25 * sust, 12)
  })
})

describe("aggregation properties", () => {
  const { framework } = asemProject()
  const norm = golden("Normalised")

  it("weights rescale: multiplying every weight by a constant changes nothing", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (k) => {
        const weights = Object.fromEntries([...framework.weights].map(([c, w]) => [c, w * k]))
        const a = Aggregate.aggregate(framework, norm, { method: "amean" })
        const b = Aggregate.aggregate(framework, norm, { method: "amean", weights })
        for (let i = 0; i < a.values.length; i++) expect(Math.abs(a.values[i]! - b.values[i]!)).toBeLessThan(1e-9)
      }),
      { numRuns: 20 }
    )
  })

  it("monotonicity: raising a positive-direction indicator never lowers its unit's index (arithmetic)", () => {
    const before = Aggregate.aggregate(framework, norm, { method: "amean" })
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: norm.units.length - 1 }),
        fc.integer({ min: 0, max: norm.codes.length - 1 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (i, j, bump) => {
          const values = new Float64Array(norm.values)
          values[j * norm.units.length + i]! += bump
          const after = Aggregate.aggregate(framework, { ...norm, values }, { method: "amean" })
          const u = norm.units[i]!
          expect(DataSet.get(after, u, "Index")!).toBeGreaterThanOrEqual(DataSet.get(before, u, "Index")! - 1e-12)
        }
      ),
      { numRuns: 100 }
    )
  })
})
