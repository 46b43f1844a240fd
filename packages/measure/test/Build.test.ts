import { describe, expect, it } from "vitest"
import { Build, Coinr, type Data, DataSet, MeasureError } from "../src/index.js"
import { asemProject, asemSpec } from "./asem.js"

/** ASEM with one indicator's raw column replaced by a constant (LPI is not denominated, so it stays constant). */
const withConstant = (
  code: string,
  value: number
): { framework: ReturnType<typeof asemProject>["framework"]; data: Data.Data } => {
  const { framework, data } = asemProject()
  const raw = data.indicators[0]!
  const values = Float64Array.from(raw.values)
  const j = raw.codes.indexOf(code)
  values.fill(value, j * raw.units.length, (j + 1) * raw.units.length)
  return { framework, data: { ...data, indicators: [DataSet.make(raw.units, raw.codes, values)] } }
}

describe("Build: a constant indicator is a warning, as COINr's n_minmax warns", () => {
  const { framework, data } = withConstant("LPI", 3.5)

  it.each([
    ["minmax", { method: "minmax", range: [0, 100] }],
    ["zscore", { method: "zscore", mean: 0, sd: 1 }]
  ] as const)(
    "%s: the warning names the indicator and value; the pillar is the mean of its other children",
    (method, normalise) => {
      const result = Build.build(framework, data, { ...asemSpec, normalise })
      expect(result.warnings).toEqual([
        {
          stage: "Normalised",
          code: "LPI",
          message: `LPI is constant (all 51 units with a value have 3.5): ${method} gives no values, so the aggregates above it leave it out`
        }
      ])
      expect(Build.toJson(result).warnings).toEqual(result.warnings)
      const normalised = result.stages.Normalised!
      expect(DataSet.column(normalised, "LPI").every(Number.isNaN)).toBe(true)
      // Physical = mean of its children other than LPI, for every unit (equal weights)
      const siblings = framework.children.get("Physical")!.filter((c) => c !== "LPI")
      for (const unit of ["CHE", "SWE", "LAO"]) {
        const mean = siblings.reduce((s, c) => s + DataSet.get(normalised, unit, c)!, 0) / siblings.length
        expect(DataSet.get(result.stages.Aggregated!, unit, "Physical")).toBeCloseTo(mean, 12)
      }
      expect(Object.values(result.ranks).every((r) => r !== null)).toBe(true)
    }
  )

  it("no warning on the real ASEM data, nor for a constant column under a method that does not scale by spread", () => {
    const { framework: f, data: d } = asemProject()
    expect(Build.build(f, d, asemSpec).warnings).toEqual([])
    expect(Build.build(framework, data, { ...asemSpec, normalise: { method: "rank" } }).warnings).toEqual([])
  })
})

describe("Build: the geometric mean over a zero is an error naming aggregate, child and unit (COINr stops)", () => {
  const { framework, data } = asemProject()

  it("minmax [0, 100] puts a 0 under the geometric mean", () => {
    const spec = { ...asemSpec, aggregate: { method: "gmean" } } as const
    let error: unknown
    try {
      Build.build(framework, data, spec)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MeasureError)
    const m =
      /^(\w+): the geometric mean needs values > 0, found (\w+) = 0 for unit "(\w+)" \(normalise to a positive range, e\.g\. minmax \[1, 100\], or use amean\)$/.exec(
        (error as Error).message
      )
    expect(m).not.toBeNull()
    const [, aggregate, child, unit] = m!
    expect(framework.children.get(aggregate!)).toContain(child)
    // independently: that child is 0 for that unit after min–max (it is the unit with the minimum)
    const normalised = Build.build(framework, data, { ...asemSpec, aggregate: undefined }).stages.Normalised!
    expect(DataSet.get(normalised, unit!, child!)).toBe(0)
  })

  it("minmax [1, 100] is positive and builds; the index is the geometric mean of the sub-indices", () => {
    const spec = {
      ...asemSpec,
      normalise: { method: "minmax", range: [1, 100] },
      aggregate: { method: "gmean" }
    } as const
    const agg = Build.build(framework, data, spec).stages.Aggregated!
    const conn = DataSet.get(agg, "SWE", "Conn")!
    const sust = DataSet.get(agg, "SWE", "Sust")!
    expect(DataSet.get(agg, "SWE", "Index")).toBeCloseTo(Math.sqrt(conn * sust), 12)
  })

  it("the harmonic mean over a zero and the generalised mean with p < 0 fail the same way", () => {
    expect(() => Build.build(framework, data, { ...asemSpec, aggregate: { method: "hmean" } })).toThrow(
      /: the harmonic mean needs values ≠ 0, found \w+ = 0 for unit "\w+"/
    )
    expect(() => Build.build(framework, data, { ...asemSpec, aggregate: { method: "genmean", p: -2 } })).toThrow(
      /: the generalised mean with p = -2 < 0 needs values > 0, found \w+ = 0 for unit/
    )
  })
})

describe("Build: one unit cannot be normalised by spread", () => {
  const iMeta = [
    "Level,iCode,Direction,Weight,Parent,Type",
    "1,a,1,1,I,Indicator",
    "1,b,1,1,I,Indicator",
    "2,I,1,1,,Aggregate"
  ].join("\n")
  const { framework, data } = Coinr.fromCsv({ iMeta, iData: "uCode,a,b\nSE11,1,2\n" })

  it.each(["minmax", "zscore", "prank", "dist2max"] as const)(
    "%s on one unit is an error naming the unit",
    (method) => {
      expect(() => Build.build(framework, data, { normalise: { method }, aggregate: { method: "amean" } })).toThrow(
        new MeasureError(
          "normalise.method",
          `${method} compares units with each other: expected at least 2 units, found 1 ("SE11")`
        )
      )
    }
  )

  it("rank and no normalisation still build one unit", () => {
    const r = Build.build(framework, data, { normalise: { method: "rank" }, aggregate: { method: "amean" } })
    expect(r.ranks).toEqual({ SE11: 1 })
    expect(Build.build(framework, data, { aggregate: { method: "amean" } }).stages.Aggregated!.values[2]).toBe(1.5)
  })
})
