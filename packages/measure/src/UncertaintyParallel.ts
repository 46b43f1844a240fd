import { availableParallelism } from "node:os"
import type { Worker } from "node:worker_threads"
import { ScriptWorker } from "@innokraft/threads"
import type { Data } from "./Data.js"
import type { Framework } from "./Framework.js"
import type { Job, Message } from "./internal/worker.js"
import type * as Spec from "./Spec.js"
import { rankStats, type UncertaintyOptions, type UncertaintyResult } from "./Uncertainty.js"

export * from "./Uncertainty.js"

/**
 * Options of {@link runParallel}: those of `Uncertainty.run`, plus the number of worker threads.
 *
 * @since 0.1.0
 */
export interface ParallelOptions extends UncertaintyOptions {
  /** Worker threads (default: `os.availableParallelism()`), never more than the runs. */
  readonly workers?: number
  /** Called as workers report, with the runs done over all workers and the total; reaches the total once, last. */
  readonly onProgress?: (done: number, total: number) => void
}

/**
 * {@link run} split over `worker_threads` (Node only: import from `@innokraft/measure/node`). Each worker
 * evaluates one contiguous block of runs, starting at its block's position in the seeded stream, so the result is
 * identical, bit for bit, to `Uncertainty.run` with the same seed and options for any number of workers. The
 * workers are terminated when the analysis completes or fails; a failure rejects with the worker's message.
 *
 * @example
 * ```ts
 * import { Uncertainty } from "@innokraft/measure/node"
 *
 * const ua = await Uncertainty.runParallel(framework, data, spec, {
 *   runs: 1000, seed: 1, workers: 2,
 *   assumptions: { weights: { noise: 0.25 }, aggregate: ["amean", "gmean"] },
 *   onProgress: (done, total) => bar.update(done / total)
 * })
 * ```
 * @since 0.1.0
 */
export const runParallel = (
  framework: Framework,
  data: Data,
  spec: Spec.SpecInput,
  options: ParallelOptions
): Promise<UncertaintyResult> =>
  new Promise((resolve, reject) => {
    const total = options.runs
    if (!Number.isInteger(total) || total < 0) throw new RangeError(`runs: expected an integer ≥ 0, found ${total}`)
    const asked = options.workers ?? availableParallelism()
    if (!Number.isInteger(asked) || asked < 1) throw new RangeError(`workers: expected an integer ≥ 1, found ${asked}`)
    const count = Math.max(1, Math.min(asked, total))
    const onProgress = options.onProgress
    const progressStep = onProgress ? Math.max(1, Math.floor(total / count / 100)) : 0
    const workers: Array<Worker> = []
    const blocks: Array<Extract<Message, { type: "result" }> | undefined> = new Array(count)
    let done = 0
    let finished = 0
    let settled = false
    const stop = () => {
      settled = true
      for (const w of workers) void w.terminate()
    }
    const fail = (e: Error) => {
      if (settled) return
      stop()
      reject(e)
    }
    const complete = () => {
      stop()
      const units = blocks[0]!.units
      const ranks = new Float64Array(total * units.length)
      let offset = 0
      for (const b of blocks) {
        ranks.set(b!.ranks, offset)
        offset += b!.ranks.length
      }
      const failed = blocks.reduce((s, b) => s + b!.failed, 0)
      const firstFailure = blocks.find((b) => b!.firstFailure !== undefined)?.firstFailure
      resolve({
        inputs: blocks[0]!.inputs,
        units,
        ranks,
        stats: rankStats(units, blocks[0]!.nominal, ranks),
        failed,
        ...(firstFailure === undefined ? {} : { firstFailure })
      })
    }
    for (let i = 0; i < count; i++) {
      const job: Job = {
        framework,
        data,
        spec,
        assumptions: options.assumptions,
        seed: options.seed ?? 1,
        period: options.period,
        from: Math.floor((i * total) / count),
        to: Math.floor(((i + 1) * total) / count),
        progressStep
      }
      let worker: Worker
      try {
        worker = ScriptWorker.start(import.meta.url, "./internal/worker", { workerData: job })
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)))
        return
      }
      workers.push(worker)
      worker.on("message", (m: Message) => {
        if (settled) return
        if (m.type === "progress") {
          done += m.runs
          onProgress?.(done, total)
        } else if (m.type === "result") {
          blocks[i] = m
          if (++finished === count) complete()
        } else {
          fail(Object.assign(new Error(m.message), { name: m.name }))
        }
      })
      worker.on("error", fail)
      worker.on("exit", (code) => {
        // a finished worker exits with 0 on its own; any other exit before the end is a failure
        if (!settled && blocks[i] === undefined)
          fail(new Error(`uncertainty worker ${i + 1} of ${count} exited with code ${code} before finishing`))
      })
    }
  })
