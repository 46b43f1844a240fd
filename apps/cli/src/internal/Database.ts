import { Options } from "@effect/cli"

/** The same default as the API: an SQLite file under ./data, or DATABASE_URL. */
export const databaseUrl = Options.text("database-url").pipe(
  Options.withDescription(
    "postgres://… for PostgreSQL, or an SQLite file path (default: $DATABASE_URL or data/innokraft.db)"
  ),
  Options.withDefault(process.env.DATABASE_URL ?? "data/innokraft.db")
)

export const isPostgres = (url: string) => /^postgres(ql)?:\/\//.test(url)

/** A URL for messages, without its password. */
export const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")
