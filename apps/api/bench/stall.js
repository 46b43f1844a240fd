// GET /health and a cached public read while the largest S3 analysis the defaults allow computes (#15): p50/p99
// latency (autocannon, 10 connections, medians of BENCH_REPEATS runs of BENCH_SECONDS each), with the analysis
// queued as a job in the same server process. Run `npm run build -w @innokraft/api` first; then
// `npm run bench:stall -w @innokraft/api`.
import { fork } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

const duration = Number(process.env.BENCH_SECONDS ?? 5)
const repeats = Number(process.env.BENCH_REPEATS ?? 3)
const size = Number(process.env.BENCH_S3_SIZE ?? 1200)

if (process.argv[2] === "serve") {
  const { Server, Database } = await import("../dist/index.js")
  const { Caller, Tokens } = await import("@innokraft/store")
  const { Effect } = await import("effect")
  const url = process.argv[3]
  const running = await Server.start({ DATABASE_URL: url, PORT: "0", SEED_EXAMPLES: "on" }, () => {})
  const db = await Database.open(url)
  const { token } = await db.run(
    Effect.flatMap(Tokens.Tokens, (t) =>
      t.create(Caller.system("bench"), { organisationId: "region-vasterbotten", role: "editor", label: "bench" })
    )
  )
  await db.dispose()
  process.send({ base: running.url.replace(/\/$/, ""), token })
} else {
  const { default: autocannon } = await import("autocannon")
  const dir = mkdtempSync(join(tmpdir(), "innokraft-stall-"))
  const child = fork(import.meta.filename, ["serve", join(dir, "bench.db")], { stdio: "inherit" })
  const { base, token } = await new Promise((resolve) => child.once("message", resolve))
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const load = async (path) => {
    const runs = []
    for (let r = 0; r < repeats; r++) {
      const result = await autocannon({ url: `${base}${path}`, connections: 10, duration })
      runs.push(result)
    }
    return {
      rps: Math.round(median(runs.map((x) => x.requests.average))),
      p50: median(runs.map((x) => x.latency.p50)),
      p99: median(runs.map((x) => x.latency.p99))
    }
  }
  const n = size
  const values = Array.from({ length: n * n }, (_, k) => ((k * 7919) % 997) + (k % 13 === 0 ? 0 : 1))
  const input = {
    id: `stall-${Date.now()}`,
    regions: Array.from({ length: n }, (_, r) => `R${r}`),
    industries: Array.from({ length: n }, (_, i) => `I${i}`),
    years: [2020],
    values: [values],
    focus: "R0",
    options: { fitnessIterations: 1000 }
  }
  const posted = await fetch(`${base}/v1/s3/analyses`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(input)
  })
  const job = `${base}${posted.headers.get("location")}`
  const status = async () => (await (await fetch(job, { headers: { authorization: `Bearer ${token}` } })).json()).status
  while ((await status()) !== "running") await new Promise((r) => setTimeout(r, 50))
  const rows = []
  for (const [name, path] of [
    ["GET /health", "/health"],
    ["cached public strategy read", "/v1/strategies/vasterbotten-ris-2022?organisation=region-vasterbotten"]
  ]) {
    const r = await load(path)
    rows.push({ target: name, "req/s": r.rps, "p50 ms": r.p50, "p99 ms": r.p99, job: await status() })
  }
  console.log(`while a ${n} × ${n} S3 analysis with 1,000 fitness iterations computes (job status after each row):`)
  console.table(rows)
  child.kill("SIGKILL")
  process.exit(0)
}
