import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Audit, Kinds, Organisations, Records } from "../src/index.js"
import { adminA, editorA, groundwork, orgA, strategy, system } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

// The rule book every write obeys (issue #14): references, deletes and transitions, checked inside the write's
// transaction by the domain's own Workspace.validate and Lifecycle tables.

const repo = <T extends { readonly id: string }>(kind: Records.Kind<T>) => Records.repository(kind)
const strategies = repo(Kinds.strategy)
const goals = repo(Kinds.goal)
const efforts = repo(Kinds.effort)
const projects = repo(Kinds.project)
const fundings = repo(Kinds.funding)

const goal = (id: string, strategyId = "ris") => ({ id, strategyId, order: 1, title: { sv: "Mål", en: "Goal" } })
const effort = (id: string, goalId: string) => ({ id, goalId, title: { sv: "Insats", en: "Effort" } })
const project = (id: string, status = "active", extra: Record<string, unknown> = {}) => ({
  id,
  title: { sv: "Projekt", en: "Project" },
  status,
  ...extra
})
const funding = (id: string, projectId: string) => ({
  id,
  projectId,
  funderId: "actor-a",
  source: "regional",
  amount: 100,
  currency: "SEK"
})

describeEngines("The rule book", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.gen(function* () {
        yield* Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" }))
        yield* groundwork(editorA)
        yield* strategies.create(editorA, strategy("ris", "draft"))
        yield* goals.create(editorA, goal("g1"))
      })
    )
  })
  afterAll(async () => h?.close())

  it("refuses dangling references as Inconsistent, naming the field and the missing id; nothing is written", async () => {
    const e = await h.error(efforts.create(editorA, effort("e-bad", "nonexistent-goal")))
    expect(e).toMatchObject({
      _tag: "Inconsistent",
      problems: [{ path: "goalId", message: expect.stringContaining('found "nonexistent-goal"') }]
    })
    const s = await h.error(strategies.create(editorA, { ...strategy("child", "draft"), parentStrategyId: "nope" }))
    expect(s).toMatchObject({ _tag: "Inconsistent", problems: [{ path: "parentStrategyId" }] })
    const f = await h.error(fundings.create(editorA, funding("f-bad", "no-such-project")))
    expect(f).toMatchObject({ _tag: "Inconsistent", problems: [{ path: "projectId" }] })
    expect(await h.error(efforts.get(editorA, "e-bad"))).toMatchObject({ _tag: "NotFound" })
    expect(await h.error(fundings.get(editorA, "f-bad"))).toMatchObject({ _tag: "NotFound" })
    // An update may not leave a reference dangling either.
    await h.run(efforts.create(editorA, effort("e1", "g1")))
    const u = await h.error(efforts.update(editorA, "e1", 1, effort("e1", "gone")))
    expect(u).toMatchObject({ _tag: "Inconsistent", problems: [{ path: "goalId" }] })
  })

  it("refuses to delete a record others refer to, naming the referrers", async () => {
    const error = await h.error(goals.remove(editorA, "g1", 1))
    expect(error).toMatchObject({ _tag: "Conflict" })
    expect((error as { message: string }).message).toContain('still referred to by efforts "e1" (goalId)')
    expect((await h.run(goals.get(editorA, "g1"))).version).toBe(1)
  })

  it("deletes a project's fundings with it (a funding cannot live alone), each in the audit log", async () => {
    await h.run(projects.create(editorA, project("p1")))
    await h.run(fundings.create(editorA, funding("f1", "p1")))
    await h.run(fundings.create(editorA, funding("f2", "p1")))
    await h.run(projects.remove(editorA, "p1", 1))
    expect(await h.error(fundings.get(editorA, "f1"))).toMatchObject({ _tag: "NotFound" })
    expect(await h.error(fundings.get(editorA, "f2"))).toMatchObject({ _tag: "NotFound" })
    const entries = await h.run(Effect.flatMap(Audit.Audit, (a) => a.list(adminA, orgA, { entity: "funding" })))
    expect(entries.filter((e) => e.action === "delete").map((e) => e.entityId)).toEqual(["f1", "f2"])
  })

  it("moves statuses and phases through PUT only along the domain's transition tables", async () => {
    await h.run(projects.create(editorA, project("p2", "active")))
    const back = await h.error(projects.update(editorA, "p2", 1, project("p2", "idea")))
    expect(back).toMatchObject({ _tag: "Conflict" })
    expect((back as { message: string }).message).toContain(
      'project "p2" cannot move from "active" to "idea": expected one of "completed", "cancelled"'
    )
    const phases = [
      { id: "p-one", order: 1, title: { sv: "Ett", en: "One" } },
      { id: "p-two", order: 2, title: { sv: "Två", en: "Two" } },
      { id: "p-three", order: 3, title: { sv: "Tre", en: "Three" } }
    ]
    await h.run(projects.create(editorA, project("p3", "active", { phases, currentPhaseId: "p-two" })))
    const earlier = await h.error(
      projects.update(editorA, "p3", 1, project("p3", "active", { phases, currentPhaseId: "p-one" }))
    )
    expect((earlier as { message: string }).message).toContain('expected one of "p-three"')
    const unknown = await h.error(
      projects.update(editorA, "p3", 1, project("p3", "active", { phases, currentPhaseId: "nonexistent" }))
    )
    expect(unknown).toMatchObject({ _tag: "Conflict" })
    const next = await h.run(
      projects.update(editorA, "p3", 1, project("p3", "active", { phases, currentPhaseId: "p-three" }))
    )
    expect(next.version).toBe(2)
    const skip = await h.error(strategies.update(editorA, "ris", 1, strategy("ris", "adopted")))
    expect((skip as { message: string }).message).toContain('expected one of "consultation"')
  })
})
