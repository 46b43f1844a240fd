/**
 * The Innokraft HTTP API as a hono application, for embedding and for tests.
 *
 * @since 0.1.0
 */
export { type AppOptions, type LogLine, makeApp } from "./App.js"
export * as Config from "./Config.js"
export type { FieldError, Problem } from "./Problem.js"
