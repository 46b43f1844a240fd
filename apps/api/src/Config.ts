import { z } from "zod"

/**
 * The database an unset `DATABASE_URL` means: an SQLite file under `./data/` (the folder is created).
 *
 * @since 0.1.0
 */
export const defaultDatabase = "./data/innokraft.db"

const truthy = ["true", "1", "on", "yes"]
const flags = [...truthy, "false", "0", "off", "no"] as const

/**
 * The server's configuration, read from the environment and validated at start-up.
 *
 * @since 0.1.0
 */
export const Config = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** Largest accepted request body in bytes. */
    BODY_LIMIT: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    /** Comma-separated origins allowed by CORS; empty means same-origin only. */
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((o) => o.trim())
          .filter((o) => o !== "")
      ),
    /** `postgres://…` for PostgreSQL; otherwise an SQLite file path (`sqlite:` / `file:` prefixes allowed) or `:memory:`. */
    DATABASE_URL: z
      .string()
      .min(1)
      .default(defaultDatabase)
      .refine((url) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || /^postgres(ql)?:\/\//i.test(url), {
        message: "expected postgres://… or an SQLite file path"
      }),
    /** Load the example workspaces, the loop example and the example runs into an empty database (default: on for the embedded default database, off otherwise). */
    SEED_EXAMPLES: z.enum(flags).optional(),
    /** How long anonymous GET /v1 answers (published data) may be served from memory, in ms; 0 turns it off. */
    READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
    /** The folder of the shared real data used by seeding (default: `../shared/data` from the repository root). */
    DATA_DIR: z.string().min(1).optional()
  })
  .transform(({ SEED_EXAMPLES, ...rest }) => ({
    ...rest,
    SEED_EXAMPLES: SEED_EXAMPLES === undefined ? rest.DATABASE_URL === defaultDatabase : truthy.includes(SEED_EXAMPLES)
  }))

/**
 * @since 0.1.0
 */
export type Config = z.infer<typeof Config>

/**
 * Where a `DATABASE_URL` points: PostgreSQL by URL, or an SQLite file name.
 *
 * @since 0.1.0
 */
export type Target =
  | { readonly engine: "pg"; readonly url: string }
  | { readonly engine: "sqlite"; readonly filename: string }

/**
 * Reads a `DATABASE_URL`.
 *
 * @example
 * ```ts
 * Config.target("sqlite:./data/x.db") // { engine: "sqlite", filename: "./data/x.db" }
 * ```
 * @since 0.1.0
 */
export const target = (url: string): Target =>
  /^postgres(ql)?:\/\//i.test(url)
    ? { engine: "pg", url }
    : { engine: "sqlite", filename: url.replace(/^(sqlite|file):/i, "") }

/**
 * Reads the configuration from an environment, or throws an error that names every bad variable and what it expects.
 *
 * @since 0.1.0
 */
export const fromEnv = (env: Record<string, string | undefined>): Config => {
  const result = Config.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.join(".")}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`
    )
    throw new Error(`Invalid server configuration:\n${lines.join("\n")}`)
  }
  return result.data
}
