import type { AddressInfo } from "node:net"
import { type ServerType, serve } from "@hono/node-server"
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import * as Compute from "../src/Compute.js"
import { auth, body, type Setup, setup } from "./support.js"

// The first computation starts a worker thread that loads the compute packages' sources through tsx.
vi.setConfig({ testTimeout: 120_000 })

/** A deterministic region × industry panel of one year, large enough to keep a worker busy for seconds. */
const heavyS3 = (id: string, n: number) => {
  const regions = Array.from({ length: n }, (_, r) => `R${r}`)
  const industries = Array.from({ length: n }, (_, i) => `I${i}`)
  const values = Array.from({ length: n * n }, (_, k) => ((k * 7919) % 997) + (k % 13 === 0 ? 0 : 1))
  return { id, regions, industries, years: [2020], values: [values], focus: "R0", options: { fitnessIterations: 1000 } }
}

const tiny = (id: string) => ({
  id,
  regions: ["R1", "R2", "R3"],
  industries: ["a", "b", "c"],
  years: [2020],
  values: [[10, 0, 5, 2, 8, 1, 4, 4, 9]],
  focus: "R1"
})

describe("computations off the event loop", () => {
  let s: Setup
  let server: ServerType
  let base: string
  let started = 0
  let finished = 0
  beforeAll(async () => {
    const pool = Compute.make({ threads: 1, maxQueue: 8, perOrganisation: 1 })
    // Counts computations handed to the pool, so that the test knows the heavy one is under way.
    const compute: Compute.Compute = {
      run: (organisationId, task, signal) => {
        started++
        return pool.run(organisationId, task, signal).finally(() => {
          finished++
        })
      },
      close: pool.close
    }
    s = await setup({
      bodyLimit: 16 * 1024 * 1024,
      compute,
      // Every computation answers at once (no job), so that the request is open while it computes.
      config: { MAX_S3_CELLS: 1000 * 1000, MAX_UNCERTAINTY_RUNS: 500, INLINE_WORK: Number.MAX_SAFE_INTEGER }
    })
    await new Promise<void>((resolve) => {
      server = serve({ fetch: s.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`
        resolve()
      })
    })
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
    await s.db.dispose()
  })

  const post = (path: string, token: string, payload: unknown, signal: AbortSignal | null = null) =>
    fetch(`${base}${path}`, { method: "POST", headers: auth(token), body: JSON.stringify(payload), signal })

  it("answers /health and a public read while a heavy S3 analysis computes, and cancels it when the client leaves", async () => {
    const controller = new AbortController()
    let settled = false
    const heavy = post("/v1/s3/analyses", s.tokens.vbEditor, heavyS3("heavy", 700), controller.signal)
      .catch((error: unknown) => error)
      .finally(() => {
        settled = true
      })
    await vi.waitUntil(() => started === 1, { timeout: 60_000, interval: 20 })
    const health = await fetch(`${base}/health`)
    expect(health.status).toBe(200)
    const strategies = await fetch(`${base}/v1/strategies`)
    expect(strategies.status).toBe(200)
    // Both answered while the analysis was still computing.
    expect(settled).toBe(false)

    // The organisation is at its limit of one computation; another organisation is not.
    const second = await post("/v1/s3/analyses", s.tokens.vbEditor, tiny("second"))
    expect(second.status).toBe(429)
    expect(second.headers.get("retry-after")).not.toBeNull()
    expect((await body<{ detail: string }>(second)).detail).toContain("the limit is 1")

    controller.abort()
    expect(((await heavy) as Error).name).toBe("AbortError")
    // The server sees the client leave and ends the computation.
    await vi.waitUntil(() => finished === 2, { timeout: 60_000, interval: 20 })
    // The aborted analysis left the worker: a small one of the same organisation now computes and is stored.
    const after = await post("/v1/s3/analyses", s.tokens.vbEditor, tiny("after-cancel"))
    expect(after.status).toBe(201)
    const gone = await fetch(`${base}/v1/s3/analyses/heavy`, { headers: auth(s.tokens.vbViewer) })
    expect(gone.status).toBe(404)
  })

  it("refuses computations above the configured limits with 422 naming the limit", async () => {
    const wide = await post("/v1/s3/analyses", s.tokens.vnEditor, {
      ...tiny("too-wide"),
      regions: Array.from({ length: 1001 }, (_, r) => `R${r}`),
      industries: Array.from({ length: 1000 }, (_, i) => `I${i}`),
      values: [[]]
    })
    expect(wide.status).toBe(422)
    const problem = await body<{ detail: string; errors: Array<{ path: Array<string> }> }>(wide)
    expect(problem.detail).toContain("MAX_S3_CELLS=1,000,000")
    expect(problem.detail).toContain("1,001,000")
    const runs = await post("/v1/measure/runs", s.tokens.vnEditor, {
      id: "too-many-runs",
      source: { kind: "coinr", iMeta: "x", iData: "y" },
      spec: {},
      uncertainty: { runs: 501, assumptions: {} }
    })
    expect(runs.status).toBe(422)
    const runsProblem = await body<{ detail: string; errors: Array<{ path: Array<string> }> }>(runs)
    expect(runsProblem.detail).toContain("MAX_UNCERTAINTY_RUNS=500")
    expect(runsProblem.errors[0]!.path).toEqual(["uncertainty", "runs"])
  })
})
