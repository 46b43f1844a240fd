import { describe, expect, it } from "vitest"
import { type LogLine, makeApp } from "../src/index.js"

const logs: Array<LogLine> = []
const app = makeApp({
  config: { BODY_LIMIT: 1024, CORS_ORIGINS: ["https://example.org"] },
  version: "0.1.0-test",
  log: (line) => logs.push(line)
})

describe("system routes", () => {
  it("GET /health answers ok with the version", async () => {
    const res = await app.request("/health")
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: "ok", version: "0.1.0-test" })
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  })

  it("GET / serves the HTML landing page", async () => {
    const res = await app.request("/")
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html.startsWith("<!doctype html>")).toBe(true)
    expect(html).toContain("<h1>Innokraft</h1>")
    expect(html).toContain('href="/v1/reference/counties"')
  })

  it("GET /openapi.json is an OpenAPI 3.1 document with the reference routes and schemas", async () => {
    const doc = (await (await app.request("/openapi.json")).json()) as {
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, unknown> }
    }
    expect(doc.openapi).toBe("3.1.0")
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/health",
        "/v1/reference/counties",
        "/v1/reference/municipalities",
        "/v1/reference/nuts"
      ])
    )
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["County", "Municipality", "Problem"]))
    // one Problem component, with the field errors every route's 400 carries
    const problem = doc.components.schemas.Problem as { properties: Record<string, unknown> }
    expect(Object.keys(problem.properties)).toEqual(["type", "title", "status", "detail", "instance", "errors"])
  })

  it("answers unknown paths with an RFC 9457 problem", async () => {
    const res = await app.request("/v1/nothing-here")
    expect(res.status).toBe(404)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
    expect(await res.json()).toEqual({
      type: "https://innokraft.org/problems/404",
      title: "Not found",
      status: 404,
      instance: "/v1/nothing-here",
      detail: "No resource at GET /v1/nothing-here."
    })
  })

  it("refuses a body over the limit with 413 problem+json", async () => {
    const res = await app.request("/health", {
      method: "POST",
      body: "x".repeat(2048),
      headers: { "content-length": "2048" }
    })
    expect(res.status).toBe(413)
    expect(res.headers.get("content-type")).toBe("application/problem+json")
  })

  it("sends CORS headers only to configured origins", async () => {
    const allowed = await app.request("/v1/reference/counties", { headers: { origin: "https://example.org" } })
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://example.org")
    const other = await app.request("/v1/reference/counties", { headers: { origin: "https://evil.example" } })
    expect(other.headers.get("access-control-allow-origin")).toBeNull()
  })

  it("logs one structured line per request with metadata only", async () => {
    logs.length = 0
    await app.request("/v1/reference/municipalities?county=24", { headers: { authorization: "Bearer secret-token" } })
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ level: "info", method: "GET", path: "/v1/reference/municipalities", status: 200 })
    expect(JSON.stringify(logs)).not.toContain("secret-token")
  })
})

describe("reference routes", () => {
  it("lists the 21 counties", async () => {
    const body = (await (await app.request("/v1/reference/counties")).json()) as {
      items: Array<{ code: string; nuts3: string }>
    }
    expect(body.items).toHaveLength(21)
    expect(body.items.find((c) => c.code === "24")?.nuts3).toBe("SE331")
  })

  it("lists all 290 municipalities, or those of one county", async () => {
    const all = (await (await app.request("/v1/reference/municipalities")).json()) as { items: Array<unknown> }
    expect(all.items).toHaveLength(290)
    const vb = (await (await app.request("/v1/reference/municipalities?county=24")).json()) as {
      items: Array<{ name: string }>
    }
    expect(vb.items).toHaveLength(15)
    expect(vb.items.map((m) => m.name)).toContain("Lycksele")
  })

  it("answers an unknown county with 404 problem+json naming the code", async () => {
    const res = await app.request("/v1/reference/municipalities?county=99")
    expect(res.status).toBe(404)
    const body = (await res.json()) as { detail: string }
    expect(body.detail).toMatch(/^Unknown county code "99"/)
  })

  it("lists NUTS regions and SNI sections and divisions", async () => {
    const nuts = (await (await app.request("/v1/reference/nuts")).json()) as { items: Array<unknown> }
    expect(nuts.items).toHaveLength(33)
    const sections = (await (await app.request("/v1/reference/sni/sections")).json()) as { items: Array<unknown> }
    expect(sections.items).toHaveLength(21)
    const divisions = (await (await app.request("/v1/reference/sni/divisions")).json()) as { items: Array<unknown> }
    expect(divisions.items).toHaveLength(88)
  })
})
