import { spawn } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const bin = join(import.meta.dirname, "../bin/innokraft.js")
const dev2 = join(import.meta.dirname, "../../../../shared/data/s3-reference/dev-2.csv")

/** Starts `s3 analyse` writing a large result and kills it with SIGKILL after `ms` milliseconds. */
const killedAfter = (ms: number, out: string) =>
  new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [bin, "s3", "analyse", "--input", dev2, "--out", out], { stdio: "ignore" })
    const timer = setTimeout(() => child.kill("SIGKILL"), ms)
    child.on("exit", () => {
      clearTimeout(timer)
      resolve()
    })
  })

describe("an interrupted run", () => {
  it("never leaves a partial output file, wherever it is killed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-atomic-"))
    // Kill points spread over start-up, analysis and writing; the output is either absent or complete.
    for (const ms of [50, 150, 300, 450, 600, 800, 1000, 1300, 1700, 2500]) {
      const out = join(dir, `result-${ms}.json`)
      await killedAfter(ms, out)
      if (existsSync(out)) {
        const result = JSON.parse(readFileSync(out, "utf8")) as { rca: Record<string, unknown> }
        expect(Object.keys(result.rca), `killed after ${ms} ms`).toHaveLength(290)
      }
    }
    // And when it is not interrupted, the output is there and whole.
    await new Promise<void>((resolve) => {
      spawn(process.execPath, [bin, "s3", "analyse", "--input", dev2, "--out", join(dir, "whole.json")], {
        stdio: "ignore"
      }).on("exit", () => resolve())
    })
    expect(Object.keys(JSON.parse(readFileSync(join(dir, "whole.json"), "utf8")).rca)).toHaveLength(290)
  }, 60_000)
})
