import { type ChildProcess, spawn } from "node:child_process"
import { join } from "node:path"
import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Observations, Organisations } from "../src/index.js"
import { editorA, orgA, system } from "./fixtures.js"
import { describeEngines, engines, type Harness, open } from "./helpers.js"

const tsx = join(import.meta.dirname, "../../../node_modules/.bin/tsx")
const child = join(import.meta.dirname, "support/import-child.ts")
const rows = 200_000

/** Runs the importing child; kills it with SIGKILL after `killAfter` rows (or lets it finish when undefined). */
const runChild = (env: Record<string, string>, killAfter?: number) =>
  new Promise<{ killed: boolean; lastProgress: number; finished: boolean }>((resolve, reject) => {
    const proc: ChildProcess = spawn(tsx, ["--conditions=@innokraft/source", child], {
      env: { ...process.env, ...env, ROWS: String(rows) },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let lastProgress = 0
    let finished = false
    let killed = false
    let buffer = ""
    let stderr = ""
    proc.stderr!.on("data", (chunk) => {
      stderr += String(chunk)
    })
    proc.stdout!.on("data", (chunk) => {
      buffer += String(chunk)
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) {
        if (line === "done") finished = true
        const match = /^progress (\d+)$/.exec(line)
        if (match) lastProgress = Number(match[1])
        if (killAfter !== undefined && !killed && lastProgress >= killAfter) {
          killed = proc.kill("SIGKILL")
        }
      }
    })
    proc.on("error", reject)
    proc.on("exit", (code, signal) => {
      if (!killed && code !== 0)
        reject(new Error(`child failed (${code ?? signal}) after ${lastProgress} rows: ${stderr.slice(0, 2000)}`))
      else resolve({ killed: killed && signal === "SIGKILL", lastProgress, finished })
    })
  })

const faultEngines = engines.filter((e) => e.name !== "sqlite-memory")

describeEngines("Fault tolerance", faultEngines, (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" })))
  })
  afterAll(async () => h?.close())

  const env = () =>
    engine.name === "postgresql"
      ? { STORE_ENGINE: "pg", STORE_TARGET: h.fresh.url! }
      : { STORE_ENGINE: "sqlite", STORE_TARGET: h.fresh.filename! }

  it("leaves no trace of a bulk import whose writer is killed with SIGKILL mid-way", async () => {
    const result = await runChild(env(), 20_000)
    expect(result.killed).toBe(true)
    expect(result.finished).toBe(false)
    expect(result.lastProgress).toBeGreaterThanOrEqual(20_000)
    expect(result.lastProgress).toBeLessThan(rows)
    // Wholly absent: not one row of the import, and the database is consistent.
    expect(await h.run(Effect.flatMap(Observations.Observations, (o) => o.count(editorA)))).toBe(0)
    if (engine.name !== "postgresql") {
      const check = await h.run(
        Effect.flatMap(SqlClient.SqlClient, (sql) =>
          Effect.all([sql`PRAGMA integrity_check`, sql`PRAGMA foreign_key_check`])
        )
      )
      expect(check[0]).toEqual([{ integrity_check: "ok" }])
      expect(check[1]).toEqual([])
    }
  })

  it("keeps a completed import wholly there, read by another process", async () => {
    const result = await runChild(env())
    expect(result.finished).toBe(true)
    expect(await h.run(Effect.flatMap(Observations.Observations, (o) => o.count(editorA)))).toBe(rows)
  })
})
