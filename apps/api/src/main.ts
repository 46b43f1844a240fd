import { serve } from "@hono/node-server"
import pkg from "../package.json" with { type: "json" }
import { makeApp } from "./App.js"
import { fromEnv } from "./Config.js"
import * as DashboardStore from "./DashboardStore.js"
import { open } from "./Database.js"
import { dashboard } from "./dashboard/index.js"
import { locateData, seed } from "./Seed.js"

const line = (fields: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...fields })}\n`)

const config = fromEnv(process.env)
const database = await open(config.DATABASE_URL)
line({ msg: "database", engine: database.engine })
if (config.SEED_EXAMPLES) {
  await seed(database, { dataDir: config.DATA_DIR, log: (msg, extra) => line({ msg, ...extra }) })
}
const home = dashboard(DashboardStore.make(database, { dataDir: locateData(config.DATA_DIR) }))
const app = makeApp({ config, version: pkg.version, database, home })
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  line({ msg: "listening", url: `http://${info.address}:${info.port}/` })
})

// Stop accepting connections, let requests in flight finish, close the database, then exit.
const shutdown = (signal: string) => {
  line({ msg: "shutdown", signal })
  server.close(() => {
    database.dispose().finally(() => process.exit(0))
  })
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.once("SIGTERM", () => shutdown("SIGTERM"))
process.once("SIGINT", () => shutdown("SIGINT"))
