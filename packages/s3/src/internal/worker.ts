/**
 * The worker of `Analysis.runParallel` (`@innokraft/s3/node`): proximity, relatedness density and the density part of
 * `result.json`. It imports only the numeric modules (no zod), so it is ready in a few tens of milliseconds.
 */
import { parentPort } from "node:worker_threads"
import type { Grid } from "../Matrix.js"
import * as Relatedness from "../Relatedness.js"
import { numbers, Writer } from "./jsonText.js"
import * as ResultLayout from "./resultJson.js"

/** What the worker gets: M with its labels and the diagonal convention of the density. */
export interface Job {
  readonly mcp: Grid<Uint8Array>
  readonly diagonal: Relatedness.Diagonal
}

/** What the worker posts: one result or one error. */
export type Message =
  | {
      readonly type: "result"
      readonly proximity: Float64Array
      readonly density: Float64Array
      /** The density grid's JSON text, `{"region":{"industry":value,…},…}`. */
      readonly json: Uint8Array
    }
  | { readonly type: "error"; readonly name: string; readonly message: string; readonly stack: string | undefined }

const port = parentPort
if (port === null) throw new Error("@innokraft/s3: internal/worker is a worker_threads script")

port.once("message", (job: Job) => {
  try {
    const proximity = Relatedness.proximity(job.mcp)
    const density = Relatedness.density(job.mcp, proximity, job.diagonal)
    const layout = ResultLayout.make(job.mcp)
    const w = new Writer(ResultLayout.estimate(layout, 1))
    numbers(w, density.values, layout.rows, layout.columns)
    const json = w.result()
    const message: Message = { type: "result", proximity: proximity.values, density: density.values, json }
    port.postMessage(message, [
      proximity.values.buffer as ArrayBuffer,
      density.values.buffer as ArrayBuffer,
      json.buffer as ArrayBuffer
    ])
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e))
    port.postMessage({ type: "error", name: err.name, message: err.message, stack: err.stack } satisfies Message)
  }
})
