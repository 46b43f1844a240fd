// Everything the database commands need, loaded on demand: the store and its drivers cost ~0.25 s of start-up that
// the other commands should not pay.
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { layerPg, layerSqlite } from "@innokraft/store"
import { Effect, Layer } from "effect"
import { InputError } from "../CliError.js"
import { isPostgres, redact } from "./Database.js"

export {
  Backup,
  Caller,
  Matrices,
  Migrations,
  Observations,
  Organisations,
  Tokens,
  Transfer,
  Users
} from "@innokraft/store"

/** An SQLite path from a plain path or a `file:` URL, with its folder created. */
export const sqlitePath = (url: string) => {
  const path = resolve(url.startsWith("file:") ? url.slice(5) : url)
  mkdirSync(dirname(path), { recursive: true })
  return path
}

/** The store's typed errors and driver errors become the CLI's input errors with their own messages. */
export const storeError = (error: { readonly message: string }) => new InputError({ message: error.message })

/** The store on the database a URL names; migrations run when it is built. */
const storeLayer = (url: string) =>
  (isPostgres(url) ? layerPg({ url }) : layerSqlite({ filename: sqlitePath(url) })).pipe(
    Layer.mapError(
      (error) => new InputError({ message: `${redact(url)}: cannot open the database (${error.message})` })
    )
  )

/** Runs a store program on the database, mapping every failure to an InputError. */
export const withStore = <A, E extends { readonly message: string }, R>(url: string, program: Effect.Effect<A, E, R>) =>
  program.pipe(Effect.mapError(storeError), Effect.provide(storeLayer(url) as Layer.Layer<R, InputError>))
