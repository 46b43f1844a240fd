import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Organisations, Sessions, Tokens, Users } from "../src/index.js"
import { adminA, adminB, editorA, orgA, orgB, system } from "./fixtures.js"
import { engines, type Harness, open } from "./helpers.js"

const users = <A, E>(f: (u: Users.Service) => Effect.Effect<A, E>) => Effect.flatMap(Users.Users, f)
const sessions = <A, E>(f: (s: Sessions.Service) => Effect.Effect<A, E>) => Effect.flatMap(Sessions.Sessions, f)
const password = "korrekt häst batteri"

describe.each(engines)("Users on $name", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.flatMap(Organisations.Organisations, (o) =>
        Effect.all([o.create(system, { id: orgA, name: "A" }), o.create(system, { id: orgB, name: "B" })])
      )
    )
  })
  afterAll(async () => h?.close())

  it("invites by admin or system only, stores the link's secret as a hash, and lists the organisation's users", async () => {
    const invited = await h.run(
      users((u) => u.invite(adminA, { organisationId: orgA, email: " Anna@Example.SE ", role: "editor" }))
    )
    expect(invited.token).toMatch(/^iki_[A-Za-z0-9_-]{43}$/)
    expect(invited.user).toMatchObject({
      organisationId: orgA,
      email: "anna@example.se",
      role: "editor",
      active: false
    })
    const rows = await h.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT * FROM user_invites`))
    expect(JSON.stringify(rows)).not.toContain(invited.token)
    expect(rows[0]!.hash).toBe(Tokens.hash(invited.token))
    expect(
      await h.error(users((u) => u.invite(editorA, { organisationId: orgA, email: "x@example.se", role: "viewer" })))
    ).toMatchObject({ _tag: "Forbidden" })
    expect(
      await h.error(users((u) => u.invite(adminB, { organisationId: orgA, email: "x@example.se", role: "viewer" })))
    ).toMatchObject({ _tag: "Forbidden" })
    expect(
      await h.error(users((u) => u.invite(system, { organisationId: orgA, email: "not-an-email", role: "viewer" })))
    ).toMatchObject({
      _tag: "Invalid",
      problems: [{ path: "email" }]
    })
    expect(
      await h.error(
        users((u) => u.invite(system, { organisationId: "nowhere", email: "y@example.se", role: "viewer" }))
      )
    ).toMatchObject({ _tag: "NotFound" })
    // an e-mail belongs to one organisation
    expect(
      await h.error(users((u) => u.invite(adminB, { organisationId: orgB, email: "anna@example.se", role: "viewer" })))
    ).toMatchObject({ _tag: "Conflict" })
    expect((await h.run(users((u) => u.list(adminA, orgA)))).map((u) => u.email)).toEqual(["anna@example.se"])
    expect(await h.run(users((u) => u.list(adminB, orgB)))).toEqual([])
    expect(await h.error(users((u) => u.list(editorA, orgA)))).toMatchObject({ _tag: "Forbidden" })
  })

  it("sets the password once through the link, hashed with scrypt at N = 2^15", async () => {
    const invited = await h.run(
      users((u) => u.invite(system, { organisationId: orgA, email: "bertil@example.se", role: "viewer" }))
    )
    expect(await h.error(users((u) => u.acceptInvite(invited.token, "short")))).toMatchObject({
      _tag: "Invalid",
      problems: [{ path: "password" }]
    })
    const user = await h.run(users((u) => u.acceptInvite(invited.token, password)))
    expect(user).toMatchObject({ email: "bertil@example.se", active: true })
    const stored = await h.run(
      Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT password_hash FROM users WHERE id = ${user.id}`)
    )
    const hash = String(stored[0]!.password_hash)
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/)
    expect(hash).not.toContain(password)
    // one time only
    expect(await h.error(users((u) => u.acceptInvite(invited.token, password)))).toMatchObject({ _tag: "NotFound" })
  })

  it("refuses an expired link", async () => {
    const invited = await h.run(
      users((u) => u.invite(system, { organisationId: orgA, email: "cecilia@example.se", role: "viewer", ttlMs: 0 }))
    )
    expect(await h.error(users((u) => u.acceptInvite(invited.token, password)))).toMatchObject({ _tag: "NotFound" })
  })

  it("a new link (password reset) replaces the old one and closes the user's sessions when used", async () => {
    const first = await h.run(
      users((u) => u.invite(system, { organisationId: orgA, email: "david@example.se", role: "editor" }))
    )
    await h.run(users((u) => u.acceptInvite(first.token, password)))
    const opened = await h.run(sessions((s) => s.signIn("david@example.se", password)))
    const reset = await h.run(
      users((u) => u.invite(adminA, { organisationId: orgA, email: "david@example.se", role: "admin" }))
    )
    expect(reset.user.id).toBe(first.user.id)
    expect(reset.user.role).toBe("admin")
    await h.run(users((u) => u.acceptInvite(reset.token, `${password} nytt`)))
    expect(await h.error(sessions((s) => s.verify(opened.token)))).toMatchObject({ _tag: "NotFound" })
    expect(await h.error(sessions((s) => s.signIn("david@example.se", password)))).toMatchObject({ _tag: "Forbidden" })
    const again = await h.run(sessions((s) => s.signIn("david@example.se", `${password} nytt`)))
    expect(again.member).toEqual({
      _tag: "Member",
      organisationId: orgA,
      role: "admin",
      actor: `user:${first.user.id}`
    })
  })
})
