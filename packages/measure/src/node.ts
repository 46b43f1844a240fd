/**
 * `@innokraft/measure/node` — the Node-only additions: `Uncertainty` with `runParallel` on `worker_threads`
 * (everything of the main entry's `Uncertainty` too).
 *
 * @since 0.1.0
 */
export * as Uncertainty from "./UncertaintyParallel.js"
