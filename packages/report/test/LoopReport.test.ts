import { CycleReport, Example } from "@innokraft/loop"
import { describe, expect, it } from "vitest"
import { LoopReport } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"

// Example.walkthrough() is the loop package's synthetic 2016 cycle (marked synthetic: true)
const report = CycleReport.report(Example.walkthrough())

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
      // funnel, meetings by type, by place, by sector, gender, age, newcomer, zone, municipality
      expect(charts).toHaveLength(report.inclusion.zone ? 9 : 8)
      for (const svg of charts) expectAccessible(svg)
      expect(count(html, /<table class="ik-table">/g)).toBe(charts.length + 1)
      expect(count(charts[0]!, /<g class="ik-stage">/g)).toBe(7)
    })
  }

  it("shows suppressed inclusion counts as <5 and never as numbers", () => {
    const cells = report.inclusion.municipality.cells
    const hidden = Object.entries(cells).filter(([, v]) => v === null)
    expect(hidden.length).toBeGreaterThan(0)
    const html = LoopReport.render(report, { lang: "sv" })
    const municipalitySvg = svgs(html).at(-1)!
    expect(municipalitySvg).toContain("Visas inte (&lt;5)")
    // every published municipality count is drawn as a bar, every suppressed one is only named
    const shown = Object.values(cells).filter((v) => v !== null).length
    expect(count(municipalitySvg, /<g class="ik-bar">/g)).toBe(shown)
    expect(html).toContain("Lycksele")
    // and the table says "<5" for each of them, not a dash and not a number
    const table = html.slice(html.lastIndexOf("<table"))
    expect(count(table, /<td class="num">&lt;5<\/td>/g)).toBe(hidden.length)
  })
})
