import { type ChildProcess, spawn } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const main = join(import.meta.dirname, "../dist/main.js")
let server: ChildProcess
let base = ""

// End to end: the built server as `npm start` runs it, on a free loopback port.
describe("the built server on loopback", () => {
  beforeAll(async () => {
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`)
    server = spawn(process.execPath, [main], { env: { ...process.env, PORT: "0", HOST: "127.0.0.1" } })
    base = await new Promise<string>((resolve, reject) => {
      let out = ""
      server.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = /"url":"([^"]+)"/.exec(out)
        if (match) resolve(match[1]!)
      })
      server.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)))
    })
  })
  afterAll(() => {
    server?.kill("SIGKILL")
  })

  it("serves /health and the landing page over real HTTP", async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const health = await fetch(new URL("/health", base))
    expect(health.status).toBe(200)
    expect(((await health.json()) as { status: string }).status).toBe("ok")
    const page = await fetch(base)
    expect(await page.text()).toContain("<h1>Innokraft</h1>")
  })

  it("shuts down gracefully on SIGTERM with exit code 0", async () => {
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)))
    server.kill("SIGTERM")
    expect(await exited).toBe(0)
  })
})
