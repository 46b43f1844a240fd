import { createHash, randomBytes } from "node:crypto"
import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { actorOf, type Caller, type Member, member, type Role, roles } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { requireAdminOf } from "./internal/rights.js"
import { now } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import { Forbidden, Invalid, NotFound } from "./StoreError.js"

/**
 * A token as listed: never the secret, only its visible prefix.
 *
 * @since 0.1.0
 */
export interface TokenInfo {
  readonly id: string
  readonly organisationId: string
  readonly role: Role
  readonly label: string
  readonly prefix: string
  readonly createdAt: string
  readonly revokedAt?: string | undefined
}

/**
 * A newly created token: `token` is shown once and stored only as its SHA-256 hash.
 *
 * @since 0.1.0
 */
export interface Created extends TokenInfo {
  readonly token: string
}

/**
 * @since 0.1.0
 */
export interface Service {
  /** Creates a token for an organisation (its admin, or the system caller). */
  readonly create: (
    caller: Caller,
    input: { readonly organisationId: string; readonly role: Role; readonly label: string }
  ) => Effect.Effect<Created, Forbidden | Invalid | NotFound | SqlError.SqlError>
  readonly list: (
    caller: Caller,
    organisationId: string
  ) => Effect.Effect<ReadonlyArray<TokenInfo>, Forbidden | SqlError.SqlError>
  readonly revoke: (caller: Caller, id: string) => Effect.Effect<void, Forbidden | NotFound | SqlError.SqlError>
  /** Turns a presented token into the member it stands for; fails with `Forbidden` for unknown or revoked tokens. */
  readonly verify: (token: string) => Effect.Effect<Member, Forbidden | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Tokens extends Context.Tag("@innokraft/store/Tokens")<Tokens, Service>() {}

/**
 * The SHA-256 hex digest under which a token is stored.
 *
 * @since 0.1.0
 */
export const hash = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex")

/** `ikt_` + 32 random bytes in base64url; the first 12 characters are the visible prefix. */
const generate = (): string => `ikt_${randomBytes(32).toString("base64url")}`

const toInfo = (row: Record<string, unknown>): TokenInfo => ({
  id: String(row.id),
  organisationId: String(row.organisation_id),
  role: row.role as Role,
  label: String(row.label),
  prefix: String(row.prefix),
  createdAt: String(row.created_at),
  revokedAt: row.revoked_at === null || row.revoked_at === undefined ? undefined : String(row.revoked_at)
})

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  return {
    create: (caller, input) =>
      sql.withTransaction(
        Effect.gen(function* () {
          yield* requireAdminOf(caller, "creating a token", input.organisationId)
          if (!roles.includes(input.role)) {
            return yield* new Invalid({
              entity: "token",
              problems: [{ path: "role", message: `expected one of ${roles.join(", ")}` }]
            })
          }
          const label = yield* Validate.text("token", input.label, "label", 200)
          const org = yield* sql`UPDATE organisations SET name = name WHERE id = ${input.organisationId} RETURNING id`
          if (org.length === 0) return yield* new NotFound({ entity: "organisation", id: input.organisationId })
          const token = generate()
          const prefix = token.slice(0, 12)
          const id = randomBytes(8).toString("hex")
          const createdAt = now()
          yield* sql`INSERT INTO api_tokens (id, organisation_id, role, label, prefix, hash, created_at, created_by)
            VALUES (${id}, ${input.organisationId}, ${input.role}, ${label}, ${prefix}, ${hash(token)}, ${createdAt},
              ${actorOf(caller)})`
          const info: TokenInfo = {
            id,
            organisationId: input.organisationId,
            role: input.role,
            label,
            prefix,
            createdAt
          }
          yield* Audit.write(sql, {
            organisationId: input.organisationId,
            actor: actorOf(caller),
            action: "create",
            entity: "token",
            entityId: id,
            version: null,
            before: null,
            after: info
          })
          return { ...info, token }
        })
      ),
    list: (caller, organisationId) =>
      Effect.gen(function* () {
        yield* requireAdminOf(caller, "listing tokens", organisationId)
        const rows = yield* sql`SELECT id, organisation_id, role, label, prefix, created_at, revoked_at
          FROM api_tokens WHERE organisation_id = ${organisationId} ORDER BY created_at, id`
        return rows.map(toInfo)
      }),
    revoke: (caller, id) =>
      sql.withTransaction(
        Effect.gen(function* () {
          // A no-op write first: takes the write lock before reading (see lockOrganisation).
          yield* sql`UPDATE api_tokens SET revoked_at = revoked_at WHERE id = ${id}`
          const rows = yield* sql`SELECT id, organisation_id, role, label, prefix, created_at, revoked_at
            FROM api_tokens WHERE id = ${id}`
          const row = rows[0]
          if (row === undefined) return yield* new NotFound({ entity: "token", id })
          const before = toInfo(row)
          // A member of another organisation learns nothing: the token is "not found" for them.
          if (caller._tag === "Member" && caller.organisationId !== before.organisationId) {
            return yield* new NotFound({ entity: "token", id })
          }
          yield* requireAdminOf(caller, "revoking a token", before.organisationId)
          const revokedAt = now()
          yield* sql`UPDATE api_tokens SET revoked_at = ${revokedAt} WHERE id = ${id} AND revoked_at IS NULL`
          yield* Audit.write(sql, {
            organisationId: before.organisationId,
            actor: actorOf(caller),
            action: "revoke",
            entity: "token",
            entityId: id,
            version: null,
            before,
            after: { ...before, revokedAt }
          })
        })
      ),
    verify: (token) =>
      Effect.gen(function* () {
        const rows = yield* sql`SELECT id, organisation_id, role, label, prefix, created_at, revoked_at
          FROM api_tokens WHERE hash = ${hash(token)}`
        const row = rows[0]
        if (row === undefined) return yield* new Forbidden({ operation: "signing in", reason: "unknown token" })
        const info = toInfo(row)
        if (info.revokedAt !== undefined) {
          return yield* new Forbidden({ operation: "signing in", reason: `token ${info.prefix}… was revoked` })
        }
        return member(info.organisationId, info.role, `token:${info.prefix}`)
      })
  }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Tokens, never, SqlClient.SqlClient> = Layer.effect(Tokens, make)
