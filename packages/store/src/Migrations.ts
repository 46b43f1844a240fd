import { SqlClient, type SqlError } from "@effect/sql"
import { Effect } from "effect"
import { type Dialect, dialectOf, int, now } from "./internal/sql.js"

/**
 * One forward-only schema step. `version` numbers are shared by both engines; `sqlite` and `pg` hold the
 * statements for each (usually identical text).
 *
 * @since 0.1.0
 */
export interface Migration {
  readonly version: number
  readonly name: string
  readonly sqlite: ReadonlyArray<string>
  readonly pg: ReadonlyArray<string>
}

const visibility = "visibility TEXT NOT NULL CHECK (visibility IN ('public', 'organisation'))"

const core = (dialect: Dialect) => [
  `CREATE TABLE organisations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
  )`,
  `CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    label TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT
  )`,
  "CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id)",
  `CREATE TABLE records (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    ${visibility},
    status TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (organisation_id, kind, id)
  )`,
  "CREATE INDEX records_kind_visibility ON records (kind, visibility)",
  `CREATE TABLE matrices (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    version INTEGER NOT NULL CHECK (version >= 1),
    row_keys TEXT NOT NULL,
    column_keys TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id)
  )`,
  `CREATE TABLE matrix_cells (
    organisation_id TEXT NOT NULL,
    matrix_id TEXT NOT NULL,
    row_index INTEGER NOT NULL,
    column_index INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (organisation_id, matrix_id, row_index, column_index),
    FOREIGN KEY (organisation_id, matrix_id) REFERENCES matrices (organisation_id, id) ON DELETE CASCADE
  )`,
  `CREATE TABLE runs (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('measurement', 's3')),
    version INTEGER NOT NULL CHECK (version >= 1),
    ${visibility},
    status TEXT NOT NULL,
    parameters TEXT NOT NULL,
    result TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (organisation_id, id)
  )`,
  "CREATE INDEX runs_kind ON runs (organisation_id, kind, created_at)",
  "CREATE INDEX runs_public ON runs (visibility, kind)",
  // Observations hang off a series (organisation × indicator × unit × breakdown) so that the big table has short
  // integer keys: a million rows import in seconds on both engines.
  `CREATE TABLE series (
    id ${dialect === "pg" ? "INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY"},
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    indicator TEXT NOT NULL,
    unit TEXT NOT NULL,
    breakdown TEXT NOT NULL DEFAULT '',
    UNIQUE (organisation_id, indicator, unit, breakdown)
  )`,
  "CREATE INDEX series_unit ON series (organisation_id, unit)",
  // On PostgreSQL the per-row foreign-key trigger doubled the import time of a million rows, so there the store
  // deletes a series' observations itself (it always does, on both engines); SQLite keeps the declared key.
  `CREATE TABLE observations (
    series_id INTEGER NOT NULL${dialect === "pg" ? "" : " REFERENCES series (id) ON DELETE CASCADE"},
    period TEXT NOT NULL,
    value DOUBLE PRECISION,
    import_id TEXT NOT NULL,
    PRIMARY KEY (series_id, period)
  )${dialect === "pg" ? "" : " WITHOUT ROWID"}`
]

const sequenced = (table: string, columns: string, dialect: Dialect) =>
  `CREATE TABLE ${table} (
    seq ${dialect === "pg" ? "INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT"},
    ${columns}
  )`

const auditColumns = `organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    version INTEGER,
    before TEXT,
    after TEXT`

// A transition belongs to a loop cycle stored in `records`; the constant kind column lets a foreign key say so.
const transitionColumns = `organisation_id TEXT NOT NULL,
    cycle_kind TEXT NOT NULL DEFAULT 'loop-cycle' CHECK (cycle_kind = 'loop-cycle'),
    cycle_id TEXT NOT NULL,
    idea_id TEXT,
    from_state TEXT NOT NULL,
    to_state TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    reason TEXT,
    body TEXT,
    FOREIGN KEY (organisation_id, cycle_kind, cycle_id) REFERENCES records (organisation_id, kind, id) ON DELETE CASCADE`

