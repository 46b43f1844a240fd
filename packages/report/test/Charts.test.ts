import { describe, expect, it } from "vitest"
import { Funnel, Lines, Quadrant, Radar, StackedBars, Waterfall } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

const frame = { title: "Chart", description: "What it shows", lang: "en" as const }

describe("Radar", () => {
  const input: Radar.RadarInput = {
    ...frame,
    axes: ["R&D", "Skills", "Firms", "Links", "Outputs"],
    series: [
      { label: "SE33", values: [40, 55, null, 35, 62] },
      { label: "Sweden", values: [50, 50, 50, 50, 50] }
    ]
  }
  it("scales from 0 at the centre to a nice maximum at the rim", () => {
    expect(Radar.radius(input, 100).domain()).toEqual([0, 65])
    expect(Radar.radius({ ...input, max: 100 }, 100).domain()).toEqual([0, 100])
  })
  it("draws a spoke and a label per axis and a marker per present value", () => {
    const svg = Radar.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /class="ik-axis-label"/g)).toBe(5)
    expect(count(svg, /<g class="ik-series"/g)).toBe(2)
    expect(count(svg, /<circle /g)).toBe(9)
    expect(svg).toContain("R&amp;D")
  })
})

describe("Lines", () => {
  const input: Lines.LinesInput = {
    ...frame,
    periods: [2015, 2016, 2017, 2018],
    series: [
      { label: "SE33", values: [10, 12, null, 15] },
      { label: "SE11", values: [20, 21, 22, 23], dashed: true }
    ],
    valueLabel: "Score",
    reference: { value: 25, label: "Target" }
  }
  it("has a period axis over the periods and a value axis over values and reference", () => {
    const { x, y } = Lines.scales(input, 640, 300)
    expect(x.domain()).toEqual([2015, 2018])
    expect(y.domain()[0]).toBeLessThanOrEqual(10)
    expect(y.domain()[1]).toBeGreaterThanOrEqual(25)
  })
  it("draws one line per series, a marker per value and breaks at gaps", () => {
    const svg = Lines.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<g class="ik-line">/g)).toBe(2)
    expect(count(svg, /<circle /g)).toBe(7)
    const first = /<g class="ik-line"><path d="([^"]+)"/.exec(svg)![1]!
    expect(count(first, /M/g)).toBe(2)
    expect(svg).toContain(">2018<")
  })
})

describe("Quadrant", () => {
  const points: Array<Quadrant.Point> = [
    { label: "a", x: 0.1, y: -1, size: 10 },
    { label: "b", x: 0.4, y: 1.5, size: 200 },
    { label: "c", x: 0.3, y: 0.2, size: 50, highlight: true },
    { label: "d", x: 0.05, y: 2, size: 5 },
    { label: "e", x: 0.5, y: -0.5, size: 80 }
  ]
  const input: Quadrant.QuadrantInput = { ...frame, points, xLabel: "Relatedness density", yLabel: "PCI" }
  it("splits at the medians by default, or at means or given values", () => {
    expect(Quadrant.splitOf(input)).toEqual({ x: 0.3, y: 0.2 })
    const mean = Quadrant.splitOf({ ...input, split: "mean" })
    expect(mean.x).toBeCloseTo(0.27, 12)
    expect(mean.y).toBeCloseTo(0.44, 12)
    expect(Quadrant.quadrantOf({ x: 0.4, y: 1.5 }, { x: 0.3, y: 0.2 })).toBe(1)
    expect(Quadrant.quadrantOf({ x: 0.5, y: -0.5 }, { x: 0.3, y: 0.2 })).toBe(2)
    expect(Quadrant.quadrantOf({ x: 0.05, y: 2 }, { x: 0.3, y: 0.2 })).toBe(3)
    expect(Quadrant.quadrantOf({ x: 0.1, y: -1 }, { x: 0.3, y: 0.2 })).toBe(4)
  })
  it("draws a bubble per point, the quadrant names and the table", () => {
    const svg = Quadrant.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /class="ik-bubble"/g)).toBe(5)
    expect(count(svg, /class="ik-quadrant"/g)).toBe(4)
    expect(svg).toContain("Low risk, high benefit")
    expect(Quadrant.table(input)).toContain("1: Low risk, high benefit")
  })
})

describe("Waterfall", () => {
  const input: Waterfall.WaterfallInput = {
    ...frame,
    start: { label: "2016", value: 1000 },
    steps: [
      { label: "National", value: 50 },
      { label: "Mix", value: -20 },
      { label: "Regional", value: 5 }
    ],
    endLabel: "2021",
    valueLabel: "Employed"
  }
  it("floats each step from the running total and ends at start + Σ steps", () => {
    const bars = Waterfall.bars(input)
    expect(bars.map((b) => [b.from, b.to])).toEqual([
      [0, 1000],
      [1000, 1050],
      [1050, 1030],
      [1030, 1035],
      [0, 1035]
    ])
    expect(bars.map((b) => b.kind)).toEqual(["total", "up", "down", "up", "total"])
  })
  it("draws five bars with signed labels", () => {
    const svg = Waterfall.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<g class="ik-step/g)).toBe(5)
    expect(svg).toContain(">+50<")
    expect(svg).toContain(">-20<")
  })
})

describe("Funnel and StackedBars suppression", () => {
  it("never shows a count under 5 in a funnel, in the chart or the table", () => {
    const input: Funnel.FunnelInput = {
      ...frame,
      stages: [
        { label: "Needs", count: 40 },
        { label: "Ideas", count: 12 },
        { label: "Prototypes", count: 3 },
        { label: "Outcomes", count: 0 }
      ],
      countLabel: "Count",
      suppressBelow: 5
    }
    const svg = Funnel.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<g class="ik-stage">/g)).toBe(4)
    expect(svg).toContain("Prototypes: &lt;5")
    expect(svg).not.toMatch(/>3</)
    expect(svg).toContain(">12 (30%)<")
    const t = Funnel.table(input)
    expect(t).toContain("&lt;5")
    expect(t).not.toMatch(/>3</)
    // without suppression the 3 is shown
    const { suppressBelow: _, ...open } = input
    expect(Funnel.svg(open)).toMatch(/>3 \(8%\)</)
  })

  it("stacks with d3-shape, totals on top, and hides small segments and the totals that would reveal them", () => {
    const input: StackedBars.StackedBarsInput = {
      ...frame,
      categories: ["Umeå", "Lycksele"],
      series: [
        { label: "Women", values: [20, 2] },
        { label: "Men", values: [15, 9] }
      ],
      valueLabel: "People",
      categoryLabel: "Place",
      suppressBelow: 5
    }
    const layers = StackedBars.layers(input)
    expect([...layers[1]![0]!]).toEqual([20, 35])
    expect([...layers[1]![1]!]).toEqual([0, 9])
    const svg = StackedBars.svg(input)
    expectClean(svg)
    expect(svg).toContain(">35<")
    expect(svg).toContain(">≥9<")
    expect(svg).not.toContain(">11<")
    const t = StackedBars.table(input)
    expect(t).toContain("&lt;5")
    expect(t).not.toContain(">11<")
    expect(t).not.toMatch(/>2</)
  })
})
