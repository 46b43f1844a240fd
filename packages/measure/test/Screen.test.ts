import { describe, expect, it } from "vitest"
import { DataSet, Denominate, Framework, Screen } from "../src/index.js"

const N = Number.NaN

describe("Screen.screen", () => {
  const ds = DataSet.make(["a", "b", "c"], ["x", "y", "z"], Float64Array.of(1, N, 0, 2, N, 0, 3, 3, 3))

  it("keeps units at exactly the threshold and removes those below (COINr byNA)", () => {
    const r = Screen.screen(ds, { minDataShare: 2 / 3 })
    expect(r.removed).toEqual(["b"])
    expect(r.data.units).toEqual(["a", "c"])
    expect(DataSet.get(r.data, "c", "z")).toBe(3)
    expect(r.dataShare.b).toBeCloseTo(1 / 3, 15)
  })

  it("checks non-zero shares and honours forced units", () => {
    const r = Screen.screen(ds, { minDataShare: 0, minNonZeroShare: 0.5, force: { b: true, a: false } })
    expect(r.nonZeroShare.c).toBeCloseTo(1 / 3, 15)
    expect(r.removed).toEqual(["a", "c"])
  })
})

describe("Denominate.denominate", () => {
  it("divides by the named denominator; a zero or missing denominator gives a missing value", () => {
    const fw = Framework.make({
      indicators: [
        { code: "x", name: { sv: "x", en: "x" }, parent: "I", denominator: "pop" },
        { code: "y", name: { sv: "y", en: "y" }, parent: "I" }
      ],
      aggregates: [{ code: "I", name: { sv: "I", en: "I" }, level: 2, parent: null }],
      denominators: [{ code: "pop", name: { sv: "p", en: "p" } }]
    })
    const ind = DataSet.make(["a", "b", "c"], ["x", "y"], Float64Array.of(10, 10, 10, 1, 2, 3))
    const den = DataSet.make(["a", "b", "c"], ["pop"], Float64Array.of(4, 0, N))
    const out = Denominate.denominate(fw, ind, den)
    expect([...DataSet.column(out, "x")]).toEqual([2.5, N, N])
    expect([...DataSet.column(out, "y")]).toEqual([1, 2, 3])
  })
})
