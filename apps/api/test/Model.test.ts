import type { AddressInfo } from "node:net"
import { PgClient } from "@effect/sql-pg"
import { serve } from "@hono/node-server"
import { Workspace } from "@innokraft/domain"
import { Caller, Organisations, Tokens, Transfer } from "@innokraft/store"
import { Effect, Redacted } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeApp } from "../src/App.js"
import { type Database, open } from "../src/Database.js"

// The model test of issue #14: whatever sequence of creates, updates, moves and deletes the API accepts over real
// HTTP, the organisation's export validates (Workspace.parse) and re-imports into an empty database. Runs per engine;
// MODEL_RUNS sets the number of sequences (default 25 each, kept modest for 2 cores).

const runs = Number(process.env.MODEL_RUNS ?? 25)
const system = Caller.system("model-test")
const ids = ["a", "b", "c"]
const statuses = ["idea", "proposal", "submitted", "approved", "active", "completed", "withdrawn", "cancelled"]

type Command =
  | { readonly op: "strategy"; readonly id: string; readonly parent?: string | undefined }
  | { readonly op: "goal"; readonly id: string; readonly strategy: string }
  | { readonly op: "effort"; readonly id: string; readonly goal: string }
  | { readonly op: "project"; readonly id: string; readonly status: string }
  | { readonly op: "funding"; readonly id: string; readonly project: string }
  | { readonly op: "move"; readonly id: string; readonly status: string }
  | { readonly op: "delete"; readonly path: string; readonly id: string }

const ref = fc.constantFrom(...ids, "nope")
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    op: fc.constant("strategy" as const),
    id: fc.constantFrom(...ids),
    parent: fc.option(ref, { nil: undefined })
  }),
  fc.record({ op: fc.constant("goal" as const), id: fc.constantFrom(...ids), strategy: ref }),
  fc.record({ op: fc.constant("effort" as const), id: fc.constantFrom(...ids), goal: ref }),
  fc.record({ op: fc.constant("project" as const), id: fc.constantFrom(...ids), status: fc.constantFrom(...statuses) }),
  fc.record({ op: fc.constant("funding" as const), id: fc.constantFrom(...ids), project: ref }),
  fc.record({ op: fc.constant("move" as const), id: fc.constantFrom(...ids), status: fc.constantFrom(...statuses) }),
  fc.record({
    op: fc.constant("delete" as const),
    path: fc.constantFrom("strategies", "goals", "efforts", "projects", "fundings"),
    id: fc.constantFrom(...ids)
  })
)

const label = { sv: "Text", en: "Text" }

const engines: ReadonlyArray<{
  name: string
  tags: Array<string>
  url: () => Promise<{ url: string; drop: () => Promise<void> }>
}> = [
  { name: "sqlite", tags: [], url: async () => ({ url: ":memory:", drop: async () => {} }) },
  {
    name: "postgresql",
    tags: ["postgresql"],
    url: async () => {
      const pgUrl = process.env.INNOKRAFT_TEST_PG_URL!
      const name = `innokraft_model_${process.pid}_${Date.now().toString(36)}`
      const admin = (statement: string) =>
        Effect.runPromise(
          Effect.provide(
            Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(statement)),
            PgClient.layer({ url: Redacted.make(pgUrl), maxConnections: 1 })
          )
        )
      await admin(`CREATE DATABASE ${name}`)
      const url = new URL(pgUrl)
      url.pathname = `/${name}`
      return {
        url: url.toString(),
        drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      }
    }
  }
]

for (const engine of engines) {
  describe(`the model test on ${engine.name}`, { tags: engine.tags }, () => {
    let db: Database
    let target: Database
    let drop: () => Promise<void>
    let base: string
    let close: () => void
    beforeAll(async () => {
      const where = await engine.url()
      drop = where.drop
      db = await open(where.url)
      target = await open(":memory:")
      const app = makeApp({
        config: { BODY_LIMIT: 1024 * 1024, CORS_ORIGINS: [] },
        version: "test",
        database: db,
        log: () => {}
      })
      const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" })
      await new Promise<void>((resolve) => server.once("listening", () => resolve()))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      close = () => server.close()
    }, 120_000)
    afterAll(async () => {
      close?.()
      await db?.dispose()
      await target?.dispose()
      await drop?.()
    })

    it(`keeps every organisation exportable and re-importable after ${runs} random write sequences`, async () => {
      let n = 0
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 20 }), async (commands) => {
          const org = `model-${n++}`
          await db.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: org, name: org })))
          const { token } = await db.run(
            Effect.flatMap(Tokens.Tokens, (t) =>
              t.create(system, { organisationId: org, role: "editor", label: "model" })
            )
          )
          const request = async (method: string, path: string, body?: unknown, etag?: string) => {
            const res = await fetch(`${base}/v1/${path}`, {
              method,
              headers: {
                authorization: `Bearer ${token}`,
                "content-type": "application/json",
                ...(etag === undefined ? {} : { "if-match": etag })
              },
              ...(body === undefined ? {} : { body: JSON.stringify(body) })
            })
            expect(res.status, `${method} ${path}`).toBeLessThan(500)
            return res
          }
          const replace = async (
            path: string,
            id: string,
            change: (data: Record<string, unknown>) => unknown,
            del = false
          ) => {
            const read = await request("GET", `${path}/${id}`)
            if (read.status !== 200) return
            const record = (await read.json()) as { etag: string; data: Record<string, unknown> }
            await request(del ? "DELETE" : "PUT", `${path}/${id}`, del ? undefined : change(record.data), record.etag)
          }
          await request("POST", "regions", {
            id: "region",
            name: label,
            country: "SE",
            nutsCode: "SE331",
            municipalities: []
          })
          for (const c of commands) {
            switch (c.op) {
              case "strategy":
                await request("POST", "strategies", {
                  id: c.id,
                  regionIds: ["region"],
                  kind: "RIS",
                  title: label,
                  status: "draft",
                  ...(c.parent === undefined ? {} : { parentStrategyId: c.parent })
                })
                break
              case "goal":
                await request("POST", "goals", { id: c.id, strategyId: c.strategy, order: 1, title: label })
                break
              case "effort":
                await request("POST", "efforts", { id: c.id, goalId: c.goal, title: label })
                break
              case "project":
                await request("POST", "projects", { id: c.id, title: label, status: c.status })
                break
              case "funding":
                await request("POST", "fundings", { id: c.id, projectId: c.project, source: "regional" })
                break
              case "move":
                await replace("projects", c.id, (data) => ({ ...data, status: c.status }))
                break
              case "delete":
                await replace(c.path, c.id, (data) => data, true)
                break
            }
          }
          const exported = await db.run(Effect.flatMap(Transfer.Transfer, (t) => t.export(system, org)))
          const parsed = Workspace.parse(exported.workspace)
          expect(parsed.ok ? [] : parsed.problems.map((p) => p.message)).toEqual([])
          const summary = await target.run(Effect.flatMap(Transfer.Transfer, (t) => t.import(system, exported)))
          expect(summary.organisationId).toBe(org)
        }),
        { numRuns: runs, seed: Number(process.env.MODEL_SEED ?? 14), endOnFailure: true }
      )
    }, 600_000)
  })
}