const logs = (dialect: Dialect) => [
  sequenced("audit_log", auditColumns, dialect),
  "CREATE INDEX audit_log_entity ON audit_log (organisation_id, entity, entity_id)",
  "CREATE INDEX audit_log_organisation ON audit_log (organisation_id, seq)",
  sequenced("loop_transitions", transitionColumns, dialect),
  "CREATE INDEX loop_transitions_cycle ON loop_transitions (organisation_id, cycle_id, idea_id, seq)"
]

// People who sign in to the web workspace: users of one organisation with a role, one-time invitations to set a
// password, sessions (stored as SHA-256 hashes, like API tokens) and failed sign-ins per e-mail for throttling.
const people = [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    email TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  "CREATE INDEX users_organisation ON users (organisation_id)",
  `CREATE TABLE user_invites (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  `CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  )`,
  "CREATE INDEX sessions_user ON sessions (user_id)",
  `CREATE TABLE sign_in_failures (
    email TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at TEXT NOT NULL
  )`
]

// Queued computations: every server process on the database claims from here (see Jobs.claim).
const jobs = [
  `CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('measurement', 's3')),
    run_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    worker TEXT,
    visibility TEXT CHECK (visibility IN ('public', 'organisation')),
    input TEXT NOT NULL,
    error TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    heartbeat_at TEXT
  )`,
  "CREATE INDEX jobs_queue ON jobs (status, created_at, id)",
  "CREATE INDEX jobs_organisation ON jobs (organisation_id, status)"
]

/**
 * The store's schema, in order. Never edit a released migration: append a new one.
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<Migration> = [
  { version: 1, name: "core", sqlite: core("sqlite"), pg: core("pg") },
  { version: 2, name: "audit_and_transitions", sqlite: logs("sqlite"), pg: logs("pg") },
  { version: 3, name: "users_and_sessions", sqlite: people, pg: people },
  { version: 4, name: "jobs", sqlite: jobs, pg: jobs }
]

/**
 * The schema version after {@link all} has run.
 *
 * @since 0.1.0
 */
export const latest: number = all[all.length - 1]!.version

/**
 * The versions already applied to the connected database, in order.
 *
 * @since 0.1.0
 */
export const applied: Effect.Effect<ReadonlyArray<number>, SqlError.SqlError, SqlClient.SqlClient> = Effect.gen(
  function* () {
    const sql = yield* SqlClient.SqlClient
    yield* ensureTable
    const rows = yield* sql`SELECT version FROM store_migrations ORDER BY version`
    return rows.map((row) => int(row.version))
  }
)

const ensureTable = Effect.flatMap(
  SqlClient.SqlClient,
  (sql) => sql`CREATE TABLE IF NOT EXISTS store_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`
)

/**
 * Runs every migration newer than the database's version, each in its own transaction (statements and the
 * bookkeeping row commit together, so a failed migration leaves the previous schema intact). Safe to call from
 * several processes at once: the first takes a write lock, the others then find the work done. Returns the
 * versions it applied.
 *
 * @since 0.1.0
 */
export const run = (
  migrations: ReadonlyArray<Migration> = all
): Effect.Effect<ReadonlyArray<number>, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const dialect = dialectOf(sql)
    yield* ensureTable
    const done: Array<number> = []
    const ordered = [...migrations].sort((a, b) => a.version - b.version)
    for (const migration of ordered) {
      const ran = yield* sql.withTransaction(
        Effect.gen(function* () {
          // Take the write lock first, then look: a concurrent migrator waits here and then finds the row.
          if (dialect === "pg") yield* sql`LOCK TABLE store_migrations IN EXCLUSIVE MODE`
          else yield* sql`UPDATE store_migrations SET name = name WHERE version = -1`
          const existing = yield* sql`SELECT version FROM store_migrations WHERE version = ${migration.version}`
          if (existing.length > 0) return false
          for (const statement of dialect === "pg" ? migration.pg : migration.sqlite) yield* sql.unsafe(statement)
          yield* sql`INSERT INTO store_migrations (version, name, applied_at)
            VALUES (${migration.version}, ${migration.name}, ${now()})`
          return true
        })
      )
      if (ran) done.push(migration.version)
    }
    return done
  })
