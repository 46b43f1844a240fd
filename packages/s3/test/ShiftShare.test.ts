import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Matrix, ShiftShare } from "../src/index.js"
import { eurostatCounties, eurostatSweden, germanLaender } from "./data.js"

const counties = eurostatCounties()
const sweden = eurostatSweden()
const reference = { base: Matrix.year(sweden, 2000).values, end: Matrix.year(sweden, 2017).values }

describe("classic shift-share, Eurostat employment 2000–2017 against Sweden", () => {
  const d = ShiftShare.classic(Matrix.year(counties, 2000), Matrix.year(counties, 2017), reference)
  const cell = (x: Float64Array, region: string, industry: string) =>
    Matrix.get({ regions: d.regions, industries: d.industries, values: x }, region, industry)

  it("decomposes Västerbotten's (SE331) B-E change by hand", () => {
    // SE331 B-E: 20,000 → 17,000; Sweden B-E 787,000 → 627,000; Sweden all groups 4,302,000 → 5,016,000
    const g = 5016000 / 4302000 - 1
    const gi = 627000 / 787000 - 1
    expect(cell(d.change, "SE331", "B-E")).toBe(-3000)
    expect(cell(d.nationalShare, "SE331", "B-E")).toBeCloseTo(20000 * g, 9)
    expect(cell(d.industryMix, "SE331", "B-E")).toBeCloseTo(20000 * (gi - g), 9)
    expect(cell(d.competitive, "SE331", "B-E")).toBeCloseTo(20000 * (17000 / 20000 - 1 - gi), 9)
    expect(cell(d.competitive, "SE331", "B-E")).toBeCloseTo(1066.0737, 4)
  })

  it("totals for Västerbotten (SE331) and Västernorrland (SE321)", () => {
    const totals = ShiftShare.byRegion(d)
    const at = (v: { labels: ReadonlyArray<string>; values: Float64Array }, code: string) =>
      v.values[v.labels.indexOf(code)]!
    expect(at(totals.change, "SE331")).toBe(129000 - 113000)
    expect(at(totals.change, "SE321")).toBe(118000 - 116000)
    // Västernorrland grew by 2,000 where the national rate would have given about +19,000: a negative competitive effect
    expect(at(totals.nationalShare, "SE321")).toBeCloseTo(116000 * (5016000 / 4302000 - 1), 8)
    expect(at(totals.competitive, "SE321")).toBeLessThan(-10000)
    expect(at(totals.competitive, "SE331")).toBeLessThan(at(totals.change, "SE331"))
  })

  it("every cell follows the textbook formulas (computed here from Sweden's totals) and NS + IM + RS = change exactly", () => {
    const base = Matrix.year(counties, 2000)
    const end = Matrix.year(counties, 2017)
    const I = d.industries.length
    const total = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0)
    const G = total(reference.end) / total(reference.base) - 1
    for (let k = 0; k < d.change.length; k++) {
      const e0 = base.values[k]!
      const et = end.values[k]!
      const gi = reference.end[k % I]! / reference.base[k % I]! - 1
      // NS = e0·G, IM = e0·(g_i − G), RS = e_t − e0·(1 + g_i) (the end value beyond the industry's national growth)
      expect(d.nationalShare[k]).toBeCloseTo(e0 * G, 6)
      expect(d.industryMix[k]).toBeCloseTo(e0 * (gi - G), 6)
      expect(d.competitive[k]).toBeCloseTo(et - e0 * (1 + gi), 6)
      expect(d.nationalShare[k]! + d.industryMix[k]! + d.competitive[k]!).toBe(d.change[k])
    }
  })

  it("Esteban-Marquillas: net + allocation = competitive; homothetic employment sums to the region's total", () => {
    const em = ShiftShare.estebanMarquillas(Matrix.year(counties, 2000), Matrix.year(counties, 2017), reference)
    for (let k = 0; k < d.change.length; k++) {
      expect(em.net.values[k]! + em.allocation.values[k]!).toBeCloseTo(em.decomposition.competitive[k]!, 8)
    }
    const I = d.industries.length
    const r = d.regions.indexOf("SE331")
    let hom = 0
    for (let i = 0; i < I; i++) hom += em.homothetic.values[r * I + i]!
    expect(hom).toBeCloseTo(113000, 8)
  })
})

