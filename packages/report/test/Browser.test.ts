import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { CycleReport, Example } from "@innokraft/loop"
import { chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { LoopReport, MeasurementReport, S3Report, StrategyReport } from "../src/index.js"
import { boundaries } from "./data.js"
import { measurementInput } from "./measure.js"
import { s3Input } from "./s3.js"
import { fixture } from "./strategy.js"

const executablePath = "/usr/bin/chromium"
const artifacts = join(import.meta.dirname, "..", ".artifacts")

// the loop report's map of meetings per municipality, from the real municipality boundaries
const loopMap = () => ({ features: boundaries("kommun.geojson"), codeProperty: "KnKod", nameProperty: "KnNamn" })

const pages: ReadonlyArray<readonly [string, () => string]> = [
  ["measurement-en", () => MeasurementReport.render(measurementInput(), { lang: "en" })],
  ["measurement-sv", () => MeasurementReport.render(measurementInput(), { lang: "sv" })],
  ["s3-en", () => S3Report.render(s3Input("en"), { lang: "en" })],
  ["s3-sv", () => S3Report.render(s3Input("sv"), { lang: "sv" })],
  [
    "strategy-sv",
    () =>
      StrategyReport.render(fixture(), {
        lang: "sv",
        actuals: {
          il1: [
            { year: 2021, value: 212.4 },
            { year: 2023, value: 251.9 }
          ]
        }
      })
  ],
  ["loop-sv", () => LoopReport.render(CycleReport.report(Example.walkthrough()), { lang: "sv", map: loopMap() })],
  ["loop-en", () => LoopReport.render(CycleReport.report(Example.walkthrough()), { lang: "en", map: loopMap() })]
]

describe("reports in headless Chromium", { tags: ["chromium"] }, () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run"
      ]
    })
  }, 60_000)
  afterAll(async () => {
    await browser?.close()
  })

  for (const [name, html] of pages) {
    it(`${name}: no console errors, no requests, every chart laid out`, async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } })
      const errors: Array<string> = []
      const requests: Array<string> = []
      const failed: Array<string> = []
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text())
      })
      page.on("pageerror", (e) => errors.push(e.message))
      page.on("request", (r) => requests.push(r.url()))
      page.on("requestfailed", (r) => failed.push(r.url()))
      await page.setContent(html(), { waitUntil: "load" })
      // every SVG has a laid-out box (no zero-size or broken chart) and is named for assistive technology
      const boxes = await page.$$eval("svg.ik-chart", (svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect()
          return { w: r.width, h: r.height, title: s.querySelector("title")?.textContent ?? "" }
        })
      )
      expect(boxes.length).toBeGreaterThan(0)
      for (const b of boxes) {
        expect(b.w).toBeGreaterThan(100)
        expect(b.h).toBeGreaterThan(50)
        expect(b.title.length).toBeGreaterThan(0)
      }
      if (name.startsWith("loop-")) {
        // the map is drawn: Västerbotten's 15 municipalities, each with a laid-out area
        const areas = await page.$$eval("svg.ik-chart path.ik-area", (ps) =>
          ps.map((p) => p.getBoundingClientRect().width * p.getBoundingClientRect().height)
        )
        expect(areas).toHaveLength(15)
        for (const a of areas) expect(a).toBeGreaterThan(0)
      }
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
      await page.emulateMedia({ media: "print" })
      await page.pdf({ path: join(artifacts, `${name}.pdf`), format: "A4", printBackground: true })
      await page.close()
      expect(errors).toEqual([])
      expect(failed).toEqual([])
      expect(requests).toEqual([])
    }, 60_000)
  }
})
