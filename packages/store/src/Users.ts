import { randomBytes } from "node:crypto"
import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { actorOf, type Caller, type Role, roles } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import * as Password from "./internal/password.js"
import { requireAdminOf } from "./internal/rights.js"
import { now } from "./internal/sql.js"
import { toUser, userColumns } from "./internal/users.js"
import { Conflict, type Forbidden, Invalid, NotFound } from "./StoreError.js"
import { hash } from "./Tokens.js"

/**
 * A person who signs in to the web workspace: a member of one organisation with one role. The password is never
 * part of it (only its scrypt hash is stored); `active` says whether a password has been set.
 *
 * @since 0.1.0
 */
export interface User {
  readonly id: string
  readonly organisationId: string
  readonly email: string
  readonly role: Role
  readonly active: boolean
  readonly createdAt: string
}

/**
 * An invitation: the user and the one-time secret of the link that sets their password (shown once, stored hashed).
 *
 * @since 0.1.0
 */
export interface Invited {
  readonly user: User
  readonly token: string
  readonly expiresAt: string
}

/**
 * The shortest password accepted (NIST SP 800-63B asks for at least 8; longer is better against guessing).
 *
 * @since 0.1.0
 */
export const minPasswordLength = 12

/**
 * The longest password accepted (the hash's cost grows with it).
 *
 * @since 0.1.0
 */
export const maxPasswordLength = 1024

/**
 * How long an invitation link stays valid unless the inviter says otherwise: seven days.
 *
 * @since 0.1.0
 */
export const defaultInviteTtlMs = 7 * 24 * 60 * 60 * 1000

/**
 * @since 0.1.0
 */
export interface Service {
  /**
   * Invites a person into an organisation with a role (its admin, or the system caller). A new e-mail becomes a user
   * without a password; inviting an existing user of the same organisation again issues a new link (a password
   * reset) and replaces the earlier one. An e-mail of another organisation is a `Conflict`.
   */
  readonly invite: (
    caller: Caller,
    input: {
      readonly organisationId: string
      readonly email: string
      readonly role: Role
      readonly ttlMs?: number | undefined
    }
  ) => Effect.Effect<Invited, Forbidden | Invalid | NotFound | Conflict | SqlError.SqlError>
  /**
   * Sets the password of an invitation's user and uses the invitation up; every session the user had is closed.
   * An unknown, used or expired invitation is `NotFound`; a password outside the length bounds is `Invalid`.
   */
  readonly acceptInvite: (
    token: string,
    password: string
  ) => Effect.Effect<User, NotFound | Invalid | SqlError.SqlError>
  /** The users of an organisation (its admins, or the system caller). */
  readonly list: (
    caller: Caller,
    organisationId: string
  ) => Effect.Effect<ReadonlyArray<User>, Forbidden | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Users extends Context.Tag("@innokraft/store/Users")<Users, Service>() {}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * The e-mail as the store keys it (trimmed, lower case), or `Invalid` naming the field.
 *
 * @since 0.1.0
 */
export const normaliseEmail = (email: string): Effect.Effect<string, Invalid> => {
  const value = email.trim().toLowerCase()
  return value.length <= 254 && emailPattern.test(value)
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity: "user",
          problems: [{ path: "email", message: "expected an e-mail address such as anna@example.se" }]
        })
      )
}

