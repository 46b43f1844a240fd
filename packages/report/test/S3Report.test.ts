import { Matrix } from "@innokraft/s3"
import { describe, expect, it } from "vitest"
import { S3Report } from "../src/index.js"
import { count, expectAccessible, expectClean } from "./helpers.js"
import { empersPanel, s3Input } from "./s3.js"

const input = s3Input("en")
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])

describe("S3Report", () => {
  it("places every NACE group of Västerbotten by relatedness density and PCI", () => {
    const points = S3Report.quadrantPoints(input)
    expect(points).toHaveLength(10)
    // x is SE331's relatedness density, computed here from the 2017 employment by hand: M = [LQ ≥ 1],
    // φ_ij = C_ij / max(u_i, u_j) (co-occurrence over ubiquity), RD_i = Σ_j M_j φ_ij / Σ_j φ_ij
    const m = Matrix.year(empersPanel(), 2017)
    const R = m.regions.length
    const I = m.industries.length
    const at = (r: number, i: number) => m.values[r * I + i]!
    const total = m.values.reduce((a, b) => a + b, 0)
    const rowSum = (r: number) => m.industries.reduce((t, _, i) => t + at(r, i), 0)
    const colSum = (i: number) => m.regions.reduce((t, _, r) => t + at(r, i), 0)
    const M = m.regions.map((_, r) =>
      m.industries.map((_, i) => (at(r, i) / rowSum(r) / (colSum(i) / total) >= 1 ? 1 : 0))
    )
    const u = m.industries.map((_, i) => M.reduce((t, row) => t + row[i]!, 0))
    const phi = (i: number, j: number) =>
      i === j ? 1 : M.reduce((t, row) => t + row[i]! * row[j]!, 0) / Math.max(u[i]!, u[j]!)
    const se331 = M[m.regions.indexOf("SE331")]!
    expect(R).toBe(21)
    for (const p of points) {
      const i = m.industries.indexOf(p.code)
      let num = 0
      let den = 0
      for (let j = 0; j < I; j++) {
        num += se331[j]! * phi(i, j)
        den += phi(i, j)
      }
      expect(p.x).toBeCloseTo(num / den, 12)
      expect(p.size).toBe(at(m.regions.indexOf("SE331"), i))
      expect(p.highlight).toBe(se331[i] === 1)
    }
    // specialised groups (RCA ≥ 1) are highlighted: agriculture/forestry has LQ 1.46 in Västerbotten in 2017
    const a = points.find((p) => p.code === "A")!
    expect(a.highlight).toBe(true)
    expect(a.size).toBe(4000)
  })

  it("totals the region's shift-share components, each as computed by hand from the employment", () => {
    const s = S3Report.shiftShareTotals(input.shiftShare!, "SE331")
    // each total computed here from the 2007 and 2017 employment, the 21 counties as the nation
    const panel = empersPanel()
    const [e0, et] = [Matrix.year(panel, 2007), Matrix.year(panel, 2017)]
    const I = e0.industries.length
    const r = e0.regions.indexOf("SE331")
    const national = (m: Matrix.Matrix, i: number) => m.regions.reduce((t, _, k) => t + m.values[k * I + i]!, 0)
    const all = (m: Matrix.Matrix) => m.values.reduce((a, b) => a + b, 0)
    const G = all(et) / all(e0) - 1
    let ns = 0
    let im = 0
    let rs = 0
    for (let i = 0; i < I; i++) {
      const gi = national(et, i) / national(e0, i) - 1
      const base = e0.values[r * I + i]!
      ns += base * G
      im += base * (gi - G)
      rs += et.values[r * I + i]! - base * (1 + gi)
    }
    expect(s.nationalShare).toBeCloseTo(ns, 6)
    expect(s.industryMix).toBeCloseTo(im, 6)
    expect(s.competitive).toBeCloseTo(rs, 6)
    const regionTotal = (m: Matrix.Matrix) => m.values.subarray(r * I, (r + 1) * I).reduce((a, b) => a + b, 0)
    expect(s.change).toBe(regionTotal(et) - regionTotal(e0))
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
