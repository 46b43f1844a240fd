import { Sessions } from "@innokraft/store"
import { Hono } from "hono"
import { registerEditor } from "./Editor.js"
import { efforts, goals, projects, strategies } from "./Editors.js"
import { type Env, guard } from "./internal/guard.js"
import { css } from "./internal/style.js"
import { t } from "./internal/text.js"
import { to } from "./internal/view.js"
import { MessagePage } from "./Pages.js"
import type { Runner } from "./Runner.js"
import { registerSignIn } from "./SignIn.js"

/**
 * How the workspace is built.
 *
 * @since 0.1.0
 */
export interface WorkspaceOptions {
  /** Runs effects on the store (the API's `Database` does). */
  readonly runner: Runner
  /** Where the host mounts the workspace (default `/app`): links, form actions and the cookies' path use it. */
  readonly base?: string | undefined
  /** How long a session lasts (default {@link Sessions.defaultTtlMs}, eight hours). */
  readonly sessionTtlMs?: number | undefined
  /** Called with a failure no page handles (default: one JSON line on stderr, without the request's data). */
  readonly onError?: ((error: unknown) => void) | undefined
}

const defaultOnError = (error: unknown) =>
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "workspace", error: error instanceof Error ? error.name : typeof error })}\n`
  )

/** Pages anyone may open: the rest need a session. */
const open = new Set(["/sign-in", "/invite", "/style.css"])

/**
 * The officer's workspace: server-rendered pages (hono JSX) that work without JavaScript, to be mounted by a host at
 * `base` (`app.route("/app", workspace({ runner }))`). People sign in with e-mail and password; every form carries a
 * CSRF token; every read and write goes through the store as the signed-in member.
 *
 * @example
 * ```ts
 * const database = await Database.open("data/innokraft.db")
 * app.route("/app", workspace({ runner: database }))
 * ```
 * @since 0.1.0
 */
export const workspace = (options: WorkspaceOptions): Hono<Env> => {
  const base = options.base ?? "/app"
  const onError = options.onError ?? defaultOnError
  const app = new Hono<Env>()

  app.get("/style.css", (c) => {
    c.header("content-type", "text/css; charset=utf-8")
    c.header("cache-control", "public, max-age=3600")
    return c.body(css)
  })

  app.use(
    guard(options.runner, base, (c) => {
      const view = c.get("view")
      return c.html(<MessagePage view={view} title={t.forbidden[view.lang]} message={t.csrf[view.lang]} />, 403)
    })
  )

  // Everything but the sign-in pages needs a session: a page asks to sign in, a form post is refused.
  app.use(async (c, next) => {
    const view = c.get("view")
    if (view.session !== undefined || open.has(view.path)) return next()
    if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect(to(view, "/sign-in"), 303)
    return c.html(<MessagePage view={view} title={t.signIn[view.lang]} message={t.signInIntro[view.lang]} />, 401)
  })

  registerSignIn(app, options.runner, { ttlMs: options.sessionTtlMs ?? Sessions.defaultTtlMs })
  registerEditor(app, options.runner, projects, { home: { path: "/", title: t.portfolio } })
  registerEditor(app, options.runner, strategies)
  registerEditor(app, options.runner, goals)
  registerEditor(app, options.runner, efforts)

  // A catch-all rather than notFound: a host that mounts the workspace keeps its own notFound for its own paths.
  app.all("*", (c) => {
    const view = c.get("view")
    return c.html(<MessagePage view={view} title={t.notFound[view.lang]} message={t.notFound[view.lang]} />, 404)
  })
  app.onError((error, c) => {
    onError(error)
    const view = c.get("view")
    const busy = typeof error === "object" && error !== null && (error as { _tag?: string })._tag === "SqlError"
    if (view === undefined) return c.text(t.failed.sv, 500)
    const message = busy ? t.busy[view.lang] : t.failed[view.lang]
    return c.html(<MessagePage view={view} title={message} message={message} />, busy ? 503 : 500)
  })
  return app
}
