import { randomBytes } from "node:crypto"
import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Data, Effect, Layer } from "effect"
import { type Member, member } from "./Caller.js"
import * as Password from "./internal/password.js"
import { int, now } from "./internal/sql.js"
import { toUser, userColumns } from "./internal/users.js"
import { Forbidden, NotFound } from "./StoreError.js"
import { hash } from "./Tokens.js"
import { normaliseEmail, type User } from "./Users.js"

/**
 * Too many failed sign-ins for an e-mail in a row: no attempt is checked until `until`.
 *
 * @since 0.1.0
 */
export class Throttled extends Data.TaggedError("Throttled")<{ readonly until: string }> {
  override get message(): string {
    return `signing in is paused after too many failed attempts; try again after ${this.until}`
  }
}

/**
 * A signed-in session as the web workspace sees it: the user, the caller every store method takes, and the CSRF
 * token every form of the session must carry.
 *
 * @since 0.1.0
 */
export interface Session {
  readonly user: User
  readonly member: Member
  readonly csrf: string
  readonly expiresAt: string
}

/**
 * A session just opened: `token` goes into the cookie and is stored only as its SHA-256 hash.
 *
 * @since 0.1.0
 */
export interface Opened extends Session {
  readonly token: string
}

/**
 * Failed sign-ins in a row after which an e-mail is throttled.
 *
 * @since 0.1.0
 */
export const maxFailures = 5

/**
 * How long sign-in stays paused after the last failure once {@link maxFailures} is reached: fifteen minutes. Every
 * further failure after the pause starts another one.
 *
 * @since 0.1.0
 */
export const throttleMs = 15 * 60 * 1000

/**
 * How long a session lasts unless the caller of `signIn` says otherwise: eight hours, a working day.
 *
 * @since 0.1.0
 */
export const defaultTtlMs = 8 * 60 * 60 * 1000

/**
 * @since 0.1.0
 */
export interface Service {
  /**
   * Checks an e-mail and password and opens a new session. The session presented before (`previous`, e.g. the
   * cookie of an earlier sign-in) is closed, so a session id never survives a sign-in. A wrong e-mail or password is
   * `Forbidden` with the same words for both; after {@link maxFailures} failures in a row the e-mail is `Throttled`.
   */
  readonly signIn: (
    email: string,
    password: string,
    options?: { readonly previous?: string | undefined; readonly ttlMs?: number | undefined }
  ) => Effect.Effect<Opened, Forbidden | Throttled | SqlError.SqlError>
  /** The session of a cookie; an unknown or expired one is `NotFound` (an expired one is deleted). */
  readonly verify: (token: string) => Effect.Effect<Session, NotFound | SqlError.SqlError>
  /** Closes one session (unknown ones are ignored). */
  readonly signOut: (token: string) => Effect.Effect<void, SqlError.SqlError>
  /** Closes every session of the user of `token`, on every device; returns how many were closed. */
  readonly signOutEverywhere: (token: string) => Effect.Effect<number, NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Sessions extends Context.Tag("@innokraft/store/Sessions")<Sessions, Service>() {}

const wrong = new Forbidden({ operation: "signing in", reason: "wrong e-mail or password" })

const sessionOf = (user: User, csrf: string, expiresAt: string): Session => ({
  user,
  member: member(user.organisationId, user.role, `user:${user.id}`),
  csrf,
  expiresAt
})

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const columns = sql.unsafe(userColumns)

  const fail = (email: string) =>
    Effect.zipRight(
      sql`INSERT INTO sign_in_failures (email, failures, last_at) VALUES (${email}, 1, ${now()})
        ON CONFLICT (email) DO UPDATE SET failures = sign_in_failures.failures + 1, last_at = excluded.last_at`,
      Effect.fail(wrong)
    )

  return {
    signIn: (rawEmail, password, options) =>
      Effect.gen(function* () {
        const email = yield* Effect.mapError(normaliseEmail(rawEmail), () => wrong)
        const failures = (yield* sql`SELECT failures, last_at FROM sign_in_failures WHERE email = ${email}`)[0]
        if (failures !== undefined && int(failures.failures) >= maxFailures) {
          const until = Date.parse(String(failures.last_at)) + throttleMs
          if (until > Date.now()) return yield* new Throttled({ until: new Date(until).toISOString() })
        }
        const row = (yield* sql`SELECT ${columns} FROM users WHERE email = ${email}`)[0]
        const stored = row?.password_hash
        // An unknown e-mail (or one without a password yet) costs a hash too, so timing does not tell them apart.
        const matches = yield* Password.verify(password, typeof stored === "string" ? stored : yield* Password.decoy)
        if (row === undefined || typeof stored !== "string" || !matches) return yield* fail(email)
        const user = toUser(row)
        const token = `iks_${randomBytes(32).toString("base64url")}`
        const csrf = randomBytes(32).toString("base64url")
        const at = now()
        const expiresAt = new Date(Date.parse(at) + (options?.ttlMs ?? defaultTtlMs)).toISOString()
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* sql`DELETE FROM sign_in_failures WHERE email = ${email}`
            if (options?.previous !== undefined) yield* sql`DELETE FROM sessions WHERE hash = ${hash(options.previous)}`
            yield* sql`DELETE FROM sessions WHERE user_id = ${user.id} AND expires_at < ${at}`
            yield* sql`INSERT INTO sessions (hash, user_id, csrf, created_at, expires_at)
              VALUES (${hash(token)}, ${user.id}, ${csrf}, ${at}, ${expiresAt})`
          })
        )
        return { ...sessionOf(user, csrf, expiresAt), token }
      }),
    verify: (token) =>
      Effect.gen(function* () {
        const rows =
          yield* sql`SELECT u.id, u.organisation_id, u.email, u.role, u.password_hash, u.created_at, s.csrf, s.expires_at
          FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.hash = ${hash(token)}`
        const row = rows[0]
        if (row === undefined) return yield* new NotFound({ entity: "session", id: "(cookie)" })
        const expiresAt = String(row.expires_at)
        if (Date.parse(expiresAt) <= Date.now()) {
          yield* sql`DELETE FROM sessions WHERE hash = ${hash(token)}`
          return yield* new NotFound({ entity: "session", id: "(cookie)" })
        }
        return sessionOf(toUser(row), String(row.csrf), expiresAt)
      }),
    signOut: (token) => Effect.asVoid(sql`DELETE FROM sessions WHERE hash = ${hash(token)}`),
    signOutEverywhere: (token) =>
      sql.withTransaction(
        Effect.gen(function* () {
          const rows = yield* sql`SELECT user_id FROM sessions WHERE hash = ${hash(token)}`
          if (rows[0] === undefined) return yield* new NotFound({ entity: "session", id: "(cookie)" })
          const closed = yield* sql`DELETE FROM sessions WHERE user_id = ${String(rows[0].user_id)} RETURNING hash`
          return closed.length
        })
      )
  }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Sessions, never, SqlClient.SqlClient> = Layer.effect(Sessions, make)
