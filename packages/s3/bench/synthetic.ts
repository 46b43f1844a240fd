/**
 * Seeded synthetic region × industry matrices for the benchmarks (see index.ts for the recipe).
 */
import { Prng } from "@innokraft/numerics"
import type { Matrix } from "../src/index.js"

export const synthetic = (R: number, I: number, seed: number): Matrix.Matrix => {
  const random = Prng.mulberry32(seed)
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

export const toCsv = (m: Matrix.Matrix): string => {
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
