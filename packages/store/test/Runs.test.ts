import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Caller, Organisations, Runs } from "../src/index.js"
import { editorA, editorB, orgA, orgB, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const runs = <A, E>(f: (r: Runs.Service) => Effect.Effect<A, E>) => Effect.flatMap(Runs.Runs, f)

describeEngines("Runs", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.flatMap(Organisations.Organisations, (o) =>
        Effect.all([o.create(system, { id: orgA, name: "A" }), o.create(system, { id: orgB, name: "B" })])
      )
    )
  })
  afterAll(async () => h?.close())

  it("stores a measurement run with its parameters and result JSON", async () => {
    const result = { scores: { SE33: 0.71, SE32: 0.42 }, weights: [0.5, 0.25, 0.25] }
    const run = await h.run(
      runs((r) =>
        r.create(editorA, { id: "metric-2024", kind: "measurement", parameters: { framework: "metric" }, result })
      )
    )
    expect(run).toMatchObject({ version: 1, visibility: "organisation", status: "done", kind: "measurement" })
    const read = await h.run(runs((r) => r.get(viewerA, "metric-2024")))
    expect(read.result).toEqual(result)
    expect(read.parameters).toEqual({ framework: "metric" })
  })

  it("publishes with a version check and shows public runs to everyone", async () => {
    expect(await h.error(runs((r) => r.get(Caller.anonymous, "metric-2024", { organisationId: orgA })))).toMatchObject({
      _tag: "NotFound"
    })
    const published = await h.run(runs((r) => r.update(editorA, "metric-2024", 1, { visibility: "public" })))
    expect(published.version).toBe(2)
    expect(await h.error(runs((r) => r.update(editorA, "metric-2024", 1, { status: "stale" })))).toMatchObject({
      _tag: "Conflict"
    })
    const read = await h.run(runs((r) => r.get(Caller.anonymous, "metric-2024", { organisationId: orgA })))
    expect(read.visibility).toBe("public")
    const list = await h.run(runs((r) => r.list(Caller.anonymous, { kind: "measurement" })))
    expect(list.map((x) => x.id)).toEqual(["metric-2024"])
  })

  it("keeps private runs of other organisations out of lists, and removes with a version", async () => {
    await h.run(runs((r) => r.create(editorB, { id: "s3-b", kind: "s3", parameters: {}, status: "running" })))
    expect((await h.run(runs((r) => r.list(editorA, { organisationId: orgB })))).length).toBe(0)
    expect((await h.run(runs((r) => r.list(editorB)))).map((x) => x.id)).toEqual(["s3-b"])
    await h.run(runs((r) => r.remove(editorB, "s3-b", 1)))
    expect(await h.error(runs((r) => r.get(editorB, "s3-b")))).toMatchObject({ _tag: "NotFound" })
  })
})
