import { serve } from "@hono/node-server"
import pkg from "../package.json" with { type: "json" }
import { makeApp } from "./App.js"
import { fromEnv } from "./Config.js"

const config = fromEnv(process.env)
const app = makeApp({ config, version: pkg.version })
const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "listening", url: `http://${info.address}:${info.port}/` })}\n`
  )
})

// Stop accepting connections, let requests in flight finish, then exit.
const shutdown = (signal: string) => {
  process.stdout.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "shutdown", signal })}\n`
  )
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.once("SIGTERM", () => shutdown("SIGTERM"))
process.once("SIGINT", () => shutdown("SIGINT"))
