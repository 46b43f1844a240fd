import { z } from "zod"

/**
 * The server's configuration, read from the environment and validated at start-up.
 *
 * @since 0.1.0
 */
export const Config = z.object({
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
    )
})

/**
 * @since 0.1.0
 */
export type Config = z.infer<typeof Config>

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
