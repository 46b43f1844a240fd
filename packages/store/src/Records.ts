import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type { z } from "zod"
import type { Caller } from "./Caller.js"
import { isInside } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { requireMember, targetOrganisation } from "./internal/rights.js"
import * as Rules from "./internal/rules.js"
import { int, lockOrganisation, now, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import { Conflict, type Forbidden, type Inconsistent, Invalid, NotFound } from "./StoreError.js"

/**
 * Who may read a record: anyone (`public`: published strategies, adopted plans, approved projects …) or only the
 * members of its organisation (`organisation`: drafts and personal data).
 *
 * @since 0.1.0
 */
export type Visibility = "public" | "organisation"

/**
 * An entity kind the store keeps as validated JSON documents: its name, its zod schema (the single source of
 * truth, e.g. `Strategy` of `@innokraft/domain`), and the rule deciding whether a record is published.
 *
 * @since 0.1.0
 */
export interface Kind<T extends { readonly id: string }> {
  readonly name: string
  readonly schema: z.ZodType<T>
  /** The visibility a record's own fields decide (by its status), or `undefined` when the writer chooses. */
  readonly visibility: (body: T) => Visibility | undefined
  /** The visibility of a record whose fields do not decide it and whose writer did not choose. */
  readonly defaultVisibility: Visibility
  /** The status column (for listing and indexes), when the kind has one. */
  readonly status: (body: T) => string | undefined
  /** Personal data: never public, whatever `visibility` says, and left out of exports unless asked for. */
  readonly personal: boolean
}

/**
 * Defines a kind. `published` lists the statuses that make a record public (any other status keeps it inside the
 * organisation); a kind without statuses takes the writer's choice, else `defaultVisibility` (default
 * `organisation`). Personal kinds are never public.
 *
 * @example
 * ```ts
 * const strategy = Records.kind({ name: "strategy", schema: Strategy.Strategy, published: ["consultation", "adopted", "superseded"] })
 * ```
 * @since 0.1.0
 */
export const kind = <T extends { readonly id: string }>(options: {
  readonly name: string
  readonly schema: z.ZodType<T>
  readonly published?: ReadonlyArray<string>
  readonly defaultVisibility?: Visibility
  readonly personal?: boolean
  /** The list of the `@innokraft/domain` workspace document that holds records of this kind: their writes are checked by `Workspace.validate`. */
  readonly workspace?: string
}): Kind<T> => {
  if (options.workspace !== undefined) Rules.register(options.name, options.workspace)
  const statusOf = (body: T): string | undefined => {
    const status = (body as { readonly status?: unknown }).status
    return typeof status === "string" ? status : undefined
  }
  const published = options.published === undefined ? undefined : new Set(options.published)
  const personal = options.personal ?? false
  const visibility = (body: T): Visibility | undefined => {
    if (personal) return "organisation"
    if (published === undefined) return undefined
    const status = statusOf(body)
    return status !== undefined && published.has(status) ? "public" : "organisation"
  }
  return {
    name: options.name,
    schema: options.schema,
    visibility,
    defaultVisibility: personal ? "organisation" : (options.defaultVisibility ?? "organisation"),
    status: statusOf,
    personal
  }
}

/**
 * A record as stored: the validated body with its owner, version and audit stamps.
 *
 * @since 0.1.0
 */
export interface Stored<T> {
  readonly organisationId: string
  readonly kind: string
  readonly id: string
  readonly version: number
  readonly visibility: Visibility
  readonly status?: string | undefined
  readonly body: T
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
  readonly updatedBy: string
}

/**
 * Options of the read methods: which organisation's records to read (default: the caller's own; an anonymous
 * caller without one reads published records of every organisation).
 *
 * @since 0.1.0
 */
export interface ReadOptions {
  readonly organisationId?: string | undefined
}

type Fail = SqlError.SqlError

/**
 * Options of the write methods: the visibility of a record whose kind does not decide it by status (ignored
 * otherwise; personal data is never public).
 *
 * @since 0.1.0
 */
export interface WriteOptions {
  readonly visibility?: Visibility | undefined
}

const resolveVisibility = <T extends { readonly id: string }>(
  kind: Kind<T>,
  body: T,
  options: WriteOptions | undefined,
  current: Visibility | undefined
): Visibility => kind.visibility(body) ?? options?.visibility ?? current ?? kind.defaultVisibility

/**
 * @since 0.1.0
 */
export interface Service {
  readonly get: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    id: string,
    options?: ReadOptions
  ) => Effect.Effect<Stored<T>, NotFound | Fail>
  readonly list: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    options?: ReadOptions
  ) => Effect.Effect<ReadonlyArray<Stored<T>>, Fail>
  /** Creates a record in the caller's organisation (editor or admin); its id is `body.id`. */
  readonly create: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    body: unknown,
    options?: WriteOptions
  ) => Effect.Effect<Stored<T>, Forbidden | Invalid | Inconsistent | Conflict | Fail>
  /** Replaces a record's body if its version is still `expectedVersion`; otherwise `Conflict`. */
  readonly update: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    id: string,
    expectedVersion: number,
    body: unknown,
    options?: WriteOptions
  ) => Effect.Effect<Stored<T>, Forbidden | Invalid | Inconsistent | Conflict | NotFound | Fail>
  readonly remove: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<void, Forbidden | Conflict | NotFound | Fail>
  /** Every record of one organisation the caller may see, of every kind, ordered by kind and id. */
  readonly all: (caller: Caller, organisationId: string) => Effect.Effect<ReadonlyArray<Stored<unknown>>, Fail>
  /**
   * Takes the write lock of a record of the caller's organisation (editor or admin) for the rest of the current
   * transaction, and reads it. Other transactions that lock or change it wait until this one ends: a row lock on
   * PostgreSQL, the database's write lock on SQLite. Run it first in `sql.withTransaction`, so that every later read
   * of the transaction sees the latest committed state. Checks that span several records (a cycle and its ideas) can
   * then not race.
   */
  readonly lock: <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    id: string
  ) => Effect.Effect<Stored<T>, Forbidden | NotFound | Fail>
}

