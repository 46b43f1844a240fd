import { Example } from "@innokraft/loop"
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
const meeting = walkthrough.meetings[0]!
const idea = walkthrough.ideas[0]!
const outcome = walkthrough.outcomes[0]!

type Problem = { status: number; errors?: Array<{ path: Array<string | number>; message: string }> }
type Item = { id: string; etag: string; team?: Array<string>; title: string }

const send = (method: string, url: string, token: string | undefined, payload?: unknown, ifMatch?: string) =>
  s.app.request(url, {
    method,
    headers: {
      ...(token === undefined ? { "content-type": "application/json" } : auth(token)),
      ...(ifMatch === undefined ? {} : { "if-match": ifMatch })
    },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) })
  })

const paths = async (res: Response) => ((await body<Problem>(res)).errors ?? []).map((e) => e.path.join("."))

describe("cycle sessions (meetings) as their own resource", () => {
  const session = { ...meeting, id: "M-API", title: "API workshop", subThemeIds: ["ST1"] }

  it("creates, reads, replaces and deletes a session with ETags", async () => {
    const created = await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, session)
    expect(created.status).toBe(201)
    expect(created.headers.get("etag")).toBe('W/"1"')
    expect(created.headers.get("location")).toBe(`${cycle}/sessions/M-API`)
    expect(await body<Item>(created)).toMatchObject({ id: "M-API", title: "API workshop", etag: 'W/"1"' })
    // The cycle is public (reporting), so is its new session.
    const anon = await s.app.request(`${cycle}/sessions/M-API?${vb}`)
    expect(anon.status).toBe(200)
    const list = await body<{ items: Array<Item> }>(await s.app.request(`${cycle}/sessions?${vb}`))
    expect(list.items.map((i) => i.id)).toContain("M-API")
    expect(list.items).toHaveLength(walkthrough.meetings.length + 1)
    const doc = await body<{ meetings: Array<{ id: string }> }>(await s.app.request(`${cycle}?${vb}`))
    expect(doc.meetings.map((m) => m.id)).toContain("M-API")

    const put = await send(
      "PUT",
      `${cycle}/sessions/M-API`,
      s.tokens.vbEditor,
      { ...session, title: "Renamed" },
      'W/"1"'
    )
    expect(put.status).toBe(200)
    expect(put.headers.get("etag")).toBe('W/"2"')
    expect((await body<Item>(put)).title).toBe("Renamed")

    const stale = await send("DELETE", `${cycle}/sessions/M-API`, s.tokens.vbEditor, undefined, 'W/"1"')
    expect(stale.status).toBe(412)
    const gone = await send("DELETE", `${cycle}/sessions/M-API`, s.tokens.vbEditor, undefined, 'W/"2"')
    expect(gone.status).toBe(204)
    expect((await s.app.request(`${cycle}/sessions/M-API`, { headers: auth(s.tokens.vbEditor) })).status).toBe(404)
  })

  it("answers 400 with field paths for schema and cycle-document problems", async () => {
    const schema = await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, { ...session, type: "party", title: "" })
    expect(schema.status).toBe(400)
    expect(await paths(schema)).toEqual(expect.arrayContaining(["type", "title"]))
    const dangling = await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, {
      ...session,
      id: "M-BAD",
      subThemeIds: ["ST1", "ST-NONE"]
    })
    expect(dangling.status).toBe(400)
    expect(await paths(dangling)).toEqual(["subThemeIds.1"])
    const backwards = await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, {
      ...session,
      id: "M-BAD",
      endDate: "2015-01-01"
    })
    expect(await paths(backwards)).toEqual(["endDate"])
    const mismatch = await send("PUT", `${cycle}/sessions/M01`, s.tokens.vbEditor, { ...meeting, id: "M02" }, 'W/"1"')
    expect(mismatch.status).toBe(400)
    expect(await paths(mismatch)).toEqual(["id"])
  })

  it("answers 401, 403, 404, 409 and 428", async () => {
    expect((await send("POST", `${cycle}/sessions`, undefined, session)).status).toBe(401)
    expect((await send("POST", `${cycle}/sessions`, s.tokens.vbViewer, session)).status).toBe(403)
    expect((await send("POST", "/v1/loop/cycles/none/sessions", s.tokens.vbEditor, session)).status).toBe(404)
    expect(
      (await send("PUT", `${cycle}/sessions/M-NONE`, s.tokens.vbEditor, { ...meeting, id: "M-NONE" }, 'W/"1"')).status
    ).toBe(404)
    expect((await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, meeting)).status).toBe(409)
    expect((await send("PUT", `${cycle}/sessions/M01`, s.tokens.vbEditor, meeting)).status).toBe(428)
    // M01 has participations and ideas: deleting it would leave them dangling.
    const referenced = await send("DELETE", `${cycle}/sessions/M01`, s.tokens.vbEditor, undefined, 'W/"1"')
    expect(referenced.status).toBe(409)
    expect((await body<Problem>(referenced)).errors!.length).toBeGreaterThan(0)
    expect((await s.app.request(`${cycle}/sessions/M01?${vb}`)).status).toBe(200)
  })

  it("keeps organisations apart: another organisation's editor gets 404 and changes nothing", async () => {
    const url = `${cycle}/sessions/M01?${vb}`
    expect((await send("POST", `${cycle}/sessions?${vb}`, s.tokens.vnEditor, { ...session, id: "M-VN" })).status).toBe(
      404
    )
    expect((await send("PUT", url, s.tokens.vnEditor, { ...meeting, title: "Hijacked" }, 'W/"1"')).status).toBe(404)
    expect((await send("DELETE", url, s.tokens.vnEditor, undefined, 'W/"1"')).status).toBe(404)
    expect((await body<Item>(await s.app.request(url))).title).toBe(meeting.title)
  })
})

