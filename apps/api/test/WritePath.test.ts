import { Example, Lifecycle } from "@innokraft/loop"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { auth, body, type Setup, setup } from "./support.js"

// Regression tests of issue #14's first findings: the order of checks, hostile text, ids and observation imports.

let s: Setup
beforeAll(async () => {
  s = await setup({ bodyLimit: 4 * 1024 * 1024 })
})
afterAll(() => s.db.dispose())

interface Problem {
  status: number
  detail: string
  errors?: Array<{ path: Array<string | number>; message: string }>
}

const send = (method: string, path: string, token: string | undefined, payload?: unknown, extra = {}) =>
  s.app.request(path, {
    method,
    headers: token === undefined ? { "content-type": "application/json", ...extra } : auth(token, extra),
    ...(payload === undefined ? {} : { body: typeof payload === "string" ? payload : JSON.stringify(payload) })
  })

describe("order of checks: authentication, role, validation", () => {
  it("refuses a viewer with 403 whatever it sends, before validating the body", async () => {
    expect((await send("POST", "/v1/tokens", s.tokens.vbViewer, { role: "root" })).status).toBe(403)
    expect((await send("POST", "/v1/tokens", s.tokens.vbEditor, { role: "root" })).status).toBe(403)
    expect((await send("POST", "/v1/tokens", s.tokens.vbAdmin, { role: "root" })).status).toBe(400)
    expect((await send("POST", "/v1/strategies", s.tokens.vbViewer, { nonsense: true })).status).toBe(403)
    expect((await send("POST", "/v1/strategies", s.tokens.vbViewer, "{not json")).status).toBe(403)
    expect((await send("PUT", "/v1/strategies/x", s.tokens.vbViewer, {}, { "if-match": 'W/"1"' })).status).toBe(403)
    expect((await send("DELETE", "/v1/goals/x", s.tokens.vbViewer)).status).toBe(403)
    // Without a token: 401 first.
    expect((await send("POST", "/v1/tokens", undefined, { role: "root" })).status).toBe(401)
  })

  it("compares an idea move's If-Match before the move: a stale ETag is 412 even for an illegal move", async () => {
    const cycle = "/v1/loop/cycles/loop-2016-synthetic"
    const ideas = await body<{ items: Array<{ id: string; etag: string; stage: string; status: string }> }>(
      await send("GET", `${cycle}/ideas`, s.tokens.vbEditor)
    )
    const idea = ideas.items.find((i) => Lifecycle.targets(i as never).includes("parked"))!
    const url = `${cycle}/ideas/${idea.id}/transitions`
    const move = { to: "parked", by: "jury", reason: "Waiting for a partner", at: "2016-10-01" }
    expect((await send("POST", url, s.tokens.vbEditor, move, { "if-match": idea.etag })).status).toBe(201)
    const stale = await send(
      "POST",
      url,
      s.tokens.vbEditor,
      { ...move, to: "no-such-state" },
      { "if-match": idea.etag }
    )
    expect(stale.status).toBe(412)
  })
})

describe("hostile text is refused with 400 naming the field, before any SQL", () => {
  it("a NUL in a query parameter or path segment, also for anonymous readers", async () => {
    const query = await send("GET", "/v1/strategies?status=a%00b", undefined)
    expect(query.status).toBe(400)
    expect((await body<Problem>(query)).errors?.[0]?.path).toEqual(["status"])
    const path = await send("GET", "/v1/strategies/a%00b", undefined)
    expect(path.status).toBe(400)
    expect((await send("GET", "/v1/observations?unit=%ED%A0%80", s.tokens.vbViewer)).status).toBe(400)
  })

  it("a NUL or an unpaired surrogate anywhere in a body, and nothing is stored", async () => {
    const nul = await send("POST", "/v1/actors", s.tokens.vbEditor, {
      id: "nul-actor",
      name: { sv: "ok", en: "a\u0000b" },
      type: "company",
      helix: "business"
    })
    expect(nul.status).toBe(400)
    expect((await body<Problem>(nul)).errors?.[0]?.path).toEqual(["name", "en"])
    expect((await send("GET", "/v1/actors/nul-actor", s.tokens.vbEditor)).status).toBe(404)
    // The surrogate id that was committed before the 500; on SQLite it could then not be deleted.
    const doc = Example.walkthrough()
    const surrogate = await send("POST", "/v1/loop/cycles", s.tokens.vnEditor, {
      ...doc,
      cycle: { ...doc.cycle, id: "SUR\ud800", status: "draft" }
    })
    expect(surrogate.status).toBe(400)
    expect((await body<Problem>(surrogate)).errors?.[0]?.path).toEqual(["cycle", "id"])
    const list = await body<{ items: Array<{ id: string }> }>(await send("GET", "/v1/loop/cycles", s.tokens.vnEditor))
    expect(list.items.map((c) => c.id)).not.toContain("SUR\ud800")
  })
})

