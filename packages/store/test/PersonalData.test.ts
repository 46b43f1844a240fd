import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Audit, Caller, Kinds, Organisations, Records, Transfer, Transitions } from "../src/index.js"
import { adminA, contact, cycle, groundwork, orgA, system } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

// Issue #14: an export without --personal-data holds no pseudonymous value (idea teams, supports).

const editor = Caller.member(orgA, "editor", "editor-a")

describeEngines("Exports without personal data", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.gen(function* () {
        yield* Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" }))
        const records = yield* Records.Records
        yield* groundwork(editor)
        yield* records.create(editor, Kinds.loopCycle, cycle("c1"))
        yield* records.create(editor, Kinds.loopIdea, {
          id: "c1/I-1",
          title: "Village service point",
          need: "Parcels",
          team: ["P-001", "P-002"],
          createdAt: "2016-03-10",
          stage: "problem_formulated",
          status: "active"
        })
        yield* Effect.flatMap(Transitions.Transitions, (t) =>
          t.append(editor, {
            cycleId: "c1",
            from: "parts",
            to: "parts",
            body: { synthetic: true, subThemes: [], supports: [{ ideaId: "I-1", person: "P-003", at: "2016-04-01" }] }
          })
        )
      })
    )
  })
  afterAll(async () => h?.close())

  it("empties idea teams and supports unless personal data is asked for", async () => {
    const text = (personalData: boolean) =>
      h.run(Effect.flatMap(Transfer.Transfer, (t) => t.export(system, orgA, { personalData }))).then(JSON.stringify)
    const without = await text(false)
    for (const person of ["P-001", "P-002", "P-003"]) expect(without).not.toContain(person)
    const withData = await text(true)
    for (const person of ["P-001", "P-002", "P-003"]) expect(withData).toContain(person)
  })
  it("erases a deleted contact from the audit log's before and after images, and records the erasure", async () => {
    const contacts = Records.repository(Kinds.contact)
    await h.run(contacts.create(editor, contact("anna")))
    await h.run(contacts.update(editor, "anna", 1, { ...contact("anna"), phone: "070-123 45 67" }))
    await h.run(contacts.remove(editor, "anna", 2))
    const entries = await h.run(
      Effect.flatMap(Audit.Audit, (a) => a.list(adminA, orgA, { entity: "contact", entityId: "anna" }))
    )
    expect(entries.map((e) => e.action)).toEqual(["create", "update", "delete", "erase"])
    expect(JSON.stringify(entries)).not.toContain("Anna Andersson")
    expect(JSON.stringify(entries)).not.toContain("anna@example.org")
    expect(entries[3]!.after).toEqual({ redactedEntries: 2 })
  })
})
