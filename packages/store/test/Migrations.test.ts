import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Migrations, Organisations } from "../src/index.js"
import { system } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const broken: Migrations.Migration = {
  version: Migrations.latest + 1,
  name: "broken",
  sqlite: [
    "CREATE TABLE extra (x INTEGER)",
    "ALTER TABLE records ADD COLUMN extra_note TEXT",
    "INSERT INTO missing VALUES (1)"
  ],
  pg: [
    "CREATE TABLE extra (x INTEGER)",
    "ALTER TABLE records ADD COLUMN extra_note TEXT",
    "INSERT INTO missing VALUES (1)"
  ]
}

const tableExists = (table: string) =>
  Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.unsafe(`SELECT COUNT(*) AS n FROM ${table}`).pipe(
      Effect.as(true),
      Effect.catchAll(() => Effect.succeed(false))
    )
  )

describeEngines("Migrations", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
  })
  afterAll(async () => h?.close())

  it("runs every migration at start-up, numbered alike on both engines", async () => {
    expect(await h.run(Migrations.applied)).toEqual([1, 2, 3, 4])
    expect(Migrations.latest).toBe(4)
    for (const table of [
      "organisations",
      "api_tokens",
      "records",
      "observations",
      "matrices",
      "runs",
      "audit_log",
      "users",
      "user_invites",
      "sessions",
      "sign_in_failures",
      "jobs"
    ]) {
      expect(await h.run(tableExists(table))).toBe(true)
    }
  })

  it("is idempotent: a second run applies nothing", async () => {
    expect(await h.run(Migrations.run())).toEqual([])
  })

  it("leaves the previous schema and data intact when a migration fails", async () => {
    await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: "kept", name: "Kept" })))
    const error = await h.error(Migrations.run([...Migrations.all, broken]))
    expect(error._tag).toBe("SqlError")
    expect(await h.run(Migrations.applied)).toEqual([1, 2, 3, 4])
    expect(await h.run(tableExists("extra"))).toBe(false)
    const columns = await h.run(
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        sql`SELECT * FROM records`.pipe(Effect.zipRight(sql.unsafe("SELECT extra_note FROM records")), Effect.either)
      )
    )
    expect(columns._tag).toBe("Left")
    const orgs = await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.list(system)))
    expect(orgs.map((o) => o.id)).toEqual(["kept"])
  })

  it("enforces foreign keys", async () => {
    const result = await h.run(
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.either(
          sql`INSERT INTO runs (organisation_id, id, kind, version, visibility, status, parameters, created_at,
            created_by, updated_at, updated_by) VALUES ('nobody', 'r', 's3', 1, 'public', 'done', '{}', 'x', 'x', 'x', 'x')`
        )
      )
    )
    expect(result._tag).toBe("Left")
  })
})
