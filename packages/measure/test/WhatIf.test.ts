import { describe, expect, it } from "vitest"
import { Build, DataSet, MeasureError, Results } from "../src/index.js"
import { asemProject, asemSpec } from "./asem.js"

describe("Results.compare: a what-if against the nominal build", () => {
  const { framework, data } = asemProject()
  const nominal = Build.build(framework, data, asemSpec)

  it("the same spec changes nothing", () => {
    const c = Results.compare(nominal, Build.build(framework, data, asemSpec))
    expect(c.code).toBe("Index")
    expect(c.meanAbsoluteShift).toBe(0)
    expect(c.units.every((u) => u.shift === 0 && u.nominal === u.alternative)).toBe(true)
  })

  it("tripling Conn's weight: shifts are the rank differences, and the index is 0.75·Conn + 0.25·Sust", () => {
    const alt = Build.build(framework, data, { ...asemSpec, aggregate: { method: "amean", weights: { Conn: 3 } } })
    const c = Results.compare(nominal, alt)
    expect(c.units).toHaveLength(51)
    let sum = 0
    for (const u of c.units) {
      expect(u.shift).toBe(nominal.ranks[u.unit]! - alt.ranks[u.unit]!)
      sum += Math.abs(u.shift!)
      const agg = alt.stages.Aggregated!
      const want = 0.75 * DataSet.get(agg, u.unit, "Conn")! + 0.25 * DataSet.get(agg, u.unit, "Sust")!
      expect(u.alternative).toBeCloseTo(want, 12)
    }
    expect(c.meanAbsoluteShift).toBeCloseTo(sum / 51, 14)
    expect(c.meanAbsoluteShift).toBeGreaterThan(0)
  })

  it("needs both builds aggregated", () => {
    const raw = Build.build(framework, data, { ...asemSpec, aggregate: null })
    expect(() => Results.compare(nominal, raw)).toThrow(MeasureError)
  })
})
