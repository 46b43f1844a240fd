import { randomBytes, timingSafeEqual } from "node:crypto"
import { Organisations, Sessions } from "@innokraft/store"
import { Effect, Either } from "effect"
import type { Context, MiddlewareHandler } from "hono"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import type { Runner } from "../Runner.js"
import { langOf } from "./text.js"
import type { View } from "./view.js"

/** The cookie holding the session token. */
export const sessionCookie = "ikw_session"
/** The cookie holding the CSRF token of a visitor who is not signed in (double-submit for the sign-in forms). */
export const csrfCookie = "ikw_csrf"

/** The variables the workspace's middleware sets for its handlers. */
export interface Env {
  Variables: {
    view: View
    /** The session cookie's token as presented (valid or not), for rotation at sign-in and for signing out. */
    token: string | undefined
    /** The parsed form of a POST whose CSRF token matched. */
    form: Record<string, string | ReadonlyArray<string>>
  }
}

/** Whether the request reached us over TLS (directly, or through a proxy that says so): then cookies are `Secure`. */
export const isSecure = (c: Context): boolean =>
  new URL(c.req.url).protocol === "https:" ||
  c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https"

/** The attributes of every workspace cookie: HttpOnly, SameSite=Lax, scoped to the mount path, Secure behind TLS. */
export const cookieOptions = (c: Context, base: string, maxAgeSeconds?: number) => ({
  httpOnly: true,
  sameSite: "Lax" as const,
  path: base === "" ? "/" : base,
  secure: isSecure(c),
  ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds })
})

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const headers = (c: Context) => {
  c.header(
    "content-security-policy",
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  )
  c.header("cache-control", "no-store")
  c.header("referrer-policy", "no-referrer")
  c.header("x-content-type-options", "nosniff")
  c.header("x-frame-options", "DENY")
}

/**
 * The workspace's middleware: security headers on every answer; the session of the cookie (an unknown or expired one
 * is cleared); the view every page renders with; and, on every POST, the CSRF check — the form's `_csrf` must equal
 * the session's token (or, before sign-in, the double-submit cookie), else 403 through `refuse`.
 */
export const guard =
  (runner: Runner, base: string, refuse: (c: Context<Env>) => Response | Promise<Response>): MiddlewareHandler<Env> =>
  async (c, next) => {
    headers(c)
    const lang = langOf(c.req.query("lang"))
    const token = getCookie(c, sessionCookie)
    let session: Sessions.Session | undefined
    let organisationName: string | undefined
    if (token !== undefined) {
      const found = await runner.run(
        Effect.either(
          Effect.flatMap(Sessions.Sessions, (s) => s.verify(token)).pipe(
            Effect.bindTo("session"),
            Effect.bind("organisation", ({ session }) =>
              Effect.flatMap(Organisations.Organisations, (o) => o.get(session.member, session.member.organisationId))
            )
          )
        )
      )
      if (Either.isRight(found)) {
        session = found.right.session
        organisationName = found.right.organisation.name
      } else deleteCookie(c, sessionCookie, cookieOptions(c, base))
    }
    const presented = getCookie(c, csrfCookie)
    let csrf = session?.csrf ?? presented
    if (csrf === undefined) {
      csrf = randomBytes(32).toString("base64url")
      setCookie(c, csrfCookie, csrf, cookieOptions(c, base))
    }
    const path = c.req.path.slice(base.length) || "/"
    c.set("view", { lang, base, path, session, csrf, organisationName })
    c.set("token", token)
    if (c.req.method === "POST") {
      const expected = session?.csrf ?? presented
      const form = (await c.req.parseBody({ all: true })) as Record<string, string | ReadonlyArray<string>>
      const sent = form._csrf
      if (expected === undefined || typeof sent !== "string" || !same(sent, expected)) return refuse(c)
      c.set("form", form)
    }
    return next()
  }
