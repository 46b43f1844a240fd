import { describe, expect, it } from "vitest"
import { Choropleth } from "../src/index.js"
import { boundaries, countyNames, municipalitiesPerCounty } from "./data.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

const lan = boundaries("lan.geojson")
const perCounty = municipalitiesPerCounty()

const input: Choropleth.ChoroplethInput = {
  title: "Municipalities per county",
  description: "Number of municipalities in each of Sweden's 21 counties",
  lang: "en",
  features: lan,
  codeProperty: "LnKod",
  nameProperty: "LnNamn",
  names: countyNames(),
  values: perCounty,
  valueLabel: "Municipalities",
  digits: 0
}

describe("Choropleth", () => {
  it("reads the real county data: 290 municipalities, 49 in Västra Götaland, 1 on Gotland", () => {
    expect(Object.values(perCounty).reduce((a, b) => a + b, 0)).toBe(290)
    expect(perCounty["14"]).toBe(49)
    expect(perCounty["09"]).toBe(1)
  })

  it("makes contiguous classes over a nice domain that covers the values", () => {
    const cls = Choropleth.classes(input)
    expect(cls).toHaveLength(5)
    expect(cls[0]!.from).toBeLessThanOrEqual(1)
    expect(cls.at(-1)!.to).toBeGreaterThanOrEqual(49)
    for (let k = 1; k < cls.length; k++) expect(cls[k]!.from).toBe(cls[k - 1]!.to)
    expect(new Set(cls.map((c) => c.colour)).size).toBe(5)
  })

  it("draws all 21 counties, the largest in the darkest class, with a legend", () => {
    const svg = Choropleth.svg(input)
    expectAccessible(svg)
    expectClean(svg)
    expect(count(svg, /<path [^>]*class="ik-area"/g)).toBe(21)
    const cls = Choropleth.classes(input)
    const vg = /<path d="[^"]+" fill="([^"]+)"[^>]*data-code="14"/.exec(svg)
    expect(vg?.[1]).toBe(cls.at(-1)!.colour)
    expect(svg).toContain("<title>Västra Götalands län: 49</title>")
    expect(count(svg, /class="ik-legend-item"/g)).toBe(5)
  })

  it("fits Sweden into the frame: every coordinate inside the width and height", () => {
    const svg = Choropleth.svg(input)
    const coords = [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap((m) => m[1]!.match(/-?\d+(\.\d+)?/g)!.map(Number))
    expect(coords.length).toBeGreaterThan(1000)
    expect(Math.min(...coords)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...coords)).toBeLessThanOrEqual(620)
  })

  it("hatches areas without data and names them in the legend", () => {
    const { "01": _, ...rest } = perCounty
    const svg = Choropleth.svg({ ...input, values: { ...rest, "03": null } })
    expect(count(svg, /fill="url\(#hatch-[^)]+\)"[^>]*class="ik-area"/g)).toBe(2)
    expect(svg).toContain(">No data<")
    expect(Choropleth.table({ ...input, values: rest })).toMatch(
      /<th scope="row">01<\/th><td>Stockholms län<\/td><td class="num">–<\/td>/
    )
  })

  it("makes whole-number classes for counts: one per value when few, contiguous ranges when many", () => {
    const few = Choropleth.classes({ ...input, values: { "01": 0, "03": 1, "24": 3 }, integer: true })
    expect(few.map((c) => [c.from, c.to])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4]
    ])
    const many = Choropleth.classes({ ...input, integer: true })
    expect(many).toHaveLength(5)
    expect(many[0]!.from).toBe(1)
    expect(many.at(-1)!.to).toBe(50)
    for (let k = 0; k < many.length; k++) {
      expect(Number.isInteger(many[k]!.from) && Number.isInteger(many[k]!.to)).toBe(true)
      if (k > 0) expect(many[k]!.from).toBe(many[k - 1]!.to)
    }
    const svg = Choropleth.svg({ ...input, values: { "01": 0, "03": 1, "24": 3 }, integer: true })
    expectClean(svg)
    const legend = [...svg.matchAll(/class="ik-legend-item">.*?<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])
    expect(legend).toEqual(["0", "1", "2", "3", "No data"])
    const wide = Choropleth.svg({ ...input, integer: true })
    expect([...wide.matchAll(/class="ik-legend-item">.*?<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      "1–10",
      "11–20",
      "21–30",
      "31–40",
      "41–49"
    ])
  })

  it("cuts the SVG to the fitted map's height when the areas are wider than the frame", () => {
    const kommun = boundaries("kommun.geojson")
    const vb = { ...kommun, features: kommun.features.filter((f) => String(f.properties?.KnKod).startsWith("24")) }
    const svg = Choropleth.svg({ ...input, features: vb, codeProperty: "KnKod", nameProperty: "KnNamn", values: {} })
    expectClean(svg)
    const coords = [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap((m) => m[1]!.match(/-?\d+(\.\d+)?/g)!.map(Number))
    const ys = coords.filter((_, k) => k % 2 === 1)
    expect(Math.min(...ys)).toBeCloseTo(6, 0)
    // the legend title sits right under the map, not under an empty band down to y = 620
    const legendY = Number(/<g class="ik-legend"><text x="8" y="([\d.]+)"/.exec(svg)?.[1])
    expect(legendY).toBeLessThan(Math.max(...ys) + 30)
    expect(legendY).toBeLessThan(600)
  })

  it("draws the 290 municipalities", () => {
    const kommun = boundaries("kommun.geojson")
    const values = Object.fromEntries(
      kommun.features.map((f) => [String(f.properties?.KnKod), Number(String(f.properties?.KnKod).slice(0, 2))])
    )
    const svg = Choropleth.svg({
      ...input,
      features: kommun,
      codeProperty: "KnKod",
      nameProperty: "KnNamn",
      names: {},
      values
    })
    expectClean(svg)
    expect(count(svg, /class="ik-area"/g)).toBe(290)
    expect(svg).toContain("<title>Umeå: 24</title>")
  })
})
