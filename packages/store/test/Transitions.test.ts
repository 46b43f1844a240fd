import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Caller, Kinds, Organisations, Records, Transitions } from "../src/index.js"
import { cycle, editorA, editorB, orgA, orgB, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const cycles = Records.repository(Kinds.loopCycle)
const transitions = <A, E>(f: (t: Transitions.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Transitions.Transitions, f)

describeEngines("Transitions", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.gen(function* () {
        const orgs = yield* Organisations.Organisations
        yield* orgs.create(system, { id: orgA, name: "A" })
        yield* orgs.create(system, { id: orgB, name: "B" })
        yield* cycles.create(editorA, cycle("loop-2016"))
      })
    )
  })
  afterAll(async () => h?.close())

  it("appends an idea's transitions in order and lists them", async () => {
    const first = await h.run(
      transitions((t) =>
        t.append(editorA, { cycleId: "loop-2016", ideaId: "idea-1", from: "submitted", to: "selected", reason: "G1" })
      )
    )
    const second = await h.run(
      transitions((t) =>
        t.append(editorA, {
          cycleId: "loop-2016",
          ideaId: "idea-1",
          from: "selected",
          to: "prototyped",
          body: { gate: "G2" }
        })
      )
    )
    expect(second.seq).toBeGreaterThan(first.seq)
    const list = await h.run(transitions((t) => t.list(viewerA, "loop-2016", { ideaId: "idea-1" })))
    expect(list.map((x) => [x.from, x.to])).toEqual([
      ["submitted", "selected"],
      ["selected", "prototyped"]
    ])
    expect(list[1]!.body).toEqual({ gate: "G2" })
    expect(list[0]!.actor).toBe("editor-a")
  })

  it("needs an existing cycle of the caller's organisation", async () => {
    expect(
      await h.error(transitions((t) => t.append(editorA, { cycleId: "loop-1999", from: "a", to: "b" })))
    ).toMatchObject({
      _tag: "NotFound"
    })
    expect(
      await h.error(transitions((t) => t.append(editorB, { cycleId: "loop-2016", from: "a", to: "b" })))
    ).toMatchObject({
      _tag: "NotFound"
    })
  })

  it("shows a cycle's history only to those who may see the cycle", async () => {
    expect(
      await h.error(transitions((t) => t.list(Caller.anonymous, "loop-2016", { organisationId: orgA })))
    ).toMatchObject({
      _tag: "NotFound"
    })
    const stored = await h.run(cycles.get(editorA, "loop-2016"))
    await h.run(cycles.update(editorA, "loop-2016", stored.version, { ...stored.body, status: "themed" }))
    const list = await h.run(transitions((t) => t.list(Caller.anonymous, "loop-2016", { organisationId: orgA })))
    expect(list.length).toBe(2)
  })

  it("deletes a cycle's transitions with the cycle (foreign key cascade)", async () => {
    const stored = await h.run(cycles.get(editorA, "loop-2016"))
    await h.run(cycles.remove(editorA, "loop-2016", stored.version))
    await h.run(cycles.create(editorA, cycle("loop-2016")))
    expect(await h.run(transitions((t) => t.list(viewerA, "loop-2016")))).toEqual([])
  })
})