/**
 * The record store: one implementation, in SQL both engines run, behind every document repository.
 *
 * @since 0.1.0
 */
export class Records extends Context.Tag("@innokraft/store/Records")<Records, Service>() {}

const columns =
  "organisation_id, kind, id, version, visibility, status, body, created_at, created_by, updated_at, updated_by"

const toStored = <T>(row: Record<string, unknown>): Stored<T> => ({
  organisationId: String(row.organisation_id),
  kind: String(row.kind),
  id: String(row.id),
  version: int(row.version),
  visibility: row.visibility as Visibility,
  status: row.status === null || row.status === undefined ? undefined : String(row.status),
  body: parseJson(row.body) as T,
  createdAt: String(row.created_at),
  createdBy: String(row.created_by),
  updatedAt: String(row.updated_at),
  updatedBy: String(row.updated_by)
})

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const select = sql.unsafe(columns)

  const get: Service["get"] = (caller, kind, id, options) => {
    const organisationId = targetOrganisation(caller, options?.organisationId)
    if (organisationId === undefined) {
      return Effect.fail(new NotFound({ entity: kind.name, id }))
    }
    const query = isInside(caller, organisationId)
      ? sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND kind = ${kind.name} AND id = ${id}`
      : sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND kind = ${kind.name} AND id = ${id}
          AND visibility = 'public'`
    return Effect.flatMap(query, (rows) =>
      rows[0] === undefined ? Effect.fail(new NotFound({ entity: kind.name, id })) : Effect.succeed(toStored(rows[0]))
    )
  }

  const list: Service["list"] = (caller, kind, options) => {
    const organisationId = targetOrganisation(caller, options?.organisationId)
    const query =
      organisationId === undefined
        ? sql`SELECT ${select} FROM records WHERE kind = ${kind.name} AND visibility = 'public'
            ORDER BY organisation_id, id`
        : isInside(caller, organisationId)
          ? sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND kind = ${kind.name} ORDER BY id`
          : sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND kind = ${kind.name}
              AND visibility = 'public' ORDER BY id`
    return Effect.map(query, (rows) => rows.map((row) => toStored(row)))
  }

  const create: Service["create"] = <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    input: unknown,
    options?: WriteOptions
  ) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, `creating a ${kind.name}`, "editor")
      const body = yield* Validate.schema(kind.name, kind.schema, input)
      const id = yield* Validate.recordId(kind.name, body.id)
      const at = now()
      const visibility = resolveVisibility(kind, body, options, undefined)
      const status = kind.status(body) ?? null
      const stored: Stored<T> = {
        organisationId: who.organisationId,
        kind: kind.name,
        id,
        version: 1,
        visibility,
        status: status ?? undefined,
        body,
        createdAt: at,
        createdBy: who.actor,
        updatedAt: at,
        updatedBy: who.actor
      }
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* serialise(who.organisationId, kind.name)
          const rows = yield* sql`INSERT INTO records (${select})
            VALUES (${who.organisationId}, ${kind.name}, ${id}, 1, ${visibility}, ${status}, ${JSON.stringify(body)},
              ${at}, ${who.actor}, ${at}, ${who.actor})
            ON CONFLICT (organisation_id, kind, id) DO NOTHING RETURNING id`
          if (rows.length === 0) {
            return yield* new Conflict({ entity: kind.name, id, reason: "a record with this id already exists" })
          }
          yield* Rules.checkWrite(sql, who.organisationId, kind.name, undefined, body)
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "create",
            entity: kind.name,
            entityId: id,
            version: 1,
            before: null,
            after: body
          })
          return stored
        })
      )
    })

  /**
   * Writes of workspace records are checked against the organisation's other workspace records: they take the
   * organisation's lock first, so that two checks (a goal deleted, an effort created for it) cannot pass at once.
   */
  const serialise = (organisationId: string, kindName: string) =>
    Rules.isWorkspaceKind(kindName) ? Effect.asVoid(lockOrganisation(sql, organisationId)) : Effect.void

  /** Write-locks a record's row (a no-op update) and reads it. */
  const lockRow = (organisationId: string, kind: string, id: string) =>
    Effect.gen(function* () {
      yield* sql`UPDATE records SET version = version WHERE organisation_id = ${organisationId} AND kind = ${kind}
        AND id = ${id}`
      const rows = yield* sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND kind = ${kind}
        AND id = ${id}`
      if (rows[0] === undefined) return yield* new NotFound({ entity: kind, id })
      return toStored<unknown>(rows[0])
    })

  const lockAndRead = (organisationId: string, kind: string, id: string, expectedVersion: number) =>
    Effect.gen(function* () {
      const current = yield* lockRow(organisationId, kind, id)
      if (current.version !== expectedVersion) {
        return yield* new Conflict({
          entity: kind,
          id,
          expected: expectedVersion,
          actual: current.version,
          reason: `expected version ${expectedVersion} but the record is at version ${current.version}; reload and retry`
        })
      }
      return current
    })

  const update: Service["update"] = <T extends { readonly id: string }>(
    caller: Caller,
    kind: Kind<T>,
    id: string,
    expectedVersion: number,
    input: unknown,
    options?: WriteOptions
  ) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, `updating a ${kind.name}`, "editor")
      const body = yield* Validate.schema(kind.name, kind.schema, input)
      if (body.id !== id) {
        return yield* new Invalid({
          entity: kind.name,
          problems: [{ path: "id", message: `expected the id "${id}" of the record being updated, found "${body.id}"` }]
        })
      }
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* serialise(who.organisationId, kind.name)
          const current = yield* lockAndRead(who.organisationId, kind.name, id, expectedVersion)
          const at = now()
          const visibility = resolveVisibility(kind, body, options, current.visibility)
          const status = kind.status(body) ?? null
          const version = expectedVersion + 1
          yield* sql`UPDATE records SET version = ${version}, visibility = ${visibility}, status = ${status},
              body = ${JSON.stringify(body)}, updated_at = ${at}, updated_by = ${who.actor}
            WHERE organisation_id = ${who.organisationId} AND kind = ${kind.name} AND id = ${id}
              AND version = ${expectedVersion}`
          yield* Rules.checkWrite(sql, who.organisationId, kind.name, current.body as T, body)
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "update",
            entity: kind.name,
            entityId: id,
            version,
            before: current.body,
            after: body
          })
          return {
            ...current,
            version,
            visibility,
            status: status ?? undefined,
            body,
            updatedAt: at,
            updatedBy: who.actor
          } satisfies Stored<T>
        })
      )
    })

  const remove: Service["remove"] = (caller, kind, id, expectedVersion) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, `removing a ${kind.name}`, "editor")
      yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* serialise(who.organisationId, kind.name)
          const current = yield* lockAndRead(who.organisationId, kind.name, id, expectedVersion)
          const drop = (name: string, recordId: string, version: number, before: unknown) =>
            Effect.gen(function* () {
              yield* sql`DELETE FROM records WHERE organisation_id = ${who.organisationId} AND kind = ${name}
                AND id = ${recordId}`
              yield* Audit.write(sql, {
                organisationId: who.organisationId,
                actor: who.actor,
                action: "delete",
                entity: name,
                entityId: recordId,
                version,
                before,
                after: null
              })
            })
          if (kind.personal) {
            // Erasure (GDPR art. 17): the person leaves the audit log too, in this transaction; what remains says
            // that an erasure happened, by whom and when.
            const redacted = yield* sql`UPDATE audit_log SET before = NULL, after = NULL
              WHERE organisation_id = ${who.organisationId} AND entity = ${kind.name} AND entity_id = ${id}
              RETURNING seq`
            yield* drop(kind.name, id, current.version, null)
            yield* Audit.write(sql, {
              organisationId: who.organisationId,
              actor: who.actor,
              action: "erase",
              entity: kind.name,
              entityId: id,
              version: current.version,
              before: null,
              after: { redactedEntries: redacted.length }
            })
          } else {
            yield* drop(kind.name, id, current.version, current.body)
          }
          // Records that cannot live without this one go with it (each audited); other referrers refuse the delete.
          yield* Rules.checkDelete(
            sql,
            who.organisationId,
            kind.name,
            current.body as { readonly id: string },
            (list, childId) =>
              Effect.flatMap(lockRow(who.organisationId, Rules.kindOf(list), childId), (child) =>
                drop(child.kind, child.id, child.version, child.body)
              )
          )
        })
      )
    })

  const all: Service["all"] = (caller, organisationId) =>
    Effect.map(
      isInside(caller, organisationId)
        ? sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} ORDER BY kind, id`
        : sql`SELECT ${select} FROM records WHERE organisation_id = ${organisationId} AND visibility = 'public'
            ORDER BY kind, id`,
      (rows) => rows.map((row) => toStored(row))
    )

  const lock: Service["lock"] = <T extends { readonly id: string }>(caller: Caller, kind: Kind<T>, id: string) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, `changing a ${kind.name}`, "editor")
      return (yield* lockRow(who.organisationId, kind.name, id)) as Stored<T>
    })

  return { get, list, create, update, remove, all, lock }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Records, never, SqlClient.SqlClient> = Layer.effect(Records, make)

