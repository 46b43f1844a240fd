/**
 * The Innokraft HTTP API as a hono application, for embedding and for tests.
 *
 * @since 0.1.0
 */
export { type AppOptions, type LogLine, makeApp } from "./App.js"
export * as Config from "./Config.js"
export * as DashboardStore from "./DashboardStore.js"
export * as Database from "./Database.js"
export type { FieldError, Problem } from "./Problem.js"
export * as Seed from "./Seed.js"
export * as Server from "./Server.js"
