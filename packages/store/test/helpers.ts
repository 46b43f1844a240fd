import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Either, type Layer, ManagedRuntime, Redacted } from "effect"
import { layerPg, layerSqlite, type Migrations, type Store } from "../src/index.js"

/** The PostgreSQL server of CI (and of this machine); the PostgreSQL half of the suite runs when it is set. */
export const pgUrl = process.env.INNOKRAFT_TEST_PG_URL

export type StoreLayer = Layer.Layer<Store.Services | SqlClient.SqlClient, unknown>

/** A fresh, empty database on one engine, and how to drop it. */
export interface Fresh {
  readonly layer: (migrations?: ReadonlyArray<Migrations.Migration>) => StoreLayer
  /** A SQLite file path (file engine only), for child processes and backups. */
  readonly filename?: string
  /** A PostgreSQL URL (pg engine only). */
  readonly url?: string
  readonly drop: () => Promise<void>
}

export interface Engine {
  readonly name: string
  readonly fresh: () => Promise<Fresh>
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "innokraft-store-"))

const sqliteFile: Engine = {
  name: "sqlite-file",
  fresh: async () => {
    const dir = tempDir()
    const filename = join(dir, "store.db")
    return {
      filename,
      layer: (migrations) => layerSqlite({ filename, migrations }),
      drop: async () => rmSync(dir, { recursive: true, force: true })
    }
  }
}

const sqliteMemory: Engine = {
  name: "sqlite-memory",
  fresh: async () => ({
    layer: (migrations) => layerSqlite({ filename: ":memory:", migrations }),
    drop: async () => {}
  })
}

const admin = (url: string) => PgClient.layer({ url: Redacted.make(url), maxConnections: 1 })

/** Creates a uniquely named database on the server so that runs never see each other's data. */
export const freshPgDatabase = async (url: string): Promise<{ url: string; drop: () => Promise<void> }> => {
  const name = `innokraft_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const run = (statement: string) =>
    Effect.runPromise(
      Effect.provide(
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(statement)),
        admin(url)
      )
    )
  await run(`CREATE DATABASE ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  return { url: target.toString(), drop: async () => void (await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) }
}

const postgres = (url: string): Engine => ({
  name: "postgresql",
  fresh: async () => {
    const db = await freshPgDatabase(url)
    return { url: db.url, layer: (migrations) => layerPg({ url: db.url, migrations }), drop: db.drop }
  }
})

/** The engines the suite runs on: SQLite (file and memory) always, PostgreSQL when `INNOKRAFT_TEST_PG_URL` is set. */
export const engines: ReadonlyArray<Engine> = [
  sqliteFile,
  sqliteMemory,
  ...(pgUrl === undefined ? [] : [postgres(pgUrl)])
]

/** A running store over a fresh database: `run` an effect, `error` of a failing one, `close` at the end. */
export interface Harness {
  readonly fresh: Fresh
  readonly run: <A, E>(effect: Effect.Effect<A, E, Store.Services | SqlClient.SqlClient>) => Promise<A>
  readonly error: <A, E>(effect: Effect.Effect<A, E, Store.Services | SqlClient.SqlClient>) => Promise<E>
  readonly close: () => Promise<void>
}

export const open = async (engine: Engine): Promise<Harness> => {
  const fresh = await engine.fresh()
  const runtime = ManagedRuntime.make(fresh.layer())
  return {
    fresh,
    run: (effect) => runtime.runPromise(effect),
    error: async (effect) => {
      const result = await runtime.runPromise(Effect.either(effect))
      if (Either.isRight(result)) throw new Error(`expected a failure, got ${JSON.stringify(result.right)}`)
      return result.left
    },
    close: async () => {
      await runtime.dispose()
      await fresh.drop()
    }
  }
}
