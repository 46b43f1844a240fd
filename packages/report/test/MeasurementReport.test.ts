import { DataSet } from "@innokraft/measure"
import { describe, expect, it } from "vitest"
import { Lang, MeasurementReport } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"
import { measurementInput } from "./measure.js"

const input = measurementInput()
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])

describe("MeasurementReport", () => {
  it("scores every region relative to the mean, with RIS groups", () => {
    const rows = MeasurementReport.scores(input)
    expect(rows).toHaveLength(8)
    const agg = input.build.stages.Aggregated!
    const top = input.build.framework.top!
    const values = agg.units.map((u) => DataSet.get(agg, u, top)!)
    const mean = values.reduce((a, b) => a + b, 0) / values.length
    for (const r of rows) expect(r.relative).toBeCloseTo((100 * r.score!) / mean, 10)
    // Stockholm leads the Ecosystem index on the real data
    const best = rows.reduce((a, b) => ((a.score ?? 0) > (b.score ?? 0) ? a : b))
    expect(best.unit).toBe("SE11")
    expect(best.group?.group).toBe("Leader")
  })

  for (const lang of ["sv", "en"] as const) {
    it(`renders ranking, uncertainty, map, trend, heat map, radar and profile in ${lang}`, () => {
      const html = MeasurementReport.render(input, { lang })
      expectClean(html)
      const charts = svgs(html)
      expect(charts).toHaveLength(7)
      for (const s of charts) expectAccessible(s)
      expect(count(charts[0]!, /<g class="ik-bar">/g)).toBe(8)
      expect(count(charts[1]!, /<g class="ik-bar ik-dot">/g)).toBe(8)
      expect(count(charts[2]!, /class="ik-area"/g)).toBe(21)
      expect(count(charts[3]!, /<g class="ik-line">/g)).toBe(8)
      expect(count(charts[4]!, /<g class="ik-cell">/g)).toBe(8 * input.build.stages.Normalised!.codes.length)
      expect(count(charts[5]!, /class="ik-axis-label"/g)).toBe(input.build.framework.children.get("Ecosystem")!.length)
      // the score table carries the real aggregated numbers
      const agg = input.build.stages.Aggregated!
      const s = Lang.formatNumber(DataSet.get(agg, "SE33", "Ecosystem"), lang, 1)
      expect(html).toContain(`<td class="num">${s}</td>`)
    })
  }
})
