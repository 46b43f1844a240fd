import { Examples, Portfolio } from "@innokraft/domain"
import { CycleReport, Example } from "@innokraft/loop"
import { StrategyReport } from "@innokraft/report"
import { describe, expect, it } from "vitest"
import { type DashboardData, dashboard } from "../../src/dashboard/index.js"
import { ecosystemView, exampleData, organisations } from "./fixture.js"

const app = dashboard(exampleData())

const get = async (path: string) => {
  const res = await app.request(path)
  return { status: res.status, type: res.headers.get("content-type") ?? "", html: await res.text() }
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length
const svgs = (html: string) => [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => m[0])
const decode = (s: string) => s.replaceAll("&amp;", "&").replaceAll("&#39;", "'").replaceAll("&quot;", '"')
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => decode(m[1]!))

/** A page fit to show: HTML, no leaked NaN/undefined, accessible charts, unique ids, no scripts or remote URLs. */
const expectPage = (html: string, lang: "sv" | "en") => {
  expect(html.startsWith("<!doctype html>")).toBe(true)
  expect(html).toContain(`<html lang="${lang}">`)
  expect(html).not.toMatch(/NaN|undefined|Infinity|\[object /)
  expect(html).not.toMatch(/<script|<img|<iframe|\ssrc=|url\((?!#)/i)
  for (const link of hrefs(html)) expect(link).toMatch(/^(\/|data:,$)/)
  expect(count(html, /<h1[ >]/g)).toBe(1)
  for (const svg of svgs(html)) {
    const ids = /aria-labelledby="([^ "]+) ([^"]+)"/.exec(svg)
    expect(ids).not.toBeNull()
    expect(svg).toContain(`<title id="${ids![1]}">`)
    expect(svg).toContain(`<desc id="${ids![2]}">`)
  }
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
  expect(new Set(ids).size).toBe(ids.length)
  const links = hrefs(html)
  expect(links).toContain("/docs")
  expect(links).toContain("/openapi.json")
}

describe("the dashboard over the example data", () => {
  it("lists every organisation on the front page with what each holds", async () => {
    const { status, type, html } = await get("/")
    expect(status).toBe(200)
    expect(type).toMatch(/^text\/html/)
    expectPage(html, "sv")
    for (const o of organisations) expect(hrefs(html)).toContain(`/org/${o.id}`)
    expect(count(html, /<li><h3>/g)).toBe(organisations.length)
    // Västerbotten's card: its strategies, strength areas and projects, one run, one S3 analysis, one cycle
    const card = html.slice(html.indexOf("Region Västerbotten"), html.indexOf("Region Västernorrland"))
    const w = Examples.vasterbotten
    const dd = [...card.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => Number(m[1]))
    expect(dd).toEqual([w.strategies.length, w.strengthAreas.length, w.projects.length, 1, 1, 1])
    expect(card).toContain(w.regions[0]!.name.sv)
  })

  it("switches language with ?lang=en and keeps it in every link", async () => {
    const { status, html } = await get("/?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    expect(html).toContain("Innokraft – dashboard")
    for (const o of organisations) expect(hrefs(html)).toContain(`/org/${o.id}?lang=en`)
    expect(hrefs(html)).toContain("/")
    // an unknown language falls back to Swedish
    expectPage((await get("/?lang=de")).html, "sv")
  })

  it("shows a region's strategies, goals, strength areas, portfolio and report links", async () => {
    const { status, html } = await get("/org/region-vasterbotten")
    expect(status).toBe(200)
    expectPage(html, "sv")
    const w = Examples.vasterbotten
    const text = decode(html)
    for (const s of w.strategies) {
      expect(text).toContain(s.title.sv)
      if (s.vision) expect(text).toContain(s.vision.sv)
    }
    for (const g of w.goals) expect(text).toContain(g.title.sv)
    for (const a of w.strengthAreas) expect(text).toContain(a.name.sv)
    expect(count(html, /<span class="ikd-tag">/g)).toBe(w.strengthAreas.length)
    // no active project is linked to a goal or strength area, and no funding has an amount: said, not drawn
    const coverage = Portfolio.coverage(w)
    expect(coverage.rows.some((r) => r.shares.some((x) => x > 0))).toBe(false)
    expect(html).toContain(`Inget av de ${coverage.projects.length} aktiva projekten är kopplat`)
    expect(StrategyReport.fundingBySourceAndYear(w)).toHaveLength(0)
    expect(html).toContain("Inga finansieringsbelopp finns registrerade.")
    expect(svgs(html)).toHaveLength(0)
    const links = hrefs(html)
    for (const path of [
      "/org/region-vasterbotten/strategy",
      "/org/region-vasterbotten/measure/ecosystem",
      "/org/region-vasterbotten/s3/empers-2017-se331",
      "/org/region-vasterbotten/loop/loop-2016-synthetic"
    ])
      expect(links).toContain(path)
  })

  it("draws Västernorrland's coverage matrix and its ERDF funding by year", async () => {
    const { status, html } = await get("/org/region-vasternorrland?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    const w = Examples.vasternorrland
    const coverage = Portfolio.coverage(w)
    const [matrix, funding] = svgs(html)
    expect(count(matrix!, /<g class="ik-cell">/g)).toBe(coverage.rows.length * coverage.projects.length)
    // the project is linked to each of the three strength areas with an equal share
    expect(count(matrix!, /font-size="10.5">0\.33</g)).toBe(3)
    const [eur] = StrategyReport.fundingBySourceAndYear(w)
    expect(eur!.currency).toBe("EUR")
    expect(eur!.sources).toEqual(["ERDF"])
    expect(count(funding!, /<g class="ik-stack">/g)).toBe(eur!.years.length)
    for (const year of eur!.years) expect(funding).toContain(`>${year}<`)
    // row labels fit the chart's label margin (the lists above have them in full)
    for (const m of matrix!.matchAll(/class="ik-row">([^<]*)</g)) expect(m[1]!.length).toBeLessThanOrEqual(34)
    // … and the table beside it has them in full
    for (const a of w.strengthAreas) expect(decode(html)).toContain(`<th scope="row">Strength area: ${a.name.en}</th>`)
  })

  it("says what is missing for an organisation with nothing published", async () => {
    const { status, html } = await get("/org/tom-forening?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    expect(html).toContain("no published strategy or portfolio")
    expect(count(html, /None yet\./g)).toBe(3)
    expect(svgs(html)).toHaveLength(0)
  })

  it("draws the measurement run with the ranking, the rank intervals and the county map", async () => {
    const { status, html } = await get("/org/region-vasterbotten/measure/ecosystem?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    const charts = svgs(html)
    expect(count(charts[0]!, /<g class="ik-bar">/g)).toBe(8)
    expect(count(html, /<path [^>]*class="ik-area"/g)).toBe(21)
    // Stockholm (SE11) ranks first in the build, and the page lists it first
    const { build } = ecosystemView()
    const first = Object.entries(build.ranks).find(([, r]) => r === 1)![0]
    expect(first).toBe("SE11")
    expect(html).toContain("The innovation ecosystem of Sweden&#39;s NUTS-2 regions")
    expect(hrefs(html)).toContain("/org/region-vasterbotten?lang=en")
  })

  it("draws the S3 analysis of Västerbotten", async () => {
    const { status, html } = await get("/org/region-vasterbotten/s3/empers-2017-se331")
    expect(status).toBe(200)
    expectPage(html, "sv")
    const charts = svgs(html)
    expect(charts).toHaveLength(4)
    expect(count(charts[0]!, /class="ik-bubble"/g)).toBe(10)
    expect(count(charts[3]!, /<g class="ik-bar ik-dot">/g)).toBe(10)
    expect(html).toContain("Låg risk, hög nytta")
    // Västernorrland has its own analysis, Västerbotten's is not reachable under it
    expect((await get("/org/region-vasternorrland/s3/empers-2017-se321")).status).toBe(200)
    expect((await get("/org/region-vasternorrland/s3/empers-2017-se331")).status).toBe(404)
  })

  it("draws the loop cycle's funnel with the counts of the cycle report", async () => {
    const { status, html } = await get("/org/region-vasterbotten/loop/loop-2016-synthetic?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    const funnel = svgs(html)[0]!
    expect(count(funnel, /<g class="ik-stage">/g)).toBe(7)
    const report = CycleReport.report(Example.walkthrough())
    expect(funnel).toContain(`>${report.funnel.needs}`)
    expect(html).toContain("The Innovation Loop 2016")
    // The map of meetings draws Västerbotten's 15 municipalities, where the walk-through's meetings were held.
    const map = svgs(html).find((svg) => svg.includes('class="ik-areas"'))
    expect(map, "a map of meetings").toBeDefined()
    expect(count(map!, /class="ik-area"/g)).toBe(15)
    for (const m of report.meetings.byMunicipality) expect(decode(map!)).toContain(m.name)
  })

  it("shows the strategy follow-up report", async () => {
    const { status, html } = await get("/org/boras-stad/strategy?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    expect(html).toContain("Strategy follow-up")
    expect(decode(html)).toContain(Examples.boras.regions[0]!.name.en)
  })

  it("answers unknown organisations, runs, analyses, cycles and paths with a 404 page in HTML", async () => {
    for (const path of [
      "/org/nowhere",
      "/org/nowhere/strategy",
      "/org/tom-forening/strategy",
      "/org/region-vasterbotten/measure/nope",
      "/org/region-vasterbotten/s3/nope",
      "/org/region-vasterbotten/loop/nope",
      "/org/boras-stad/measure/ecosystem",
      "/org/region-vasterbotten/something/else"
    ]) {
      const { status, type, html } = await get(`${path}?lang=en`)
      expect(status, path).toBe(404)
      expect(type).toMatch(/^text\/html/)
      expectPage(html, "en")
      expect(html).toContain("Page not found")
      expect(html).toContain(`There is no page at ${path}.`)
    }
  })

  it("reaches every page it links to, in both languages", async () => {
    const seen = new Set<string>()
    const queue = ["/", "/?lang=en"]
    while (queue.length > 0) {
      const path = queue.shift()!
      if (seen.has(path)) continue
      seen.add(path)
      const { status, html } = await get(path)
      expect(status, path).toBe(200)
      expectPage(html, path.includes("lang=en") ? "en" : "sv")
      for (const link of hrefs(html))
        if (link.startsWith("/") && link !== "/docs" && link !== "/openapi.json" && !seen.has(link)) queue.push(link)
    }
    // front page, 4 organisations, 3 strategy reports, 1 run, 2 analyses, 1 cycle — in both languages
    expect(seen.size).toBe(2 * (1 + 4 + 3 + 1 + 2 + 1))
  }, 120_000)

  it("answers 500 with an HTML page and reports the error when the data fails", async () => {
    const errors: Array<string> = []
    const failing: DashboardData = {
      ...exampleData(),
      measurements: async () => {
        throw new Error("store unavailable")
      }
    }
    const broken = dashboard(failing, { onError: (e, path) => errors.push(`${path}: ${e.message}`) })
    const res = await broken.request("/org/region-vasterbotten")
    expect(res.status).toBe(500)
    const html = await res.text()
    expectPage(html, "sv")
    expect(html).toContain("Sidan kunde inte visas")
    expect(html).not.toContain("store unavailable")
    expect(errors).toEqual(["/org/region-vasterbotten: store unavailable"])
  })
})
