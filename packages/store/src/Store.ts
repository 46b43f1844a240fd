import type { SqlClient, SqlError } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Effect, Layer, Redacted } from "effect"
import type { ConfigError } from "effect/ConfigError"
import * as Audit from "./Audit.js"
import * as Jobs from "./Jobs.js"
import * as Matrices from "./Matrices.js"
import * as Migrations from "./Migrations.js"
import * as Observations from "./Observations.js"
import * as Organisations from "./Organisations.js"
import * as Records from "./Records.js"
import * as Runs from "./Runs.js"
import * as Sessions from "./Sessions.js"
import * as Tokens from "./Tokens.js"
import * as Transfer from "./Transfer.js"
import * as Transitions from "./Transitions.js"
import * as Users from "./Users.js"

/**
 * Every service the store layers provide.
 *
 * @since 0.1.0
 */
export type Services =
  | Organisations.Organisations
  | Tokens.Tokens
  | Records.Records
  | Audit.Audit
  | Observations.Observations
  | Matrices.Matrices
  | Runs.Runs
  | Jobs.Jobs
  | Transitions.Transitions
  | Transfer.Transfer
  | Users.Users
  | Sessions.Sessions

/**
 * The services over any `SqlClient` whose schema is up to date (use {@link layerSqlite} or {@link layerPg}, which
 * also connect and migrate).
 *
 * @since 0.1.0
 */
export const services: Layer.Layer<Services, never, SqlClient.SqlClient> = Layer.mergeAll(
  Organisations.layer,
  Tokens.layer,
  Records.layer,
  Audit.layer,
  Observations.layer,
  Matrices.layer,
  Layer.provideMerge(Jobs.layer, Runs.layer),
  Transitions.layer,
  Transfer.layer,
  Users.layer,
  Sessions.layer
)

/**
 * Options shared by both layers.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The migrations to run at start-up (default: {@link Migrations.all}); tests pass their own. */
  readonly migrations?: ReadonlyArray<Migrations.Migration> | undefined
}

/**
 * @since 0.1.0
 */
export interface SqliteOptions extends Options {
  /** A file path, or `":memory:"`. */
  readonly filename: string
  /** How long a writer waits for another process's lock before failing (default 5000 ms). */
  readonly busyTimeoutMs?: number | undefined
}

/**
 * The embedded store: one SQLite file in WAL mode with foreign keys on and a busy timeout, so that the API and the
 * CLI can share it. Runs pending migrations at start-up.
 *
 * @example
 * ```ts
 * const program = Effect.flatMap(Organisations.Organisations, (orgs) => orgs.list(Caller.anonymous))
 * Effect.runPromise(Effect.provide(program, layerSqlite({ filename: "innokraft.db" })))
 * ```
 * @since 0.1.0
 */
export const layerSqlite = (
  options: SqliteOptions
): Layer.Layer<Services | SqlClient.SqlClient | SqliteClient.SqliteClient, ConfigError | SqlError.SqlError> => {
  const client = SqliteClient.layer({ filename: options.filename })
  const setup = Layer.effectDiscard(
    Effect.gen(function* () {
      const sql = yield* SqliteClient.SqliteClient
      yield* sql.unsafe(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`)
      yield* sql.unsafe("PRAGMA foreign_keys = ON")
      yield* Migrations.run(options.migrations)
    })
  )
  return services.pipe(Layer.provideMerge(setup.pipe(Layer.provideMerge(client))))
}

/**
 * @since 0.1.0
 */
export interface PgOptions extends Options {
  /** A `postgres://` connection URL. */
  readonly url: string
  readonly maxConnections?: number | undefined
}

/**
 * The server store on PostgreSQL (or a PostgreSQL-compatible engine). Runs pending migrations at start-up.
 *
 * @since 0.1.0
 */
export const layerPg = (
  options: PgOptions
): Layer.Layer<Services | SqlClient.SqlClient | PgClient.PgClient, SqlError.SqlError> => {
  const client = PgClient.layer({
    url: Redacted.make(options.url),
    maxConnections: options.maxConnections ?? 10,
    applicationName: "innokraft-store"
  })
  const setup = Layer.effectDiscard(Migrations.run(options.migrations))
  return services.pipe(Layer.provideMerge(setup.pipe(Layer.provideMerge(client))))
}