describe("one id grammar", () => {
  it("refuses a cycle id with a slash, so one cycle's children can never pass for another's", async () => {
    const doc = Example.walkthrough()
    const slash = await send("POST", "/v1/loop/cycles", s.tokens.vnEditor, {
      ...doc,
      cycle: { ...doc.cycle, id: "pub/secret", status: "draft" }
    })
    expect(slash.status).toBe(400)
    expect((await body<Problem>(slash)).errors?.some((e) => e.path.join(".") === "cycle.id")).toBe(true)
    expect((await send("GET", "/v1/loop/cycles/pub%2Fsecret/sessions", s.tokens.vnEditor)).status).toBe(400)
  })

  it("refuses a loop item id outside the grammar", async () => {
    const cycle = "/v1/loop/cycles/loop-2016-synthetic"
    const sessions = await body<{ items: Array<Record<string, unknown>> }>(
      await send("GET", `${cycle}/sessions`, s.tokens.vbEditor)
    )
    const res = await send("POST", `${cycle}/sessions`, s.tokens.vbEditor, {
      ...sessions.items[0],
      etag: undefined,
      id: "a b"
    })
    expect(res.status).toBe(400)
  })
})

describe("observation imports say what is wrong", () => {
  it("two rows of one (indicator, unit, period) → 400 naming both rows; nothing written", async () => {
    const before = await body<{ items: Array<unknown> }>(
      await send("GET", "/v1/observations?indicator=dup-test&limit=500", s.tokens.vbViewer)
    )
    expect(before.items).toHaveLength(0)
    const csv = "unit,period,value\nSE33,2019,1\nSE32,2019,2\nSE33,2019,3\n"
    const res = await s.app.request("/v1/observations?indicator=dup-test", {
      method: "POST",
      headers: { authorization: `Bearer ${s.tokens.vbEditor}`, "content-type": "text/csv" },
      body: csv
    })
    expect(res.status).toBe(400)
    const problem = await body<Problem>(res)
    expect(problem.errors).toEqual([
      { path: ["rows", 0], message: expect.stringContaining("data row 1 and data row 3 both hold") },
      { path: ["rows", 2], message: expect.stringContaining('unit "SE33", period "2019"') }
    ])
    const after = await body<{ items: Array<unknown> }>(
      await send("GET", "/v1/observations?indicator=dup-test&limit=500", s.tokens.vbViewer)
    )
    expect(after.items).toHaveLength(0)
  })
})

