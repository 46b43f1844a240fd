import { Effect } from "effect"

// The packages a command needs are loaded when it runs: loading all of them up front cost every command (even
// `--version`) ~150 ms, most of it building zod schemas.

/** `@innokraft/domain`, loaded on first use. */
export const domain = Effect.promise(() => import("@innokraft/domain"))
/** `@innokraft/loop`, loaded on first use. */
export const loop = Effect.promise(() => import("@innokraft/loop"))
/** `@innokraft/measure`, loaded on first use. */
export const measure = Effect.promise(() => import("@innokraft/measure"))
/** `@innokraft/reference`, loaded on first use. */
export const reference = Effect.promise(() => import("@innokraft/reference"))
/** `@innokraft/report`, loaded on first use. */
export const report = Effect.promise(() => import("@innokraft/report"))
/** `@innokraft/s3`, loaded on first use. */
export const s3 = Effect.promise(() => import("@innokraft/s3"))
/** `@innokraft/s3/node` (`Analysis.runParallel`), loaded on first use. */
export const s3Node = Effect.promise(() => import("@innokraft/s3/node"))
