import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Build, DataSet, Normalise } from "../src/index.js"
import { asemProject, golden } from "./asem.js"

const v = (...x: Array<number>) => Float64Array.from(x)

describe("normalisers (COINr formulas)", () => {
  it("goalposts (COINr test values)", () => {
    expect([...Normalise.goalposts(v(1), [0, 10, 1])]).toEqual([0.1])
    expect([...Normalise.goalposts(v(1), [0, 10, 1], -1)]).toEqual([0.9])
    expect([...Normalise.goalposts(v(-1, 0.5, 2), [0, 1, 1])]).toEqual([0, 0.5, 1])
  })

  it("min–max, z-score, ranks and distances", () => {
    expect([...Normalise.minMax(v(1, 2, 3), [0, 100])]).toEqual([0, 50, 100])
    const z = Normalise.zScore(v(1, 2, 3), 10, 2)
    expect([...z]).toEqual([8, 10, 12])
    expect([...Normalise.rank(v(3, 1, 3, Number.NaN))]).toEqual([2, 1, 2, Number.NaN])
    expect([...Normalise.borda(v(3, 1, 3))]).toEqual([1, 0, 1])
    expect([...Normalise.percentileRank(v(3, 1, 2))]).toEqual([1, 0, 0.5])
    expect([...Normalise.distanceToMax(v(1, 2, 5))]).toEqual([0, 0.25, 1])
    expect([...Normalise.distanceToReference(v(1, 3, 5), 3)]).toEqual([0, 1, 2])
    expect([...Normalise.distanceToReference(v(1, 3, 5), 3, true)]).toEqual([0, 1, 1])
    expect([...Normalise.distanceToTarget(v(1, 3, 5), 3)]).toEqual([0, 1, 2])
    expect([...Normalise.distanceToTarget(v(1, 3, 5), 3, -1)]).toEqual([2, 1, 0])
    expect([...Normalise.fractionOfMax(v(1, 2, 4))]).toEqual([0.25, 0.5, 1])
  })

  it("distance to target flips targets of negative indicators (ASEM iMeta targets)", () => {
    const { framework } = asemProject()
    const t = golden("Treated")
    const out = Normalise.normalise(framework, t, { method: "dist2targ" })
    const tariff = DataSet.column(t, "Tariff").map((x) => -x)
    const target = -0.5265
    let mn = Number.POSITIVE_INFINITY
    for (const x of tariff) mn = Math.min(mn, x)
    expect(DataSet.get(out, "AUT", "Tariff")).toBeCloseTo((-DataSet.get(t, "AUT", "Tariff")! - mn) / (target - mn), 12)
  })

  it("property: min–max output stays within the range", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.001, max: 100, noNaN: true }),
        (xs, lo, width) => {
          const x = Float64Array.from(xs)
          fc.pre(Math.max(...xs) > Math.min(...xs))
          const hi = lo + width
          for (const y of Normalise.minMax(x, [lo, hi])) {
            expect(y).toBeGreaterThanOrEqual(lo - 1e-9 * width)
            expect(y).toBeLessThanOrEqual(hi + 1e-9 * width)
          }
        }
      )
    )
  })

  it("property: ranks of the index are a permutation when there are no ties", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 60 }), (xs) => {
        const ds = DataSet.make(
          xs.map((_, i) => `u${i}`),
          ["x"],
          Float64Array.from(xs)
        )
        const r = Object.values(Build.ranksOf(ds, "x")) as Array<number>
        expect([...r].sort((a, b) => a - b)).toEqual(xs.map((_, i) => i + 1))
      })
    )
  })
})
