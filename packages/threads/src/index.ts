/**
 * `@innokraft/threads` — worker threads for the compute packages (`@innokraft/measure/node`, `@innokraft/s3/node`):
 * a package's worker script started from its build, or from its TypeScript sources in development. Node only.
 *
 * @since 0.1.0
 */
export * as Pool from "./Pool.js"
export * as ScriptWorker from "./ScriptWorker.js"
