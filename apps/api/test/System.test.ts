import { Examples } from "@innokraft/domain"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import * as DashboardStore from "../src/DashboardStore.js"
import { makeApp } from "../src/index.js"
import { seed } from "../src/Seed.js"
import { body, dataDir, type Setup, setup } from "./support.js"

let s: Setup
beforeAll(async () => {
  s = await setup()
})
afterAll(() => s.db.dispose())

describe("system routes and seeding", () => {
  it("GET /ready checks the database; without one it answers 503", async () => {
    const res = await s.app.request("/ready")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "ready", database: "sqlite" })
    const bare = makeApp({ config: { BODY_LIMIT: 1024, CORS_ORIGINS: [] }, version: "t" })
    expect((await bare.request("/ready")).status).toBe(503)
  })

  it("serves the API reference page and its assets from swagger-ui-dist", async () => {
    const page = await s.app.request("/docs")
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain("/docs/assets/swagger-ui-bundle.js")
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/)
    const js = await s.app.request("/docs/assets/swagger-ui-bundle.js")
    expect(js.status).toBe(200)
    expect((await js.text()).length).toBeGreaterThan(100_000)
    expect((await s.app.request("/docs/assets/package.json")).status).toBe(404)
  })

  it("documents every route in OpenAPI 3.1 with schemas and security", async () => {
    const doc = await body<{
      openapi: string
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
    }>(await s.app.request("/openapi.json"))
    expect(doc.openapi).toBe("3.1.0")
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/ready",
        "/v1/organisations",
        "/v1/strategies",
        "/v1/strategies/{id}",
        "/v1/strategies/{id}/portfolio",
        "/v1/projects",
        "/v1/observations",
        "/v1/measure/runs",
        "/v1/measure/runs/{id}/ranks",
        "/v1/measure/runs/{id}/uncertainty",
        "/v1/s3/analyses",
        "/v1/s3/analyses/{id}/priorities",
        "/v1/loop/cycles/{id}/ideas/{ideaId}/transitions",
        "/v1/loop/cycles/{id}/report"
      ])
    )
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "StrategyRecord", "MeasurementInput", "S3Input", "IdeaMove"])
    )
    expect(doc.components.securitySchemes.bearer).toBeDefined()
    expect(Object.keys(doc.paths["/v1/strategies/{id}"]!.put!.responses)).toEqual(
      expect.arrayContaining(["200", "400", "412", "428"])
    )
  })

  it("lists the example organisations, and a second seed adds nothing", async () => {
    const orgs = await body<{ items: Array<{ id: string }> }>(await s.app.request("/v1/organisations"))
    expect(orgs.items.map((o) => o.id)).toEqual(["boras-stad", "region-vasterbotten", "region-vasternorrland"])
    expect(await seed(s.db, { dataDir, log: () => {} })).toEqual([])
    const strategies = await body<{ items: Array<unknown> }>(await s.app.request("/v1/strategies?limit=500"))
    const published = Object.values(Examples.all)
      .flatMap((w) => w.strategies)
      .filter((st) => ["consultation", "adopted", "superseded"].includes(st.status))
    expect(strategies.items).toHaveLength(published.length)
  })

  it("skips the data-based runs with one log line when the data folder is missing", async () => {
    const { open } = await import("../src/Database.js")
    const db = await open(":memory:")
    const lines: Array<string> = []
    const seeded = await seed(db, { dataDir: "/nonexistent/shared/data", log: (m) => lines.push(m) })
    expect(seeded).toHaveLength(3)
    expect(lines.filter((l) => /not found/.test(l))).toHaveLength(1)
    await db.dispose()
  })

  it("gives the dashboard published data only, with recomputed builds and analyses", async () => {
    const data = DashboardStore.make(s.db, { dataDir })
    expect((await data.organisations()).map((o) => o.id)).toContain("region-vasterbotten")
    const workspace = await data.workspace("region-vasterbotten")
    expect(workspace?.strategies.length).toBeGreaterThan(0)
    expect(workspace?.contacts).toEqual([])
    const measurements = await data.measurements("region-vasterbotten")
    expect(measurements).toHaveLength(1)
    expect(measurements[0]!.build.ranks.SE33).toBe(5)
    expect(measurements[0]!.map?.areas.SE33).toEqual(["24", "25"])
    const s3 = await data.s3Analyses("region-vasternorrland")
    expect(s3[0]!.input.region).toBe("SE321")
    expect(s3[0]!.input.shiftShareYears).toEqual([2008, 2017])
    const cycles = await data.cycles("region-vasterbotten")
    expect(cycles).toHaveLength(1)
    expect(cycles[0]!.participations).toEqual([])
    expect(await data.workspace("no-such-org")).toBeUndefined()
  })
})

describe("the public read cache", () => {
  it("serves anonymous reads from memory until a write, never authenticated ones", async () => {
    const app = makeApp({
      config: { BODY_LIMIT: 1024 * 1024, CORS_ORIGINS: [], READ_CACHE_MS: 60_000 },
      version: "t",
      database: s.db,
      log: () => {}
    })
    const url = "/v1/actors?organisation=region-vasterbotten&limit=500"
    const first = await app.request(url)
    expect(first.headers.get("x-cache")).toBeNull()
    const second = await app.request(url)
    expect(second.headers.get("x-cache")).toBe("hit")
    expect(await second.text()).toBe(await first.text())
    const headers = { authorization: `Bearer ${s.tokens.vbEditor}`, "content-type": "application/json" }
    expect((await app.request(url, { headers })).headers.get("x-cache")).toBeNull()
    expect((await app.request(url, { headers })).headers.get("x-cache")).toBeNull()
    const actor = { id: "cache-test-actor", name: { sv: "C", en: "C" }, type: "company", helix: "business" }
    const created = await app.request("/v1/actors", { method: "POST", headers, body: JSON.stringify(actor) })
    expect(created.status).toBe(201)
    const after = await app.request(url)
    expect(after.headers.get("x-cache")).toBeNull()
    const ids = (await body<{ items: Array<{ id: string }> }>(after)).items.map((i) => i.id)
    expect(ids).toContain("cache-test-actor")
  })
})
