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