describe("dynamic shift-share", () => {
  it("sums yearly decompositions: same total change as classic, different split (German Länder 2008–2014)", () => {
    const panel = germanLaender()
    const dyn = ShiftShare.dynamic(panel)
    const cls = ShiftShare.classic(Matrix.year(panel, 2008), Matrix.year(panel, 2014))
    // each component is the sum over consecutive years of its textbook formula, computed here from the panel
    const I = panel.industries.length
    const years = panel.years.filter((y): y is number => y !== null && y >= 2008 && y <= 2014)
    for (let k = 0; k < dyn.change.length; k++) {
      expect(dyn.change[k]).toBe(cls.change[k])
      let ns = 0
      let im = 0
      let rs = 0
      for (const [t, y] of years.slice(0, -1).entries()) {
        const a = Matrix.year(panel, y)
        const b = Matrix.year(panel, years[t + 1]!)
        const Ea = Matrix.industryTotals(a)
        const Eb = Matrix.industryTotals(b)
        const G = Eb.reduce((x, v) => x + v, 0) / Ea.reduce((x, v) => x + v, 0) - 1
        const gi = Eb[k % I]! / Ea[k % I]! - 1
        const e0 = a.values[k]!
        ns += e0 * G
        im += e0 * (gi - G)
        rs += b.values[k]! - e0 * (1 + gi)
      }
      expect(dyn.nationalShare[k]).toBeCloseTo(ns, 6)
      expect(dyn.industryMix[k]).toBeCloseTo(im, 6)
      expect(dyn.competitive[k]).toBeCloseTo(rs, 6)
    }
    expect(dyn.nationalShare).not.toEqual(cls.nationalShare)
    // with the Länder as the nation, competitive effects sum to zero within each industry
    for (let i = 0; i < I; i++) {
      let s = 0
      for (let r = 0; r < dyn.regions.length; r++) s += dyn.competitive[r * I + i]!
      expect(Math.abs(s)).toBeLessThan(1e-6)
    }
  })

  it("refuses years outside the panel", () => {
    expect(() => ShiftShare.dynamic(germanLaender(), { from: 2014, to: 2008 })).toThrow(/the first before the second/)
  })
})

describe("shift-share identity (property)", () => {
  const labels = { regions: ["a", "b"], industries: ["x", "y", "z"] }
  const cells = fc.array(fc.tuple(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 2 ** 40 })), { minLength: 6, maxLength: 6 })

  it("holds exactly for random integer counts, in any order of summation", () => {
    fc.assert(
      fc.property(cells, (xs) => {
        const base = Matrix.make(
          labels.regions,
          labels.industries,
          xs.map((c) => c[0] + 1)
        )
        const end = Matrix.make(
          labels.regions,
          labels.industries,
          xs.map((c) => c[1])
        )
        const d = ShiftShare.classic(base, end)
        const E0 = Matrix.industryTotals(base)
        const Et = Matrix.industryTotals(end)
        const G = Et.reduce((a, b) => a + b, 0) / E0.reduce((a, b) => a + b, 0) - 1
        for (let k = 0; k < 6; k++) {
          const e0 = base.values[k]!
          const ns = e0 * G
          const im = e0 * (Et[k % 3]! / E0[k % 3]! - 1 - G)
          // the textbook components, to within the rounding (≤ 2⁻⁵⁰ of the largest term) that makes their sum exact
          const size = Math.max(Math.abs(ns), Math.abs(im), Math.abs(d.change[k]!), 1)
          expect(Math.abs(d.nationalShare[k]! - ns)).toBeLessThanOrEqual(1e-14 * size)
          expect(Math.abs(d.industryMix[k]! - im)).toBeLessThanOrEqual(1e-14 * size)
          expect(d.nationalShare[k]! + d.industryMix[k]! + d.competitive[k]!).toBe(d.change[k])
          expect(d.competitive[k]! + d.industryMix[k]! + d.nationalShare[k]!).toBe(d.change[k])
        }
      }),
      { numRuns: 300 }
    )
  })

  it("holds to rounding for fractional values, and RS agrees with e_0·(g_ri − g_i)", () => {
    fc.assert(
      fc.property(cells, fc.double({ min: 0.001, max: 1, noNaN: true }), (xs, scale) => {
        const base = Matrix.make(
          labels.regions,
          labels.industries,
          xs.map((c) => (c[0] + 1) * scale)
        )
        const end = Matrix.make(
          labels.regions,
          labels.industries,
          xs.map((c) => c[1] * scale)
        )
        const d = ShiftShare.classic(base, end)
        const E0 = Matrix.industryTotals(base)
        const Et = Matrix.industryTotals(end)
        for (let k = 0; k < 6; k++) {
          const e0 = base.values[k]!
          const et = end.values[k]!
          const size = Math.max(e0, et, Math.abs(d.nationalShare[k]!), Math.abs(d.industryMix[k]!))
          const sum = d.nationalShare[k]! + d.industryMix[k]! + d.competitive[k]!
          expect(Math.abs(sum - d.change[k]!)).toBeLessThanOrEqual(4e-16 * size)
          const gi = Et[k % 3]! / E0[k % 3]! - 1
          const G = Et.reduce((a, b) => a + b, 0) / E0.reduce((a, b) => a + b, 0) - 1
          expect(Math.abs(e0 * G - d.nationalShare[k]!)).toBeLessThanOrEqual(1e-12 * size)
          expect(Math.abs(e0 * (gi - G) - d.industryMix[k]!)).toBeLessThanOrEqual(1e-12 * size)
          expect(Math.abs(e0 * (et / e0 - 1 - gi) - d.competitive[k]!)).toBeLessThanOrEqual(1e-12 * size)
        }
      }),
      { numRuns: 300 }
    )
  })
})

