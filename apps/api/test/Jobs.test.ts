import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Caller, Jobs, Organisations } from "@innokraft/store"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import * as Compute from "../src/Compute.js"
import { open } from "../src/Database.js"
import * as JobRunner from "../src/JobRunner.js"
import { auth, body, type Setup, setup } from "./support.js"

// Computations start a worker thread that loads the compute packages' sources through tsx; servers start as processes.
vi.setConfig({ testTimeout: 180_000 })

const tiny = (id: string) => ({
  id,
  regions: ["R1", "R2", "R3"],
  industries: ["a", "b", "c"],
  years: [2020],
  values: [[10, 0, 5, 2, 8, 1, 4, 4, 9]],
  focus: "R1"
})

interface JobJson {
  id: string
  status: string
  attempts: number
  run: string | null
  error: { status: number; detail: string } | null
}

describe("computations queued as jobs (202, GET status, DELETE cancel)", () => {
  let s: Setup
  let compute: Compute.Compute
  let runner: JobRunner.JobRunner | undefined
  beforeAll(async () => {
    compute = Compute.make({ threads: 1, maxQueue: 8, perOrganisation: 2 })
    // INLINE_WORK 0: every computation is a job; the runner starts in the test, so that a job can wait in the queue.
    s = await setup({ compute, config: { INLINE_WORK: 0 } })
  })
  afterAll(async () => {
    runner?.stop()
    await compute.close()
    await s.db.dispose()
  })

  const post = (id: string, extra: object = {}) =>
    s.app.request("/v1/s3/analyses", {
      method: "POST",
      headers: auth(s.tokens.vbEditor),
      body: JSON.stringify({ ...tiny(id), ...extra })
    })
  const job = async (location: string, token = s.tokens.vbViewer) =>
    body<JobJson>(await s.app.request(location, { headers: auth(token) }))

  it("queues, cancels a queued job, computes the others and stores their runs once", async () => {
    const queued = await post("job-a")
    expect(queued.status).toBe(202)
    const location = queued.headers.get("location")!
    expect(location).toMatch(/^\/v1\/jobs\/[0-9a-f-]{36}$/)
    expect(await body<JobJson>(queued)).toMatchObject({ status: "queued", attempts: 0, run: null })
    // The same run id cannot be queued twice; another organisation does not see the job.
    expect((await post("job-a")).status).toBe(409)
    expect((await s.app.request(location, { headers: auth(s.tokens.vnEditor) })).status).toBe(404)

    const doomed = (await post("job-cancelled")).headers.get("location")!
    const bad = (await post("job-bad", { focus: "R9" })).headers.get("location")!
    const cancel = await s.app.request(doomed, { method: "DELETE", headers: auth(s.tokens.vbEditor) })
    expect(cancel.status).toBe(200)
    expect((await body<JobJson>(cancel)).status).toBe("cancelled")

    runner = JobRunner.start(s.db, compute, {
      threads: 1,
      pollMs: 20,
      claim: { perOrganisation: 2, staleAfterMs: 60_000, maxAttempts: 2 }
    })
    await vi.waitUntil(async () => (await job(bad)).status === "failed", { timeout: 120_000, interval: 50 })
    const done = await job(location)
    expect(done).toMatchObject({ status: "done", attempts: 1, run: "/v1/s3/analyses/job-a" })
    const run = await s.app.request(`${done.run}/result`, { headers: auth(s.tokens.vbViewer) })
    expect(run.status).toBe(200)
    expect((await body<{ focus: string }>(run)).focus).toBe("R1")
    // The input's problem is kept with the failed job; the cancelled one never ran.
    expect((await job(bad)).error).toMatchObject({ status: 400 })
    expect((await job(bad)).error?.detail).toContain("focus region")
    expect(await job(doomed)).toMatchObject({ status: "cancelled", attempts: 0 })
    expect((await s.app.request("/v1/s3/analyses/job-cancelled", { headers: auth(s.tokens.vbViewer) })).status).toBe(
      404
    )
    expect((await s.app.request(location, { method: "DELETE", headers: auth(s.tokens.vbEditor) })).status).toBe(409)
  })
})

const main = join(import.meta.dirname, "../dist/main.js")

/** Starts the built server as `npm start` runs it; resolves when it listens. */
const startServer = (env: Record<string, string>): Promise<ChildProcess> => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`)
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SEED_EXAMPLES: "off", ...env }
  })
  let out = ""
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('"msg":"listening"')) resolve(child)
    })
    child.stderr!.on("data", (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
}

describe("two server processes on one PostgreSQL", { tags: ["postgresql"] }, () => {
  const pgUrl = process.env.INNOKRAFT_TEST_PG_URL!
  const name = `innokraft_jobs_${process.pid}_${Date.now().toString(36)}`
  const admin = (statement: string) =>
    Effect.runPromise(
      Effect.provide(
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(statement)),
        PgClient.layer({ url: Redacted.make(pgUrl), maxConnections: 1 })
      )
    )
  let url: string
  const servers: Array<ChildProcess> = []
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`)
    const u = new URL(pgUrl)
    u.pathname = `/${name}`
    url = u.toString()
  })
  afterAll(async () => {
    for (const server of servers) server.kill("SIGKILL")
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })

  it("run 200 queued jobs, each exactly once", async () => {
    const db = await open(url)
    try {
      const orgs = ["region-a", "region-b", "region-c", "region-d"]
      for (const id of orgs) {
        await db.run(
          Effect.flatMap(Organisations.Organisations, (o) => o.create(Caller.system("test"), { id, name: id }))
        )
      }
      for (let k = 0; k < 200; k++) {
        const editor = Caller.member(orgs[k % orgs.length]!, "editor", "test")
        await db.run(
          Effect.flatMap(Jobs.Jobs, (j) =>
            j.enqueue(editor, { kind: "s3", runId: `job-${k}`, input: tiny(`job-${k}`) })
          )
        )
      }
      const env = { DATABASE_URL: url, JOBS_POLL_MS: "20", COMPUTE_PER_ORGANISATION: "1" }
      servers.push(...(await Promise.all([startServer(env), startServer(env)])))
      const count = (query: string) =>
        db.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql.unsafe(query))) as Promise<
          Array<Record<string, unknown>>
        >
      await vi.waitUntil(
        async () => Number((await count("SELECT count(*) AS n FROM jobs WHERE status = 'done'"))[0]!.n) === 200,
        {
          timeout: 170_000,
          interval: 200
        }
      )
      const jobs = await count("SELECT status, attempts, worker FROM jobs")
      expect(jobs).toHaveLength(200)
      for (const j of jobs) expect(j).toMatchObject({ status: "done", attempts: 1 })
      // Both processes took jobs from the one queue, and each job's run was stored once.
      expect(new Set(jobs.map((j) => String(j.worker).split(":")[1])).size).toBe(2)
      const runs = await count("SELECT count(*) AS n, count(DISTINCT organisation_id || '/' || id) AS d FROM runs")
      expect(Number(runs[0]!.n)).toBe(200)
      expect(Number(runs[0]!.d)).toBe(200)
      const audits = await count("SELECT count(*) AS n FROM audit_log WHERE entity = 'run' AND action = 'create'")
      expect(Number(audits[0]!.n)).toBe(200)
    } finally {
      await db.dispose()
    }
  })
})
