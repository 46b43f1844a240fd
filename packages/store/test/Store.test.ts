import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { engines, type Harness, open } from "./helpers.js"

describe("layerSqlite", () => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engines.find((e) => e.name === "sqlite-file")!)
  })
  afterAll(async () => h?.close())

  it("opens the file in WAL mode with foreign keys on and a busy timeout, so processes can share it", async () => {
    const pragmas = await h.run(
      Effect.flatMap(SqlClient.SqlClient, (sql) =>
        Effect.all([sql`PRAGMA journal_mode`, sql`PRAGMA foreign_keys`, sql`PRAGMA busy_timeout`])
      )
    )
    expect(pragmas[0]).toEqual([{ journal_mode: "wal" }])
    expect(pragmas[1]).toEqual([{ foreign_keys: 1 }])
    expect(pragmas[2]).toEqual([{ timeout: 5000 }])
  })
})
