import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Nuts } from "@innokraft/reference"
import { chromium, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Running, start } from "../../src/Server.js"
import { dataDir } from "../support.js"

/**
 * The dashboard of the seeded database, as a browser sees it, checked against the API of the same server: every
 * page in both languages, the facts it states (active projects, figures about people, the region's own profile), axe
 * (no serious or critical violation) and a phone-sized window (390 px).
 */

const executablePath = "/usr/bin/chromium"
const artifacts = join(import.meta.dirname, "..", "..", ".artifacts")
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string> }>
}

type Lang = "sv" | "en"
const langOf = (path: string): Lang => (path.includes("lang=en") ? "en" : "sv")
const words = {
  active: { sv: "Pågående projekt", en: "Active projects" },
  participants: { sv: "Deltagare", en: "Participants" },
  consented: { sv: "Med samtycke", en: "With consent" },
  notPublished: { sv: "ej publicerat", en: "not published" },
  profile: { sv: "Profil", en: "Profile" },
  notFound: { sv: "Sidan finns inte", en: "Page not found" }
} as const

describe("the dashboard of the seeded database tells what the API says", { tags: ["chromium"] }, () => {
  let server: Running
  let browser: Awaited<ReturnType<typeof chromium.launch>>
  let folder = ""
  const visited = new Map<string, { readonly violations: ReadonlyArray<AxeViolation> }>()

  /** The anonymous API of the same server. */
  const api = async <A>(path: string): Promise<A> => {
    const res = await fetch(new URL(path, server.url))
    expect(res.status, path).toBe(200)
    return (await res.json()) as A
  }
  const projects = async (organisation: string) =>
    (
      await api<{ items: ReadonlyArray<{ id: string; data: { status: string } }> }>(
        `/v1/projects?organisation=${organisation}`
      )
    ).items
  const activeCount = async (organisation: string) =>
    (await projects(organisation)).filter((p) => p.data.status === "active").length

  /** The key figures of a page (`ik-keys`): label → value. */
  const keyFigures = (page: Page) =>
    page.$$eval(".ik-keys li", (items) =>
      Object.fromEntries(
        items.map((li) => [li.querySelector(".l")?.textContent ?? "", li.querySelector(".v")?.textContent ?? ""])
      )
    )

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true })
    folder = mkdtempSync(join(tmpdir(), "innokraft-truth-"))
    server = await start(
      {
        DATABASE_URL: join(folder, "seeded.sqlite"),
        SEED_EXAMPLES: "true",
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir
      },
      () => {}
    )
    browser = await chromium.launch({
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync"
      ]
    })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  it("visits every dashboard page in both languages: no serious or critical axe violation, readable at 390 px", async () => {
    const origin = new URL(server.url).origin
    const queue = ["/", "/?lang=en"]
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } })
    while (queue.length > 0) {
      const path = queue.shift()!
      if (visited.has(path)) continue
      await page.setViewportSize({ width: 1100, height: 1000 })
      const response = await page.goto(`${origin}${path}`, { waitUntil: "load" })
      expect(response?.status(), path).toBe(200)
      expect(await page.getAttribute("html", "lang"), path).toBe(langOf(path))
      // axe runs in the page through the DevTools protocol (the page's CSP allows no inline script, rightly)
      await page.evaluate(axeSource)
      const result = (await page.evaluate(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) })))"
      )) as ReadonlyArray<AxeViolation>
      visited.set(path, { violations: result })
      const slug = path.replaceAll(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"
      await page.screenshot({ path: join(artifacts, `truth-${slug}-1100.png`), fullPage: true })
      // a phone: nothing widens the page, and every chart keeps at least three quarters of its natural size (its
      // 12 px text stays 9 px or more); a wider chart scrolls sideways in its own focusable box
      await page.setViewportSize({ width: 390, height: 844 })
      expect(await page.$eval("html", (e) => e.scrollWidth), `${path} at 390 px`).toBeLessThanOrEqual(390)
      const scales = await page.$$eval("svg.ik-chart", (svgs) =>
        svgs.map((s) => s.getBoundingClientRect().width / Number(s.getAttribute("width")))
      )
      for (const scale of scales) expect(scale, `${path}: a chart drawn at ${scale} of its size`).toBeGreaterThan(0.74)
      if (
        [
          "/",
          "/org/region-vasterbotten/measure/ecosystem-se-nuts2-2017",
          "/org/region-vasterbotten/loop/loop-2016-synthetic"
        ].includes(path)
      )
        await page.screenshot({ path: join(artifacts, `truth-${slug}-390.png`), fullPage: true })
      const links = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href") ?? ""))
      for (const link of links)
        if (link.startsWith("/") && !link.startsWith("/docs") && !link.startsWith("/openapi.json")) queue.push(link)
    }
    await page.close()
    // the front page, 3 organisations, 2 current follow-ups, 4 strategies, 3 project lists, 5 projects, 1 run,
    // 2 analyses and 1 cycle, each in both languages
    expect(visited.size).toBe(2 * 22)
    const serious = [...visited].flatMap(([path, v]) =>
      v.violations
        .filter((x) => x.impact === "serious" || x.impact === "critical")
        .map((x) => `${path}: ${x.id} (${x.impact}) at ${x.nodes.map((n) => n.target.join(" ")).join(", ")}`)
    )
    expect(serious).toEqual([])
    // every violation of lesser impact, for the record
    const minor = [...visited].flatMap(([path, v]) => v.violations.map((x) => `${path}: ${x.id} (${x.impact})`))
    if (minor.length > 0) console.info(`axe, moderate or minor:\n${minor.join("\n")}`)
  }, 900_000)

  it("would see a wide table that keyboard users cannot reach (the axe check can fail)", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(new URL("/org/region-vasterbotten/measure/ecosystem-se-nuts2-2017", server.url).href)
    // take the focus stops away from the scrolling boxes, as the dashboard had them before
    await page.$$eval(".ik-scroll, .ik-svg", (boxes) => {
      for (const b of boxes) b.removeAttribute("tabindex")
    })
    await page.evaluate(axeSource)
    const ids = (await page.evaluate(
      "axe.run(document, { runOnly: ['scrollable-region-focusable'] }).then((r) => r.violations.map((v) => v.id + ':' + v.impact))"
    )) as ReadonlyArray<string>
    expect(ids).toEqual(["scrollable-region-focusable:serious"])
    await page.close()
  }, 60_000)

  it("counts as active exactly the projects the API has with status active, on every page that counts them", async () => {
    const page = await browser.newPage()
    const origin = new URL(server.url).origin
    const organisations = (await api<{ items: ReadonlyArray<{ id: string; name: string }> }>("/v1/organisations")).items
    for (const lang of ["sv", "en"] as const) {
      const q = lang === "en" ? "?lang=en" : ""
      await page.goto(`${origin}/${q}`)
      for (const org of organisations) {
        const expected = await activeCount(org.id)
        // the front page's card …
        const card = await page.$$eval(
          "ul.ikd-cards > li",
          (cards, name) => {
            const li = cards.find((c) => c.querySelector("h3")?.textContent === name)
            const dts = [...(li?.querySelectorAll("dt") ?? [])].map((d) => d.textContent ?? "")
            const dds = [...(li?.querySelectorAll("dd") ?? [])].map((d) => d.textContent ?? "")
            return Object.fromEntries(dts.map((d, k) => [d, dds[k]]))
          },
          org.name
        )
        expect(card[words.active[lang]], `${org.id} card`).toBe(String(expected))
        // … the organisation page …
        await page.goto(`${origin}/org/${org.id}${q}`)
        expect(await page.textContent('li[data-status="active"] .v'), `${org.id} page`).toBe(String(expected))
        // … the follow-up of the current strategies …
        const follow = await page.goto(`${origin}/org/${org.id}/strategy${q}`)
        if (follow?.status() === 200)
          expect((await keyFigures(page))[words.active[lang]], `${org.id} follow-up`).toBe(String(expected))
        // … and the project list and pages, each with the status the API has
        const stored = await projects(org.id)
        await page.goto(`${origin}/org/${org.id}/projects${q}`)
        const rows = await page.$$eval("tbody tr", (trs) =>
          trs.map((tr) => ({
            href: tr.querySelector("a")?.getAttribute("href") ?? "",
            status: tr.querySelector("td[data-status]")?.getAttribute("data-status") ?? ""
          }))
        )
        expect(rows).toHaveLength(stored.length)
        for (const p of stored) {
          const row = rows.find((r) => r.href.startsWith(`/org/${org.id}/projects/${p.id}`))
          expect(row?.status, p.id).toBe(p.data.status)
        }
        await page.goto(`${origin}/${q}`)
      }
    }
    await page.close()
  }, 300_000)

  it("never renders a figure about people that the API does not publish as 0", async () => {
    const page = await browser.newPage()
    const origin = new URL(server.url).origin
    const cycles = await api<{ items: ReadonlyArray<{ id: string; organisationId: string }> }>(
      "/v1/loop/cycles?organisation=region-vasterbotten"
    )
    expect(cycles.items.length).toBeGreaterThan(0)
    for (const cycle of cycles.items) {
      const report = await api<{
        participants: { unique: number; reportedAttendance: number }
        meetings: { total: number }
        funnel: { ideas: number }
        inclusion: { consentedPersons: number | null }
      }>(`/v1/loop/cycles/${cycle.id}/report?organisation=${cycle.organisationId}`)
      // the anonymous API leaves the participations out (personal data): its zeros are "not published", while the
      // meeting reports count 219 attendees
      expect(report.participants.unique).toBe(0)
      expect(report.participants.reportedAttendance).toBeGreaterThan(0)
      for (const lang of ["sv", "en"] as const) {
        await page.goto(`${origin}/org/${cycle.organisationId}/loop/${cycle.id}${lang === "en" ? "?lang=en" : ""}`)
        const keys = await keyFigures(page)
        expect(keys[words.participants[lang]]).toBe(words.notPublished[lang])
        expect(keys[words.consented[lang]]).toBe(words.notPublished[lang])
        // what the API does publish is shown as it is
        expect(Number(keys[lang === "sv" ? "Möten och verkstäder" : "Meetings and workshops"])).toBe(
          report.meetings.total
        )
        expect(Number(keys[lang === "sv" ? "Idéer" : "Ideas"])).toBe(report.funnel.ideas)
        const text = (await page.textContent("main")) ?? ""
        expect(text).toContain(String(report.participants.reportedAttendance))
      }
    }
    await page.close()
  }, 120_000)

  it("centres every measurement on the organisation's own region and marks it", async () => {
    const page = await browser.newPage()
    const origin = new URL(server.url).origin
    const [region] = (
      await api<{ items: ReadonlyArray<{ data: { nutsCode: string } }> }>(
        "/v1/regions?organisation=region-vasterbotten"
      )
    ).items
    // the run's units are NUTS 2 regions: Västerbotten (SE331) lies in Övre Norrland (SE33)
    const code = region!.data.nutsCode.slice(0, 4)
    if (!Nuts.isCode(code)) throw new Error(`expected a NUTS code, found ${code}`)
    const own = Nuts.get(code).name
    expect(own).toBe("Övre Norrland")
    for (const lang of ["sv", "en"] as const) {
      await page.goto(
        `${origin}/org/region-vasterbotten/measure/ecosystem-se-nuts2-2017${lang === "en" ? "?lang=en" : ""}`
      )
      const headings = await page.$$eval("h2", (hs) => hs.map((h) => h.textContent ?? ""))
      expect(headings).toContain(`${words.profile[lang]}: ${own}`)
      const bold = await page.$$eval('svg.ik-bars text[font-weight="700"]', (ts) => ts.map((x) => x.textContent))
      expect(bold.length).toBeGreaterThan(0)
      for (const label of bold) expect(label).toMatch(new RegExp(`^${own} \\((egen region|own region)\\)$`))
    }
    await page.close()
  }, 120_000)

  it("shows the follow-up of Västerbotten's RIS with the API's actuals and statuses", async () => {
    const page = await browser.newPage()
    const answer = await api<{
      links: ReadonlyArray<{
        latest: { year: number; value: number }
        targets: ReadonlyArray<{ year: number; status: string }>
      }>
    }>("/v1/strategies/vasterbotten-ris-2022/follow-up?organisation=region-vasterbotten")
    expect(answer.links).toHaveLength(1)
    const labels: Record<string, Record<Lang, string>> = {
      "on-track": { sv: "i fas", en: "on track" },
      "at-risk": { sv: "risk", en: "at risk" },
      "off-track": { sv: "ur fas", en: "off track" },
      "no-data": { sv: "uppgift saknas", en: "no data" }
    }
    for (const lang of ["sv", "en"] as const) {
      await page.goto(
        new URL(`/org/region-vasterbotten/strategy/vasterbotten-ris-2022${lang === "en" ? "?lang=en" : ""}`, server.url)
          .href
      )
      const rows = await page.$$eval("table", (tables) => {
        const table = tables.find((t) =>
          /^(Status per målår|Status per target year)/.test(t.caption?.textContent ?? "")
        )
        return [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) => [
          tr.querySelector("th")?.textContent ?? "",
          tr.querySelector("td:last-child")?.textContent ?? ""
        ])
      })
      expect(rows.map(([year, status]) => [Number.parseInt(year!, 10), status])).toEqual(
        answer.links[0]!.targets.map((t) => [t.year, labels[t.status]![lang]])
      )
      const latest = answer.links[0]!.latest
      const facts = await page.$$eval("ul.ik-facts li", (lis) => lis.map((li) => li.textContent ?? ""))
      expect(facts.some((f) => f.includes(`(${latest.year})`) && f.includes(String(latest.value)))).toBe(true)
    }
    await page.close()
  }, 60_000)

  it("answers a browser's unknown address with an HTML page and an API client's with problem+json", async () => {
    const page = await browser.newPage()
    const origin = new URL(server.url).origin
    for (const lang of ["sv", "en"] as const) {
      const response = await page.goto(`${origin}/no/such/page${lang === "en" ? "?lang=en" : ""}`)
      expect(response?.status()).toBe(404)
      expect(response?.headers()["content-type"]).toMatch(/^text\/html/)
      expect(await page.textContent("h1")).toBe(words.notFound[lang])
    }
    const res = await fetch(`${origin}/v1/no/such/resource`, { headers: { accept: "text/html" } })
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/)
    await page.close()
  }, 60_000)
})
