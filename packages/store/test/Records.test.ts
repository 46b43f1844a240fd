import { SqlClient } from "@effect/sql"
import { Effect, Either } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Audit, Caller, Kinds, Organisations, Records } from "../src/index.js"
import { adminA, contact, editorA, editorB, groundwork, orgA, orgB, strategy, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const strategies = Records.repository(Kinds.strategy)
const contacts = Records.repository(Kinds.contact)

describeEngines("Records", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.gen(function* () {
        const orgs = yield* Organisations.Organisations
        yield* orgs.create(system, { id: orgA, name: "Region A" })
        yield* orgs.create(system, { id: orgB, name: "Region B" })
        yield* groundwork(editorA)
        yield* groundwork(editorB)
      })
    )
  })
  afterAll(async () => h?.close())

  it("creates, reads and lists a strategy with version 1 and audit stamps", async () => {
    const saved = await h.run(strategies.create(editorA, strategy("ris-2022", "draft")))
    expect(saved.version).toBe(1)
    expect(saved.visibility).toBe("organisation")
    expect(saved.status).toBe("draft")
    expect(saved.createdBy).toBe("editor-a")
    const read = await h.run(strategies.get(viewerA, "ris-2022"))
    expect(read.body).toEqual(saved.body)
    expect(read.body.title.sv).toBe("Regional innovationsstrategi")
    const list = await h.run(strategies.list(viewerA))
    expect(list.map((s) => s.id)).toEqual(["ris-2022"])
  })

  it("rejects a second record with the same id as a Conflict", async () => {
    const error = await h.error(strategies.create(editorA, strategy("ris-2022", "draft")))
    expect(error._tag).toBe("Conflict")
  })

  it("updates with the current version and refuses a stale one", async () => {
    // draft → consultation: a move of the domain's transition table (draft → adopted is not one).
    const consultation = { ...strategy("ris-2022", "draft"), status: "consultation" }
    const updated = await h.run(strategies.update(editorA, "ris-2022", 1, consultation))
    expect(updated.version).toBe(2)
    expect(updated.visibility).toBe("public")
    const stale = await h.error(strategies.update(editorA, "ris-2022", 1, strategy("ris-2022", "draft")))
    expect(stale._tag).toBe("Conflict")
    if (stale._tag === "Conflict") {
      expect(stale.expected).toBe(1)
      expect(stale.actual).toBe(2)
    }
    expect((await h.run(strategies.get(editorA, "ris-2022"))).status).toBe("consultation")
  })

  it("gives exactly one Conflict when two updates of one record race", async () => {
    await h.run(strategies.create(editorA, strategy("race", "draft")))
    const results = await h.run(
      Effect.all(
        [
          Effect.either(strategies.update(editorA, "race", 1, { ...strategy("race", "draft"), note: "first" })),
          Effect.either(
            strategies.update(Caller.member(orgA, "editor", "other"), "race", 1, {
              ...strategy("race", "draft"),
              status: "consultation"
            })
          )
        ],
        { concurrency: "unbounded" }
      )
    )
    const conflicts = results.filter((r) => Either.isLeft(r) && r.left._tag === "Conflict")
    const wins = results.filter(Either.isRight)
    expect(conflicts).toHaveLength(1)
    expect(wins).toHaveLength(1)
    expect((await h.run(strategies.get(editorA, "race"))).version).toBe(2)
  })

  it("writes an audit entry with before and after in the same transaction", async () => {
    const entries = await h.run(
      Effect.flatMap(Audit.Audit, (audit) => audit.list(adminA, orgA, { entity: "strategy", entityId: "ris-2022" }))
    )
    expect(entries.map((e) => [e.action, e.version])).toEqual([
      ["create", 1],
      ["update", 2]
    ])
    expect((entries[1]!.before as { status: string }).status).toBe("draft")
    expect((entries[1]!.after as { status: string }).status).toBe("consultation")
    expect(entries[1]!.actor).toBe("editor-a")
  })

  it("validates bodies with the domain schema and names the field", async () => {
    const error = await h.error(strategies.create(editorA, { ...strategy("bad", "draft"), status: "final" }))
    expect(error._tag).toBe("Invalid")
    if (error._tag === "Invalid") expect(error.problems.map((p) => p.path)).toContain("status")
    const mismatch = await h.error(strategies.update(editorA, "ris-2022", 2, strategy("other-id", "draft")))
    expect(mismatch._tag).toBe("Invalid")
  })

  it("keeps drafts and personal data inside the organisation", async () => {
    await h.run(strategies.create(editorA, strategy("secret-draft", "draft")))
    await h.run(contacts.create(editorA, contact("anna")))
    expect((await h.error(strategies.get(Caller.anonymous, "secret-draft", { organisationId: orgA })))._tag).toBe(
      "NotFound"
    )
    expect((await h.error(strategies.get(editorB, "secret-draft", { organisationId: orgA })))._tag).toBe("NotFound")
    expect((await h.error(contacts.get(editorB, "anna", { organisationId: orgA })))._tag).toBe("NotFound")
    const publicList = await h.run(strategies.list(Caller.anonymous))
    expect(publicList.map((s) => s.id)).toEqual(["ris-2022"])
    const fromB = await h.run(strategies.list(editorB, { organisationId: orgA }))
    expect(fromB.map((s) => s.id)).toEqual(["ris-2022"])
    expect(await h.run(contacts.list(editorB, { organisationId: orgA }))).toEqual([])
    expect((await h.run(contacts.list(viewerA))).map((c) => c.body.name)).toEqual(["Anna Andersson"])
  })

  it("lets viewers read but not write, and anonymous callers neither write", async () => {
    expect((await h.error(strategies.create(viewerA, strategy("v", "draft"))))._tag).toBe("Forbidden")
    expect((await h.error(strategies.create(Caller.anonymous, strategy("v", "draft"))))._tag).toBe("Forbidden")
    expect((await h.error(strategies.remove(viewerA, "ris-2022", 2)))._tag).toBe("Forbidden")
  })

  it("removes with the current version only", async () => {
    expect((await h.error(strategies.remove(editorA, "secret-draft", 7)))._tag).toBe("Conflict")
    await h.run(strategies.remove(editorA, "secret-draft", 1))
    expect((await h.error(strategies.get(editorA, "secret-draft")))._tag).toBe("NotFound")
    const entries = await h.run(
      Effect.flatMap(Audit.Audit, (audit) => audit.list(adminA, orgA, { entityId: "secret-draft" }))
    )
    expect(entries.map((e) => e.action)).toEqual(["create", "delete"])
    expect(entries[1]!.after).toBeNull()
  })

  it("reads one organisation's whole workspace as its visible records", async () => {
    const inside = await h.run(Effect.flatMap(Records.Records, (r) => r.all(viewerA, orgA)))
    const outside = await h.run(Effect.flatMap(Records.Records, (r) => r.all(Caller.anonymous, orgA)))
    expect(inside.map((r) => `${r.kind}/${r.id}`)).toEqual([
      "actor/actor-a",
      "contact/anna",
      "region/vasterbotten",
      "strategy/race",
      "strategy/ris-2022"
    ])
    expect(outside.map((r) => `${r.kind}/${r.id}`)).toEqual([
      "actor/actor-a",
      "region/vasterbotten",
      "strategy/ris-2022"
    ])
  })

  it("lock: a check that spans records and the write it guards happen one transaction at a time", async () => {
    await h.run(strategies.create(editorA, strategy("guard", "draft")))
    // Each transaction adds a "child-…" record only when there is none yet, and pauses between the check and the
    // write, so that without the lock two of them would both see none.
    const addFirst = (n: number, locked: boolean) =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const records = yield* Records.Records
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            if (locked) yield* records.lock(editorA, Kinds.strategy, "guard")
            const existing = (yield* records.list(editorA, Kinds.strategy)).filter((r) => r.id.startsWith(`${locked}-`))
            yield* Effect.sleep("50 millis")
            if (existing.length === 0)
              yield* records.create(editorA, Kinds.strategy, strategy(`${locked}-${n}`, "draft"))
          })
        )
      })
    await h.run(Effect.all([addFirst(1, true), addFirst(2, true)], { concurrency: "unbounded" }))
    const children = (locked: boolean) =>
      h.run(strategies.list(viewerA)).then((list) => list.filter((r) => r.id.startsWith(`${locked}-`)).length)
    expect(await children(true)).toBe(1)
    if (engine.name === "postgresql") {
      // the control: on a server with a pool of connections the unguarded check does race
      await h.run(Effect.all([addFirst(1, false), addFirst(2, false)], { concurrency: "unbounded" }))
      expect(await children(false)).toBe(2)
    }
    expect((await h.error(Effect.flatMap(Records.Records, (r) => r.lock(viewerA, Kinds.strategy, "guard"))))._tag).toBe(
      "Forbidden"
    )
    expect((await h.error(Effect.flatMap(Records.Records, (r) => r.lock(editorA, Kinds.strategy, "none"))))._tag).toBe(
      "NotFound"
    )
    // another organisation's record is not found, not locked
    expect((await h.error(Effect.flatMap(Records.Records, (r) => r.lock(editorB, Kinds.strategy, "guard"))))._tag).toBe(
      "NotFound"
    )
  })
})