describe("growth", () => {
  it("is NaN where the base is 0", () => {
    const g = ShiftShare.growth(Matrix.make(["a"], ["x", "y"], [0, 10]), Matrix.make(["a"], ["x", "y"], [5, 15]))
    expect(Number.isNaN(g.values[0]!)).toBe(true)
    expect(g.values[1]).toBe(0.5)
  })
})

describe("ShiftShare: reference totals are checked", () => {
  const panel = eurostatCounties()
  const sweden = eurostatSweden()
  const base = Matrix.year(panel, 2000)
  const end = Matrix.year(panel, 2017)
  const nBase = Matrix.year(sweden, 2000).values
  const nEnd = Matrix.year(sweden, 2017).values

  it("names the option and industry of a zero base-year total (a growth rate 1/0)", () => {
    const bad = Float64Array.from(nBase)
    bad[base.industries.indexOf("J")] = 0
    expect(() => ShiftShare.classic(base, end, { base: bad, end: nEnd })).toThrow(
      /reference\.base: expected a reference total > 0 for industry "J"/
    )
    expect(() => ShiftShare.estebanMarquillas(base, end, { base: bad, end: nEnd })).toThrow(/reference\.base/)
  })

  it("names the end-year option of a negative total", () => {
    const bad = Float64Array.from(nEnd)
    bad[0] = -5
    expect(() => ShiftShare.classic(base, end, { base: nBase, end: bad })).toThrow(
      /reference\.end: expected a finite reference total ≥ 0 for industry "A", found -5/
    )
  })

  it("dynamic: needs one reference vector per year of the panel and names the year of a bad one", () => {
    const perYear = sweden.years.map((y) => Matrix.year(sweden, y ?? undefined).values)
    expect(() => ShiftShare.dynamic(panel, { reference: perYear.slice(1) })).toThrow(
      /reference: expected one vector of totals per year \(18\), found 17/
    )
    const bad = perYear.map((v) => Float64Array.from(v))
    bad[5]![2] = Number.NaN
    expect(() => ShiftShare.dynamic(panel, { reference: bad })).toThrow(/reference\[5\] \(2005\): .* found NaN/)
    // the sum of the yearly decompositions still telescopes to the whole change with a valid reference
    const d = ShiftShare.dynamic(panel, { reference: perYear })
    const k = panel.regions.indexOf("SE331") * panel.industries.length
    expect(d.change[k]).toBe(end.values[k]! - base.values[k]!)
  })
})
