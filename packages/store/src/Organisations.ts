import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { actorOf, type Caller } from "./Caller.js"
import { deleteObservations } from "./internal/bulk.js"
import { requireAdminOf } from "./internal/rights.js"
import { now } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import { Conflict, type Forbidden, type Invalid, NotFound } from "./StoreError.js"

/**
 * An organisation: the owner of every row in the store (a region, a municipality, a cluster organisation).
 *
 * @since 0.1.0
 */
export interface Organisation {
  readonly id: string
  readonly name: string
  readonly createdAt: string
}

/**
 * @since 0.1.0
 */
export interface Service {
  /** Creates an organisation (system caller only). */
  readonly create: (
    caller: Caller,
    organisation: { readonly id: string; readonly name: string }
  ) => Effect.Effect<Organisation, Forbidden | Invalid | Conflict | SqlError.SqlError>
  /** Organisation ids and names are public. */
  readonly get: (caller: Caller, id: string) => Effect.Effect<Organisation, NotFound | SqlError.SqlError>
  readonly list: (caller: Caller) => Effect.Effect<ReadonlyArray<Organisation>, SqlError.SqlError>
  /** Deletes an organisation and everything it owns (system caller only). */
  readonly remove: (caller: Caller, id: string) => Effect.Effect<void, Forbidden | NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Organisations extends Context.Tag("@innokraft/store/Organisations")<Organisations, Service>() {}

const toOrganisation = (row: Record<string, unknown>): Organisation => ({
  id: String(row.id),
  name: String(row.name),
  createdAt: String(row.created_at)
})

const systemOnly = (caller: Caller, operation: string) =>
  // requireAdminOf with an id no member can have: only the system caller passes.
  requireAdminOf(caller._tag === "System" ? caller : { _tag: "Anonymous" }, operation, "")

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const get: Service["get"] = (_caller, id) =>
    Effect.flatMap(sql`SELECT id, name, created_at FROM organisations WHERE id = ${id}`, (rows) =>
      rows[0] === undefined
        ? Effect.fail(new NotFound({ entity: "organisation", id }))
        : Effect.succeed(toOrganisation(rows[0]))
    )
  return {
    create: (caller, input) =>
      Effect.gen(function* () {
        yield* systemOnly(caller, "creating an organisation")
        const id = yield* Validate.id("organisation", input.id)
        const name = yield* Validate.text("organisation", input.name, "name", 500)
        const createdAt = now()
        const rows = yield* sql`INSERT INTO organisations (id, name, created_at, created_by)
          VALUES (${id}, ${name}, ${createdAt}, ${actorOf(caller)})
          ON CONFLICT (id) DO NOTHING RETURNING id`
        if (rows.length === 0) {
          return yield* new Conflict({ entity: "organisation", id, reason: "an organisation with this id exists" })
        }
        return { id, name, createdAt }
      }),
    get,
    list: () =>
      Effect.map(sql`SELECT id, name, created_at FROM organisations ORDER BY id`, (rows) => rows.map(toOrganisation)),
    remove: (caller, id) =>
      Effect.gen(function* () {
        yield* systemOnly(caller, "removing an organisation")
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* deleteObservations(sql, id)
            const rows = yield* sql`DELETE FROM organisations WHERE id = ${id} RETURNING id`
            if (rows.length === 0) return yield* new NotFound({ entity: "organisation", id })
          })
        )
      })
  }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Organisations, never, SqlClient.SqlClient> = Layer.effect(Organisations, make)
