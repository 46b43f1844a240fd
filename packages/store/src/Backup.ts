import type { SqlError } from "@effect/sql"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Context, Effect, Layer } from "effect"
import type { ConfigError } from "effect/ConfigError"

/**
 * Pages copied by a backup.
 *
 * @since 0.1.0
 */
export type Metadata = SqliteClient.BackupMetadata

/**
 * An online backup of the connected SQLite database to a file (SQLite's backup API: consistent while the API and
 * CLI keep reading and writing). For PostgreSQL use `pg_dump`, or the `Transfer` service's
 * JSON export.
 *
 * @since 0.1.0
 */
export const toFile = (destination: string): Effect.Effect<Metadata, SqlError.SqlError, SqliteClient.SqliteClient> =>
  Effect.flatMap(SqliteClient.SqliteClient, (sql) => sql.backup(destination))

/**
 * Restores a backup file to `destination` by copying it page by page with the same backup API. Stop the API and
 * other writers of `destination` first.
 *
 * @since 0.1.0
 */
export const restore = (options: {
  readonly from: string
  readonly to: string
}): Effect.Effect<Metadata, SqlError.SqlError | ConfigError> =>
  Effect.scoped(
    Effect.gen(function* () {
      const context = yield* Layer.build(SqliteClient.layer({ filename: options.from, readonly: true }))
      const sql = Context.get(context, SqliteClient.SqliteClient)
      return yield* sql.backup(options.to)
    })
  )
