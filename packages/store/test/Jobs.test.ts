import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Jobs, Organisations, Runs } from "../src/index.js"
import { editorA, editorB, orgA, orgB, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const jobs = <A, E>(f: (j: Jobs.Service) => Effect.Effect<A, E>) => Effect.flatMap(Jobs.Jobs, f)
const options = { perOrganisation: 1, staleAfterMs: 60_000, maxAttempts: 2 }

describeEngines("Jobs", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    for (const id of [orgA, orgB]) {
      await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id, name: id })))
    }
  })
  afterAll(async () => h?.close())

  it("queues, claims each job once, keeps to the per-organisation limit, and stores the result as a run", async () => {
    const a1 = await h.run(jobs((j) => j.enqueue(editorA, { kind: "s3", runId: "a1", input: { n: 1 } })))
    const a2 = await h.run(jobs((j) => j.enqueue(editorA, { kind: "s3", runId: "a2", input: { n: 2 } })))
    const b1 = await h.run(jobs((j) => j.enqueue(editorB, { kind: "measurement", runId: "b1", input: { n: 3 } })))
    expect(a1).toMatchObject({ status: "queued", attempts: 0, organisationId: orgA, runId: "a1" })
    // The same run id cannot be queued twice.
    const twice = await h.error(jobs((j) => j.enqueue(editorA, { kind: "s3", runId: "a1", input: {} })))
    expect(twice._tag).toBe("Conflict")

    const first = await h.run(jobs((j) => j.claim("w1", options)))
    expect(first).toMatchObject({ id: a1.id, status: "running", worker: "w1", attempts: 1 })
    // Organisation A has one running job (its limit): the next claim takes B's, then nothing.
    const second = await h.run(jobs((j) => j.claim("w2", options)))
    expect(second?.id).toBe(b1.id)
    expect(await h.run(jobs((j) => j.claim("w2", options)))).toBeUndefined()

    const done = await h.run(jobs((j) => j.complete("w1", a1.id, { answer: 42 })))
    expect(done?.status).toBe("done")
    const run = await h.run(Effect.flatMap(Runs.Runs, (r) => r.get(viewerA, "a1")))
    expect(run).toMatchObject({ kind: "s3", parameters: { n: 1 }, result: { answer: 42 }, createdBy: "editor-a" })
    // Completing again (or by another worker) changes nothing.
    expect(await h.run(jobs((j) => j.complete("w1", a1.id, { answer: 0 })))).toBeUndefined()
    expect(await h.run(jobs((j) => j.claim("w1", options)))).toMatchObject({ id: a2.id })
    // Members of another organisation do not see a job.
    expect((await h.error(jobs((j) => j.get(editorB, a1.id))))._tag).toBe("NotFound")
  })

  it("cancels: a queued job is never claimed, a running one learns it at its heartbeat", async () => {
    const queued = await h.run(jobs((j) => j.enqueue(editorB, { kind: "s3", runId: "c1", input: {} })))
    expect((await h.error(jobs((j) => j.cancel(viewerA, queued.id))))._tag).toBe("Forbidden")
    expect((await h.error(jobs((j) => j.cancel(editorA, queued.id))))._tag).toBe("NotFound")
    expect((await h.run(jobs((j) => j.cancel(editorB, queued.id)))).status).toBe("cancelled")
    expect((await h.error(jobs((j) => j.cancel(editorB, queued.id))))._tag).toBe("Conflict")

    const running = await h.run(jobs((j) => j.enqueue(editorB, { kind: "s3", runId: "c2", input: {} })))
    const free = { ...options, perOrganisation: 100 }
    let claimed = await h.run(jobs((j) => j.claim("w5", free)))
    while (claimed !== undefined && claimed.id !== running.id) claimed = await h.run(jobs((j) => j.claim("w5", free)))
    expect(claimed?.id).toBe(running.id)
    expect(await h.run(jobs((j) => j.heartbeat("w5", running.id)))).toBe("running")
    await h.run(jobs((j) => j.cancel(editorB, running.id)))
    expect(await h.run(jobs((j) => j.heartbeat("w5", running.id)))).toBe("cancelled")
    expect(await h.run(jobs((j) => j.complete("w5", running.id, {})))).toBeUndefined()
    expect((await h.error(Effect.flatMap(Runs.Runs, (r) => r.get(editorB, "c2"))))._tag).toBe("NotFound")
  })

  it("returns the job of a worker that stopped answering to the queue, and fails it after maxAttempts", async () => {
    const job = await h.run(jobs((j) => j.enqueue(editorA, { kind: "s3", runId: "dead", input: {} })))
    const free = { ...options, perOrganisation: 100 }
    // Claim until this job is the one taken (earlier tests may have left queued jobs).
    const claimUntil = async (worker: string, opts: Jobs.ClaimOptions) => {
      for (;;) {
        const claimed = await h.run(jobs((j) => j.claim(worker, opts)))
        if (claimed === undefined || claimed.id === job.id) return claimed
      }
    }
    expect((await claimUntil("dies", free))?.attempts).toBe(1)
    // staleAfterMs 0: every running job without a fresh heartbeat counts as dead.
    const again = await claimUntil("w3", { ...free, staleAfterMs: -1 })
    expect(again).toMatchObject({ id: job.id, worker: "w3", attempts: 2 })
    expect(await h.run(jobs((j) => j.heartbeat("dies", job.id)))).toBe("running")
    await h.run(jobs((j) => j.claim("w4", { ...free, staleAfterMs: -1 })))
    const failed = await h.run(jobs((j) => j.get(editorA, job.id)))
    expect(failed.status).toBe("failed")
    expect(failed.error).toEqual({ detail: "the worker stopped answering 2 time(s)" })
    // The dead worker's late result is not stored.
    expect(await h.run(jobs((j) => j.complete("w3", job.id, {})))).toBeUndefined()
  })
})
