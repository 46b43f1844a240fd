import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"
import { Worker, type WorkerOptions } from "node:worker_threads"

/** tsx's ESM API (`tsx/esm/api` under the import condition), found from the calling module; a dev dependency. */
const tsxApi = (caller: string): URL => {
  const require = createRequire(caller)
  const pkg = require.resolve("tsx/package.json")
  const exports = (require(pkg) as { exports: Record<string, { import: { default: string } }> }).exports
  return new URL(exports["./esm/api"]!.import.default, pathToFileURL(pkg))
}

/**
 * Starts the worker script `script` (a path without extension, relative to the calling module, e.g.
 * `"./internal/worker"`) in a worker thread. In a build the script sits next to the caller with the caller's
 * extension (`.js`, or `.cjs` in a CommonJS build) and runs with Node's defaults. From TypeScript sources (tests and
 * benches under the `@innokraft/source` condition, the caller's URL ends in `.ts`) it is the `.ts` file, loaded
 * through tsx in the worker, with the same condition.
 *
 * @example
 * ```ts
 * import { ScriptWorker } from "@innokraft/threads"
 *
 * const worker = ScriptWorker.start(import.meta.url, "./internal/worker", { workerData: job })
 * worker.once("message", (result) => …)
 * ```
 * @since 0.1.0
 */
export const start = (
  caller: string,
  script: string,
  options: Pick<WorkerOptions, "workerData" | "transferList"> = {}
): Worker => {
  const source = caller.endsWith(".ts")
  const url = new URL(`${script}.${source ? "ts" : caller.endsWith(".cjs") ? "cjs" : "js"}`, caller)
  // a built worker gets Node's defaults: inheriting, say, `--conditions=@innokraft/source` from a tsx parent would
  // point its imports at TypeScript sources it cannot load
  if (!source) return new Worker(url, { ...options, execArgv: [] })
  // `--import tsx` in a worker's execArgv is ignored by Node 20, but tsx's ESM tsImport works in any thread
  const boot = `import(${JSON.stringify(tsxApi(caller).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(caller)}))`
  return new Worker(boot, { ...options, eval: true, execArgv: ["--conditions=@innokraft/source"] })
}
