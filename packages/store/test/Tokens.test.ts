import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Organisations, Tokens } from "../src/index.js"
import { adminA, adminB, editorA, orgA, orgB, system } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const tokens = (f: (t: Tokens.Service) => Effect.Effect<unknown, unknown>) => Effect.flatMap(Tokens.Tokens, f)

describeEngines("Tokens", (engine) => {
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

  it("stores only a SHA-256 hash and a visible prefix, and verifies the token", async () => {
    const created = await h.run(
      Effect.flatMap(Tokens.Tokens, (t) =>
        t.create(adminA, { organisationId: orgA, role: "editor", label: "CLI on my laptop" })
      )
    )
    expect(created.token).toMatch(/^ikt_[A-Za-z0-9_-]{43}$/)
    expect(created.prefix).toBe(created.token.slice(0, 12))
    const rows = await h.run(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT * FROM api_tokens`))
    const stored = JSON.stringify(rows)
    expect(stored).not.toContain(created.token)
    expect(rows[0]!.hash).toBe(Tokens.hash(created.token))
    expect(Tokens.hash(created.token)).toMatch(/^[0-9a-f]{64}$/)
    const caller = await h.run(Effect.flatMap(Tokens.Tokens, (t) => t.verify(created.token)))
    expect(caller).toEqual({ _tag: "Member", organisationId: orgA, role: "editor", actor: `token:${created.prefix}` })
    expect((await h.error(Effect.flatMap(Tokens.Tokens, (t) => t.verify(`${created.token}x`))))._tag).toBe("Forbidden")
  })

  it("lists and revokes; a revoked token no longer signs in", async () => {
    const created = await h.run(
      Effect.flatMap(Tokens.Tokens, (t) =>
        t.create(system, { organisationId: orgA, role: "viewer", label: "dashboard" })
      )
    )
    const list = await h.run(Effect.flatMap(Tokens.Tokens, (t) => t.list(adminA, orgA)))
    expect(list.map((t) => t.label).sort()).toEqual(["CLI on my laptop", "dashboard"])
    expect(JSON.stringify(list)).not.toContain(created.token)
    await h.run(Effect.flatMap(Tokens.Tokens, (t) => t.revoke(adminA, created.id)))
    const error = await h.error(Effect.flatMap(Tokens.Tokens, (t) => t.verify(created.token)))
    expect(error._tag).toBe("Forbidden")
  })

  it("lets only the organisation's admins (or system) manage its tokens", async () => {
    expect(
      await h.error(tokens((t) => t.create(editorA, { organisationId: orgA, role: "admin", label: "x" })))
    ).toMatchObject({ _tag: "Forbidden" })
    expect(
      await h.error(tokens((t) => t.create(adminB, { organisationId: orgA, role: "admin", label: "x" })))
    ).toMatchObject({ _tag: "Forbidden" })
    expect(await h.error(tokens((t) => t.list(adminB, orgA)))).toMatchObject({ _tag: "Forbidden" })
    const [first] = await h.run(Effect.flatMap(Tokens.Tokens, (t) => t.list(adminA, orgA)))
    expect(await h.error(tokens((t) => t.revoke(adminB, first!.id)))).toMatchObject({ _tag: "NotFound" })
  })
})
