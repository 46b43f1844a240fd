import { Sessions, Users } from "@innokraft/store"
import { Effect, Either } from "effect"
import type { Hono } from "hono"
import { deleteCookie, setCookie } from "hono/cookie"
import type { FC } from "hono/jsx"
import { ErrorSummary, type FieldProblem, TextField, value } from "./internal/form.js"
import { cookieOptions, csrfCookie, type Env, sessionCookie } from "./internal/guard.js"
import { t } from "./internal/text.js"
import { to, type View } from "./internal/view.js"
import { Csrf, Layout } from "./Layout.js"
import type { Runner } from "./Runner.js"

const notices = {
  out: t.signedOut,
  everywhere: t.signedOutEverywhere,
  password: t.passwordSet
} as const

/**
 * The sign-in page: e-mail and password, one error for a wrong pair (never which half was wrong).
 *
 * @since 0.1.0
 */
export const SignInPage: FC<{
  view: View
  email: string
  problems: ReadonlyArray<FieldProblem>
  notice?: string | undefined
}> = ({ view, email, problems, notice }) => (
  <Layout view={view} title={t.signIn[view.lang]}>
    {notice === undefined ? null : (
      <p class="notice" role="status">
        {notice}
      </p>
    )}
    <ErrorSummary view={view} problems={problems} />
    <p>{t.signInIntro[view.lang]}</p>
    <form method="post" action={to(view, "/sign-in")}>
      <Csrf view={view} />
      <TextField
        name="email"
        label={t.email[view.lang]}
        type="email"
        value={email}
        autocomplete="username"
        required
        problems={problems}
      />
      <TextField
        name="password"
        label={t.password[view.lang]}
        type="password"
        value=""
        autocomplete="current-password"
        required
        problems={problems}
      />
      <button class="primary" type="submit">
        {t.signIn[view.lang]}
      </button>
    </form>
  </Layout>
)

/**
 * The page of an invitation link: choose a password (twice).
 *
 * @since 0.1.0
 */
export const InvitePage: FC<{ view: View; token: string; problems: ReadonlyArray<FieldProblem> }> = ({
  view,
  token,
  problems
}) => (
  <Layout view={view} title={t.setPassword[view.lang]}>
    <ErrorSummary view={view} problems={problems} />
    <p>{t.setPasswordIntro[view.lang]}</p>
    <form method="post" action={to(view, `/invite?token=${encodeURIComponent(token)}`)}>
      <Csrf view={view} />
      <TextField
        name="password"
        label={t.password[view.lang]}
        type="password"
        value=""
        autocomplete="new-password"
        required
        problems={problems}
      />
      <TextField
        name="again"
        label={t.passwordAgain[view.lang]}
        type="password"
        value=""
        autocomplete="new-password"
        required
        problems={problems}
      />
      <button class="primary" type="submit">
        {t.save[view.lang]}
      </button>
    </form>
  </Layout>
)

/**
 * Sign-in, sign-out (here and everywhere) and invitation links. A successful sign-in closes the session the browser
 * presented and sets a new cookie (rotation); the pre-sign-in CSRF cookie is dropped.
 *
 * @since 0.1.0
 */
export const registerSignIn = (app: Hono<Env>, runner: Runner, options: { readonly ttlMs: number }) => {
  app.get("/sign-in", (c) => {
    const view = c.get("view")
    if (view.session !== undefined) return c.redirect(to(view, "/"), 303)
    const done = c.req.query("done")
    const notice = done !== undefined && done in notices ? notices[done as keyof typeof notices][view.lang] : undefined
    return c.html(<SignInPage view={view} email="" problems={[]} notice={notice} />)
  })

  app.post("/sign-in", async (c) => {
    const view = c.get("view")
    const form = c.get("form")
    const email = value(form, "email")
    const result = await runner.run(
      Effect.either(
        Effect.flatMap(Sessions.Sessions, (s) =>
          s.signIn(email, value(form, "password"), { previous: c.get("token"), ttlMs: options.ttlMs })
        )
      )
    )
    if (Either.isLeft(result)) {
      if (result.left._tag !== "Forbidden" && result.left._tag !== "Throttled") throw result.left
      const throttled = result.left._tag === "Throttled"
      const message = throttled
        ? `${t.throttled[view.lang]} ${new Date((result.left as Sessions.Throttled).until).toLocaleTimeString(view.lang === "sv" ? "sv-SE" : "en-GB", { timeZone: "Europe/Stockholm", hour: "2-digit", minute: "2-digit" })}.`
        : t.wrongCredentials[view.lang]
      return c.html(
        <SignInPage view={view} email={email} problems={[{ field: throttled ? undefined : "email", message }]} />,
        throttled ? 429 : 401
      )
    }
    const opened = result.right
    setCookie(c, sessionCookie, opened.token, cookieOptions(c, view.base, Math.floor(options.ttlMs / 1000)))
    deleteCookie(c, csrfCookie, cookieOptions(c, view.base))
    return c.redirect(to(view, "/"), 303)
  })

  const signOut = (everywhere: boolean) =>
    app.post(everywhere ? "/sign-out-everywhere" : "/sign-out", async (c) => {
      const view = c.get("view")
      const token = c.get("token")
      if (token !== undefined) {
        await runner.run(
          Effect.either(
            Effect.flatMap(Sessions.Sessions, (s) => (everywhere ? s.signOutEverywhere(token) : s.signOut(token)))
          )
        )
      }
      deleteCookie(c, sessionCookie, cookieOptions(c, view.base))
      return c.redirect(to(view, `/sign-in?done=${everywhere ? "everywhere" : "out"}`), 303)
    })
  signOut(false)
  signOut(true)

  // The link's secret travels in the query, which request logs leave out (they log the path only).
  app.get("/invite", (c) =>
    c.html(<InvitePage view={c.get("view")} token={c.req.query("token") ?? ""} problems={[]} />)
  )

  app.post("/invite", async (c) => {
    const view = c.get("view")
    const form = c.get("form")
    const token = c.req.query("token") ?? ""
    const password = value(form, "password")
    if (password !== value(form, "again")) {
      return c.html(
        <InvitePage view={view} token={token} problems={[{ field: "again", message: t.passwordsDiffer[view.lang] }]} />,
        400
      )
    }
    const result = await runner.run(Effect.either(Effect.flatMap(Users.Users, (u) => u.acceptInvite(token, password))))
    if (Either.isRight(result)) return c.redirect(to(view, "/sign-in?done=password"), 303)
    if (result.left._tag === "Invalid") {
      const message =
        view.lang === "sv"
          ? `Lösenordet måste ha ${Users.minPasswordLength} till ${Users.maxPasswordLength} tecken.`
          : `The password must have ${Users.minPasswordLength} to ${Users.maxPasswordLength} characters.`
      return c.html(<InvitePage view={view} token={token} problems={[{ field: "password", message }]} />, 400)
    }
    if (result.left._tag !== "NotFound") throw result.left
    return c.html(
      <Layout view={view} title={t.setPassword[view.lang]}>
        <p class="notice" role="status">
          {t.inviteGone[view.lang]}
        </p>
      </Layout>,
      410
    )
  })
}
