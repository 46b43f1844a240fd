/**
 * `@innokraft/s3/node` — the Node-only additions: `Analysis` with `runParallel` on `worker_threads` (everything of the
 * main entry's `Analysis` too).
 *
 * @since 0.1.0
 */
export * as Analysis from "./AnalysisParallel.js"
