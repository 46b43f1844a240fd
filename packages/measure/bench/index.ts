import { existsSync, readFileSync } from "node:fs"
import { availableParallelism, loadavg } from "node:os"
import { join } from "node:path"
import { Build, Coinr, Data, DataSet, Framework, Random, Uncertainty } from "@innokraft/measure"
import { Uncertainty as NodeUncertainty } from "@innokraft/measure/node"

const asemDir = join(import.meta.dirname, "../../../../shared/data/coinr-asem")
const read = (f: string) => readFileSync(join(asemDir, f), "utf8")

const median = (xs: Array<number>) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const time = (label: string, repeats: number, f: () => void) => {
  for (let i = 0; i < Math.min(3, repeats); i++) f()
  const ms: Array<number> = []
  for (let i = 0; i < repeats; i++) {
    const t = performance.now()
    f()
    ms.push(performance.now() - t)
  }
  console.log(`${label.padEnd(58)} median ${median(ms).toFixed(3).padStart(9)} ms  (${repeats} runs)`)
}

const timeAsync = async (label: string, repeats: number, f: () => Promise<unknown>) => {
  for (let i = 0; i < Math.min(3, repeats); i++) await f()
  const ms: Array<number> = []
  for (let i = 0; i < repeats; i++) {
    const t = performance.now()
    await f()
    ms.push(performance.now() - t)
  }
  console.log(`${label.padEnd(58)} median ${median(ms).toFixed(3).padStart(9)} ms  (${repeats} runs)`)
}

const asem = Coinr.fromCsv({ iMeta: read("ASEM_iMeta.csv"), iData: read("ASEM_iData.csv") })
const asemSpec = {
  denominate: true,
  impute: { method: "groupMean", group: "EurAsia_group" },
  screen: { minDataShare: 0.9 },
  treat: { method: "winsorise", winmax: 5 },
  normalise: { method: "minmax", range: [0, 100] },
  aggregate: { method: "amean" }
} as const

/** A seeded synthetic framework: `m` indicators in pillars of 5, pillars in 4 sub-indices, one index (4 levels). */
const synthetic = (units: number, m: number, seed: number) => {
  const next = Random.seeded(seed)
  const pillars = m / 5
  const l = (s: string) => ({ sv: s, en: s })
  const framework = Framework.make({
    indicators: Array.from({ length: m }, (_, j) => ({
      code: `i${j}`,
      name: l(`i${j}`),
      parent: `p${Math.floor(j / 5)}`,
      direction: j % 7 === 0 ? (-1 as const) : (1 as const)
    })),
    aggregates: [
      ...Array.from({ length: pillars }, (_, k) => ({
        code: `p${k}`,
        name: l(`p${k}`),
        level: 2,
        parent: `s${k % 4}`
      })),
      ...Array.from({ length: 4 }, (_, k) => ({ code: `s${k}`, name: l(`s${k}`), level: 3, parent: "Index" })),
      { code: "Index", name: l("Index"), level: 4, parent: null }
    ]
  })
  const values = new Float64Array(units * m)
  for (let k = 0; k < values.length; k++) {
    // log-normal-ish values with 5 % missing, so imputation and treatment have work to do
    values[k] = next() < 0.05 ? Number.NaN : Math.exp(2 * next() + next() * next() * 3)
  }
  const ds = DataSet.make(
    Array.from({ length: units }, (_, i) => `u${i}`),
    framework.levels[0]!,
    values
  )
  return { framework, data: Data.fromDataSet(ds) }
}

const fullSpec = {
  impute: { method: "mean" },
  screen: { minDataShare: 0.5 },
  treat: { method: "winsorise", winmax: 5 },
  normalise: { method: "minmax", range: [0, 100] },
  aggregate: { method: "amean" }
} as const

console.log(`@innokraft/measure bench — node ${process.version}`)
time("ASEM full pipeline (51 × 49, 4 levels, COINr example)", 200, () => {
  Build.build(asem.framework, asem.data, asemSpec)
})
const s300 = synthetic(300, 40, 1)
time("synthetic 300 × 40 × 4 levels, full pipeline", 50, () => {
  Build.build(s300.framework, s300.data, fullSpec)
})
const s1000 = synthetic(1000, 100, 2)
time("synthetic 1,000 × 100 × 4 levels, full pipeline", 60, () => {
  Build.build(s1000.framework, s1000.data, fullSpec)
})
// COINr's SA inputs on ASEM: weights ±25 %, arithmetic or geometric mean, min-max or z-score
const uaOptions = {
  runs: 1000,
  seed: 1,
  assumptions: {
    weights: { noise: 0.25 },
    aggregate: ["amean", "gmean"],
    normalise: [
      { method: "minmax", range: [1, 100] },
      { method: "zscore", mean: 10, sd: 2 }
    ]
  }
} as const
time("ASEM uncertainty, 1,000 runs (weights ±25 %, amean|gmean, minmax|zscore)", 5, () => {
  Uncertainty.run(asem.framework, asem.data, asemSpec, uaOptions)
})
// Fresh workers on every call, start-up and cold JIT included. The package's own number is the built one
// (dist/, `npm run build` first); from source each worker also loads tsx and compiles the TypeScript.
const built = new URL("../dist/node.js", import.meta.url)
if (existsSync(built)) {
  const dist = (await import(built.href)) as typeof import("@innokraft/measure/node")
  await timeAsync("ASEM uncertainty, 1,000 runs, runParallel on 2 workers (dist)", 5, () =>
    dist.Uncertainty.runParallel(asem.framework, asem.data, asemSpec, { ...uaOptions, workers: 2 })
  )
} else console.log("(no dist/ build: skipping runParallel on the built package)")
await timeAsync("ASEM uncertainty, 1,000 runs, runParallel on 2 workers (src via tsx)", 5, () =>
  NodeUncertainty.runParallel(asem.framework, asem.data, asemSpec, { ...uaOptions, workers: 2 })
)
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")} on ${availableParallelism()} CPUs`
)
