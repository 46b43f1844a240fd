/**
 * `@innokraft/store` — persistence for Innokraft on SQLite (embedded default) and PostgreSQL (server): Effect
 * services for every aggregate, tenants and roles, optimistic concurrency, an audit log, bulk imports, backup and
 * a portable JSON export.
 *
 * @since 0.1.0
 */

export * as Audit from "./Audit.js"
export * as Backup from "./Backup.js"
export type { Caller as CallerType, Role } from "./Caller.js"
export * as Caller from "./Caller.js"
export * as Jobs from "./Jobs.js"
export * as Kinds from "./Kinds.js"
export * as Matrices from "./Matrices.js"
export * as Migrations from "./Migrations.js"
export * as Observations from "./Observations.js"
export * as Organisations from "./Organisations.js"
export type { Kind, Repository, Stored, Visibility } from "./Records.js"
export * as Records from "./Records.js"
export * as Runs from "./Runs.js"
export * as Sessions from "./Sessions.js"
export { Throttled } from "./Sessions.js"
export * as Store from "./Store.js"
export { layerPg, layerSqlite } from "./Store.js"
export { Conflict, Forbidden, Inconsistent, Invalid, NotFound, type StoreError } from "./StoreError.js"
export * as Tokens from "./Tokens.js"
export * as Transfer from "./Transfer.js"
export * as Transitions from "./Transitions.js"
export * as Users from "./Users.js"
