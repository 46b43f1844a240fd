import type { SqlClient } from "@effect/sql"

/** The two engines the store runs on. */
export type Dialect = "sqlite" | "pg"

export const dialectOf = (sql: SqlClient.SqlClient): Dialect =>
  sql.onDialectOrElse({ pg: (): Dialect => "pg", orElse: (): Dialect => "sqlite" })

export const now = (): string => new Date().toISOString()

/** Parses a JSON text column (both engines store JSON as text so that rows compare byte for byte). */
export const parseJson = (text: unknown): unknown => (typeof text === "string" ? JSON.parse(text) : (text ?? null))

/** Integers come back from pg as strings for some types; normalise. */
export const int = (value: unknown): number => (typeof value === "number" ? value : Number(value))

export const nullableString = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value)

/**
 * The first statement of a write transaction that would otherwise start with a read: a no-op write on the
 * organisation's row. On SQLite it takes the write lock up front (waiting out the busy timeout instead of failing
 * when another process wrote since the read); on PostgreSQL it serialises bulk writes of one organisation.
 */
export const lockOrganisation = (sql: SqlClient.SqlClient, organisationId: string) =>
  sql`UPDATE organisations SET name = name WHERE id = ${organisationId}`
