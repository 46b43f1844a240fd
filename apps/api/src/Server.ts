import { serve } from "@hono/node-server"
import { workspace } from "@innokraft/web"
import pkg from "../package.json" with { type: "json" }
import { makeApp } from "./App.js"
import * as Compute from "./Compute.js"
import { fromEnv } from "./Config.js"
import * as DashboardStore from "./DashboardStore.js"
import { open } from "./Database.js"
import { dashboard, notFoundPage } from "./dashboard/index.js"
import * as JobRunner from "./JobRunner.js"
import { locateData, seed } from "./Seed.js"
import { fromListen } from "./StartupError.js"

/**
 * A running server.
 *
 * @since 0.1.0
 */
export interface Running {
  readonly url: string
  /** Stops accepting connections, lets requests in flight finish, then closes the database. */
  readonly close: () => Promise<void>
}

const defaultLine = (fields: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...fields })}\n`)

/**
 * Starts the API, the dashboard and the workspace (`/app`) from an environment (`PORT`, `HOST`, `DATABASE_URL`, `SEED_EXAMPLES`, …): opens the
 * database (migrating it), seeds the examples when asked, and listens. `npm start` and `innokraft serve` both use it.
 * A bad setting, an unreachable database or a port in use rejects with a {@link StartupError} (one line naming the
 * setting), after closing what was opened.
 *
 * @since 0.1.0
 */
export const start = async (
  env: Record<string, string | undefined>,
  line: (fields: Record<string, unknown>) => void = defaultLine
): Promise<Running> => {
  const config = fromEnv(env)
  const database = await open(config.DATABASE_URL)
  line({ msg: "database", engine: database.engine })
  if (config.SEED_EXAMPLES) {
    await seed(database, { dataDir: config.DATA_DIR, log: (msg, extra) => line({ msg, ...extra }) })
  }
  const home = dashboard(DashboardStore.make(database, { dataDir: locateData(config.DATA_DIR) }))
  const compute = Compute.make({
    threads: config.COMPUTE_THREADS,
    maxQueue: config.COMPUTE_QUEUE,
    perOrganisation: config.COMPUTE_PER_ORGANISATION
  })
  const runner = JobRunner.start(database, compute, {
    threads: config.COMPUTE_THREADS,
    pollMs: config.JOBS_POLL_MS,
    claim: {
      perOrganisation: config.COMPUTE_PER_ORGANISATION,
      staleAfterMs: config.JOB_STALE_MS,
      maxAttempts: config.JOB_MAX_ATTEMPTS
    }
  })
  const app = makeApp({ config, version: pkg.version, database, home, notFoundPage, compute, onJobQueued: runner.wake })
  // The officer's workspace (sign-in and editing) on the same origin and store; its cookies are scoped to /app.
  app.route("/app", workspace({ runner: database }))

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
      const url = `http://${info.address}:${info.port}/`
      line({ msg: "listening", url })
      resolve({
        url,
        close: () =>
          new Promise<void>((done) => {
            runner.stop()
            server.close(() => {
              Promise.all([compute.close(), database.dispose()]).finally(done)
            })
          })
      })
    })
    server.once("error", (error) => {
      if (server.listening) return
      runner.stop()
      Promise.all([compute.close(), database.dispose()]).finally(() =>
        reject(fromListen(error, config.HOST, config.PORT))
      )
    })
  })
}
