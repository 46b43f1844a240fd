import { parentPort, workerData } from "node:worker_threads"
import type { Data } from "../Data.js"
import type { Framework } from "../Framework.js"
import type * as Spec from "../Spec.js"
import type { Assumptions } from "../Uncertainty.js"
import { evaluator, runBlock } from "./perturb.js"

/** What a worker gets: the whole analysis and its block of runs `from` … `to − 1`. */
export interface Job {
  readonly framework: Framework
  readonly data: Data
  readonly spec: Spec.SpecInput
  readonly assumptions: Assumptions
  readonly seed: number
  readonly period: number | undefined
  readonly from: number
  readonly to: number
  /** Post progress at most every this many runs (0: no progress messages). */
  readonly progressStep: number
}

/** What a worker posts: progress deltas, then one result or one error. */
export type Message =
  | { readonly type: "progress"; readonly runs: number }
  | {
      readonly type: "result"
      readonly inputs: ReadonlyArray<string>
      readonly units: ReadonlyArray<string>
      readonly nominal: Float64Array
      readonly ranks: Float64Array
      readonly failed: number
      readonly firstFailure: string | undefined
    }
  | { readonly type: "error"; readonly name: string; readonly message: string; readonly stack: string | undefined }

const port = parentPort
if (port === null) throw new Error("@innokraft/measure: internal/worker is a worker_threads script")
const job = workerData as Job
const post = (m: Message, transfer: Array<ArrayBuffer> = []) => port.postMessage(m, transfer)

try {
  const ev = evaluator(job.framework, job.data, job.spec, job.assumptions, job.seed, job.period)
  const ranks = new Float64Array((job.to - job.from) * ev.units.length)
  let reported = job.from
  runBlock(
    ev,
    job.seed,
    job.from,
    job.to,
    ranks,
    job.progressStep > 0
      ? (r) => {
          if (r + 1 - reported >= job.progressStep || r + 1 === job.to) {
            post({ type: "progress", runs: r + 1 - reported })
            reported = r + 1
          }
        }
      : undefined
  )
  const nominal = Float64Array.from(ev.nominal)
  const failures = { failed: ev.failures.count, firstFailure: ev.failures.first }
  post({ type: "result", inputs: ev.names, units: ev.units, nominal, ranks, ...failures }, [
    ranks.buffer as ArrayBuffer,
    nominal.buffer as ArrayBuffer
  ])
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e))
  post({ type: "error", name: err.name, message: err.message, stack: err.stack })
}