describe("cycle ideas as their own resource", () => {
  it("keeps an idea's team (participants) inside the organisation", async () => {
    const outside = await body<{ items: Array<Item> }>(await s.app.request(`${cycle}/ideas?${vb}`))
    expect(outside.items.every((i) => i.team?.length === 0)).toBe(true)
    const other = await body<Item>(
      await s.app.request(`${cycle}/ideas/${idea.id}?${vb}`, { headers: auth(s.tokens.vnEditor) })
    )
    expect(other.team).toEqual([])
    const doc = await body<{ ideas: Array<Item> }>(await s.app.request(`${cycle}?${vb}`))
    expect(doc.ideas.every((i) => i.team?.length === 0)).toBe(true)
    const inside = await body<Item>(
      await s.app.request(`${cycle}/ideas/${idea.id}`, { headers: auth(s.tokens.vbViewer) })
    )
    expect(inside.team).toEqual(idea.team)
  })

  it("creates and replaces ideas; stage and status move only through transitions", async () => {
    const fresh = { ...idea, id: "I-API", title: "API idea", stage: "idea", team: [] }
    const created = await send("POST", `${cycle}/ideas`, s.tokens.vbEditor, fresh)
    expect(created.status).toBe(201)
    const tag = created.headers.get("etag")!
    const moved = await send("PUT", `${cycle}/ideas/I-API`, s.tokens.vbEditor, { ...fresh, stage: "pilot" }, tag)
    expect(moved.status).toBe(409)
    const renamed = await send("PUT", `${cycle}/ideas/I-API`, s.tokens.vbEditor, { ...fresh, title: "Better" }, tag)
    expect(renamed.status).toBe(200)
    const bad = await send("POST", `${cycle}/ideas`, s.tokens.vbEditor, {
      ...fresh,
      id: "I-BAD",
      originMeetingId: "M-NONE"
    })
    expect(bad.status).toBe(400)
    expect(await paths(bad)).toEqual(["originMeetingId"])
    // I-01 has a transition trail and outcomes.
    const current = await body<Item>(
      await s.app.request(`${cycle}/ideas/${idea.id}`, { headers: auth(s.tokens.vbEditor) })
    )
    const del = await send("DELETE", `${cycle}/ideas/${idea.id}`, s.tokens.vbEditor, undefined, current.etag)
    expect(del.status).toBe(409)
    const after = await body<Item>(await s.app.request(`${cycle}/ideas/I-API`, { headers: auth(s.tokens.vbEditor) }))
    expect((await send("DELETE", `${cycle}/ideas/I-API`, s.tokens.vbEditor, undefined, after.etag)).status).toBe(204)
  })
})

describe("cycle outcomes as their own resource", () => {
  it("creates, replaces and deletes outcomes checked against the ideas", async () => {
    const fresh = { ...outcome, id: "O-API", title: "API outcome", parentId: outcome.id }
    const unknownIdea = await send("POST", `${cycle}/outcomes`, s.tokens.vbEditor, { ...fresh, ideaId: "I-NONE" })
    expect(unknownIdea.status).toBe(400)
    expect(await paths(unknownIdea)).toEqual(["ideaId"])
    const created = await send("POST", `${cycle}/outcomes`, s.tokens.vbEditor, fresh)
    expect(created.status).toBe(201)
    const tag = created.headers.get("etag")!
    const cycleRef = await send(
      "PUT",
      `${cycle}/outcomes/${outcome.id}`,
      s.tokens.vbEditor,
      { ...outcome, parentId: "O-API" },
      'W/"1"'
    )
    expect(cycleRef.status).toBe(400)
    expect(
      (await send("PUT", `${cycle}/outcomes/O-API`, s.tokens.vbEditor, { ...fresh, status: "discontinued" })).status
    ).toBe(428)
    expect((await send("PUT", `${cycle}/outcomes/O-API`, s.tokens.vbEditor, fresh, 'W/"9"')).status).toBe(412)
    const parent = await send("DELETE", `${cycle}/outcomes/${outcome.id}`, s.tokens.vbEditor, undefined, 'W/"1"')
    expect(parent.status).toBe(409)
    expect((await send("DELETE", `${cycle}/outcomes/O-API`, s.tokens.vbEditor, undefined, tag)).status).toBe(204)
    const items = await body<{ items: Array<Item>; nextCursor: string | null }>(
      await s.app.request(`${cycle}/outcomes?${vb}&limit=2`)
    )
    expect(items.items).toHaveLength(2)
    const rest = await body<{ items: Array<Item> }>(
      await s.app.request(`${cycle}/outcomes?${vb}&limit=500&cursor=${items.nextCursor}`)
    )
    expect(rest.items).toHaveLength(walkthrough.outcomes.length - 2)
  })
})

