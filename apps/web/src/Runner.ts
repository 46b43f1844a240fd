import type { SqlClient } from "@effect/sql"
import type { Store } from "@innokraft/store"
import type { Effect } from "effect"

/**
 * Every service a page may use: the store's services and its SQL client.
 *
 * @since 0.1.0
 */
export type Services = Store.Services | SqlClient.SqlClient

/**
 * Runs effects on the store the workspace edits. The API's `Database` is one (the server mounts the workspace beside
 * the API on the same store); tests build one over `layerSqlite` or `layerPg`. The workspace only hands it effects
 * whose typed errors it has caught already (`Effect.either`), so a rejection is always a defect or a driver failure.
 *
 * @since 0.1.0
 */
export interface Runner {
  readonly run: <A, E>(effect: Effect.Effect<A, E, Services>) => Promise<A>
}
