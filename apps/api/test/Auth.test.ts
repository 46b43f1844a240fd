import { Agent, request } from "node:http"
import type { AddressInfo } from "node:net"
import { type ServerType, serve } from "@hono/node-server"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { FailureThrottle } from "../src/internal/throttle.js"
import { auth, body, type Setup, setup } from "./support.js"

interface Answer {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
}

/** One request over real HTTP with node's client (which can choose the local address and keep connections alive). */
const send = (
  port: number,
  options: {
    readonly method?: string
    readonly path: string
    readonly headers?: Record<string, string>
    readonly body?: Buffer | string
    readonly localAddress?: string
    readonly agent?: Agent
  }
): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
        ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
        ...(options.agent === undefined ? {} : { agent: options.agent })
      },
      (res) => {
        let text = ""
        res.setEncoding("utf8")
        res.on("data", (chunk: string) => {
          text += chunk
        })
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, text }))
        res.on("error", reject)
      }
    )
    req.on("error", reject)
    req.end(options.body)
  })

const listen = (s: Setup): Promise<{ server: ServerType; port: number }> =>
  new Promise((resolve) => {
    const server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server, port: info.port })
    )
  })

describe("FailureThrottle", () => {
  it("blocks an address at the limit for the rest of the minute, and forgets failures older than a minute", () => {
    let now = 0
    const throttle = new FailureThrottle(3, 60_000, 100, () => now)
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter("a")).toBeUndefined()
      throttle.fail("a")
      now += 1000
    }
    // Failures at 0, 1 and 2 s; at 3 s the oldest leaves the window at 60 s.
    expect(throttle.retryAfter("a")).toBe(57)
    expect(throttle.retryAfter("b")).toBeUndefined()
    now = 60_000
    expect(throttle.retryAfter("a")).toBeUndefined()
    throttle.fail("a")
    expect(throttle.retryAfter("a")).toBe(1)
  })

  it("keeps at most maxAddresses addresses, forgetting the least recently failing", () => {
    const throttle = new FailureThrottle(1, 60_000, 2, () => 0)
    throttle.fail("a")
    throttle.fail("b")
    throttle.fail("a")
    throttle.fail("c")
    expect(throttle.retryAfter("a")).toBe(60)
    expect(throttle.retryAfter("b")).toBeUndefined()
    expect(throttle.retryAfter("c")).toBe(60)
  })
})

describe("authentication hardening over real HTTP", () => {
  let s: Setup
  let server: ServerType
  let port: number
  beforeAll(async () => {
    s = await setup({ bodyLimit: 64 * 1024, config: { AUTH_FAILURES_PER_MINUTE: 3 } })
    ;({ server, port } = await listen(s))
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await s.db.dispose()
  })

  it("answers 401 with WWW-Authenticate: Bearer, then 429 with Retry-After once an address failed too often", async () => {
    const bad = { authorization: "Bearer ikt_not-a-real-token" }
    for (let i = 0; i < 3; i++) {
      const refused = await send(port, { path: "/v1/strategies", headers: bad })
      expect(refused.status).toBe(401)
      expect(refused.headers["www-authenticate"]).toBe('Bearer realm="innokraft", error="invalid_token"')
    }
    const throttled = await send(port, { path: "/v1/strategies", headers: bad })
    expect(throttled.status).toBe(429)
    const wait = Number(throttled.headers["retry-after"])
    expect(Number.isInteger(wait) && wait >= 1 && wait <= 60).toBe(true)
    expect(JSON.parse(throttled.text)).toMatchObject({ status: 429, title: "Too many requests" })
    // Every token from the address waits, a valid one too; reading without a token still works.
    const valid = await send(port, {
      path: "/v1/strategies",
      headers: { authorization: `Bearer ${s.tokens.vbViewer}` }
    })
    expect(valid.status).toBe(429)
    expect((await send(port, { path: "/v1/strategies" })).status).toBe(200)
    // Another client address is not affected.
    const other = await send(port, { path: "/v1/strategies", headers: bad, localAddress: "127.0.0.2" })
    expect(other.status).toBe(401)
    const otherValid = await send(port, {
      path: "/v1/strategies",
      headers: { authorization: `Bearer ${s.tokens.vbViewer}` },
      localAddress: "127.0.0.2"
    })
    expect(otherValid.status).toBe(200)
  })

  it("ends the connection cleanly when it refuses a request whose body it did not read", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    try {
      const sized = (bytes: number) => JSON.stringify({ id: "x", note: "x".repeat(bytes) })
      const json = { "content-type": "application/json" }
      const cases = [
        // Anonymous under the body limit: 401 before the body is read.
        { headers: json, payload: sized(60 * 1024), status: 401 },
        // Over the limit, with or without a token: 413 from the declared length.
        { headers: json, payload: sized(2 * 1024 * 1024), status: 413 },
        { headers: auth(s.tokens.vbEditor), payload: sized(2 * 1024 * 1024), status: 413 }
      ]
      for (const { headers, payload, status } of cases) {
        const refused = await send(port, {
          method: "POST",
          path: "/v1/actors",
          headers: { ...headers, "content-length": String(Buffer.byteLength(payload)) },
          body: payload,
          localAddress: "127.0.0.3",
          agent
        })
        expect(refused.status).toBe(status)
        expect(refused.headers.connection).toBe("close")
        expect(JSON.parse(refused.text).status).toBe(status)
      }
      // A request whose body was read keeps the connection alive.
      const read = await send(port, {
        method: "POST",
        path: "/v1/actors",
        headers: auth(s.tokens.vbEditor),
        body: JSON.stringify({ id: "kept-alive", name: { sv: "K", en: "K" }, type: "company", helix: "business" }),
        localAddress: "127.0.0.3",
        agent
      })
      expect(read.status).toBe(201)
      expect(read.headers.connection).toBe("keep-alive")
    } finally {
      agent.destroy()
    }
  })
})

