import { start } from "./Server.js"

const log = (fields: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...fields })}\n`)

const server = await start(process.env, log)

const shutdown = (signal: string) => {
  log({ msg: "shutdown", signal })
  server.close().finally(() => process.exit(0))
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.once("SIGTERM", () => shutdown("SIGTERM"))
process.once("SIGINT", () => shutdown("SIGINT"))
