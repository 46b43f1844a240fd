import type { IncomingMessage } from "node:http"
import { Tokens } from "@innokraft/store"
import { Effect } from "effect"
import type { Context, MiddlewareHandler } from "hono"
import type { Database } from "../Database.js"
import { ProblemError } from "../Problem.js"
import type { FailureThrottle } from "./throttle.js"

/** The node request behind a hono request served by @hono/node-server (absent under `app.request`). */
export const incomingOf = (c: Context): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming

/** The client's address as the socket sees it (`unknown` when not served over a socket). */
export const clientAddress = (c: Context): string => incomingOf(c)?.socket?.remoteAddress ?? "unknown"

const bearer = /^Bearer\s+(\S{1,512})\s*$/i

/**
 * Bearer tokens on `/v1/*`: none = anonymous (published records only, no writes); an unknown, revoked or malformed
 * token is 401 and counts as a failure of the client's address; an address with `throttle.limit` failures in the
 * last minute gets 429 with `Retry-After` for every request that presents a token, before the token is looked at.
 * Answers to a member carry `Cache-Control: private, no-store` (they may hold drafts and personal data).
 */
export const bearerAuth =
  (db: Database, throttle: FailureThrottle): MiddlewareHandler =>
  async (c, next) => {
    const header = c.req.header("authorization")
    if (header === undefined) {
      c.set("caller", { _tag: "Anonymous" })
    } else {
      const address = clientAddress(c)
      const wait = throttle.retryAfter(address)
      if (wait !== undefined) {
        throw new ProblemError(429, `Too many failed tokens from this address; try again in ${wait} s.`, undefined, {
          "retry-after": String(wait)
        })
      }
      const match = bearer.exec(header)
      const caller =
        match === null
          ? undefined
          : await db.run(Effect.flatMap(Tokens.Tokens, (t) => t.verify(match[1]!))).catch((error: unknown) => {
              // An unknown or revoked token is the store's Forbidden (403 here); a database failure stays a 503.
              if (error instanceof ProblemError && error.status === 403) return undefined
              throw error
            })
      if (caller === undefined) {
        throttle.fail(address)
        const invalid = { "www-authenticate": 'Bearer realm="innokraft", error="invalid_token"' }
        if (match === null) throw new ProblemError(401, 'Expected "Authorization: Bearer <token>".', undefined, invalid)
        throw new ProblemError(401, "The token is unknown or revoked.", undefined, invalid)
      }
      c.set("caller", caller)
    }
    const method = c.req.method
    if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && c.get("caller")._tag === "Anonymous") {
      throw new ProblemError(401, 'Writing needs a token: send "Authorization: Bearer <token>".')
    }
    await next()
    if (c.get("caller")._tag === "Member") c.header("cache-control", "private, no-store")
  }
