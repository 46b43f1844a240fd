import { describe, expect, it } from "vitest"
import { Build, Data, DataSet, Framework, Impute } from "../src/index.js"

const N = Number.NaN
const v = (...x: Array<number>) => Float64Array.from(x)

describe("imputation", () => {
  it("mean, median and by group", () => {
    expect([...Impute.mean(v(1, N, 5))]).toEqual([1, 3, 5])
    expect([...Impute.median(v(1, N, 2, 10))]).toEqual([1, 2, 2, 10])
    expect([...Impute.groupMean(v(1, N, 5, 7, N), ["a", "a", "b", "b", null])]).toEqual([1, 1, 5, 7, N])
    expect([...Impute.groupMedian(v(1, 2, 9, N), ["a", "a", "a", "a"])]).toEqual([1, 2, 9, 2])
  })

  it("last observation carried forward (no back-fill) and linear interpolation (ends constant)", () => {
    expect([...Impute.locf(v(N, 1, N, N, 4, N))]).toEqual([N, 1, 1, 1, 4, 4])
    expect([...Impute.locf(v(1, N, N), 1)]).toEqual([1, 1, N])
    expect([...Impute.linear(v(N, 1, N, N, 4, N))]).toEqual([1, 1, 2, 3, 4, 4])
    // uneven times: 2017 lies a third of the way from 2016 to 2019
    expect([...Impute.linear(v(N, 2, N, 6), [2015, 2016, 2017, 2019])]).toEqual([2, 2, 2 + 4 / 3, 6])
    expect([...Impute.linear(v(N, N))]).toEqual([N, N])
  })

  it("builds a panel with locf over periods", () => {
    const fw = Framework.make({
      indicators: [
        { code: "x", name: { sv: "x", en: "x" }, parent: "I" },
        { code: "y", name: { sv: "y", en: "y" }, parent: "I" }
      ],
      aggregates: [{ code: "I", name: { sv: "I", en: "I" }, level: 2, parent: null }]
    })
    const data = Data.fromLongCsv(
      "unit,indicator,period,value\nA,x,2015,1\nA,x,2017,\nB,x,2015,2\nB,x,2017,3\nA,y,2017,5\nB,y,2017,6\n",
      { framework: fw }
    )
    const b = Build.build(fw, data, { impute: { method: "locf" }, aggregate: { method: "amean" } })
    expect(b.period).toBe(2017)
    expect(DataSet.get(b.stages.Imputed!, "A", "x")).toBe(1)
    expect(DataSet.get(b.stages.Aggregated!, "A", "I")).toBe(3)
  })
})
