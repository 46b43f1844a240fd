import { interpolateRdBu } from "d3-scale-chromatic"
import { describe, expect, it } from "vitest"
import { HeatMap } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

const input: HeatMap.HeatMapInput = {
  title: "Location quotients",
  description: "LQ by region and section",
  lang: "en",
  rows: ["SE11", "SE33"],
  columns: ["A", "C", "J"],
  values: [
    [0.2, 0.6, 2.1],
    [1.9, 1, null]
  ],
  valueLabel: "LQ",
  rowLabel: "Region",
  scheme: { kind: "diverging", midpoint: 1 },
  digits: 2
}

describe("HeatMap", () => {
  it("draws one cell per row and column, hatching missing cells", () => {
    const svg = HeatMap.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<g class="ik-cell">/g)).toBe(6)
    expect(count(svg, /class="ik-row"/g)).toBe(2)
    expect(count(svg, /class="ik-col"/g)).toBe(3)
    expect(svg).toContain("<title>SE33 – J: No data</title>")
    expect(svg).toContain(">2.1<")
  })

  it("centres a diverging scale on the midpoint, symmetric around it", () => {
    const c = HeatMap.colourScale(input)
    const [a, m, b] = c.domain() as [number, number, number]
    expect(a).toBeCloseTo(-0.1, 12)
    expect(m).toBe(1)
    expect(b).toBe(2.1)
    expect(c(1)).toBe(interpolateRdBu(0.5))
  })

  it("uses the data extent for a sequential scale, and blanks zeros on request", () => {
    const seq = {
      ...input,
      scheme: { kind: "sequential" as const },
      blankZero: true,
      values: [
        [0, 1, 2],
        [3, 4, 5]
      ]
    }
    expect(HeatMap.colourScale(seq).domain()).toEqual([0, 5])
    const svg = HeatMap.svg(seq)
    expect(count(svg, /text-anchor="middle" fill="#(000000|ffffff)"/g)).toBe(5)
  })

  it("writes the table", () => {
    const t = HeatMap.table(input)
    expect(count(t, /<tr>/g)).toBe(3)
    expect(t).toContain("1.9")
  })
})
