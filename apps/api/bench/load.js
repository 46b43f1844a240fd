// Load bench of the API on loopback (autocannon), bounded in time: requests per second and p50/p99 latency of
// GET /health, a strategy read and a project list page, each also as a ratio to a bare hono route served by the
// same server process. The server runs in a child process on an SQLite file seeded with the examples.
// Run `npm run build -w @innokraft/api` first; then `npm run bench -w @innokraft/api`.
import { fork } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const duration = Number(process.env.BENCH_SECONDS ?? 5)
const repeats = Number(process.env.BENCH_REPEATS ?? 3)
const connections = 100

if (process.argv[2] === "serve") {
  const { serve } = await import("@hono/node-server")
  const { makeApp, Database, Seed } = await import("../dist/index.js")
  const database = await Database.open(process.argv[3])
  await Seed.seed(database, { log: () => {} })
  const app = makeApp({
    config: { BODY_LIMIT: 1024 * 1024, CORS_ORIGINS: [], READ_CACHE_MS: Number(process.argv[4]) },
    version: "bench",
    database,
    log: () => {}
  })
  app.get("/bare", (c) => c.json({ ok: true }))
  serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => process.send({ port: info.port }))
} else {
  const { default: autocannon } = await import("autocannon")
  const dir = mkdtempSync(join(tmpdir(), "innokraft-bench-"))
  const server = async (cacheMs) => {
    const child = fork(import.meta.filename, ["serve", join(dir, "bench.db"), String(cacheMs)])
    const port = await new Promise((resolve) => child.once("message", (m) => resolve(m.port)))
    return { child, base: `http://127.0.0.1:${port}` }
  }
  const strategy = "/v1/strategies/vasterbotten-ris-2022?organisation=region-vasterbotten"
  const projects = "/v1/projects?limit=50"
  // The default server (public read cache 1 s) and one without the cache: the store path on every request.
  const cached = await server(1000)
  const uncached = await server(0)
  const targets = [
    ["bare hono route", cached, "/bare"],
    ["GET /health", cached, "/health"],
    ["strategy read", cached, strategy],
    ["project list page", cached, projects],
    ["bare (no cache)", uncached, "/bare"],
    ["strategy, no cache", uncached, strategy],
    ["projects, no cache", uncached, projects]
  ]
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const rows = []
  for (const [name, { base }, path] of targets) {
    const runs = []
    for (let r = 0; r < repeats; r++) {
      const result = await autocannon({ url: base + path, connections, duration })
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
      runs.push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 })
    }
    rows.push({
      name,
      rps: median(runs.map((x) => x.rps)),
      p50: median(runs.map((x) => x.p50)),
      p99: median(runs.map((x) => x.p99))
    })
  }
  cached.child.kill("SIGTERM")
  uncached.child.kill("SIGTERM")
  rmSync(dir, { recursive: true, force: true })
  console.log(`medians of ${repeats} runs of ${duration} s, ${connections} connections, SQLite, loopback`)
  console.log("target               req/s    p50 ms  p99 ms  req/s vs bare")
  for (const [i, row] of rows.entries()) {
    const bare = rows[i < 4 ? 0 : 4]
    console.log(
      `${row.name.padEnd(20)} ${row.rps.toFixed(0).padStart(7)}  ${String(row.p50).padStart(6)}  ${String(row.p99).padStart(6)}  ${((row.rps / bare.rps) * 100).toFixed(0).padStart(5)} %`
    )
  }
}
