import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, body, type Setup, setup } from "./support.js"

let s: Setup
beforeAll(async () => {
  s = await setup()
})
afterAll(() => s.db.dispose())

interface Token {
  id: string
  organisationId: string
  role: string
  label: string
  prefix: string
  revokedAt?: string
  token?: string
}

const create = (token: string, input: unknown) =>
  s.app.request("/v1/tokens", { method: "POST", headers: auth(token), body: JSON.stringify(input) })

describe("token management over HTTP", () => {
  it("creates a token for an admin, shows the secret once, and the secret works", async () => {
    const res = await create(s.tokens.vbAdmin, { role: "editor", label: "web team" })
    expect(res.status).toBe(201)
    expect(res.headers.get("cache-control")).toBe("private, no-store")
    const created = await body<Token>(res)
    expect(created).toMatchObject({ organisationId: "region-vasterbotten", role: "editor", label: "web team" })
    expect(created.token).toMatch(/^ikt_/)
    expect(created.token!.startsWith(created.prefix)).toBe(true)
    expect(res.headers.get("location")).toBe(`/v1/tokens/${created.id}`)
    // The new secret writes in its organisation.
    const actor = { id: "token-test-actor", name: { sv: "T", en: "T" }, type: "company", helix: "business" }
    const wrote = await s.app.request("/v1/actors", {
      method: "POST",
      headers: auth(created.token!),
      body: JSON.stringify(actor)
    })
    expect(wrote.status).toBe(201)
    // Listing never shows a secret, and nothing was logged but metadata.
    const list = await s.app.request("/v1/tokens", { headers: auth(s.tokens.vbAdmin) })
    expect(list.status).toBe(200)
    const text = await list.text()
    expect(text).not.toContain(created.token!)
    expect(text).not.toContain('"token"')
    const items = (JSON.parse(text) as { items: Array<Token> }).items
    expect(items.every((t) => t.organisationId === "region-vasterbotten")).toBe(true)
    expect(items.some((t) => t.id === created.id)).toBe(true)
    expect(JSON.stringify(s.logs)).not.toContain(created.token!)
  })

  it("revokes a token: 204, then the secret is refused with 401", async () => {
    const created = await body<Token>(await create(s.tokens.vbAdmin, { role: "viewer", label: "short-lived" }))
    const gone = await s.app.request(`/v1/tokens/${created.id}`, {
      method: "DELETE",
      headers: auth(s.tokens.vbAdmin)
    })
    expect(gone.status).toBe(204)
    expect((await s.app.request("/v1/strategies", { headers: auth(created.token!) })).status).toBe(401)
    const revoked = await body<{ items: Array<Token> }>(
      await s.app.request("/v1/tokens?revoked=true", { headers: auth(s.tokens.vbAdmin) })
    )
    expect(revoked.items.map((t) => t.id)).toContain(created.id)
    const live = await body<{ items: Array<Token> }>(
      await s.app.request("/v1/tokens?revoked=false", { headers: auth(s.tokens.vbAdmin) })
    )
    expect(live.items.map((t) => t.id)).not.toContain(created.id)
  })

  it("pages the list with opaque, stable cursors", async () => {
    const first = await body<{ items: Array<Token>; nextCursor: string | null }>(
      await s.app.request("/v1/tokens?limit=2", { headers: auth(s.tokens.vbAdmin) })
    )
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).not.toBeNull()
    const second = await body<{ items: Array<Token> }>(
      await s.app.request(`/v1/tokens?limit=2&cursor=${first.nextCursor}`, { headers: auth(s.tokens.vbAdmin) })
    )
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id)
    const bad = await s.app.request("/v1/tokens?cursor=%%%", { headers: auth(s.tokens.vbAdmin) })
    expect(bad.status).toBe(400)
  })

  it("refuses editors and viewers (403), anonymous callers (401) and invalid input (400 with paths)", async () => {
    expect((await create(s.tokens.vbEditor, { role: "viewer", label: "x" })).status).toBe(403)
    expect((await create(s.tokens.vbViewer, { role: "viewer", label: "x" })).status).toBe(403)
    expect((await s.app.request("/v1/tokens", { headers: auth(s.tokens.vbEditor) })).status).toBe(403)
    expect((await s.app.request("/v1/tokens", { headers: auth(s.tokens.vbViewer) })).status).toBe(403)
    expect((await s.app.request("/v1/tokens/abc", { method: "DELETE", headers: auth(s.tokens.vbEditor) })).status).toBe(
      403
    )
    const anon = await s.app.request("/v1/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "admin", label: "x" })
    })
    expect(anon.status).toBe(401)
    expect((await s.app.request("/v1/tokens")).status).toBe(401)
    const invalid = await create(s.tokens.vbAdmin, { role: "owner", label: "" })
    expect(invalid.status).toBe(400)
    const paths = (await body<{ errors: Array<{ path: Array<string> }> }>(invalid)).errors.map((e) => e.path.join("."))
    expect(paths).toEqual(expect.arrayContaining(["role", "label"]))
  })

  it("keeps organisations apart: another organisation's token is 404 and never listed", async () => {
    const theirs = await body<Token>(await create(s.tokens.vnAdmin, { role: "viewer", label: "theirs" }))
    const mine = await body<{ items: Array<Token> }>(
      await s.app.request("/v1/tokens?limit=500", { headers: auth(s.tokens.vbAdmin) })
    )
    expect(mine.items.map((t) => t.id)).not.toContain(theirs.id)
    const revoke = await s.app.request(`/v1/tokens/${theirs.id}`, { method: "DELETE", headers: auth(s.tokens.vbAdmin) })
    expect(revoke.status).toBe(404)
    expect((await s.app.request("/v1/strategies", { headers: auth(theirs.token!) })).status).toBe(200)
    expect((await s.app.request("/v1/tokens/nope", { method: "DELETE", headers: auth(s.tokens.vbAdmin) })).status).toBe(
      404
    )
  })
})
