import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type { Caller } from "./Caller.js"
import { isInside } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { requireMember, targetOrganisation } from "./internal/rights.js"
import { int, now, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import type { Visibility } from "./Records.js"
import { Conflict, type Forbidden, Invalid, NotFound } from "./StoreError.js"

/**
 * The two kinds of computation whose results the store keeps: a composite-indicator measurement
 * (`@innokraft/measure`) and a smart-specialisation analysis (`@innokraft/s3`).
 *
 * @since 0.1.0
 */
export type RunKind = "measurement" | "s3"

/**
 * A run: its parameters and (once finished) its result, both JSON.
 *
 * @since 0.1.0
 */
export interface Run {
  readonly organisationId: string
  readonly id: string
  readonly kind: RunKind
  readonly version: number
  readonly visibility: Visibility
  readonly status: string
  readonly parameters: unknown
  readonly result: unknown
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
  readonly updatedBy: string
}

/**
 * What {@link Service.create} takes.
 *
 * @since 0.1.0
 */
export interface NewRun {
  readonly id: string
  readonly kind: RunKind
  readonly status?: string | undefined
  readonly parameters: unknown
  readonly result?: unknown
  readonly visibility?: Visibility | undefined
}

/**
 * The fields {@link Service.update} may change.
 *
 * @since 0.1.0
 */
export interface RunPatch {
  readonly status?: string | undefined
  readonly result?: unknown
  readonly visibility?: Visibility | undefined
}

/**
 * @since 0.1.0
 */
export interface Service {
  readonly create: (
    caller: Caller,
    run: NewRun
  ) => Effect.Effect<Run, Forbidden | Invalid | Conflict | SqlError.SqlError>
  readonly get: (
    caller: Caller,
    id: string,
    options?: { readonly organisationId?: string | undefined }
  ) => Effect.Effect<Run, NotFound | SqlError.SqlError>
  readonly list: (
    caller: Caller,
    options?: { readonly organisationId?: string | undefined; readonly kind?: RunKind | undefined }
  ) => Effect.Effect<ReadonlyArray<Run>, SqlError.SqlError>
  readonly update: (
    caller: Caller,
    id: string,
    expectedVersion: number,
    patch: RunPatch
  ) => Effect.Effect<Run, Forbidden | Invalid | Conflict | NotFound | SqlError.SqlError>
  readonly remove: (
    caller: Caller,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<void, Forbidden | Conflict | NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Runs extends Context.Tag("@innokraft/store/Runs")<Runs, Service>() {}

const columns =
  "organisation_id, id, kind, version, visibility, status, parameters, result, created_at, created_by, updated_at, updated_by"

const toRun = (row: Record<string, unknown>): Run => ({
  organisationId: String(row.organisation_id),
  id: String(row.id),
  kind: row.kind as RunKind,
  version: int(row.version),
  visibility: row.visibility as Visibility,
  status: String(row.status),
  parameters: parseJson(row.parameters),
  result: parseJson(row.result),
  createdAt: String(row.created_at),
  createdBy: String(row.created_by),
  updatedAt: String(row.updated_at),
  updatedBy: String(row.updated_by)
})

const checkVisibility = (value: unknown): Effect.Effect<Visibility | undefined, Invalid> =>
  value === undefined || value === "public" || value === "organisation"
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity: "run",
          problems: [{ path: "visibility", message: 'expected "public" or "organisation"' }]
        })
      )

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value))

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const select = sql.unsafe(columns)

  const create: Service["create"] = (caller, input) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "creating a run", "editor")
      const id = yield* Validate.id("run", input.id)
      if (input.kind !== "measurement" && input.kind !== "s3") {
        return yield* new Invalid({
          entity: "run",
          problems: [{ path: "kind", message: 'expected "measurement" or "s3"' }]
        })
      }
      const visibility = (yield* checkVisibility(input.visibility)) ?? "organisation"
      const status = yield* Validate.text("run", input.status ?? "done", "status", 100)
      yield* Validate.hostile("run", { parameters: input.parameters, result: input.result })
      const at = now()
      const run: Run = {
        organisationId: who.organisationId,
        id,
        kind: input.kind,
        version: 1,
        visibility,
        status,
        parameters: input.parameters ?? null,
        result: input.result ?? null,
        createdAt: at,
        createdBy: who.actor,
        updatedAt: at,
        updatedBy: who.actor
      }
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const rows = yield* sql`INSERT INTO runs (${select}) VALUES (${who.organisationId}, ${id}, ${input.kind}, 1,
            ${visibility}, ${status}, ${json(run.parameters) ?? "null"}, ${json(input.result)}, ${at}, ${who.actor},
            ${at}, ${who.actor})
            ON CONFLICT (organisation_id, id) DO NOTHING RETURNING id`
          if (rows.length === 0) return yield* new Conflict({ entity: "run", id, reason: "a run with this id exists" })
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "create",
            entity: "run",
            entityId: id,
            version: 1,
            before: null,
            after: run
          })
          return run
        })
      )
    })

  const get: Service["get"] = (caller, id, options = {}) => {
    const org = targetOrganisation(caller, options.organisationId)
    if (org === undefined) return Effect.fail(new NotFound({ entity: "run", id }))
    const query = isInside(caller, org)
      ? sql`SELECT ${select} FROM runs WHERE organisation_id = ${org} AND id = ${id}`
      : sql`SELECT ${select} FROM runs WHERE organisation_id = ${org} AND id = ${id} AND visibility = 'public'`
    return Effect.flatMap(query, (rows) =>
      rows[0] === undefined ? Effect.fail(new NotFound({ entity: "run", id })) : Effect.succeed(toRun(rows[0]))
    )
  }

  const list: Service["list"] = (caller, options = {}) => {
    const org = targetOrganisation(caller, options.organisationId)
    const conditions = []
    if (org !== undefined) conditions.push(sql`organisation_id = ${org}`)
    if (org === undefined || !isInside(caller, org)) conditions.push(sql`visibility = 'public'`)
    if (options.kind !== undefined) conditions.push(sql`kind = ${options.kind}`)
    return Effect.map(
      sql`SELECT ${select} FROM runs WHERE ${sql.and(conditions)} ORDER BY organisation_id, created_at, id`,
      (rows) => rows.map(toRun)
    )
  }

  const lockAndRead = (org: string, id: string, expectedVersion: number) =>
    Effect.gen(function* () {
      yield* sql`UPDATE runs SET version = version WHERE organisation_id = ${org} AND id = ${id}`
      const rows = yield* sql`SELECT ${select} FROM runs WHERE organisation_id = ${org} AND id = ${id}`
      if (rows[0] === undefined) return yield* new NotFound({ entity: "run", id })
      const current = toRun(rows[0])
      if (current.version !== expectedVersion) {
        return yield* new Conflict({
          entity: "run",
          id,
          expected: expectedVersion,
          actual: current.version,
          reason: `expected version ${expectedVersion} but the run is at version ${current.version}; reload and retry`
        })
      }
      return current
    })

  const update: Service["update"] = (caller, id, expectedVersion, patch) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "updating a run", "editor")
      const visibility = yield* checkVisibility(patch.visibility)
      const status = patch.status === undefined ? undefined : yield* Validate.text("run", patch.status, "status", 100)
      yield* Validate.hostile("run", { result: patch.result })
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const current = yield* lockAndRead(who.organisationId, id, expectedVersion)
          const at = now()
          const next: Run = {
            ...current,
            version: expectedVersion + 1,
            visibility: visibility ?? current.visibility,
            status: status ?? current.status,
            result: patch.result === undefined ? current.result : patch.result,
            updatedAt: at,
            updatedBy: who.actor
          }
          yield* sql`UPDATE runs SET version = ${next.version}, visibility = ${next.visibility}, status = ${next.status},
              result = ${json(next.result)}, updated_at = ${at}, updated_by = ${who.actor}
            WHERE organisation_id = ${who.organisationId} AND id = ${id} AND version = ${expectedVersion}`
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "update",
            entity: "run",
            entityId: id,
            version: next.version,
            before: current,
            after: next
          })
          return next
        })
      )
    })

  const remove: Service["remove"] = (caller, id, expectedVersion) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "removing a run", "editor")
      yield* sql.withTransaction(
        Effect.gen(function* () {
          const current = yield* lockAndRead(who.organisationId, id, expectedVersion)
          yield* sql`DELETE FROM runs WHERE organisation_id = ${who.organisationId} AND id = ${id}`
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "delete",
            entity: "run",
            entityId: id,
            version: current.version,
            before: current,
            after: null
          })
        })
      )
    })

  return { create, get, list, update, remove }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Runs, never, SqlClient.SqlClient> = Layer.effect(Runs, make)
