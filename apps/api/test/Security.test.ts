import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, body, type Setup, setup } from "./support.js"

let s: Setup
beforeAll(async () => {
  s = await setup({ bodyLimit: 64 * 1024 })
})
afterAll(() => s.db.dispose())

const actor = (id: string, name: string) => ({
  id,
  name: { sv: name, en: name },
  type: "company",
  helix: "business"
})

const post = (path: string, payload: string | Uint8Array, headers: Record<string, string>) =>
  s.app.request(path, { method: "POST", headers, body: payload })

const expectProblem = async (res: Response, status: number) => {
  expect(res.status).toBe(status)
  expect(res.headers.get("content-type")).toBe("application/problem+json")
  const problem = await body<{ status: number }>(res)
  expect(problem.status).toBe(status)
}

describe("hostile input", () => {
  it("refuses oversized bodies with 413", async () => {
    const big = JSON.stringify({ ...actor("big", "x"), note: "x".repeat(70 * 1024) })
    await expectProblem(await post("/v1/actors", big, auth(s.tokens.vbEditor)), 413)
  })

  it("refuses deeply nested JSON with 400", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`
    await expectProblem(await post("/v1/measure/runs", deep, auth(s.tokens.vbEditor)), 400)
    const nested = JSON.stringify({
      id: "deep",
      source: { kind: "coinr", iMeta: "a", iData: "b" },
      spec: {},
      uncertainty: { runs: 1, assumptions: { x: JSON.parse(`${"[".repeat(100)}${"]".repeat(100)}`) } }
    })
    await expectProblem(await post("/v1/measure/runs", nested, auth(s.tokens.vbEditor)), 400)
  })

  it("refuses wrong content types with 415 and malformed JSON with 400", async () => {
    const json = JSON.stringify(actor("ctype", "x"))
    await expectProblem(await post("/v1/actors", json, { authorization: `Bearer ${s.tokens.vbEditor}` }), 415)
    await expectProblem(await post("/v1/actors", json, auth(s.tokens.vbEditor, { "content-type": "text/plain" })), 415)
    await expectProblem(await post("/v1/actors", "x", auth(s.tokens.vbEditor, { "content-type": "text/csv" })), 415)
    await expectProblem(await post("/v1/actors", "{not json", auth(s.tokens.vbEditor)), 400)
    await expectProblem(await post("/v1/actors", "", auth(s.tokens.vbEditor)), 400)
  })

  it("refuses invalid UTF-8 with 400", async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x69, 0x64, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])
    await expectProblem(await post("/v1/actors", bytes, auth(s.tokens.vbEditor)), 400)
    await expectProblem(
      await post("/v1/observations?indicator=x", bytes, auth(s.tokens.vbEditor, { "content-type": "text/csv" })),
      400
    )
  })

  it("stores SQL and HTML in strings verbatim as data, returned as JSON", async () => {
    const evil = "'); DROP TABLE records; -- <script>alert(1)</script>"
    const res = await post("/v1/actors", JSON.stringify(actor("evil-actor", evil)), auth(s.tokens.vbEditor))
    expect(res.status).toBe(201)
    const back = await s.app.request("/v1/actors/evil-actor", { headers: auth(s.tokens.vbEditor) })
    expect(back.headers.get("content-type")).toMatch(/^application\/json/)
    expect((await body<{ data: { name: { sv: string } } }>(back)).data.name.sv).toBe(evil)
    const list = await s.app.request(`/v1/actors?type=${encodeURIComponent(evil)}`)
    expect(list.status).toBe(200)
    const weird = await s.app.request(
      `/v1/actors/${encodeURIComponent("' OR 1=1 --")}?organisation=region-vasterbotten`
    )
    // Not an id of the one id grammar: refused before the store is asked.
    await expectProblem(weird, 400)
  })

  it("never answers 500 to junk and leaves no half-record behind", async () => {
    const junk = [
      "null",
      "[]",
      "123",
      '"text"',
      '{"id": {"$gt": ""}}',
      '{"__proto__": {"admin": true}, "id": "proto"}',
      JSON.stringify({ ...actor("x".repeat(5000), "long") })
    ]
    for (const payload of junk) {
      for (const path of [
        "/v1/actors",
        "/v1/strategies",
        "/v1/measure/runs",
        "/v1/s3/analyses",
        "/v1/loop/cycles",
        "/v1/observations"
      ]) {
        const res = await post(path, payload, auth(s.tokens.vbEditor))
        expect(res.status, `${path} ${payload.slice(0, 40)}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${path} ${payload.slice(0, 40)}`).toBeLessThan(500)
      }
    }
    const ids = (
      await body<{ items: Array<{ id: string }> }>(
        await s.app.request("/v1/actors?limit=500", { headers: auth(s.tokens.vbEditor) })
      )
    ).items.map((i) => i.id)
    expect(ids).not.toContain("proto")
    expect(ids.some((id) => id.startsWith("xxxx"))).toBe(false)
  })

  it("an unknown query parameter value or path gives 4xx problems, and logs carry no tokens", async () => {
    await expectProblem(await s.app.request("/v1/strategies?limit=abc"), 400)
    await expectProblem(await s.app.request("/v1/no/such/path"), 404)
    expect(JSON.stringify(s.logs)).not.toContain(s.tokens.vbEditor)
    expect(s.logs.every((l) => !("body" in l))).toBe(true)
  })
})
