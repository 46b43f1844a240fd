/**
 * Benchmarks of `@innokraft/store` (`npm run bench -w @innokraft/store`): prints medians of repeated runs.
 *
 * - import of 1,000,000 observations on SQLite (a temp file) and, when `INNOKRAFT_TEST_PG_URL` is set, on
 *   PostgreSQL — each run into a fresh database;
 * - reading one organisation's whole workspace (Västerbotten's example workspace from `@innokraft/domain`).
 *
 * `BENCH_ROWS` and `BENCH_RUNS` override the sizes.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Examples, type Workspace } from "@innokraft/domain"
import { Effect, type Layer, ManagedRuntime } from "effect"
import {
  Caller,
  layerPg,
  layerSqlite,
  Observations,
  Organisations,
  Records,
  type Store,
  Transfer
} from "../src/index.js"
import { freshPgDatabase } from "../test/helpers.js"

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000)
const runs = Number(process.env.BENCH_RUNS ?? 3)
const pgUrl = process.env.INNOKRAFT_TEST_PG_URL

const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

/** `rows` synthetic observations: 50 indicators × units × 20 periods, values in a Float64Array. */
const synthetic = (n: number): Observations.Columns => {
  const indicator = new Array<string>(n)
  const unit = new Array<string>(n)
  const period = new Array<string>(n)
  const value = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    indicator[i] = `indicator-${i % 50}`
    unit[i] = `U${Math.floor(i / 1000)}`
    period[i] = String(2000 + (Math.floor(i / 50) % 20))
    value[i] = (i % 997) * 1.5
  }
  return { indicator, unit, period, value }
}

const org = "region-bench"
const editor = Caller.member(org, "editor", "bench")

type AnyLayer = Layer.Layer<Store.Services, unknown>

const timeImport = async (layer: AnyLayer, columns: Observations.Columns): Promise<number> => {
  const runtime = ManagedRuntime.make(layer)
  try {
    await runtime.runPromise(
      Effect.flatMap(Organisations.Organisations, (o) => o.create(Caller.system(), { id: org, name: "Bench" }))
    )
    const start = performance.now()
    const result = await runtime.runPromise(
      Effect.flatMap(Observations.Observations, (o) => o.import(editor, columns, { batchSize: 50_000 }))
    )
    const ms = performance.now() - start
    if (result.rows !== columns.value.length) throw new Error("import lost rows")
    const count = await runtime.runPromise(Effect.flatMap(Observations.Observations, (o) => o.count(editor)))
    if (count !== columns.value.length) throw new Error(`expected ${columns.value.length} rows, found ${count}`)
    return ms
  } finally {
    await runtime.dispose()
  }
}

const report = (label: string, times: ReadonlyArray<number>, n: number) => {
  const m = median(times)
  console.log(
    `${label.padEnd(44)} median ${m.toFixed(1).padStart(9)} ms  (${Math.round((n / m) * 1000).toLocaleString("en")} rows/s; runs: ${times.map((t) => t.toFixed(0)).join(", ")})`
  )
}

const main = async () => {
  const columns = synthetic(rows)
  console.log(`@innokraft/store bench: ${rows.toLocaleString("en")} observations, ${runs} runs each\n`)

  const sqliteTimes: Array<number> = []
  for (let r = 0; r < runs; r++) {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-bench-"))
    try {
      sqliteTimes.push(await timeImport(layerSqlite({ filename: join(dir, "bench.db") }), columns))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  report("import observations, SQLite file", sqliteTimes, rows)

  if (pgUrl !== undefined) {
    const pgTimes: Array<number> = []
    for (let r = 0; r < runs; r++) {
      const db = await freshPgDatabase(pgUrl)
      try {
        pgTimes.push(await timeImport(layerPg({ url: db.url }), columns))
      } finally {
        await db.drop()
      }
    }
    report("import observations, PostgreSQL", pgTimes, rows)
  } else {
    console.log("import observations, PostgreSQL: skipped (set INNOKRAFT_TEST_PG_URL)")
  }

  // Reading a whole workspace: Västerbotten's example, imported through the interchange format.
  const reads = async (label: string, workspace: Workspace.Workspace, layer: AnyLayer, drop: () => Promise<void>) => {
    const runtime = ManagedRuntime.make(layer)
    try {
      const document = {
        format: Transfer.format,
        version: Transfer.version,
        exportedAt: new Date().toISOString(),
        organisation: { id: org, name: "Region Västerbotten" },
        workspace,
        records: [],
        visibility: [],
        runs: [],
        transitions: [],
        observations: { indicator: [], unit: [], period: [], breakdown: [], value: [] },
        matrices: []
      }
      const summary = await runtime.runPromise(
        Effect.flatMap(Transfer.Transfer, (t) => t.import(Caller.system(), document))
      )
      const times: Array<number> = []
      let count = 0
      for (let i = 0; i < 60; i++) {
        const start = performance.now()
        const records = await runtime.runPromise(Effect.flatMap(Records.Records, (r) => r.all(editor, org)))
        times.push(performance.now() - start)
        count = records.length
      }
      const m = median(times.slice(10))
      console.log(`${label.padEnd(44)} median ${m.toFixed(2).padStart(9)} ms  (${count} records of ${summary.records})`)
    } finally {
      await runtime.dispose()
      await drop()
    }
  }
  // The real example, and the same grown by 2,000 project copies (a large region's portfolio).
  const example = Examples.vasterbotten
  const template = example.projects[0]!
  const grown: Workspace.Workspace = {
    ...example,
    projects: [
      ...example.projects,
      ...Array.from({ length: 2000 }, (_, i) => ({ ...template, id: `project-copy-${i}` }))
    ]
  }
  for (const [name, workspace] of [
    ["Västerbotten example", example],
    ["example + 2,000 projects", grown]
  ] as const) {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-bench-"))
    await reads(
      `read workspace (${name}), SQLite`,
      workspace,
      layerSqlite({ filename: join(dir, "ws.db") }),
      async () => rmSync(dir, { recursive: true, force: true })
    )
    if (pgUrl !== undefined) {
      const db = await freshPgDatabase(pgUrl)
      await reads(`read workspace (${name}), PostgreSQL`, workspace, layerPg({ url: db.url }), db.drop)
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
