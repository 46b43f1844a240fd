import { describe, expect, it } from "vitest"
import { Bars, Palette } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

const input: Bars.BarsInput = {
  title: "Innovation index",
  description: "Score per region",
  lang: "en",
  valueLabel: "Score",
  categoryLabel: "Region",
  bars: [
    { label: "Övre Norrland", value: 41.2, group: "Moderate", interval: [38, 45.5] },
    { label: "Stockholm", value: 72.9, group: "Leader", interval: [70, 74] },
    { label: "Småland <öarna>", value: 35.1, group: "Emerging" },
    { label: "Gotland", value: null }
  ],
  groups: [
    { key: "Leader", label: "Leader", colour: Palette.performanceGroups.Leader },
    { key: "Moderate", label: "Moderate", colour: Palette.performanceGroups.Moderate },
    { key: "Emerging", label: "Emerging", colour: Palette.performanceGroups.Emerging }
  ],
  reference: { value: 100, label: "EU = 100" }
}

describe("Bars", () => {
  it("sorts descending and leaves missing values out of the geometry", () => {
    const l = Bars.layout(input)
    expect(l.rows.map((r) => r.bar.label)).toEqual(["Stockholm", "Övre Norrland", "Småland <öarna>"])
    expect(l.missing.map((b) => b.label)).toEqual(["Gotland"])
    expect(l.rows[0]!.colour).toBe(Palette.performanceGroups.Leader)
    // rows go down the page in rank order
    expect(l.rows[0]!.y).toBeLessThan(l.rows[1]!.y)
  })

  it("has a value domain covering 0, all values, interval ends and the reference, rounded to nice ticks", () => {
    const [lo, hi] = Bars.layout(input).x.domain() as [number, number]
    expect(lo).toBe(0)
    expect(hi).toBe(100)
    const { reference: _, ...noReference } = input
    const wide = Bars.layout({ ...noReference, bars: [{ label: "a", value: 3, interval: [-2.2, 7.9] }] })
    expect(wide.x.domain()).toEqual([-3, 8])
  })

  it("draws one bar per present value, labels, whiskers, legend and the missing list", () => {
    const svg = Bars.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<g class="ik-bar">/g)).toBe(3)
    expect(count(svg, /<g class="ik-interval"/g)).toBe(2)
    expect(svg).toContain("Småland &lt;öarna&gt;")
    expect(svg).not.toContain("<öarna>")
    expect(svg).toContain("No data: Gotland")
    expect(count(svg, /class="ik-legend-item"/g)).toBe(4)
    expect(svg).toContain(">72.9<")
  })

  it("wraps a long list of missing bars inside the chart's width", () => {
    const names = ["Nordmaling", "Bjurholm", "Norsjö", "Malå", "Storuman", "Sorsele", "Dorotea", "Vännäs", "Åsele"]
    const svg = Bars.svg({
      ...input,
      width: 400,
      bars: [{ label: "Umeå", value: 7 }, ...names.map((label) => ({ label, value: null }))]
    })
    expectClean(svg)
    const lines = [...svg.matchAll(/<text [^>]*class="ik-missing"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!)
    expect(lines.length).toBeGreaterThan(1)
    expect(lines.join(" ")).toBe(`No data: ${names.join(", ")}`)
    // every line fits between the left edge of the bars and the right edge at the text's average glyph width
    const left = Bars.layout({ ...input, width: 400, bars: [{ label: "Umeå", value: 7 }] }).left
    for (const line of lines) expect(left + line.length * 6.6).toBeLessThanOrEqual(400)
    const height = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(svg)?.[1])
    const lastY = Math.max(
      ...[...svg.matchAll(/<text [^>]*y="([\d.]+)"[^>]*class="ik-missing"/g)].map((m) => Number(m[1]))
    )
    expect(lastY).toBeLessThanOrEqual(height)
  })

  it("writes the table with intervals and groups in Swedish number format", () => {
    const t = Bars.table({ ...input, lang: "sv" })
    expect(count(t, /<tr>/g)).toBe(5)
    expect(t).toContain("41,2")
    expect(t).toContain("38 – 45,5")
    expect(t).toContain("<caption>Innovation index</caption>")
  })
})
