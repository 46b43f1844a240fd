/**
 * Benchmarks of the S3 pipeline on seeded synthetic matrices with realistic structure (the recipe of
 * shared/docs/s3-methods.md §6: lognormal region sizes and industry shares, nested capabilities, Poisson counts).
 * Prints the median of repeated runs. Run with `npm run bench -w @innokraft/s3`.
 */
import { Analysis, Complexity, Fitness, LocationQuotient, Matrix, Relatedness } from "../src/index.js"

const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const synthetic = (R: number, I: number, seed: number): Matrix.Matrix => {
  const random = mulberry32(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const poisson = (lambda: number) => {
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()))
    const l = Math.exp(-lambda)
    let k = 0
    let p = random()
    while (p > l) {
      k++
      p *= random()
    }
    return k
  }
  const size = Array.from({ length: R }, () => Math.exp(8 + 1.2 * normal()))
  const shareRaw = Array.from({ length: I }, () => Math.exp(normal()))
  const shareSum = shareRaw.reduce((s, v) => s + v, 0)
  const share = shareRaw.map((v) => v / shareSum)
  const capability = Array.from({ length: R }, () => random())
  const requirement = Array.from({ length: I }, () => random())
  const values = new Float64Array(R * I)
  for (let r = 0; r < R; r++) {
    for (let i = 0; i < I; i++) {
      const affinity = Math.exp(-4 * Math.max(0, requirement[i]! - capability[r]!)) * Math.exp(0.8 * normal())
      values[r * I + i] = poisson(size[r]! * share[i]! * affinity)
    }
  }
  return {
    regions: Array.from({ length: R }, (_, r) => `R${r}`),
    industries: Array.from({ length: I }, (_, i) => `I${i}`),
    values
  }
}

const toCsv = (m: Matrix.Matrix): string => {
  const lines = ["region,industry,value"]
  const I = m.industries.length
  for (let r = 0; r < m.regions.length; r++) {
    for (let i = 0; i < I; i++) {
      const v = m.values[r * I + i]!
      if (v > 0) lines.push(`${m.regions[r]},${m.industries[i]},${v}`)
    }
  }
  return `${lines.join("\n")}\n`
}

const median = (xs: Array<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

const time = (label: string, runs: number, f: () => unknown) => {
  f() // warm-up
  const times: Array<number> = []
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now()
    f()
    times.push(performance.now() - t0)
  }
  console.log(`${label.padEnd(58)} median ${median(times).toFixed(1).padStart(8)} ms  (${runs} runs)`)
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
    `\n${R} × ${I}: ${nnz} non-zero cells (${((100 * nnz) / (R * I)).toFixed(0)} %), M density ${((100 * ones) / (R * I)).toFixed(0)} %, λ2 ${eci.eigenvalue.toFixed(4)}, λ3/λ2 ${(eci.nextEigenvalue / eci.eigenvalue).toFixed(3)}, residual ${eci.residual.toExponential(1)}`
  )
  time("RCA + M", runs, () => [LocationQuotient.of(m), LocationQuotient.presence(m)])
  time("ECI/PCI (eigenvector, Lanczos)", runs, () => Complexity.eci(mcp))
  time("fitness–complexity (20 iterations)", runs, () => Fitness.of(mcp))
  const phi = Relatedness.proximity(mcp)
  time("proximity (co-occurrence on bit sets)", runs, () => Relatedness.proximity(mcp))
  time("relatedness density", runs, () => Relatedness.density(mcp, phi))
  time("analyse(): RCA, M, ECI/PCI, fitness, proximity, density", runs, () => Analysis.analyse(m))
  const csv = toCsv(m)
  time(`CSV text (${(csv.length / 1e6).toFixed(1)} MB) → analyse → JSON text`, Math.min(runs, 5), () =>
    JSON.stringify(Analysis.toJson(Analysis.analyse(Matrix.fromLongCsv(csv))))
  )
}
