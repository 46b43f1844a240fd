import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type { Caller } from "./Caller.js"
import { requireAdminOf } from "./internal/rights.js"
import { int, parseJson } from "./internal/sql.js"
import type { Forbidden } from "./StoreError.js"

/**
 * One change: who made it, when, what it did and the record before and after (JSON). Written in the same
 * transaction as the change itself.
 *
 * @since 0.1.0
 */
export interface Entry {
  readonly seq: number
  readonly organisationId: string
  readonly actor: string
  readonly at: string
  readonly action: string
  readonly entity: string
  readonly entityId: string
  readonly version: number | null
  readonly before: unknown
  readonly after: unknown
}

/**
 * Filters for {@link Service.list}.
 *
 * @since 0.1.0
 */
export interface Filter {
  readonly entity?: string | undefined
  readonly entityId?: string | undefined
  /** Only entries after this sequence number (for paging). */
  readonly after?: number | undefined
  readonly limit?: number | undefined
}

/**
 * @since 0.1.0
 */
export interface Service {
  /** An organisation's audit log, oldest first (its admins, or the system caller). */
  readonly list: (
    caller: Caller,
    organisationId: string,
    filter?: Filter
  ) => Effect.Effect<ReadonlyArray<Entry>, Forbidden | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Audit extends Context.Tag("@innokraft/store/Audit")<Audit, Service>() {}

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return {
    list: (caller, organisationId, filter = {}) =>
      Effect.gen(function* () {
        yield* requireAdminOf(caller, "reading the audit log", organisationId)
        const conditions = [sql`organisation_id = ${organisationId}`, sql`seq > ${filter.after ?? 0}`]
        if (filter.entity !== undefined) conditions.push(sql`entity = ${filter.entity}`)
        if (filter.entityId !== undefined) conditions.push(sql`entity_id = ${filter.entityId}`)
        const limit = Math.max(1, Math.min(10_000, Math.trunc(filter.limit ?? 1000)))
        const rows =
          yield* sql`SELECT seq, organisation_id, actor, at, action, entity, entity_id, version, before, after
          FROM audit_log WHERE ${sql.and(conditions)} ORDER BY seq LIMIT ${limit}`
        return rows.map(
          (row): Entry => ({
            seq: int(row.seq),
            organisationId: String(row.organisation_id),
            actor: String(row.actor),
            at: String(row.at),
            action: String(row.action),
            entity: String(row.entity),
            entityId: String(row.entity_id),
            version: row.version === null || row.version === undefined ? null : int(row.version),
            before: parseJson(row.before),
            after: parseJson(row.after)
          })
        )
      })
  }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Audit, never, SqlClient.SqlClient> = Layer.effect(Audit, make)