describe("the rule book on every write", () => {
  const editor = () => s.tokens.vbEditor
  it("a dangling reference is 422 naming the field and the missing id; a referenced record's delete is 409", async () => {
    const strategies = await body<{ items: Array<{ id: string }> }>(await send("GET", "/v1/strategies", editor()))
    const strategyId = strategies.items[0]!.id
    const dangling = await send("POST", "/v1/efforts", editor(), {
      id: "effort-dangling",
      goalId: "nonexistent-goal",
      title: { sv: "Insats", en: "Effort" }
    })
    expect(dangling.status).toBe(422)
    const problem = await body<Problem>(dangling)
    expect(problem.errors?.[0]?.path).toEqual(["goalId"])
    expect(problem.errors?.[0]?.message).toContain('"nonexistent-goal"')
    expect((await send("GET", "/v1/efforts/effort-dangling", editor())).status).toBe(404)
    const goal = { id: "goal-rule-book", strategyId, order: 99, title: { sv: "Mål", en: "Goal" } }
    expect((await send("POST", "/v1/goals", editor(), goal)).status).toBe(201)
    const effort = { id: "effort-rule-book", goalId: goal.id, title: { sv: "Insats", en: "Effort" } }
    expect((await send("POST", "/v1/efforts", editor(), effort)).status).toBe(201)
    const refused = await send("DELETE", `/v1/goals/${goal.id}`, editor(), undefined, { "if-match": 'W/"1"' })
    expect(refused.status).toBe(409)
    expect((await body<Problem>(refused)).detail).toContain('efforts "effort-rule-book" (goalId)')
    expect(
      (await send("DELETE", `/v1/efforts/${effort.id}`, editor(), undefined, { "if-match": 'W/"1"' })).status
    ).toBe(204)
    expect((await send("DELETE", `/v1/goals/${goal.id}`, editor(), undefined, { "if-match": 'W/"1"' })).status).toBe(
      204
    )
  })

  it("a status moved through PUT follows the transition table: active → idea is 409 naming the allowed moves", async () => {
    const project = { id: "project-rule-book", title: { sv: "Projekt", en: "Project" }, status: "active" }
    expect((await send("POST", "/v1/projects", editor(), project)).status).toBe(201)
    const back = await send(
      "PUT",
      `/v1/projects/${project.id}`,
      editor(),
      { ...project, status: "idea" },
      {
        "if-match": 'W/"1"'
      }
    )
    expect(back.status).toBe(409)
    expect((await body<Problem>(back)).detail).toContain('expected one of "completed", "cancelled"')
  })
})

describe("declared list filters filter", () => {
  it("projects by linked goal, calls by their derived status, actors by helix", async () => {
    const editor = s.tokens.vbEditor
    const strategies = await body<{ items: Array<{ id: string }> }>(await send("GET", "/v1/strategies", editor))
    const goal = { id: "goal-filter", strategyId: strategies.items[0]!.id, order: 98, title: { sv: "Mål", en: "Goal" } }
    expect((await send("POST", "/v1/goals", editor, goal)).status).toBe(201)
    const linkedProject = {
      id: "project-linked",
      title: { sv: "P", en: "P" },
      status: "idea",
      links: [{ kind: "goal", id: goal.id }]
    }
    expect((await send("POST", "/v1/projects", editor, linkedProject)).status).toBe(201)
    expect(
      (await send("POST", "/v1/projects", editor, { ...linkedProject, id: "project-unlinked", links: [] })).status
    ).toBe(201)
    const byGoal = await body<{ items: Array<{ id: string }> }>(
      await send("GET", `/v1/projects?goalIds=${goal.id}`, editor)
    )
    expect(byGoal.items.map((p) => p.id)).toEqual(["project-linked"])
    const call = { title: { sv: "Utlysning", en: "Call" }, source: "regional" }
    const upcoming = { ...call, id: "call-upcoming", opens: "2999-01", deadline: "2999-02-01" }
    const closed = { ...call, id: "call-closed", deadline: "2001-02-01" }
    expect((await send("POST", "/v1/calls", editor, upcoming)).status).toBe(201)
    expect((await send("POST", "/v1/calls", editor, closed)).status).toBe(201)
    const ids = async (status: string) =>
      (
        await body<{ items: Array<{ id: string }> }>(await send("GET", `/v1/calls?status=${status}&limit=500`, editor))
      ).items.map((c) => c.id)
    expect(await ids("upcoming")).toContain("call-upcoming")
    expect(await ids("upcoming")).not.toContain("call-closed")
    expect(await ids("closed")).toContain("call-closed")
    expect(await ids("open")).not.toContain("call-upcoming")
    const actor = { id: "actor-academia", name: { sv: "U", en: "U" }, helix: "academia" }
    expect((await send("POST", "/v1/actors", editor, actor)).status).toBe(201)
    const academia = await body<{ items: Array<{ id: string; data: { helix?: string } }> }>(
      await send("GET", "/v1/actors?helix=academia&limit=500", editor)
    )
    expect(academia.items.map((a) => a.id)).toContain("actor-academia")
    expect(academia.items.every((a) => a.data.helix === "academia")).toBe(true)
  })
})
