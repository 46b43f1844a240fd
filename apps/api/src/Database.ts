import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { SqlClient } from "@effect/sql"
import { type CallerType, layerPg, layerSqlite, type Store } from "@innokraft/store"
import { Cause, Effect, Exit, type Layer, ManagedRuntime, Option } from "effect"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import * as Config from "./Config.js"
import { type FieldError, ProblemError } from "./Problem.js"
import { fromDatabase } from "./StartupError.js"

/**
 * Every service a handler may use: the store's services and its SQL client (for transactions across services).
 *
 * @since 0.1.0
 */
export type Services = Store.Services | SqlClient.SqlClient

/**
 * The store the API runs on: a managed Effect runtime over `layerSqlite` or `layerPg`.
 *
 * @since 0.1.0
 */
export interface Database {
  readonly engine: "sqlite" | "pg"
  /**
   * Runs an effect on the store. Typed store errors become {@link ProblemError}s: `NotFound` → 404, `Conflict` → 409,
   * `Invalid` → 400 with field paths, `Forbidden` → 403 (401 for an anonymous caller), `SqlError` → 503.
   */
  readonly run: <A, E>(effect: Effect.Effect<A, E, Services>, caller?: CallerType) => Promise<A>
  /** Whether the database answers a trivial query. */
  readonly ping: () => Promise<boolean>
  readonly dispose: () => Promise<void>
}

const splitPath = (path: string): ReadonlyArray<string | number> =>
  path === "" ? [] : path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))

/**
 * The problem a store error stands for (anything else is a defect and rethrown).
 *
 * @since 0.1.0
 */
export const toProblem = (error: unknown, caller?: CallerType): ProblemError | undefined => {
  if (typeof error !== "object" || error === null || !("_tag" in error)) return undefined
  const e = error as { _tag: string; message: string } & Record<string, unknown>
  const make = (status: ContentfulStatusCode, detail: string, errors?: ReadonlyArray<FieldError>) =>
    new ProblemError(status, detail, errors)
  switch (e._tag) {
    case "NotFound":
      return make(404, e.message)
    case "Conflict":
      return make(409, e.message)
    case "Forbidden":
      return caller?._tag === "Anonymous"
        ? make(401, `${e.message}; send "Authorization: Bearer <token>"`)
        : make(403, e.message)
    case "Invalid": {
      const problems = (e.problems as ReadonlyArray<{ path: string; message: string }>) ?? []
      return make(
        400,
        e.message,
        problems.map((p) => ({ path: splitPath(p.path), message: p.message }))
      )
    }
    case "Inconsistent": {
      const problems = (e.problems as ReadonlyArray<{ path: string; message: string }>) ?? []
      return make(
        422,
        e.message,
        problems.map((p) => ({ path: splitPath(p.path.replace(/\[(\d+)\]/g, ".$1")), message: p.message }))
      )
    }
    case "SqlError":
      return make(503, "The database failed to answer; try again.")
    default:
      return undefined
  }
}

/**
 * Opens the store of a `DATABASE_URL` (creating an SQLite file's folder) and runs its migrations. A database that
 * cannot be reached or opened is a {@link StartupError} naming `DATABASE_URL` and what to do.
 *
 * @since 0.1.0
 */
export const open = async (url: string): Promise<Database> => {
  const where = Config.target(url)
  let layer: Layer.Layer<Services, unknown>
  if (where.engine === "sqlite") {
    try {
      if (where.filename !== ":memory:") mkdirSync(dirname(where.filename), { recursive: true })
    } catch (error) {
      throw fromDatabase(error, url)
    }
    layer = layerSqlite({ filename: where.filename })
  } else {
    layer = layerPg({ url: where.url })
  }
  const runtime = ManagedRuntime.make(layer)
  const built = await Effect.runPromiseExit(runtime.runtimeEffect)
  if (Exit.isFailure(built)) {
    await runtime.dispose()
    const failure = Cause.failureOption(built.cause)
    throw fromDatabase(Option.isSome(failure) ? failure.value : Cause.squash(built.cause), url)
  }
  const run: Database["run"] = async (effect, caller) => {
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    if (Option.isSome(failure)) {
      const problem = toProblem(failure.value, caller)
      if (problem !== undefined) throw problem
      throw failure.value
    }
    throw Cause.squash(exit.cause)
  }
  return {
    engine: where.engine,
    run,
    ping: () =>
      runtime
        .runPromise(Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT 1 AS ok`))
        .then(() => true)
        .catch(() => false),
    dispose: () => runtime.dispose()
  }
}
