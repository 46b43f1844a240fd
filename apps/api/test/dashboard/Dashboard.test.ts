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
  // links stay on the server, except a project's external references (links to follow, never loaded by the page)
  for (const link of hrefs(html)) expect(link).toMatch(/^(\/|data:,$|#ikd-main$|https:\/\/)/)
  // the first link skips to the page's main content
  expect(hrefs(html)[1]).toBe("#ikd-main")
  expect(html).toContain('<main id="ikd-main" tabindex="-1">')
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
    // Västerbotten's card: 2 current strategies (the RIS 2017 is superseded), no filled-in strength area (the nine
    // are placeholders), 2 projects of which none is active (both completed), one run, one S3 analysis, one cycle
    const card = html.slice(html.indexOf("Region Västerbotten"), html.indexOf("Region Västernorrland"))
    const w = Examples.vasterbotten
    expect(w.strategies).toHaveLength(3)
    expect(w.strengthAreas).toHaveLength(9)
    const dd = [...card.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => Number(m[1]))
    expect(dd).toEqual([2, 0, w.projects.length, 0, 1, 1, 1])
    // Västernorrland's one project is active
    const other = html.slice(html.indexOf("Region Västernorrland"), html.indexOf("Borås Stad"))
    expect([...other.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => Number(m[1])).slice(0, 4)).toEqual([1, 3, 1, 1])
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
    // the nine placeholders are shown as such, apart, and not counted as strength areas
    expect(count(html, /<span class="ikd-tag ikd-tag-placeholder">platshållare, ej ifylld<\/span>/g)).toBe(9)
    expect(text).toContain("<summary>9 platshållare ej ifyllda</summary>")
    expect(text).toContain("<h4>Styrkeområden (0)</h4>")
    // the superseded RIS 2017 is listed apart, marked, under the current ones
    const superseded = text.slice(text.indexOf("Tidigare strategier (ersatta)"))
    expect(superseded).toContain(w.strategies.find((s) => s.status === "superseded")!.title.sv)
    expect(text.indexOf("Regional innovationsstrategi för Västerbotten (2017)")).toBeGreaterThan(
      text.indexOf("Tidigare strategier (ersatta)")
    )
    // projects by status: both are completed, none is active ("1 kommun", "15 kommuner" by the plural rules)
    expect(text).toContain('<li data-status="active"><span class="v">0</span><span class="l">Pågående projekt</span>')
    expect(text).toContain('<th scope="row">avslutat</th><td class="num">2</td>')
    expect(text).toContain("(SE331, 15 kommuner)")
    expect(svgs(html)).toHaveLength(0)
    const links = hrefs(html)
    for (const path of [
      "/org/region-vasterbotten/strategy",
      ...w.strategies.map((s) => `/org/region-vasterbotten/strategy/${s.id}`),
      "/org/region-vasterbotten/projects",
      "/org/region-vasterbotten/measure/ecosystem",
      "/org/region-vasterbotten/s3/empers-2017-se331",
      "/org/region-vasterbotten/loop/loop-2016-synthetic"
    ])
      expect(links).toContain(path)
  })

  it("draws Västernorrland's coverage matrix and its ERDF funding by year on its follow-up page", async () => {
    const { status, html } = await get("/org/region-vasternorrland/strategy/vasternorrland-ris3-2020?lang=en")
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
    // row labels fit the chart's label margin, which starts inside the chart (nothing is clipped on the left) …
    for (const m of matrix!.matchAll(
      /x="([\d.]+)" y="[\d.]+" text-anchor="end" fill="#111" class="ik-row">([^<]*)</g
    )) {
      expect(m[2]!.length).toBeLessThanOrEqual(34)
      expect(Number(m[1])).toBeGreaterThanOrEqual(m[2]!.length * 7.2)
    }
    // … the legend's ramp runs from the one coloured share (every cell is 0.33) to the top of the scale, not from
    // 0.33 to 0.33 …
    expect(matrix).toMatch(/>0\.33<\/text><text [^>]*text-anchor="end" fill="#333">1<\/text>/)
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
    // … but the page is Västerbotten's: its own NUTS 2 region, Övre Norrland (SE33), is the profile and is marked
    expect(html).toContain("<h2>Profile: Övre Norrland</h2>")
    expect(html).not.toContain("<h2>Profile: Stockholm</h2>")
    expect(count(charts[0]!, /font-weight="700"/g)).toBe(1)
    expect(charts[0]).toMatch(/font-weight="700">Övre Norrland \(own region\)</)
    expect(html).toContain(
      `<span class="v">${build.ranks.SE33}</span><span class="l">Rank: Övre Norrland (own region)</span>`
    )
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

  it("shows the figures about people as not published when the data withholds them, never as zeros", async () => {
    const withheld = dashboard({
      ...exampleData(),
      peopleWithheld: true,
      cycles: async (id) => (id === "region-vasterbotten" ? [{ ...Example.walkthrough(), participations: [] }] : [])
    })
    const html = await (await withheld.request("/org/region-vasterbotten/loop/loop-2016-synthetic")).text()
    expectPage(html, "sv")
    const keys = html.slice(
      html.indexOf('<ul class="ik-keys">'),
      html.indexOf("</ul>", html.indexOf('<ul class="ik-keys">'))
    )
    expect(keys).toContain('<span class="v">ej publicerat</span><span class="l">Deltagare</span>')
    expect(keys).not.toMatch(/<span class="v">0<\/span>/)
    // with the participations, the same page publishes the counts (80 people, 47 with consent)
    const full = (await get("/org/region-vasterbotten/loop/loop-2016-synthetic")).html
    const report = CycleReport.report(Example.walkthrough())
    expect(full).toContain(`<span class="v">${report.participants.unique}</span><span class="l">Deltagare</span>`)
  })

  it("shows the follow-up of the current strategies and of each strategy on its own", async () => {
    const { status, html } = await get("/org/boras-stad/strategy?lang=en")
    expect(status).toBe(200)
    expectPage(html, "en")
    expect(html).toContain("Strategy follow-up")
    expect(decode(html)).toContain(Examples.boras.regions[0]!.name.en)
    // Västerbotten's current follow-up leaves the superseded RIS 2017 out; its own page marks it
    const current = decode((await get("/org/region-vasterbotten/strategy")).html)
    expect(current).toContain('<span class="v">2</span><span class="l">Strategier</span>')
    expect(current).not.toContain("Regional innovationsstrategi för Västerbotten (2017)")
    // the RIS 2022's goal follows Övre Norrland's business R&D: Eurostat's 250.0 (2017) against the path from 275.7
    // (2015) to the illustrative 300 (2025) and 400 (2030) is off track for both
    const ris = decode((await get("/org/region-vasterbotten/strategy/vasterbotten-ris-2022")).html)
    expect(ris).toContain("<li>Senaste värde: 250 euro per invånare (2017)</li>")
    expect(ris).toContain("<li>Utgångsläge: 275,7 euro per invånare (2015)</li>")
    expect(count(ris, /<td>ur fas<\/td>/g)).toBe(2)
    expect(ris).toContain('<th scope="row">2030 (illustrativt)</th>')
    expect(count(ris, /<g class="ik-line">/g)).toBe(2)
    const old = decode((await get("/org/region-vasterbotten/strategy/vasterbotten-ris-2017")).html)
    expect(old).toContain("Regional innovationsstrategi för Västerbotten (2017) (ersatt)")
  })

  it("lists the projects and shows each with its status, links, fundings and partners", async () => {
    const w = Examples.vasternorrland
    const list = decode((await get("/org/region-vasternorrland/projects")).html)
    expectPage(list, "sv")
    for (const p of w.projects) expect(list).toContain(`<td data-status="${p.status}">pågående</td>`)
    const project = w.projects[0]!
    const { status, html } = await get(`/org/region-vasternorrland/projects/${project.id}?lang=en`)
    expect(status).toBe(200)
    expectPage(html, "en")
    const text = decode(html)
    expect(text).toContain(`<h1>${project.title.en}</h1>`)
    for (const l of project.links ?? [])
      expect(text).toContain(w.strengthAreas.find((a) => a.id === l.id)?.name.en ?? l.id)
    const fundings = w.fundings.filter((f) => f.projectId === project.id)
    expect(fundings.length).toBeGreaterThan(0)
    expect(
      count(text.slice(text.indexOf("<caption>Funding decisions")), /<tr><th scope="row">/g)
    ).toBeGreaterThanOrEqual(fundings.length)
  })

  it("answers unknown organisations, runs, analyses, cycles and paths with a 404 page in HTML", async () => {
    for (const path of [
      "/org/nowhere",
      "/org/nowhere/strategy",
      "/org/tom-forening/strategy",
      "/org/region-vasterbotten/measure/nope",
      "/org/region-vasterbotten/s3/nope",
      "/org/region-vasterbotten/loop/nope",
      "/org/region-vasterbotten/strategy/nope",
      "/org/region-vasterbotten/projects/nope",
      "/org/tom-forening/projects",
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
    // front page, 4 organisations, the current follow-up of the 2 regions with strategies, one follow-up per
    // strategy, 3 project lists and one page per project, 1 run, 2 analyses, 1 cycle — in both languages
    const ws = [Examples.vasterbotten, Examples.vasternorrland, Examples.boras]
    const strategies = ws.reduce((n, w) => n + w.strategies.length, 0)
    const projects = ws.reduce((n, w) => n + w.projects.length, 0)
    expect(seen.size).toBe(2 * (1 + 4 + 2 + strategies + 3 + projects + 1 + 2 + 1))
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
