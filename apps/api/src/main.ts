import { start } from "./Server.js"
import { StartupError } from "./StartupError.js"

const log = (fields: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...fields })}\n`)

const server = await start(process.env, log).catch((error: unknown) => {
  // One line for the operator, naming the setting; the stack only in the debug log.
  const message = error instanceof StartupError ? error.message : `The server failed to start: ${String(error)}`
  process.stderr.write(`innokraft-api: ${message.replace(/\s*\n\s*/g, " ")}\n`)
  if (process.env.LOG_LEVEL === "debug") {
    const cause = error instanceof StartupError ? error.cause : error
    log({ level: "debug", msg: "start-up failed", stack: cause instanceof Error ? cause.stack : String(cause) })
  }
  process.exit(1)
})

const shutdown = (signal: string) => {
  log({ msg: "shutdown", signal })
  server.close().finally(() => process.exit(0))
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.once("SIGTERM", () => shutdown("SIGTERM"))
process.once("SIGINT", () => shutdown("SIGINT"))
