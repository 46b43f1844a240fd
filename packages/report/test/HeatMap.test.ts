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

  it("gives blank zeros a white legend swatch and starts the ramp at the smallest coloured value", () => {
    const coverage = {
      ...input,
      scheme: { kind: "sequential" as const, scheme: "cividis" as const, domain: [0, 1] as const },
      blankZero: true,
      digits: 2,
      values: [
        [0, 0.5, 1],
        [0.25, 0, 0]
      ]
    }
    const svg = HeatMap.svg(coverage)
    const legend = svg.slice(svg.indexOf('<g class="ik-legend">'))
    // the zero cells are white, and so is the legend's swatch for them; the ramp runs 0.25 … 1, not 0 … 1
    expect(count(svg, /<rect [^>]*fill="#ffffff" stroke="#ddd">/g)).toBe(3)
    expect(legend).toMatch(/<rect [^>]*fill="#ffffff"[^>]*\/><text [^>]*>0 \(blank cell\)<\/text>/)
    expect(legend).toMatch(/fill="#333">0.25<\/text><text [^>]*text-anchor="end" fill="#333">1<\/text>/)
    const colour = HeatMap.colourScale(coverage)
    expect(legend).toContain(`<stop offset="0%" stop-color="${colour(0.25)}"/>`)
    // one value everywhere: the ramp runs from it to the top of the domain, never "0.5 … 0.5"
    // nothing but zeros: no ramp at all (its dark 0 would contradict the white cells), only the blank swatch
    const zeros = HeatMap.svg({
      ...coverage,
      values: [
        [0, 0],
        [0, 0]
      ]
    })
    expect(zeros).not.toContain("linearGradient")
    expect(zeros).toContain(">0 (blank cell)</text>")
    const flat = HeatMap.svg({
      ...coverage,
      values: [
        [0.5, 0],
        [0, 0.5]
      ]
    })
    expect(flat).toMatch(/fill="#333">0.5<\/text><text [^>]*text-anchor="end" fill="#333">1<\/text>/)
  })

  it("shortens long row labels so that they fit the label margin inside the chart", () => {
    const long = "Strength area: Renewable energy – solar, wind, hydro and bioenergy power generation"
    const svg = HeatMap.svg({ ...input, rows: [long, "SE33"] })
    const [, x, label] = /x="([\d.]+)" [^>]*class="ik-row">([^<]*)</.exec(svg)!
    expect(label!.length).toBeLessThanOrEqual(34)
    expect(label!.endsWith("…")).toBe(true)
    // 7.2 px per character at 12 px is more than any system font needs: the label starts right of x = 0
    expect(Number(x)).toBeGreaterThanOrEqual(label!.length * 7.2)
    expect(HeatMap.table({ ...input, rows: [long, "SE33"] })).toContain(long)
  })

  it("writes the table", () => {
    const t = HeatMap.table(input)
    expect(count(t, /<tr>/g)).toBe(3)
    expect(t).toContain("1.9")
  })
})
