import { describe, expect, it } from "vitest"
import { LocationQuotient, Matrix, Specialisation } from "../src/index.js"
import { eurostatCounties, eurostatSweden, germanLaender } from "./data.js"
import { readShared } from "./golden.js"

const counties = eurostatCounties()
const sweden = eurostatSweden()
const m2017 = Matrix.year(counties, 2017)
const national2017 = Matrix.year(sweden, 2017).values

describe("location quotients on Eurostat employment (21 counties × 10 NACE groups)", () => {
  it("reads 21 counties, ten groups and 18 years", () => {
    expect(counties.regions).toHaveLength(21)
    expect(counties.industries).toEqual(["A", "B-E", "F", "G-I", "J", "K", "L", "M-N", "O-Q", "R-U"])
    expect(counties.years).toEqual(Array.from({ length: 18 }, (_, k) => 2000 + k))
  })

  it("gives Västerbotten (SE331) and Västernorrland (SE321) against Sweden", () => {
    const lq = LocationQuotient.of(m2017, { reference: national2017 })
    // SE331 2017: O-Q 52,000 of 129,000 (sum of the ten groups); Sweden 1,640,000 of 5,016,000
    expect(Matrix.get(lq, "SE331", "O-Q")).toBeCloseTo(52000 / 129000 / (1640000 / 5016000), 12)
    expect(Matrix.get(lq, "SE331", "O-Q")).toBeCloseTo(1.2329, 4)
    // SE321 2017: A 5,000 of 118,000; Sweden 104,000 of 5,016,000
    expect(Matrix.get(lq, "SE321", "A")).toBeCloseTo(5000 / 118000 / (104000 / 5016000), 12)
    expect(Matrix.get(lq, "SE321", "A")).toBeCloseTo(2.0437, 4)
    const mcp = LocationQuotient.presence(m2017, { reference: national2017 })
    expect(Matrix.get(mcp, "SE321", "A")).toBe(1)
    expect(Matrix.get(mcp, "SE331", "J")).toBe(0)
  })

  it("LQ's reference-weighted row mean is 1 for every county and year", () => {
    for (const year of counties.years) {
      const m = Matrix.year(counties, year!)
      const lq = LocationQuotient.of(m)
      const totals = Matrix.industryTotals(m)
      const grand = totals.reduce((s, v) => s + v, 0)
      const I = m.industries.length
      for (let r = 0; r < m.regions.length; r++) {
        let mean = 0
        for (let i = 0; i < I; i++) mean += (totals[i]! / grand) * lq.values[r * I + i]!
        expect(mean).toBeCloseTo(1, 13)
      }
    }
  })

  it("symmetric LQ is (LQ − 1)/(LQ + 1) in [−1, 1]", () => {
    const lq = LocationQuotient.of(m2017)
    const slq = LocationQuotient.symmetric(lq)
    slq.values.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(-1)
      expect(v).toBeLessThanOrEqual(1)
      expect(v).toBeCloseTo((lq.values[k]! - 1) / (lq.values[k]! + 1), 14)
    })
  })

  it("counts an LQ of exactly 1 as present even when the division rounds below 1", () => {
    // 1/3 shares: LQ = (1/3)/(1/3) may round to 0.9999999999999999
    const m = Matrix.fromRows(
      ["a", "b"],
      ["x", "y", "z"],
      [
        [1, 1, 1],
        [2, 2, 2]
      ]
    )
    expect(Array.from(LocationQuotient.presence(m).values)).toEqual([1, 1, 1, 1, 1, 1])
    expect(Array.from(LocationQuotient.presence(m, { threshold: 1.5 }).values)).toEqual([0, 0, 0, 0, 0, 0])
  })
})

