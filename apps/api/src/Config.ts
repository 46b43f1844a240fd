import { z } from "zod"
import { StartupError } from "./StartupError.js"

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
    /** Failed bearer tokens one client address may send per minute before it gets 429 with Retry-After. */
    AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
    /** Largest body of one strategy-model record (POST/PUT /v1/actors, /v1/projects …) in bytes (413 above). */
    RECORD_BODY_LIMIT: z.coerce.number().int().positive().default(262_144),
    /** Worker threads computing measurements and S3 analyses. */
    COMPUTE_THREADS: z.coerce.number().int().min(1).max(64).default(1),
    /** Computations waiting for a worker before new ones are refused (503). */
    COMPUTE_QUEUE: z.coerce.number().int().min(0).max(100_000).default(64),
    /** Computations of one organisation running or waiting at once before new ones are refused (429). */
    COMPUTE_PER_ORGANISATION: z.coerce.number().int().min(1).max(1000).default(2),
    /** Largest regions × industries of an S3 analysis (422 above). */
    MAX_S3_CELLS: z.coerce.number().int().min(1).default(1_440_000),
    /** Largest units × indicators × periods of a measurement (422 above). */
    MAX_MEASURE_CELLS: z.coerce.number().int().min(1).default(1_000_000),
    /** Most uncertainty runs of a measurement (422 above). */
    MAX_UNCERTAINTY_RUNS: z.coerce.number().int().min(1).max(2000).default(2000),
    /** Most fitness–complexity iterations of an S3 analysis (422 above). */
    MAX_FITNESS_ITERATIONS: z.coerce.number().int().min(1).max(1000).default(1000),
    /** Work (cell passes: cells × (1 + runs), or cells × (years + iterations)) above which a computation is a job (202). */
    INLINE_WORK: z.coerce.number().int().min(0).default(20_000_000),
    /** How often an idle server looks for queued jobs, in ms. */
    JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
    /** A running job whose worker sent no heartbeat for this long (ms) runs again elsewhere, or fails. */
    JOB_STALE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** Claims of a job before a worker that keeps dying on it makes it fail. */
    JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(2),
    /** `debug` also logs the stack of a start-up failure. */
    LOG_LEVEL: z.enum(["info", "debug"]).default("info"),
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

/** What each variable expects, for start-up messages. */
const expects: Record<string, string> = {
  PORT: "an integer from 0 to 65535 (0 = any free port)",
  HOST: "an interface address such as 127.0.0.1 or 0.0.0.0",
  BODY_LIMIT: "a positive whole number of bytes",
  CORS_ORIGINS: "comma-separated origins such as https://example.org",
  DATABASE_URL: "postgres://… or an SQLite file path",
  SEED_EXAMPLES: `one of ${flags.join(", ")}`,
  READ_CACHE_MS: "a whole number of milliseconds from 0 to 60000",
  AUTH_FAILURES_PER_MINUTE: "a whole number from 1 to 100000",
  RECORD_BODY_LIMIT: "a positive whole number of bytes",
  COMPUTE_THREADS: "a whole number of threads from 1 to 64",
  COMPUTE_QUEUE: "a whole number from 0 to 100000",
  COMPUTE_PER_ORGANISATION: "a whole number from 1 to 1000",
  MAX_S3_CELLS: "a positive whole number",
  MAX_MEASURE_CELLS: "a positive whole number",
  MAX_UNCERTAINTY_RUNS: "a whole number from 1 to 2000",
  MAX_FITNESS_ITERATIONS: "a whole number from 1 to 1000",
  INLINE_WORK: "a whole number of cell passes (0 = every computation is a job)",
  JOBS_POLL_MS: "a whole number of milliseconds from 10 to 60000",
  JOB_STALE_MS: "a whole number of milliseconds from 1000 to 3600000",
  JOB_MAX_ATTEMPTS: "a whole number from 1 to 10",
  LOG_LEVEL: "info or debug",
  DATA_DIR: "a folder path"
}

/**
 * Reads the configuration from an environment, or throws a {@link StartupError} whose one-line message names every
 * bad variable, what it got and what it expects.
 *
 * @since 0.1.0
 */
export const fromEnv = (env: Record<string, string | undefined>): Config => {
  const result = Config.safeParse(env)
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((i) => String(i.path[0])))]
    const parts = names.map(
      (name) => `${name}: expected ${expects[name] ?? "a valid value"} (got ${JSON.stringify(env[name])})`
    )
    throw new StartupError(
      names[0]!,
      `Invalid server configuration: ${parts.join("; ")}; correct ${names.length === 1 ? "it" : "them"} or unset ${names.length === 1 ? "it" : "them"} for the default.`,
      { cause: result.error }
    )
  }
  return result.data
}