describe("headers of answers", () => {
  let s: Setup
  beforeAll(async () => {
    s = await setup({ config: { CORS_ORIGINS: ["https://region.example"] } })
  })
  afterAll(() => s.db.dispose())

  it("an answer to a member is private, no-store; an anonymous public answer is not", async () => {
    const contacts = await s.app.request("/v1/contacts", { headers: auth(s.tokens.vbViewer) })
    expect(contacts.status).toBe(200)
    expect(contacts.headers.get("cache-control")).toBe("private, no-store")
    const strategy = await s.app.request("/v1/strategies", { headers: auth(s.tokens.vbViewer) })
    expect(strategy.headers.get("cache-control")).toBe("private, no-store")
    const anonymous = await s.app.request("/v1/strategies")
    expect(anonymous.status).toBe(200)
    expect(anonymous.headers.get("cache-control")).toBeNull()
  })

  it("401 without a token names the Bearer scheme", async () => {
    const res = await s.app.request("/v1/actors", { method: "POST", headers: { "content-type": "application/json" } })
    expect(res.status).toBe(401)
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="innokraft"')
    expect((await body<{ status: number }>(res)).status).toBe(401)
  })

  it("exposes ETag (and Location, Retry-After) to browser clients of an allowed origin", async () => {
    const res = await s.app.request("/v1/strategies/vasterbotten-ris-2022?organisation=region-vasterbotten", {
      headers: { origin: "https://region.example" }
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("access-control-allow-origin")).toBe("https://region.example")
    const exposed = (res.headers.get("access-control-expose-headers") ?? "").toLowerCase().split(/\s*,\s*/)
    expect(exposed).toEqual(expect.arrayContaining(["etag", "location", "retry-after"]))
  })

  it("every HTML page has a Content-Security-Policy that allows no foreign or inline script", async () => {
    for (const path of ["/", "/docs"]) {
      const res = await s.app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get("content-type")).toMatch(/^text\/html/)
      const csp = res.headers.get("content-security-policy") ?? ""
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self';")
      expect(csp).toContain("frame-ancestors 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    }
  })
})

describe("a record's own size limit", () => {
  let s: Setup
  beforeAll(async () => {
    s = await setup({ bodyLimit: 1024 * 1024, config: { RECORD_BODY_LIMIT: 64 * 1024 } })
  })
  afterAll(() => s.db.dispose())

  const actor = (id: string, note: number) =>
    JSON.stringify({ id, name: { sv: "A", en: "A" }, type: "company", helix: "business", note: "x".repeat(note) })

  it("refuses a record body above RECORD_BODY_LIMIT with 413 naming it, under the request's own limit", async () => {
    const big = await s.app.request("/v1/actors", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: actor("too-big", 100 * 1024)
    })
    expect(big.status).toBe(413)
    expect((await body<{ detail: string }>(big)).detail).toContain("at most 65536 (RECORD_BODY_LIMIT)")
    const fits = await s.app.request("/v1/actors", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: actor("fits", 60 * 1024)
    })
    expect(fits.status).toBe(201)
    // Nothing half-written: the refused record does not exist.
    expect((await s.app.request("/v1/actors/too-big", { headers: auth(s.tokens.vbViewer) })).status).toBe(404)
  })
})