describe("cycle status moves", () => {
  const id = "loop-2018-api"
  const url = `/v1/loop/cycles/${id}`
  const move = { to: "themed", by: "steering group", reason: "Theme decided at the launch", at: "2018-01-20" }

  it("refuses illegal moves (409), stale (412) or missing (428) ETags, outsiders (404) and viewers (403)", async () => {
    const seeded = await s.app.request(cycle, { headers: auth(s.tokens.vbEditor) })
    const tag = seeded.headers.get("etag")!
    const close = { to: "closed", by: "board", reason: "Year done", at: "2016-12-31" }
    expect((await send("POST", `${cycle}/transitions`, s.tokens.vbEditor, close)).status).toBe(428)
    expect((await send("POST", `${cycle}/transitions`, s.tokens.vbEditor, close, 'W/"999"')).status).toBe(412)
    const open = await send("POST", `${cycle}/transitions`, s.tokens.vbEditor, close, tag)
    expect(open.status).toBe(409)
    expect((await body<{ detail: string }>(open)).detail).toMatch(/still active/)
    expect((await send("POST", `${cycle}/transitions`, s.tokens.vbViewer, close, tag)).status).toBe(403)
    expect((await send("POST", `${cycle}/transitions`, s.tokens.vnEditor, close, tag)).status).toBe(404)
    expect((await send("POST", `${cycle}/transitions`, undefined, close, tag)).status).toBe(401)
    const invalid = await send("POST", `${cycle}/transitions`, s.tokens.vbEditor, { ...close, by: "" }, tag)
    expect(invalid.status).toBe(400)
    expect(await paths(invalid)).toEqual(["by"])
  })

  it("moves a draft cycle to themed: 201 with the new ETag, and the cycle goes public with its sessions", async () => {
    const doc = {
      ...walkthrough,
      cycle: { ...walkthrough.cycle, id, year: 2018, status: "draft", history: [] }
    }
    const posted = await send("POST", "/v1/loop/cycles", s.tokens.vbEditor, doc)
    expect(posted.status).toBe(201)
    const tag = posted.headers.get("etag")!
    expect((await s.app.request(`${url}/sessions?${vb}`)).status).toBe(404)
    const skip = await send("POST", `${url}/transitions`, s.tokens.vbEditor, { ...move, to: "ideation" }, tag)
    expect(skip.status).toBe(409)
    const ok = await send("POST", `${url}/transitions`, s.tokens.vbEditor, move, tag)
    expect(ok.status).toBe(201)
    expect(ok.headers.get("etag")).toBe('W/"2"')
    const moved = await body<{ cycle: { status: string; history: Array<unknown> }; transition: { from: string } }>(ok)
    expect(moved.cycle.status).toBe("themed")
    expect(moved.transition).toMatchObject({ from: "draft", to: "themed", by: "steering group" })
    const anon = await body<{ cycle: { status: string }; meetings: Array<unknown>; participations: Array<unknown> }>(
      await s.app.request(`${url}?${vb}`)
    )
    expect(anon.cycle.status).toBe("themed")
    expect(anon.meetings).toHaveLength(walkthrough.meetings.length)
    expect(anon.participations).toEqual([])
    const again = await send("POST", `${url}/transitions`, s.tokens.vbEditor, { ...move, to: "ideation" }, tag)
    expect(again.status).toBe(412)
  })
})

describe("OpenAPI of the loop and token routes", () => {
  it("documents cycle documents, sessions, ideas, outcomes, moves and tokens with the packages' schemas", async () => {
    const doc = await body<{
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
      >
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> }
    }>(await s.app.request("/openapi.json"))
    for (const name of [
      "LoopSession",
      "LoopIdea",
      "LoopOutcome",
      "CycleMove",
      "LoopCycleRecord",
      "Token",
      "NewToken"
    ]) {
      expect(doc.components.schemas[name], name).toBeDefined()
    }
    expect(Object.keys(doc.components.schemas.LoopSession!.properties!)).toEqual(
      expect.arrayContaining(["id", "type", "municipality", "etag"])
    )
    const cycleDoc = doc.paths["/v1/loop/cycles/{id}"]!.get!.responses["200"]!.content!["application/json"]!.schema as {
      properties: Record<string, unknown>
    }
    expect(Object.keys(cycleDoc.properties)).toEqual(expect.arrayContaining(["cycle", "ideas", "meetings", "outcomes"]))
    for (const path of ["/v1/loop/cycles/{id}/sessions/{sessionId}", "/v1/tokens/{id}"]) {
      expect(doc.paths[path]!.delete).toBeDefined()
    }
    expect(doc.paths["/v1/loop/cycles/{id}/transitions"]!.post).toBeDefined()
  })
})
