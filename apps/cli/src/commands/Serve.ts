import { Command, Options } from "@effect/cli"
import { Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { databaseUrl } from "../internal/Database.js"

/**
 * `innokraft serve`: the API and dashboard, as `npm start` runs them, until Ctrl-C.
 *
 * @since 0.1.0
 */
export const serve = Command.make(
  "serve",
  {
    port: Options.integer("port").pipe(Options.withDescription("Port (default $PORT or 8787)"), Options.optional),
    host: Options.text("host").pipe(Options.withDescription("Address (default $HOST or 127.0.0.1)"), Options.optional),
    databaseUrl,
    seed: Options.choice("seed", ["on", "off"]).pipe(
      Options.withDescription(
        "Load the example organisations into an empty database (default: on for the SQLite default)"
      ),
      Options.optional
    )
  },
  ({ port, host, databaseUrl, seed }) =>
    Effect.gen(function* () {
      const { Server } = yield* Effect.promise(() => import("@innokraft/api"))
      const env = {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ...(Option.isSome(port) ? { PORT: String(port.value) } : {}),
        ...(Option.isSome(host) ? { HOST: host.value } : {}),
        ...(Option.isSome(seed) ? { SEED_EXAMPLES: seed.value === "on" ? "true" : "false" } : {})
      }
      const running = yield* Effect.tryPromise({
        try: () => Server.start(env),
        catch: (error) => new InputError({ message: (error as Error).message })
      })
      // Serve until interrupted (Ctrl-C or SIGTERM), then finish requests in flight and close the database.
      yield* Effect.never.pipe(Effect.onInterrupt(() => Effect.promise(() => running.close())))
    })
).pipe(
  Command.withDescription(
    "Starts the API and the dashboard on the embedded SQLite default or PostgreSQL. Example: innokraft serve --port 8787"
  )
)
