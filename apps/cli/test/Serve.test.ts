import { spawn } from "node:child_process"
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const bin = join(import.meta.dirname, "../bin/innokraft.js")

describe("innokraft serve", () => {
  it("serves the seeded API and dashboard on loopback and stops on SIGINT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-serve-"))
    const child = spawn(
      process.execPath,
      [bin, "serve", "--port", "0", "--database-url", join(dir, "db.sqlite"), "--seed", "on"],
      {
        cwd: join(import.meta.dirname, "../../..")
      }
    )
    const url = await new Promise<string>((resolve, reject) => {
      let out = ""
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString()
        const match = /"url":"([^"]+)"/.exec(out)
        if (match) resolve(match[1]!)
      })
      child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}`)))
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(((await (await fetch(new URL("/health", url))).json()) as { status: string }).status).toBe("ok")
    const strategies = (await (await fetch(new URL("/v1/strategies", url))).json()) as { items: Array<{ id: string }> }
    expect(strategies.items.map((s) => s.id)).toContain("vasterbotten-ris-2022")
    expect(await (await fetch(url)).text()).toContain("<h1>Innokraft</h1>")
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)))
    child.kill("SIGINT")
    expect(await exited).toBe(130)
  }, 60_000)
})
