/**
 * Benchmarks of the S3 pipeline on seeded synthetic matrices (bench/synthetic.ts: the recipe of
 * shared/docs/s3-methods.md §6 — lognormal region sizes and industry shares, nested capabilities with lognormal noise,
 * Poisson counts — on which the peers' reference timings were taken). Prints the median wall-clock time of repeated
 * runs and the median CPU time of the process over the same runs (steadier on a loaded machine; it includes the
 * garbage collector's threads), and the load average before each size. Run with `npm run bench -w @innokraft/s3`.
 */
import { loadavg } from "node:os"
import { Analysis, Complexity, Fitness, LocationQuotient, Matrix, Relatedness } from "../src/index.js"
import { synthetic, toCsv } from "./synthetic.js"

// runParallel from the build, so that its worker is the built one (from source it would boot through tsx)
const { Analysis: ParallelAnalysis } = (await import(
  new URL("../dist/node.js", import.meta.url).href
)) as typeof import("../src/node.js")

const median = (xs: Array<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const time = async (label: string, runs: number, f: () => unknown) => {
  await f() // warm-up
  const wall: Array<number> = []
  const cpu: Array<number> = []
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await f()
    wall.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  console.log(
    `${label.padEnd(58)} median ${median(wall).toFixed(1).padStart(8)} ms  cpu ${median(cpu).toFixed(1).padStart(8)} ms  (${runs} runs)`
  )
}

const quantiles = (x: Float64Array) => {
  const s = Array.from(x).sort((a, b) => a - b)
  return [0, 0.1, 0.5, 0.9, 1].map((p) => s[Math.round(p * (s.length - 1))]).join("/")
}

for (const [R, I, runs] of [
  [1200, 615, 7],
  [3000, 1000, 5]
] as const) {
  const m = synthetic(R, I, 42)
  let nnz = 0
  for (const v of m.values) if (v > 0) nnz++
  const mcp = LocationQuotient.presence(m)
  let ones = 0
  for (const v of mcp.values) ones += v
  const eci = Complexity.eci(mcp)
  console.log(
    `\n${R} × ${I}: ${nnz} non-zero cells (${((100 * nnz) / (R * I)).toFixed(0)} %), M density ${((100 * ones) / (R * I)).toFixed(0)} %, diversity min/10 %/median/90 %/max ${quantiles(LocationQuotient.diversity(mcp).values)}, λ2 ${eci.eigenvalue.toFixed(4)}, λ3/λ2 ${(eci.nextEigenvalue / eci.eigenvalue).toFixed(3)}, residual ${eci.residual.toExponential(1)}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`
  )
  await time("RCA + M", runs, () => [LocationQuotient.of(m), LocationQuotient.presence(m)])
  await time("ECI/PCI (eigenvector, Lanczos)", runs, () => Complexity.eci(mcp))
  await time("fitness–complexity (20 iterations)", runs, () => Fitness.of(mcp))
  const phi = Relatedness.proximity(mcp)
  await time("proximity (co-occurrence on bit sets)", runs, () => Relatedness.proximity(mcp))
  await time("relatedness density", runs, () => Relatedness.density(mcp, phi))
  await time("analyse(): RCA, M, ECI/PCI, fitness, proximity, density", runs, () => Analysis.analyse(m))
  const csv = toCsv(m)
  const result = Analysis.analyse(m)
  await time(`Matrix.fromLongCsv (${(csv.length / 1e6).toFixed(1)} MB, ${nnz} rows)`, runs, () =>
    Matrix.fromLongCsv(csv)
  )
  await time("Analysis.toJsonBytes", runs, () => Analysis.toJsonBytes(result))
  await time("Analysis.toJsonText (the bytes decoded)", runs, () => Analysis.toJsonText(result))
  await time("JSON.stringify(Analysis.toJson) (for comparison)", 3, () => JSON.stringify(Analysis.toJson(result)))
  await time("analyse → toJsonBytes (one thread)", runs, () => Analysis.toJsonBytes(Analysis.analyse(m)))
  await time("runParallel: analyse + toJsonBytes on two threads (node)", runs, () => ParallelAnalysis.runParallel(m))
  await time("CSV text → runParallel → result.json bytes", runs, async () =>
    ParallelAnalysis.runParallel(Matrix.fromLongCsv(csv))
  )
}
