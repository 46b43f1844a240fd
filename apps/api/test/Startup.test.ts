import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const main = join(import.meta.dirname, "../dist/main.js")

interface Outcome {
  readonly code: number | null
  readonly stderr: string
  readonly stdout: string
}

/** Runs the built server as `npm start` does and waits for it to exit (it must not start). */
const run = (env: Record<string, string>): Promise<Outcome> => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`)
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: "0", SEED_EXAMPLES: "off", LOG_LEVEL: "info", ...env }
  })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString()
    // A server that started anyway would never exit: stop it so that the test fails on its assertions.
    if (stdout.includes('"msg":"listening"')) child.kill("SIGKILL")
  })
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr, stdout })))
}

/** Exit 1 with exactly one line on stderr that names the setting, and no stack trace anywhere. */
const expectClean = (outcome: Outcome, setting: string) => {
  expect(outcome.code).toBe(1)
  const lines = outcome.stderr.split("\n").filter((l) => l !== "")
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(new RegExp(`^innokraft-api: .*\\b${setting}\\b`))
  expect(outcome.stderr + outcome.stdout).not.toMatch(/\n\s+at /)
  return lines[0]!
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const port = (probe.address() as { port: number }).port
      probe.close(() => resolve(port))
    })
  })

// Each case starts a whole node process; on a loaded machine that takes seconds.
describe("start-up failures: one line naming the setting, exit 1, no stack", { timeout: 60_000 }, () => {
  let dir: string
  let occupied: Server
  let port: number
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "innokraft-startup-"))
    occupied = createServer()
    await new Promise<void>((resolve) => occupied.listen(0, "127.0.0.1", resolve))
    port = (occupied.address() as { port: number }).port
  })
  afterAll(async () => {
    await new Promise((resolve) => occupied.close(resolve))
    rmSync(dir, { recursive: true, force: true })
  })

  it("PORT=abc", async () => {
    const line = expectClean(await run({ PORT: "abc", DATABASE_URL: join(dir, "a.db") }), "PORT")
    expect(line).toContain('(got "abc")')
    expect(line).toContain("0 to 65535")
  })

  it("several invalid values are named in the same line", async () => {
    const line = expectClean(
      await run({ BODY_LIMIT: "-5", SEED_EXAMPLES: "maybe", DATABASE_URL: join(dir, "b.db") }),
      "BODY_LIMIT"
    )
    expect(line).toContain("SEED_EXAMPLES")
    expect(line).toContain('(got "maybe")')
  })

  it("a port in use", async () => {
    const line = expectClean(await run({ PORT: String(port), DATABASE_URL: join(dir, "c.db") }), "PORT")
    expect(line).toContain(`127.0.0.1:${port} is already in use`)
  })

  it("a PostgreSQL that refuses the connection, without printing the password", async () => {
    const closed = await freePort()
    const line = expectClean(
      await run({ DATABASE_URL: `postgres://innokraft:s3cret-pw@127.0.0.1:${closed}/innokraft` }),
      "DATABASE_URL"
    )
    expect(line).toContain("refused the connection")
    expect(line).not.toContain("s3cret-pw")
  })

  it("a file that is not an SQLite database", async () => {
    const file = join(dir, "not-a-database.db")
    writeFileSync(file, "x".repeat(4096))
    const line = expectClean(await run({ DATABASE_URL: file }), "DATABASE_URL")
    expect(line).toContain("not an SQLite database")
  })

  it("with LOG_LEVEL=debug the stack goes to the log, not to the operator's line", async () => {
    const outcome = await run({ PORT: String(port), DATABASE_URL: join(dir, "d.db"), LOG_LEVEL: "debug" })
    expectClean({ ...outcome, stdout: "" }, "PORT")
    const debug = outcome.stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: string; stack?: string })
      .find((l) => l.level === "debug")
    expect(debug?.stack).toContain("EADDRINUSE")
  })
})

const pgUrl = process.env.INNOKRAFT_TEST_PG_URL

describe("start-up failures on PostgreSQL (INNOKRAFT_TEST_PG_URL)", { timeout: 60_000, tags: ["postgresql"] }, () => {
  it("a wrong password", async () => {
    const url = new URL(pgUrl!)
    url.password = "definitely-wrong-password"
    const line = expectClean(await run({ DATABASE_URL: url.toString() }), "DATABASE_URL")
    expect(line).toContain("correct the user and password")
    expect(line).not.toContain("definitely-wrong-password")
  })

  it("a database that does not exist", async () => {
    const url = new URL(pgUrl!)
    url.pathname = "/innokraft_no_such_database"
    const line = expectClean(await run({ DATABASE_URL: url.toString() }), "DATABASE_URL")
    expect(line).toContain('"innokraft_no_such_database" does not exist')
  })
})
