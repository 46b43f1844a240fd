import { describe, expect, it } from "vitest"
import { DataSet, Treat } from "../src/index.js"

describe("treatment", () => {
  it("type-2 skew and kurtosis agree with e1071/Excel on 1..10, 30, 100", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100])
    // reference values from an independent NumPy evaluation of the e1071 type-2 formulas
    expect(Treat.skew(x)).toBeCloseTo(3.0632410342394985, 12)
    expect(Treat.kurt(x)).toBeCloseTo(9.741390834569144, 11)
    expect(Treat.passes(x)).toBe(false)
  })

  it("COINr's winsorise example: one step (100 → 30) makes 1..10, 30, 100 pass (skew 1.71)", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100])
    const w = Treat.winsorise(x, { winmax: 5, skewThreshold: 2, kurtThreshold: 3.5 })
    expect(w.count).toBe(1)
    expect([...w.x].slice(-2)).toEqual([30, 30])
    expect(w.flags.slice(-2)).toEqual(["", "winhi"])
    expect(Treat.skew(w.x)).toBeCloseTo(1.7120380600890506, 12)
  })

  it("tied points count together and previously winsorised points stay flagged", () => {
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), 1000, 2000, 3000, 4000])
    const w = Treat.winsorise(x, { winmax: 2 })
    // 4000 → 3000 (1 point), then the tied pair 3000, 3000 → 2000 (2 points)
    expect(w.count).toBe(2)
    expect([...w.x].slice(-3)).toEqual([2000, 2000, 2000])
    expect(w.flags.slice(-3)).toEqual(["", "winhi", "winhi"])
  })

  it("falls back to log_CT of the original when winmax is too small", () => {
    // skew 2.39, kurt 4.53 after one point: still failing, so log_CT(original)
    const x = Float64Array.from([...Array.from({ length: 20 }, (_, i) => i + 1), 1000, 2000, 3000, 4000])
    const r = Treat.treatColumn(x, { method: "winsorise", winmax: 1 })
    expect(r.treatment).toBe("log")
    expect(r.x[0]).toBeCloseTo(Math.log(0.01 * 3999), 12)
    expect(r.x[23]).toBeCloseTo(Math.log(3999 + 0.01 * 3999), 12)
  })

  it("RIS rule caps beyond mean ± 2 sd and takes square roots of skewed columns", () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 100])
    const capped = Treat.capOutliers(x)
    expect(capped[14]).toBe(14)
    const t = Treat.treat(
      DataSet.make(
        Array.from(x, (_, i) => `u${i}`),
        ["x"],
        x
      ),
      { method: "ris" }
    )
    expect(t.report[0]!.points).toEqual([14])
    expect(t.report[0]!.treatment).toBe("cap")
  })
})
