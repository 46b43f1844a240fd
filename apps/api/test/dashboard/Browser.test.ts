import { mkdirSync } from "node:fs"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { serve } from "@hono/node-server"
import { chromium } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { dashboard } from "../../src/dashboard/index.js"
import { exampleData } from "./fixture.js"

const executablePath = "/usr/bin/chromium"
const artifacts = join(import.meta.dirname, "..", "..", ".artifacts")

const pages: ReadonlyArray<readonly [string, string]> = [
  ["dashboard-home-sv", "/"],
  ["dashboard-home-en", "/?lang=en"],
  ["dashboard-org-vasterbotten-sv", "/org/region-vasterbotten"],
  ["dashboard-org-vasternorrland-en", "/org/region-vasternorrland?lang=en"],
  ["dashboard-org-boras-sv", "/org/boras-stad"],
  ["dashboard-org-empty-en", "/org/tom-forening?lang=en"],
  ["dashboard-strategy-sv", "/org/region-vasterbotten/strategy"],
  ["dashboard-measure-sv", "/org/region-vasterbotten/measure/ecosystem"],
  ["dashboard-measure-en", "/org/region-vasterbotten/measure/ecosystem?lang=en"],
  ["dashboard-s3-sv", "/org/region-vasterbotten/s3/empers-2017-se331"],
  ["dashboard-s3-en", "/org/region-vasternorrland/s3/empers-2017-se321?lang=en"],
  ["dashboard-loop-sv", "/org/region-vasterbotten/loop/loop-2016-synthetic"],
  ["dashboard-loop-en", "/org/region-vasterbotten/loop/loop-2016-synthetic?lang=en"],
  ["dashboard-404-en", "/org/nowhere?lang=en"]
]

describe("the dashboard in headless Chromium", { tags: ["chromium"] }, () => {
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  let server: ReturnType<typeof serve>
  let origin = ""

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    const app = dashboard(exampleData())
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        origin = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
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
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  })

  for (const [name, path] of pages) {
    it(`${name}: ${path} loads with no console errors and no requests beyond the page`, async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 1200 } })
      const errors: Array<string> = []
      const requests: Array<string> = []
      const failed: Array<string> = []
      page.on("console", (m) => {
        // Chromium reports the 404 page's own status as a console error; every other error counts
        const own = name.includes("404") && m.location().url === `${origin}${path}`
        if (m.type() === "error" && !own) errors.push(`${m.text()} (${m.location().url})`)
      })
      page.on("pageerror", (e) => errors.push(e.message))
      page.on("request", (r) => requests.push(r.url()))
      page.on("requestfailed", (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`))
      const response = await page.goto(`${origin}${path}`, { waitUntil: "load" })
      expect(response?.status()).toBe(name.includes("404") ? 404 : 200)
      expect(await page.title()).not.toBe("")
      expect(await page.locator("h1").count()).toBe(1)
      // every chart has a laid-out box and a title for assistive technology
      const boxes = await page.$$eval("svg", (svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect()
          return { w: r.width, h: r.height, title: s.querySelector("title")?.textContent ?? "" }
        })
      )
      for (const b of boxes) {
        expect(b.w).toBeGreaterThan(100)
        expect(b.h).toBeGreaterThan(50)
        expect(b.title.length).toBeGreaterThan(0)
      }
      // nothing widens the page beyond the window (wide tables scroll in their own box)
      expect(await page.$eval("html", (e) => e.scrollWidth)).toBeLessThanOrEqual(1100)
      await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true })
      // in print the site bars are gone and the page becomes an A4 document
      await page.emulateMedia({ media: "print" })
      expect(await page.locator(".ikd-bar").isVisible()).toBe(false)
      // … while every chart and all of its marks still print (the dashboard's styles must not reach into the SVG)
      const printed = await page.$$eval("svg", (svgs) => {
        // runs in the page (the test's tsconfig has no DOM globals)
        const style = (globalThis as unknown as { getComputedStyle: (e: unknown) => { display: string } })
          .getComputedStyle
        return svgs.map((s) => ({
          w: s.getBoundingClientRect().width,
          hidden: [...s.querySelectorAll("g")].filter((g) => style(g).display === "none").length
        }))
      })
      expect(printed).toHaveLength(boxes.length)
      for (const p of printed) {
        expect(p.w).toBeGreaterThan(100)
        expect(p.hidden).toBe(0)
      }
      await page.pdf({ path: join(artifacts, `${name}.pdf`), format: "A4", printBackground: true })
      await page.close()
      expect(errors).toEqual([])
      expect(failed).toEqual([])
      // the page itself and nothing else: no styles, fonts, scripts or images from anywhere
      expect(requests).toEqual([`${origin}${path}`])
    }, 60_000)
  }
})
