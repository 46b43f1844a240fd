import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Organisations, Sessions, Tokens, Users } from "../src/index.js"
import { orgA, orgB, system } from "./fixtures.js"
import { engines, type Harness, open } from "./helpers.js"

const sessions = <A, E>(f: (s: Sessions.Service) => Effect.Effect<A, E>) => Effect.flatMap(Sessions.Sessions, f)
const password = "korrekt häst batteri"

describe.each(engines)("Sessions on $name", (engine) => {
  let h: Harness
  const person = async (email: string, organisationId = orgA, role: "viewer" | "editor" | "admin" = "editor") => {
    const invited = await h.run(Effect.flatMap(Users.Users, (u) => u.invite(system, { organisationId, email, role })))
    return h.run(Effect.flatMap(Users.Users, (u) => u.acceptInvite(invited.token, password)))
  }
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.flatMap(Organisations.Organisations, (o) =>
        Effect.all([o.create(system, { id: orgA, name: "A" }), o.create(system, { id: orgB, name: "B" })])
      )
    )
  })
  afterAll(async () => h?.close())

  it("signs in with e-mail and password, stores only the session's hash and gives the member and a CSRF token", async () => {
    const user = await person("eva@example.se", orgB, "viewer")
    const opened = await h.run(sessions((s) => s.signIn("EVA@example.se", password)))
    expect(opened.token).toMatch(/^iks_[A-Za-z0-9_-]{43}$/)
    expect(opened.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(opened.member).toEqual({ _tag: "Member", organisationId: orgB, role: "viewer", actor: `user:${user.id}` })
    const rows = await h.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT hash FROM sessions`))
    expect(rows.map((r) => r.hash)).toContain(Tokens.hash(opened.token))
    expect(JSON.stringify(rows)).not.toContain(opened.token)
    const verified = await h.run(sessions((s) => s.verify(opened.token)))
    expect(verified.member).toEqual(opened.member)
    expect(verified.csrf).toBe(opened.csrf)
  })

  it("answers a wrong password and an unknown e-mail alike", async () => {
    await person("filip@example.se")
    const wrong = await h.error(sessions((s) => s.signIn("filip@example.se", "fel lösenord här")))
    const unknown = await h.error(sessions((s) => s.signIn("nobody@example.se", password)))
    expect(wrong).toMatchObject({ _tag: "Forbidden" })
    expect(unknown).toMatchObject({ _tag: "Forbidden" })
    expect((wrong as Error).message).toBe((unknown as Error).message)
    // invited but no password set yet
    await h.run(
      Effect.flatMap(Users.Users, (u) =>
        u.invite(system, { organisationId: orgA, email: "gun@example.se", role: "viewer" })
      )
    )
    expect(await h.error(sessions((s) => s.signIn("gun@example.se", "")))).toMatchObject({ _tag: "Forbidden" })
  })

  it(`throttles an e-mail after ${Sessions.maxFailures} failures in a row, even with the right password`, async () => {
    await person("hans@example.se")
    for (let i = 0; i < Sessions.maxFailures; i++) {
      expect(await h.error(sessions((s) => s.signIn("hans@example.se", `fel ${i} lösenordet`)))).toMatchObject({
        _tag: "Forbidden"
      })
    }
    const throttled = await h.error(sessions((s) => s.signIn("hans@example.se", password)))
    expect(throttled).toMatchObject({ _tag: "Throttled" })
    // an unknown e-mail is throttled the same way, so throttling does not tell which e-mails exist
    for (let i = 0; i < Sessions.maxFailures; i++)
      await h.error(sessions((s) => s.signIn("ghost@example.se", password)))
    expect(await h.error(sessions((s) => s.signIn("ghost@example.se", password)))).toMatchObject({ _tag: "Throttled" })
    // once the pause is over (moved into the past here), the right password signs in and clears the count
    await h.run(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql`UPDATE sign_in_failures SET last_at = ${new Date(Date.now() - Sessions.throttleMs - 1000).toISOString()}
          WHERE email = 'hans@example.se'`
      )
    )
    await h.run(sessions((s) => s.signIn("hans@example.se", password)))
    const left = await h.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT email FROM sign_in_failures`))
    expect(left.map((r) => r.email)).not.toContain("hans@example.se")
    expect(left.map((r) => r.email)).toContain("ghost@example.se")
  })

  it("rotates at sign-in: the session presented before is closed", async () => {
    await person("ida@example.se")
    const first = await h.run(sessions((s) => s.signIn("ida@example.se", password)))
    const second = await h.run(sessions((s) => s.signIn("ida@example.se", password, { previous: first.token })))
    expect(second.token).not.toBe(first.token)
    expect(second.csrf).not.toBe(first.csrf)
    expect(await h.error(sessions((s) => s.verify(first.token)))).toMatchObject({ _tag: "NotFound" })
    await h.run(sessions((s) => s.verify(second.token)))
  })

  it("expires: a session past its time is refused and deleted", async () => {
    await person("jan@example.se")
    const opened = await h.run(sessions((s) => s.signIn("jan@example.se", password)))
    await h.run(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) =>
          sql`UPDATE sessions SET expires_at = ${new Date(Date.now() - 1000).toISOString()} WHERE hash = ${Tokens.hash(opened.token)}`
      )
    )
    expect(await h.error(sessions((s) => s.verify(opened.token)))).toMatchObject({ _tag: "NotFound" })
    const rows = await h.run(
      Effect.flatMap(
        SqlClient.SqlClient,
        (sql) => sql`SELECT hash FROM sessions WHERE hash = ${Tokens.hash(opened.token)}`
      )
    )
    expect(rows).toEqual([])
    const short = await h.run(sessions((s) => s.signIn("jan@example.se", password, { ttlMs: 60_000 })))
    expect(Date.parse(short.expiresAt) - Date.parse(opened.expiresAt)).toBeLessThan(Sessions.defaultTtlMs)
  })

  it("signs out one session, or every session of the user", async () => {
    await person("karin@example.se")
    await person("lars@example.se")
    const laptop = await h.run(sessions((s) => s.signIn("karin@example.se", password)))
    const phone = await h.run(sessions((s) => s.signIn("karin@example.se", password)))
    const tablet = await h.run(sessions((s) => s.signIn("karin@example.se", password)))
    const other = await h.run(sessions((s) => s.signIn("lars@example.se", password)))
    await h.run(sessions((s) => s.signOut(tablet.token)))
    expect(await h.error(sessions((s) => s.verify(tablet.token)))).toMatchObject({ _tag: "NotFound" })
    await h.run(sessions((s) => s.verify(phone.token)))
    expect(await h.run(sessions((s) => s.signOutEverywhere(laptop.token)))).toBe(2)
    expect(await h.error(sessions((s) => s.verify(phone.token)))).toMatchObject({ _tag: "NotFound" })
    await h.run(sessions((s) => s.verify(other.token)))
    expect(await h.error(sessions((s) => s.signOutEverywhere(laptop.token)))).toMatchObject({ _tag: "NotFound" })
  })
})
