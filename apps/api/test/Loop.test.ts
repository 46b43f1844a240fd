import { Example, Lifecycle } from "@innokraft/loop"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, body, type Setup, setup } from "./support.js"

let s: Setup
beforeAll(async () => {
  s = await setup({ bodyLimit: 4 * 1024 * 1024 })
})
afterAll(() => s.db.dispose())

const vb = "organisation=region-vasterbotten"
const cycle = "/v1/loop/cycles/loop-2016-synthetic"
const walkthrough = Example.walkthrough()

interface Doc {
  synthetic: boolean
  ideas: Array<{ id: string }>
  participations: Array<unknown>
  supports: Array<unknown>
  transitions: Array<unknown>
  meetings: Array<unknown>
}

describe("Innovation Loop cycles", () => {
  it("reassembles the seeded walk-through; personal parts only inside the organisation", async () => {
    const anon = await body<Doc>(await s.app.request(`${cycle}?${vb}`))
    expect(anon.synthetic).toBe(true)
    expect(anon.ideas).toHaveLength(walkthrough.ideas.length)
    expect(anon.transitions).toHaveLength(walkthrough.transitions.length)
    expect(anon.participations).toEqual([])
    expect(anon.supports).toEqual([])
    const inside = await body<Doc>(await s.app.request(cycle, { headers: auth(s.tokens.vbViewer) }))
    expect(inside.participations).toHaveLength(walkthrough.participations.length)
    expect(inside.supports).toHaveLength(walkthrough.supports.length)
    const other = await body<Doc>(await s.app.request(`${cycle}?${vb}`, { headers: auth(s.tokens.vnEditor) }))
    expect(other.participations).toEqual([])
    const sessions = await body<{ items: Array<unknown> }>(await s.app.request(`${cycle}/sessions?${vb}`))
    expect(sessions.items).toHaveLength(walkthrough.meetings.length)
    const outcomes = await body<{ items: Array<unknown> }>(await s.app.request(`${cycle}/outcomes?${vb}`))
    expect(outcomes.items).toHaveLength(walkthrough.outcomes.length)
    expect((await s.app.request(`/v1/loop/cycles/none?${vb}`)).status).toBe(404)
  })

  it("reports the cycle: inside with participants, outside without personal data", async () => {
    const inside = await body<{ participants: { unique: number } }>(
      await s.app.request(`${cycle}/report`, { headers: auth(s.tokens.vbViewer) })
    )
    expect(inside.participants.unique).toBeGreaterThan(0)
    const anon = await body<{ participants: { unique: number } }>(await s.app.request(`${cycle}/report?${vb}`))
    expect(anon.participants.unique).toBe(0)
  })

  it("moves an idea with its ETag: 428 without, 409 for an illegal move, 201, then 412 when stale", async () => {
    const ideas = await body<{ items: Array<{ id: string; etag: string; stage: string; status: string }> }>(
      await s.app.request(`${cycle}/ideas`, { headers: auth(s.tokens.vbEditor) })
    )
    const idea = ideas.items.find((i) => Lifecycle.targets(i as never).includes("parked"))!
    expect(idea).toBeDefined()
    const url = `${cycle}/ideas/${idea.id}/transitions`
    const move = { to: "parked", by: "jury", reason: "Waiting for a partner", at: "2016-10-01" }
    const none = await s.app.request(url, {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify(move)
    })
    expect(none.status).toBe(428)
    const illegal = await s.app.request(url, {
      method: "POST",
      headers: auth(s.tokens.vbEditor, { "if-match": idea.etag }),
      body: JSON.stringify({ ...move, to: "no-such-state" })
    })
    expect(illegal.status).toBe(409)
    const anon = await s.app.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "if-match": idea.etag },
      body: JSON.stringify(move)
    })
    expect(anon.status).toBe(401)
    const ok = await s.app.request(url, {
      method: "POST",
      headers: auth(s.tokens.vbEditor, { "if-match": idea.etag }),
      body: JSON.stringify(move)
    })
    expect(ok.status).toBe(201)
    const moved = await body<{ transition: { to: string }; idea: { status: string } }>(ok)
    expect(moved.transition.to).toBe("parked")
    expect(moved.idea.status).toBe("parked")
    const stale = await s.app.request(url, {
      method: "POST",
      headers: auth(s.tokens.vbEditor, { "if-match": idea.etag }),
      body: JSON.stringify({ ...move, to: "dropped" })
    })
    expect(stale.status).toBe(412)
    const after = await body<Doc>(await s.app.request(cycle, { headers: auth(s.tokens.vbViewer) }))
    expect(after.transitions).toHaveLength(walkthrough.transitions.length + 1)
  })

  it("stores a posted cycle document in one piece, and refuses an invalid one", async () => {
    const doc = { ...walkthrough, cycle: { ...walkthrough.cycle, id: "loop-2017-test", status: "draft" } }
    const res = await s.app.request("/v1/loop/cycles", {
      method: "POST",
      headers: auth(s.tokens.vnEditor),
      body: JSON.stringify(doc)
    })
    expect(res.status).toBe(201)
    const back = await body<Doc>(
      await s.app.request("/v1/loop/cycles/loop-2017-test", { headers: auth(s.tokens.vnEditor) })
    )
    expect(back.ideas).toHaveLength(walkthrough.ideas.length)
    expect(back.participations).toHaveLength(walkthrough.participations.length)
    // A draft cycle stays inside its organisation.
    expect((await s.app.request("/v1/loop/cycles/loop-2017-test?organisation=region-vasternorrland")).status).toBe(404)
    const invalid = await s.app.request("/v1/loop/cycles", {
      method: "POST",
      headers: auth(s.tokens.vnEditor),
      body: JSON.stringify({ ...doc, cycle: { ...doc.cycle, id: "loop-bad", year: 1900 } })
    })
    expect(invalid.status).toBe(400)
    expect((await body<{ errors: Array<{ path: Array<string> }> }>(invalid)).errors[0]?.path).toEqual(["cycle", "year"])
    expect((await s.app.request("/v1/loop/cycles/loop-bad", { headers: auth(s.tokens.vnEditor) })).status).toBe(404)
    const dup = await s.app.request("/v1/loop/cycles", {
      method: "POST",
      headers: auth(s.tokens.vnEditor),
      body: JSON.stringify(doc)
    })
    expect(dup.status).toBe(409)
  })
})
