import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, body, type Setup, setup } from "./support.js"

let s: Setup
beforeAll(async () => {
  s = await setup()
})
afterAll(() => s.db.dispose())

interface Page {
  items: Array<{ id: string; organisationId: string; version: number; etag: string; data: Record<string, unknown> }>
  nextCursor: string | null
}

const draft = {
  id: "vasterbotten-draft-2031",
  regionIds: ["vasterbotten"],
  kind: "RIS",
  title: { sv: "Utkast", en: "Draft" },
  period: { start: "2031", end: "2040" },
  status: "draft"
}

describe("strategy-model resources", () => {
  it("lists published strategies of every organisation to anonymous readers", async () => {
    const res = await s.app.request("/v1/strategies?limit=500")
    expect(res.status).toBe(200)
    const page = await body<Page>(res)
    expect(page.items.map((i) => i.organisationId)).toEqual(
      expect.arrayContaining(["region-vasterbotten", "region-vasternorrland"])
    )
    expect(page.items.find((i) => i.id === "vasterbotten-ris-2022")?.data.kind).toBe("RIS")
    expect(page.nextCursor).toBeNull()
  })

  it("serves Västerbotten's OSIRIS action plan to anyone, filtered by project", async () => {
    const page = await body<Page>(await s.app.request("/v1/action-plans?projectId=vasterbotten-osiris"))
    expect(page.items.map((i) => i.id)).toEqual(["vasterbotten-osiris-action-plan"])
    const plan = page.items[0]!.data as { actions: Array<{ id: string }>; policyInstrument: { nutsCode: string } }
    expect(plan.actions.map((a) => a.id)).toEqual(["action-1", "action-2", "action-3"])
    expect(plan.policyInstrument.nutsCode).toBe("SE33")
    expect((await body<Page>(await s.app.request("/v1/action-plans?projectId=none"))).items).toEqual([])
  })

  it("pages with cursors without losing or repeating items", async () => {
    const all = await body<Page>(await s.app.request("/v1/strategies?limit=500"))
    const seen: Array<string> = []
    let cursor: string | null = null
    do {
      const url: string = `/v1/strategies?limit=1${cursor === null ? "" : `&cursor=${cursor}`}`
      const page: Page = await body<Page>(await s.app.request(url))
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...page.items.map((i) => `${i.organisationId}/${i.id}`))
      cursor = page.nextCursor
    } while (cursor !== null)
    expect(seen).toEqual(all.items.map((i) => `${i.organisationId}/${i.id}`))
    expect(all.items.length).toBeGreaterThan(2)
  })

  it("filters by body fields (goals of one strategy) and refuses a forged cursor", async () => {
    const goals = await body<Page>(await s.app.request("/v1/goals?strategyId=vasterbotten-ris-2022"))
    expect(goals.items.length).toBeGreaterThan(0)
    expect(goals.items.every((g) => g.data.strategyId === "vasterbotten-ris-2022")).toBe(true)
    const none = await body<Page>(await s.app.request("/v1/goals?strategyId=no-such-strategy"))
    expect(none.items).toEqual([])
    const bad = await s.app.request("/v1/goals?cursor=%%%")
    expect(bad.status).toBe(400)
    expect(bad.headers.get("content-type")).toBe("application/problem+json")
    const limit = await s.app.request("/v1/goals?limit=0")
    expect(limit.status).toBe(400)
    expect((await body<{ errors: Array<{ path: Array<string> }> }>(limit)).errors[0]?.path).toEqual(["limit"])
  })

  it("reads one record with its ETag, and 404 for an unknown id", async () => {
    const res = await s.app.request("/v1/strategies/vasterbotten-ris-2022?organisation=region-vasterbotten")
    expect(res.status).toBe(200)
    expect(res.headers.get("etag")).toBe('W/"1"')
    expect((await body<{ data: { id: string } }>(res)).data.id).toBe("vasterbotten-ris-2022")
    const missing = await s.app.request("/v1/strategies/nothing?organisation=region-vasterbotten")
    expect(missing.status).toBe(404)
    expect(missing.headers.get("content-type")).toBe("application/problem+json")
  })

  it("creates with an editor token (201, ETag, Location), refuses duplicates (409)", async () => {
    const res = await s.app.request("/v1/strategies", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(draft)
    })
    expect(res.status).toBe(201)
    expect(res.headers.get("etag")).toBe('W/"1"')
    expect(res.headers.get("location")).toBe("/v1/strategies/vasterbotten-draft-2031")
    const again = await s.app.request("/v1/strategies", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(draft)
    })
    expect(again.status).toBe(409)
  })

  it("keeps drafts inside the organisation: anonymous and organisation B get 404", async () => {
    const own = await s.app.request(`/v1/strategies/${draft.id}`, { headers: auth(s.tokens.vbViewer) })
    expect(own.status).toBe(200)
    const anon = await s.app.request(`/v1/strategies/${draft.id}?organisation=region-vasterbotten`)
    expect(anon.status).toBe(404)
    const other = await s.app.request(`/v1/strategies/${draft.id}?organisation=region-vasterbotten`, {
      headers: auth(s.tokens.vnEditor)
    })
    expect(other.status).toBe(404)
    const list = await body<Page>(
      await s.app.request("/v1/strategies?organisation=region-vasterbotten&limit=500", {
        headers: auth(s.tokens.vnEditor)
      })
    )
    expect(list.items.map((i) => i.id)).not.toContain(draft.id)
  })

  it("answers invalid bodies with 400 and the failing field paths, storing nothing", async () => {
    const res = await s.app.request("/v1/strategies", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify({ ...draft, id: "bad-one", kind: "NOPE", title: { sv: "x" } })
    })
    expect(res.status).toBe(400)
    const problem = await body<{ errors: Array<{ path: Array<string | number> }> }>(res)
    const paths = problem.errors.map((e) => e.path.join("."))
    expect(paths).toEqual(expect.arrayContaining(["kind", "title.en"]))
    const stored = await s.app.request("/v1/strategies/bad-one", { headers: auth(s.tokens.vbEditor) })
    expect(stored.status).toBe(404)
  })

  it("needs a token to write (401) and an editor role (403)", async () => {
    const anon = await s.app.request("/v1/strategies", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(draft)
    })
    expect(anon.status).toBe(401)
    const viewer = await s.app.request("/v1/strategies", {
      method: "POST",
      headers: auth(s.tokens.vbViewer),
      body: JSON.stringify({ ...draft, id: "viewer-try" })
    })
    expect(viewer.status).toBe(403)
    const forged = await s.app.request("/v1/strategies", { headers: { authorization: "Bearer ikt_forged" } })
    expect(forged.status).toBe(401)
    const basic = await s.app.request("/v1/strategies", { headers: { authorization: "Basic abc" } })
    expect(basic.status).toBe(401)
  })

  it("updates only with a matching If-Match: 428 without, 412 when stale, 200 with the new ETag", async () => {
    const url = `/v1/strategies/${draft.id}`
    const next = { ...draft, title: { sv: "Utkast 2", en: "Draft 2" } }
    const none = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(next)
    })
    expect(none.status).toBe(428)
    const ok = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor, { "if-match": 'W/"1"' }),
      body: JSON.stringify(next)
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get("etag")).toBe('W/"2"')
    const stale = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor, { "if-match": 'W/"1"' }),
      body: JSON.stringify(next)
    })
    expect(stale.status).toBe(412)
    const garbage = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor, { "if-match": "*" }),
      body: JSON.stringify(next)
    })
    expect(garbage.status).toBe(412)
    const otherOrg = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vnEditor, { "if-match": 'W/"2"' }),
      body: JSON.stringify(next)
    })
    expect(otherOrg.status).toBe(404)
  })

  it("publishing (draft → consultation) makes a record public; delete needs If-Match", async () => {
    const url = `/v1/strategies/${draft.id}`
    // A status change through PUT follows the domain's table: draft → adopted skips the consultation.
    const skipped = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor, { "if-match": 'W/"2"' }),
      body: JSON.stringify({ ...draft, status: "adopted" })
    })
    expect(skipped.status).toBe(409)
    expect((await body<{ detail: string }>(skipped)).detail).toContain('expected one of "consultation"')
    const consultation = await s.app.request(url, {
      method: "PUT",
      headers: auth(s.tokens.vbEditor, { "if-match": 'W/"2"' }),
      body: JSON.stringify({ ...draft, status: "consultation" })
    })
    expect(consultation.status).toBe(200)
    expect((await s.app.request(`${url}?organisation=region-vasterbotten`)).status).toBe(200)
    const noMatch = await s.app.request(url, { method: "DELETE", headers: auth(s.tokens.vbEditor) })
    expect(noMatch.status).toBe(428)
    const del = await s.app.request(url, {
      method: "DELETE",
      headers: auth(s.tokens.vbEditor, { "if-match": 'W/"3"' })
    })
    expect(del.status).toBe(204)
    expect((await s.app.request(`${url}?organisation=region-vasterbotten`)).status).toBe(404)
  })

  it("never shows contacts (personal data) outside their organisation", async () => {
    const contact = {
      id: "contact-test-1",
      personalData: true,
      actorId: "region-vasterbotten",
      role: { sv: "Innovationsstrateg", en: "Innovation strategist" },
      name: "Anna Test",
      email: "anna@example.org"
    }
    const created = await s.app.request("/v1/contacts?visibility=public", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(contact)
    })
    expect(created.status).toBe(201)
    {
      expect((await body<{ visibility: string }>(created)).visibility).toBe("organisation")
      const anon = await body<Page>(await s.app.request("/v1/contacts?organisation=region-vasterbotten"))
      expect(anon.items).toEqual([])
      const other = await body<Page>(
        await s.app.request("/v1/contacts?organisation=region-vasterbotten", { headers: auth(s.tokens.vnEditor) })
      )
      expect(other.items).toEqual([])
      const own = await body<Page>(await s.app.request("/v1/contacts", { headers: auth(s.tokens.vbViewer) }))
      expect(own.items.map((i) => i.id)).toContain("contact-test-1")
    }
  })

  it("analyses the portfolio of a strategy", async () => {
    const res = await s.app.request("/v1/strategies/vasterbotten-ris-2022/portfolio?organisation=region-vasterbotten")
    expect(res.status).toBe(200)
    const report = await body<{ projectCounts: Record<string, number> }>(res)
    const total = Object.values(report.projectCounts).reduce((a, b) => a + b, 0)
    const projects = await body<Page>(await s.app.request("/v1/projects?organisation=region-vasterbotten&limit=500"))
    expect(total).toBe(projects.items.length)
    expect((await s.app.request("/v1/strategies/none/portfolio?organisation=region-vasterbotten")).status).toBe(404)
  })
})
