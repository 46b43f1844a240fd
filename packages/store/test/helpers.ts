import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { SqlClient } from "@effect/sql"
import { PgClient } from "@effect/sql-pg"
import { Effect, Either, type Layer, ManagedRuntime, Redacted } from "effect"
import { describe } from "vitest"
import { layerPg, layerSqlite, type Migrations, type Store } from "../src/index.js"

/**
 * The PostgreSQL server of CI (and of this machine). Without it the PostgreSQL half of the suite is still registered,
 * tagged `postgresql`, and reported as skipped with its reason (vitest.config.ts).
 */
export const pgUrl = process.env.INNOKRAFT_TEST_PG_URL

/** The URL of the PostgreSQL server; only reached from tests tagged `postgresql`, which are skipped without one. */
export const requirePgUrl = (): string => {
  if (pgUrl === undefined) throw new Error("INNOKRAFT_TEST_PG_URL is not set: tag this test `postgresql`")
  return pgUrl
}

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
  /** The vitest tags of the service the engine needs (`postgresql`), so that without it its tests are skipped. */
  readonly tags: ReadonlyArray<string>
  readonly fresh: () => Promise<Fresh>
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), "innokraft-store-"))

const sqliteFile: Engine = {
  name: "sqlite-file",
  tags: [],
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
  tags: [],
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

const postgres: Engine = {
  name: "postgresql",
  tags: ["postgresql"],
  fresh: async () => {
    const db = await freshPgDatabase(requirePgUrl())
    return { url: db.url, layer: (migrations) => layerPg({ url: db.url, migrations }), drop: db.drop }
  }
}

/** The engines the suite runs on: SQLite (file and memory), and PostgreSQL (skipped without `INNOKRAFT_TEST_PG_URL`). */
export const engines: ReadonlyArray<Engine> = [sqliteFile, sqliteMemory, postgres]

/**
 * One `describe` block per engine, named `${title} on ${engine.name}` and carrying the engine's tags, so that the
 * PostgreSQL block is always registered and reported as skipped (with its reason) when there is no server.
 */
export function describeEngines(title: string, body: (engine: Engine) => void): void
export function describeEngines(title: string, on: ReadonlyArray<Engine>, body: (engine: Engine) => void): void
export function describeEngines(
  title: string,
  ...args: [(engine: Engine) => void] | [ReadonlyArray<Engine>, (engine: Engine) => void]
): void {
  const [on, body] = args.length === 1 ? [engines, args[0]] : args
  for (const engine of on) describe(`${title} on ${engine.name}`, { tags: [...engine.tags] }, () => body(engine))
}

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