/**
 * The repository of one aggregate: the {@link Service} methods with the kind filled in.
 *
 * @since 0.1.0
 */
export interface Repository<T extends { readonly id: string }> {
  readonly kind: Kind<T>
  readonly get: (
    caller: Caller,
    id: string,
    options?: ReadOptions
  ) => Effect.Effect<Stored<T>, NotFound | Fail, Records>
  readonly list: (caller: Caller, options?: ReadOptions) => Effect.Effect<ReadonlyArray<Stored<T>>, Fail, Records>
  readonly create: (
    caller: Caller,
    body: unknown,
    options?: WriteOptions
  ) => Effect.Effect<Stored<T>, Forbidden | Invalid | Inconsistent | Conflict | Fail, Records>
  readonly update: (
    caller: Caller,
    id: string,
    expectedVersion: number,
    body: unknown,
    options?: WriteOptions
  ) => Effect.Effect<Stored<T>, Forbidden | Invalid | Inconsistent | Conflict | NotFound | Fail, Records>
  readonly remove: (
    caller: Caller,
    id: string,
    expectedVersion: number
  ) => Effect.Effect<void, Forbidden | Conflict | NotFound | Fail, Records>
}

/**
 * The repository for one kind.
 *
 * @example
 * ```ts
 * const strategies = Records.repository(Kinds.strategy)
 * const saved = yield* strategies.create(caller, strategy)
 * ```
 * @since 0.1.0
 */
export const repository = <T extends { readonly id: string }>(kind: Kind<T>): Repository<T> => ({
  kind,
  get: (caller, id, options) => Effect.flatMap(Records, (records) => records.get(caller, kind, id, options)),
  list: (caller, options) => Effect.flatMap(Records, (records) => records.list(caller, kind, options)),
  create: (caller, body, options) => Effect.flatMap(Records, (records) => records.create(caller, kind, body, options)),
  update: (caller, id, expectedVersion, body, options) =>
    Effect.flatMap(Records, (records) => records.update(caller, kind, id, expectedVersion, body, options)),
  remove: (caller, id, expectedVersion) =>
    Effect.flatMap(Records, (records) => records.remove(caller, kind, id, expectedVersion))
})
