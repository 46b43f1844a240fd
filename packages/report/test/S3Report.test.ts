import { describe, expect, it } from "vitest"
import { S3Report } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"
import { s3Input } from "./s3.js"

const input = s3Input("en")
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])

describe("S3Report", () => {
  it("places every NACE group of Västerbotten by relatedness density and PCI", () => {
    const points = S3Report.quadrantPoints(input)
    expect(points).toHaveLength(10)
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(0)
      expect(p.x).toBeLessThanOrEqual(1)
    }
    // specialised groups (RCA ≥ 1) are highlighted: agriculture/forestry has LQ 1.46 in Västerbotten in 2017
    const a = points.find((p) => p.code === "A")!
    expect(a.highlight).toBe(true)
    expect(a.size).toBe(4000)
  })

  it("sums the shift-share components of the region to its change", () => {
    const s = S3Report.shiftShareTotals(input.shiftShare!, "SE331")
    expect(s.nationalShare + s.industryMix + s.competitive).toBeCloseTo(s.change, 6)
    expect(s.change).toBe(9000)
  })

  for (const lang of ["sv", "en"] as const) {
    it(`renders quadrant, LQ heat map, waterfall and priorities in ${lang}`, () => {
      const html = S3Report.render(s3Input(lang), { lang })
      expectClean(html)
      const charts = svgs(html)
      expect(charts).toHaveLength(4)
      for (const s of charts) expectAccessible(s)
      expect(count(charts[0]!, /class="ik-bubble"/g)).toBe(10)
      expect(count(charts[1]!, /<g class="ik-cell">/g)).toBe(21 * 10)
      expect(count(charts[2]!, /<g class="ik-step/g)).toBe(4)
      expect(count(charts[3]!, /<g class="ik-bar ik-dot">/g)).toBe(5)
      expect(html).toContain(lang === "sv" ? "Låg risk, hög nytta" : "Low risk, high benefit")
    })
  }

  it("refuses a region that is not in the analysis", () => {
    expect(() => S3Report.render({ ...input, region: "SE999" }, { lang: "en" })).toThrow(/SE999/)
  })
})