const checkPassword = (password: string): Effect.Effect<string, Invalid> =>
  password.length >= minPasswordLength && password.length <= maxPasswordLength
    ? Effect.succeed(password)
    : Effect.fail(
        new Invalid({
          entity: "user",
          problems: [
            {
              path: "password",
              message: `expected a password of ${minPasswordLength} to ${maxPasswordLength} characters, found ${password.length}`
            }
          ]
        })
      )

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const columns = sql.unsafe(userColumns)
  return {
    invite: (caller, input) =>
      sql.withTransaction(
        Effect.gen(function* () {
          yield* requireAdminOf(caller, "inviting a user", input.organisationId)
          if (!roles.includes(input.role)) {
            return yield* new Invalid({
              entity: "user",
              problems: [{ path: "role", message: `expected one of ${roles.join(", ")}` }]
            })
          }
          const email = yield* normaliseEmail(input.email)
          const org = yield* sql`UPDATE organisations SET name = name WHERE id = ${input.organisationId} RETURNING id`
          if (org.length === 0) return yield* new NotFound({ entity: "organisation", id: input.organisationId })
          const at = now()
          const existing = (yield* sql`SELECT ${columns} FROM users WHERE email = ${email}`)[0]
          let user: User
          if (existing === undefined) {
            user = {
              id: randomBytes(8).toString("hex"),
              organisationId: input.organisationId,
              email,
              role: input.role,
              active: false,
              createdAt: at
            }
            yield* sql`INSERT INTO users (id, organisation_id, email, role, password_hash, created_at, created_by, updated_at)
              VALUES (${user.id}, ${user.organisationId}, ${email}, ${user.role}, ${null}, ${at}, ${actorOf(caller)}, ${at})`
          } else {
            const before = toUser(existing)
            if (before.organisationId !== input.organisationId) {
              return yield* new Conflict({ entity: "user", id: email, reason: "this e-mail is already registered" })
            }
            yield* sql`UPDATE users SET role = ${input.role}, updated_at = ${at} WHERE id = ${before.id}`
            user = { ...before, role: input.role }
          }
          const token = `iki_${randomBytes(32).toString("base64url")}`
          const expiresAt = new Date(Date.parse(at) + (input.ttlMs ?? defaultInviteTtlMs)).toISOString()
          yield* sql`DELETE FROM user_invites WHERE user_id = ${user.id}`
          yield* sql`INSERT INTO user_invites (hash, user_id, created_at, created_by, expires_at)
            VALUES (${hash(token)}, ${user.id}, ${at}, ${actorOf(caller)}, ${expiresAt})`
          yield* Audit.write(sql, {
            organisationId: user.organisationId,
            actor: actorOf(caller),
            action: existing === undefined ? "create" : "update",
            entity: "user",
            entityId: user.id,
            version: null,
            before: existing === undefined ? null : toUser(existing),
            after: { ...user, invitedUntil: expiresAt }
          })
          return { user, token, expiresAt }
        })
      ),
    acceptInvite: (token, password) =>
      Effect.gen(function* () {
        yield* checkPassword(password)
        // Hash outside the transaction: tens of milliseconds that should not hold SQLite's write lock.
        const passwordHash = yield* Password.hash(password)
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            const gone = new NotFound({ entity: "invitation", id: "(link)" })
            const invites =
              yield* sql`DELETE FROM user_invites WHERE hash = ${hash(token)} RETURNING user_id, expires_at`
            const invite = invites[0]
            if (invite === undefined) return yield* gone
            if (Date.parse(String(invite.expires_at)) <= Date.now()) return yield* gone
            const at = now()
            const rows = yield* sql`UPDATE users SET password_hash = ${passwordHash}, updated_at = ${at}
              WHERE id = ${String(invite.user_id)} RETURNING ${columns}`
            const user = toUser(rows[0]!)
            yield* sql`DELETE FROM sessions WHERE user_id = ${user.id}`
            yield* Audit.write(sql, {
              organisationId: user.organisationId,
              actor: `user:${user.id}`,
              action: "update",
              entity: "user",
              entityId: user.id,
              version: null,
              before: null,
              after: { passwordSet: at }
            })
            return user
          })
        )
      }),
    list: (caller, organisationId) =>
      Effect.gen(function* () {
        yield* requireAdminOf(caller, "listing users", organisationId)
        const rows = yield* sql`SELECT ${columns} FROM users WHERE organisation_id = ${organisationId} ORDER BY email`
        return rows.map(toUser)
      })
  }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Users, never, SqlClient.SqlClient> = Layer.effect(Users, make)
