/**
 * The worker of `Analysis.runParallel` (`@innokraft/s3/node`): proximity and relatedness density, then its share of
 * the density part of `result.json` (blocks of rows claimed in turn with the calling thread, see sharedRows.ts). It
 * imports only the numeric modules (no zod), so it is ready in a few tens of milliseconds.
 */
import { parentPort } from "node:worker_threads"
import type { Grid } from "../Matrix.js"
import * as Relatedness from "../Relatedness.js"
import * as ResultLayout from "./resultJson.js"
import { claim } from "./sharedRows.js"

/** What the worker gets: M with its labels, the diagonal convention, and the shared density grid and block counter. */
export interface Job {
  readonly mcp: Grid<Uint8Array>
  readonly diagonal: Relatedness.Diagonal
  /** R × I doubles, written by the worker before it posts `density`. */
  readonly density: SharedArrayBuffer
  /** One Int32: the next block of density rows to write. */
  readonly counter: SharedArrayBuffer
}

/** What the worker posts: `density` (the shared grid is filled), then its `part` of the JSON; or one `error`. */
export type Message =
  | { readonly type: "density"; readonly proximity: Float64Array }
  | { readonly type: "part"; readonly bytes: Uint8Array; readonly spans: Int32Array }
  | { readonly type: "error"; readonly name: string; readonly message: string; readonly stack: string | undefined }

const port = parentPort
if (port === null) throw new Error("@innokraft/s3: internal/worker is a worker_threads script")
const post = (m: Message, transfer: Array<ArrayBuffer> = []) => port.postMessage(m, transfer)

port.once("message", (job: Job) => {
  try {
    const proximity = Relatedness.proximity(job.mcp)
    const shared = new Float64Array(job.density)
    shared.set(Relatedness.density(job.mcp, proximity, job.diagonal).values)
    post({ type: "density", proximity: proximity.values }, [proximity.values.buffer as ArrayBuffer])
    const layout = ResultLayout.make(job.mcp)
    const part = claim(shared, layout.rows, layout.columns, new Int32Array(job.counter))
    post({ type: "part", ...part }, [part.bytes.buffer as ArrayBuffer, part.spans.buffer as ArrayBuffer])
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e))
    post({ type: "error", name: err.name, message: err.message, stack: err.stack })
  }
})