describe("specialisation indices", () => {
  it("Krugman (not halved) and the coefficient of specialisation for SE331 and SE321 against Sweden", () => {
    const k = Matrix.toRecord(Specialisation.krugman(m2017, { reference: national2017 }))
    const row = (code: string) => m2017.industries.map((i) => Matrix.get(m2017, code, i))
    const byHand = (code: string) => {
      const x = row(code)
      const total = x.reduce((s, v) => s + v, 0)
      const ref = Array.from(national2017)
      const grand = ref.reduce((s, v) => s + v, 0)
      return x.reduce((s, v, i) => s + Math.abs(v / total - ref[i]! / grand), 0)
    }
    expect(k.SE331).toBeCloseTo(byHand("SE331"), 14)
    expect(k.SE321).toBeCloseTo(byHand("SE321"), 14)
    expect(k.SE331).toBeCloseTo(0.19272, 5)
    const c = Matrix.toRecord(Specialisation.specialisationCoefficient(m2017, { reference: national2017 }))
    expect(c.SE331).toBeCloseTo(k.SE331! / 2, 15)
  })

  it("a region that mirrors the reference has Krugman 0, Theil 0 and Hachman 1", () => {
    const m = Matrix.fromRows(
      ["a", "b", "c"],
      ["x", "y"],
      [
        [10, 30],
        [1, 3],
        [5, 1]
      ]
    )
    const ref = [11, 33]
    expect(Specialisation.krugman(m, { reference: ref }).values[0]).toBeCloseTo(0, 15)
    expect(Specialisation.theil(m, { reference: ref }).values[0]).toBeCloseTo(0, 15)
    expect(Specialisation.hachman(m, { reference: ref }).values[1]).toBeCloseTo(1, 15)
    expect(Specialisation.theil(m, { reference: ref }).values[2]).toBeGreaterThan(0)
  })

  it("Herfindahl, its normalised form and entropy bracket the even and the fully concentrated region", () => {
    const m = Matrix.fromRows(
      ["even", "one"],
      ["w", "x", "y", "z"],
      [
        [5, 5, 5, 5],
        [0, 0, 9, 0]
      ]
    )
    expect(Array.from(Specialisation.herfindahl(m).values)).toEqual([0.25, 1])
    expect(Array.from(Specialisation.normalisedHerfindahl(m).values)).toEqual([0, 1])
    expect(Array.from(Specialisation.entropy(m).values)).toEqual([2, 0])
  })

  it("Gini, locational Gini and Hoover on German Länder 2014 rank the concentrated groups above the spread ones", () => {
    const de = Matrix.year(germanLaender(), 2014)
    const gini = Matrix.toRecord(Specialisation.gini(de))
    const locational = Matrix.toRecord(Specialisation.locationalGini(de))
    const hoover = Matrix.toRecord(Specialisation.hoover(de))
    // every industry by hand: regions' total activity X_r· and the industry's X_ri
    const total = de.regions.map((r) => de.industries.reduce((s, i) => s + Matrix.get(de, r, i), 0))
    const grand = total.reduce((s, v) => s + v, 0)
    for (const industry of de.industries) {
      const x = de.regions.map((r) => Matrix.get(de, r, industry))
      const xSum = x.reduce((s, v) => s + v, 0)
      // Hoover: 100 · ½ Σ_r |X_ri/X_·i − X_r·/X_··|
      const hooverByHand = 50 * x.reduce((s, v, r) => s + Math.abs(v / xSum - total[r]! / grand), 0)
      expect(hoover[industry]).toBeCloseTo(hooverByHand, 10)
      // locational Gini: regions by X_ri/X_r· ascending, Lorenz curve of the industry's cumulative share against the
      // cumulative share of total activity, 1 − 2 × (trapezoid area under it), halved
      const order = de.regions.map((_, r) => r).sort((a, b) => x[a]! / total[a]! - x[b]! / total[b]!)
      let area = 0
      let [cx, cy] = [0, 0]
      for (const r of order) {
        const [nx, ny] = [cx + total[r]! / grand, cy + x[r]! / xSum]
        area += ((nx - cx) * (cy + ny)) / 2
        ;[cx, cy] = [nx, ny]
      }
      expect(locational[industry]).toBeCloseTo((1 - 2 * area) / 2, 10)
    }
    // agriculture (A) is far more unevenly located relative to total employment than trade/transport (G-I)
    expect(locational.A!).toBeGreaterThan(locational["G-I"]!)
    expect(hoover.A!).toBeGreaterThan(hoover["G-I"]!)
    // Gini by hand for one column: Σ(2k − n − 1)x_(k) / (n Σx)
    const column = de.regions.map((r) => Matrix.get(de, r, "J")).sort((a, b) => a - b)
    const n = column.length
    const byHand =
      column.reduce((s, x, k) => s + (2 * (k + 1) - n - 1) * x, 0) / (n * column.reduce((s, x) => s + x, 0))
    expect(gini.J).toBeCloseTo(byHand, 14)
  })

  it("the Länder sum exactly to Germany, so LQs against the DE rows equal LQs against the column totals", () => {
    const laender = germanLaender()
    const germany = Matrix.fromLongCsv(readShared("reat-employment/de_laender_employees_2008_2014_totals_and_C.csv"), {
      source: "de_laender_employees_2008_2014_totals_and_C.csv",
      columns: { region: "region_code", industry: "industry_code" },
      region: (code) => code === "DE",
      industry: (code) => code !== "TOTAL" && code !== "C"
    })
    expect(germany.industries).toEqual(laender.industries)
    for (const year of laender.years) {
      const m = Matrix.year(laender, year!)
      const national = Matrix.year(germany, year!).values
      expect(Array.from(Matrix.industryTotals(m))).toEqual(Array.from(national))
      const a = LocationQuotient.of(m, { reference: national }).values
      const b = LocationQuotient.of(m).values
      expect(Array.from(a)).toEqual(Array.from(b))
    }
  })
})

describe("Specialisation: reference and population vectors are checked", () => {
  const counties = Matrix.year(eurostatCounties(), 2017)
  const sweden = Matrix.year(eurostatSweden(), 2017).values

  it("a negative reference total is an error naming the industry, not a negative share", () => {
    const bad = Float64Array.from(sweden)
    bad[1] = -bad[1]!
    for (const f of [Specialisation.krugman, Specialisation.theil, Specialisation.hachman]) {
      expect(() => f(counties, { reference: bad })).toThrow(
        /reference: expected a finite reference total ≥ 0 for industry "B-E"/
      )
    }
  })

  it("a negative or missing population is an error naming the region", () => {
    const pop = Float64Array.from(counties.regions, () => 1000)
    pop[counties.regions.indexOf("SE331")] = Number.NaN
    expect(() => Specialisation.hoover(counties, pop)).toThrow(
      /population: expected a finite value ≥ 0 for region "SE331", found NaN/
    )
  })
})
