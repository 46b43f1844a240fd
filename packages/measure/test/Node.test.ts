import { Worker } from "node:worker_threads"
import { afterEach, describe, expect, it, vi } from "vitest"
import { Uncertainty } from "../src/index.js"
import { Uncertainty as NodeUncertainty } from "../src/node.js"
import { asemProject, asemSpec } from "./asem.js"

const { framework, data } = asemProject()
// the bench's analysis: weights ±25 %, amean|gmean, minmax|zscore
const options = {
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
} as const satisfies Uncertainty.UncertaintyOptions

// Each test starts up to three worker threads on a machine that may be busy: a timeout for that, stated here.
describe("Uncertainty.runParallel (@innokraft/measure/node)", { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })
  const single = Uncertainty.run(framework, data, asemSpec, options)

  it.each([1, 2, 3])("gives the single-threaded result bit for bit on %i worker(s)", async (workers) => {
    const terminate = vi.spyOn(Worker.prototype, "terminate")
    const parallel = await NodeUncertainty.runParallel(framework, data, asemSpec, { ...options, workers })
    expect(parallel.inputs).toEqual(single.inputs)
    expect(parallel.units).toEqual(single.units)
    expect(parallel.ranks).toHaveLength(single.ranks.length)
    expect(Buffer.from(parallel.ranks.buffer).equals(Buffer.from(single.ranks.buffer))).toBe(true)
    expect(parallel.stats).toEqual(single.stats)
    expect(terminate).toHaveBeenCalledTimes(workers)
  })

  it("aggregates the workers' progress, reaching the total exactly once, last", async () => {
    const seen: Array<[number, number]> = []
    await NodeUncertainty.runParallel(framework, data, asemSpec, {
      ...options,
      runs: 101,
      workers: 3,
      onProgress: (done, total) => seen.push([done, total])
    })
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.every(([, total]) => total === 101)).toBe(true)
    expect(seen.filter(([done]) => done === 101)).toHaveLength(1)
    expect(seen.at(-1)).toEqual([101, 101])
    for (let k = 1; k < seen.length; k++) expect(seen[k]![0]).toBeGreaterThan(seen[k - 1]![0])
  })

  it("keeps the stream of other seeds and more workers than runs", async () => {
    const o = { ...options, runs: 5, seed: 7 }
    const parallel = await NodeUncertainty.runParallel(framework, data, asemSpec, { ...o, workers: 8 })
    expect([...parallel.ranks]).toEqual([...Uncertainty.run(framework, data, asemSpec, o).ranks])
  })

  it("rejects with the worker's message when a worker fails", async () => {
    const bad = { ...asemSpec, impute: { method: "groupMean", group: "Continent" } } as const
    const expected = (() => {
      try {
        Uncertainty.run(framework, data, bad, { ...options, runs: 2 })
      } catch (e) {
        return (e as Error).message
      }
      return "no error"
    })()
    expect(expected).toMatch(/impute\.group/)
    const terminate = vi.spyOn(Worker.prototype, "terminate")
    await expect(NodeUncertainty.runParallel(framework, data, bad, { ...options, workers: 2 })).rejects.toThrow(
      expected
    )
    expect(terminate).toHaveBeenCalledTimes(2)
  })

  it("rejects bad worker counts before starting any", async () => {
    await expect(NodeUncertainty.runParallel(framework, data, asemSpec, { ...options, workers: 0 })).rejects.toThrow(
      /workers: expected an integer/
    )
  })
})

describe("Uncertainty.runParallel: failed runs are counted as in one thread", () => {
  it("gmean over min–max [0, 100]: the same failed count, first failure and ranks", async () => {
    const o = { runs: 30, seed: 5, assumptions: { aggregate: ["amean", "gmean"] } } as const
    const single = Uncertainty.run(framework, data, asemSpec, o)
    const parallel = await NodeUncertainty.runParallel(framework, data, asemSpec, { ...o, workers: 2 })
    expect(single.failed).toBeGreaterThan(0)
    expect(parallel.failed).toBe(single.failed)
    expect(parallel.firstFailure).toBe(single.firstFailure)
    expect(Buffer.from(parallel.ranks.buffer).equals(Buffer.from(single.ranks.buffer))).toBe(true)
  })
})
