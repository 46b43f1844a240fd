/**
 * Whole-process benchmarks of the built `innokraft` command (run `npm run build` first; `npm run bench -w
 * @innokraft/cli`): start-up (`--version`) and `s3 analyse` from CSV to result.json on the seeded synthetic
 * 1,200 × 615 matrix of the s3 benchmarks — the case whose peer figure is py-ecomplexity's whole process, 6.0 s on
 * this machine (shared/docs/s3-methods.md §6). Prints medians of wall-clock time over repeated runs and the load
 * average before each case.
 */
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { synthetic, toCsv } from "../../../packages/s3/bench/synthetic.js"

const bin = fileURLToPath(new URL("../bin/innokraft.js", import.meta.url))
const dir = mkdtempSync(join(tmpdir(), "innokraft-cli-bench-"))

const median = (xs: Array<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const run = (label: string, runs: number, args: Array<string>, peer?: number) => {
  const once = () => {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "pipe"] })
    const ms = performance.now() - t0
    if (r.status !== 0) throw new Error(`innokraft ${args.join(" ")} exited with ${r.status}: ${r.stderr}`)
    return ms
  }
  once() // warm-up: the file cache, and the first run of a fresh build
  const load = loadavg()[0]!.toFixed(2)
  const times = Array.from({ length: runs }, once)
  const m = median(times)
  const ratio = peer === undefined ? "" : `  (peer ${(peer / 1000).toFixed(1)} s: ${(peer / m).toFixed(1)}× faster)`
  console.log(
    `${label.padEnd(52)} median ${m.toFixed(0).padStart(6)} ms  min ${Math.min(...times)
      .toFixed(0)
      .padStart(6)} ms  (${runs} runs, load ${load})${ratio}`
  )
}

try {
  const input = join(dir, "matrix.csv")
  const out = join(dir, "result.json")
  writeFileSync(input, toCsv(synthetic(1200, 615, 1)))
  run("innokraft --version (start-up)", 15, ["--version"])
  run("innokraft s3 analyse 1,200 × 615 → result.json", 11, ["s3", "analyse", "--input", input, "--out", out], 6000)
  console.log(`result.json: ${(statSync(out).size / 1e6).toFixed(1)} MB`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
