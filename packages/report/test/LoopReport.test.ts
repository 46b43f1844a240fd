import { CycleReport, Example } from "@innokraft/loop"
import { describe, expect, it } from "vitest"
import { LoopReport } from "../src/index.js"
import { boundaries } from "./data.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

// Example.walkthrough() is the loop package's synthetic 2016 cycle (marked synthetic: true)
const report = CycleReport.report(Example.walkthrough())

const kommun = boundaries("kommun.geojson")
const map = { features: kommun, codeProperty: "KnKod", nameProperty: "KnNamn" }

const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])

describe("LoopReport", () => {
  it("puts the funnel counts of the cycle report into the funnel, needs first", () => {
    const stages = LoopReport.funnelStages(report, "en")
    expect(stages.map((s) => s.label)).toEqual([
      "Needs",
      "Ideas",
      "Concepts",
      "Prototypes",
      "Pilots",
      "Implemented",
      "Outcomes"
    ])
    expect(stages.map((s) => s.count)).toEqual([
      report.funnel.needs,
      report.funnel.ideas,
      report.funnel.concepts,
      report.funnel.prototypes,
      report.funnel.pilots,
      report.funnel.implemented + report.funnel.companiesFormed,
      report.funnel.outcomes.total
    ])
    expect(stages[0]!.count).toBeGreaterThanOrEqual(stages[1]!.count)
  })

  for (const lang of ["sv", "en"] as const) {
    it(`renders a clean, accessible document in ${lang}`, () => {
      const html = LoopReport.render(report, { lang })
      expectClean(html)
      expect(html).toContain(`<html lang="${lang}">`)
      const charts = svgs(html)
      // funnel, meetings by municipality × type, by sector, gender, age, newcomer, zone, municipality
      expect(charts).toHaveLength(report.inclusion.zone ? 8 : 7)
      for (const svg of charts) expectAccessible(svg)
      expect(count(html, /<table class="ik-table">/g)).toBe(charts.length + 1)
      expect(count(charts[0]!, /<g class="ik-stage">/g)).toBe(7)
    })
  }

  it("draws meetings by municipality × type as stacked bars with the cross-tab and both margins", () => {
    const rows = report.meetings.byTypeAndMunicipality
    const html = LoopReport.render(report, { lang: "en" })
    const chart = svgs(html).find((svg) => svg.includes("ik-stack"))!
    expectAccessible(chart)
    expectClean(chart)
    expect(chart).toContain("<title")
    expect(chart).toContain("Meetings by municipality and type 2016")
    // one bar per municipality, one segment per non-zero cell, one legend entry per meeting type
    expect(count(chart, /<g class="ik-stack">/g)).toBe(rows.length)
    const cells = rows.flatMap((r) => Object.values(r.byType)).filter((v) => v > 0)
    expect(count(chart, /<rect [^>]*><title>/g)).toBe(cells.length)
    expect(count(chart, /class="ik-legend-item"/g)).toBe(5)
    expect(chart).toContain("<title>Umeå – Idea workshop: 1</title>")
    expect(chart).toContain("<title>Lycksele – Business workshop: 1</title>")
    for (const r of rows) expect(chart).toContain(`>${r.name}</text>`)
    // no meeting count is suppressed: no hatch, no "<5", no lower bound
    expect(chart).not.toMatch(/&lt;5|≥|url\(#hatch/)
    // the table: municipalities and a total row; its margins are byType and byMunicipality
    const table = html.slice(html.indexOf("<table", html.indexOf(chart)))
    const body = table.slice(0, table.indexOf("</table>"))
    expect(count(body, /<tr>/g)).toBe(rows.length + 2)
    expect(body).toContain(
      '<tr><th scope="row">Umeå</th><td class="num">1</td><td class="num">1</td><td class="num">0</td><td class="num">1</td><td class="num">0</td><td class="num">3</td></tr>'
    )
    const b = report.meetings.byType
    const totals = [b.information, b.idea, b.prototyping, b.implementation, b.business, report.meetings.total]
    expect(body).toContain(
      `<tr><th scope="row">Total</th>${totals.map((v) => `<td class="num">${v}</td>`).join("")}</tr>`
    )
  })

  for (const lang of ["sv", "en"] as const) {
    it(`maps meetings per municipality of Västerbotten from kommun.geojson (${lang})`, () => {
      const html = LoopReport.render(report, { lang, map })
      expectClean(html)
      const charts = svgs(html)
      expect(charts).toHaveLength(report.inclusion.zone ? 9 : 8)
      const svg = charts.find((c) => c.includes("ik-areas"))!
      expectAccessible(svg)
      // the 15 municipalities of county 24, each a path with a title; 0 where no meeting was held
      const inCounty = kommun.features.filter((f) => String(f.properties?.KnKod).startsWith("24"))
      expect(inCounty).toHaveLength(15)
      expect(count(svg, /<path [^>]*class="ik-area"/g)).toBe(15)
      for (const m of report.meetings.byMunicipality) {
        expect(svg).toMatch(new RegExp(`data-code="${m.code}"[^>]*><title>${m.name}: ${m.count}</title>`))
      }
      expect(svg).toContain("<title>Nordmaling: 0</title>")
      expect(svg).toContain(lang === "sv" ? "Möten per kommun 2016" : "Meetings per municipality 2016")
      expect(svg).toContain(lang === "sv" ? "Västerbottens län" : "Västerbotten County")
      // a legend of whole-number classes 0, 1, 2, 3 (no fractional ranges), and no "no data" class
      const legend = [...svg.matchAll(/class="ik-legend-item">.*?<text[^>]*>([^<]+)<\/text>/g)].map((x) => x[1])
      expect(legend).toEqual(["0", "1", "2", "3"])
      // every coordinate is a finite number inside the frame
      const coords = [...svg.matchAll(/<path d="([^"]+)"/g)].flatMap((x) => x[1]!.match(/-?\d+(\.\d+)?/g)!.map(Number))
      expect(Math.min(...coords)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...coords)).toBeLessThanOrEqual(520)
      // and the table beside it lists the 15 municipalities
      const table = html.slice(html.indexOf("<table", html.indexOf(svg)))
      expect(count(table.slice(0, table.indexOf("</table>")), /<tr>/g)).toBe(16)
    })
  }

  it("maps every feature with scope 'all', and refuses a map that lacks a meeting's municipality", () => {
    const all = svgs(LoopReport.render(report, { lang: "en", map: { ...map, scope: "all" } })).find((c) =>
      c.includes("ik-areas")
    )!
    expect(count(all, /<path [^>]*class="ik-area"/g)).toBe(290)
    const without = { ...kommun, features: kommun.features.filter((f) => f.properties?.KnKod !== "2481") }
    expect(() => LoopReport.render(report, { lang: "en", map: { ...map, features: without } })).toThrow(
      /municipality "2481" \(Lycksele\) has meetings but no feature with KnKod = "2481"/
    )
  })

  it("shows suppressed inclusion counts as not published (<5) and never as numbers", () => {
    const cells = report.inclusion.municipality.cells
    const hidden = Object.entries(cells).filter(([, v]) => v === null)
    expect(hidden.length).toBeGreaterThan(0)
    const html = LoopReport.render(report, { lang: "sv" })
    const municipalitySvg = svgs(html).at(-1)!
    expect(municipalitySvg).toContain("Ej publicerat (&lt;5)")
    // every published municipality count is drawn as a bar, every suppressed one is only named
    const shown = Object.values(cells).filter((v) => v !== null).length
    expect(count(municipalitySvg, /<g class="ik-bar">/g)).toBe(shown)
    expect(html).toContain("Lycksele")
    // and the table says "ej publicerat (<5)" for each of them, not a dash and not a number
    const table = html.slice(html.lastIndexOf("<table"))
    expect(count(table, /<td class="num">ej publicerat \(&lt;5\)<\/td>/g)).toBe(hidden.length)
  })

  it("shows the figures about people as not published, not as zeros, when the participations are withheld", () => {
    const withheld = CycleReport.report({ ...Example.walkthrough(), participations: [] })
    expect(withheld.participants.unique).toBe(0)
    const html = LoopReport.render(withheld, { lang: "sv", peopleWithheld: true })
    const keys = html.slice(html.indexOf('<ul class="ik-keys">'), html.indexOf("</ul>"))
    expect(keys).toContain('<span class="v">ej publicerat</span><span class="l">Deltagare</span>')
    expect(keys).toContain('<span class="v">ej publicerat</span><span class="l">Med samtycke</span>')
    expect(keys).not.toMatch(/<span class="v">0<\/span>/)
    // no chart of people is drawn from the empty records; the meeting reports' attendance is still published
    expect(html).not.toContain("Kön 2016")
    expect(html).toContain(">219<")
    const full = LoopReport.render(CycleReport.report(Example.walkthrough()), { lang: "sv" })
    expect(full).toContain("Kön 2016")
  })
})
