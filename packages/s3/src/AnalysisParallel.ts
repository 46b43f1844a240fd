import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import { type Analysis, Options } from "./Analysis.js"
import { Writer } from "./internal/jsonText.js"
import * as ResultLayout from "./internal/resultJson.js"
import { assemble, complexity, specialise } from "./internal/stages.js"
import type { Job, Message } from "./internal/worker.js"
import type * as Matrix from "./Matrix.js"
import { MatrixError } from "./MatrixError.js"

export * from "./Analysis.js"

// The worker sits next to the running file: dist/internal/worker.{js,cjs} in the build; from source (tests and
// benches, under the `@innokraft/source` condition) it is src/internal/worker.ts, loaded through tsx in the worker.
const here = import.meta.url
const source = here.endsWith(".ts")
const workerUrl = new URL(`./internal/worker.${source ? "ts" : here.endsWith(".cjs") ? "cjs" : "js"}`, here)

/** tsx's ESM API (`tsx/esm/api` under the import condition), a dev dependency of the repository. */
const tsxApi = (): URL => {
  const require = createRequire(here)
  const pkg = require.resolve("tsx/package.json")
  const exports = (require(pkg) as { exports: Record<string, { import: { default: string } }> }).exports
  return new URL(exports["./esm/api"]!.import.default, pathToFileURL(pkg))
}

const spawn = (): Worker => {
  // the built worker runs with Node's defaults: inheriting, say, `--conditions=@innokraft/source` from a tsx parent
  // would point its imports at TypeScript sources it cannot load
  if (!source) return new Worker(workerUrl, { execArgv: [] })
  // `--import tsx` in a worker's execArgv is ignored by Node 20, but tsx's ESM tsImport works in any thread
  const boot = `import(${JSON.stringify(tsxApi().href)}).then((tsx) => tsx.tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(here)}))`
  return new Worker(boot, { eval: true, execArgv: ["--conditions=@innokraft/source"] })
}

/** The relatedness stage in a worker: proximity, density and the density part of `result.json`. */
const relatedness = (worker: Worker, job: Job): Promise<Extract<Message, { type: "result" }>> =>
  new Promise((resolve, reject) => {
    let settled = false
    const settle = (f: () => void) => {
      if (settled) return
      settled = true
      void worker.terminate()
      f()
    }
    worker.once("message", (m: Message) =>
      settle(() =>
        m.type === "result"
          ? resolve(m)
          : reject(
              m.name === "MatrixError"
                ? new MatrixError(m.message)
                : Object.assign(new Error(m.message), { name: m.name })
            )
      )
    )
    worker.once("error", (e) => settle(() => reject(e)))
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`the relatedness worker exited with code ${code} before finishing`)))
    )
    worker.postMessage(job)
  })

/**
 * {@link analyse} and {@link toJsonBytes} on two threads (Node only: import from `@innokraft/s3/node`): a worker
 * computes proximity, relatedness density and the density part of `result.json` while this thread computes ECI/PCI
 * and fitness and writes the rest. The analysis and the bytes are identical, bit for bit, to
 * `analyse(input, options)` and `toJsonBytes` of it; the worker is terminated when the call settles. On two cores
 * it takes about half the time of the two calls in a row for a 1,200 × 615 matrix.
 *
 * @example
 * ```ts
 * import { Analysis } from "@innokraft/s3/node"
 *
 * const { analysis, json } = await Analysis.runParallel(panel, { year: 2017 })
 * writeFileSync("result.json", json)
 * ```
 * @since 0.1.0
 */
export const runParallel = async (
  input: Matrix.Matrix | Matrix.Panel,
  options: Options = {}
): Promise<{ readonly analysis: Analysis; readonly json: Uint8Array }> => {
  const o = Options.parse(options)
  // started first, so that the worker boots while this thread computes RCA and M
  const worker = spawn()
  let pending: Promise<Extract<Message, { type: "result" }>>
  let s: ReturnType<typeof specialise>
  try {
    s = specialise(input, o)
    pending = relatedness(worker, { mcp: s.mcp, diagonal: o.densityDiagonal })
  } catch (e) {
    void worker.terminate()
    throw e
  }
  // the worker's failure is reported by the await below, even if this thread fails first
  pending.catch(() => undefined)
  const c = complexity(s)
  const layout = ResultLayout.make(s.rca)
  const w = new Writer(ResultLayout.estimate(layout, 3))
  ResultLayout.head(w, layout, { ...c, rca: s.rca, mcp: s.mcp })
  const r = await pending
  w.append(r.json)
  ResultLayout.tail(w, s.dropped)
  const labels = { regions: s.mcp.regions, industries: s.mcp.industries }
  return {
    analysis: assemble(s, c, { labels: s.mcp.industries, values: r.proximity }, { ...labels, values: r.density }),
    json: w.result()
  }
}
