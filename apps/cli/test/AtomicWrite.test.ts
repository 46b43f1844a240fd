import { type ChildProcess, spawn } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const bin = join(import.meta.dirname, "../bin/innokraft.js")
const stopMidWrite = join(import.meta.dirname, "support/stop-mid-write.mjs")
const dev2 = join(import.meta.dirname, "../../../../shared/data/s3-reference/dev-2.csv")
const analyse = (out: string) => [bin, "s3", "analyse", "--input", dev2, "--out", out]

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal }))
  )

/** Runs `s3 analyse`, which stops itself halfway through writing its output (support/stop-mid-write.mjs); kills it. */
const killedMidWrite = async (out: string) => {
  const child = spawn(process.execPath, ["--import", stopMidWrite, ...analyse(out)], {
    stdio: ["ignore", "ignore", "pipe"]
  })
  const end = exited(child)
  let stderr = ""
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
      if (stderr.includes("stopped mid-write")) resolve()
    })
    end.then(() => reject(new Error(`s3 analyse ended before writing: ${stderr}`)))
  })
  child.kill("SIGKILL")
  expect((await end).signal).toBe("SIGKILL")
}

const whole = (out: string) => {
  const result = JSON.parse(readFileSync(out, "utf8")) as { rca: Record<string, unknown> }
  expect(Object.keys(result.rca)).toHaveLength(290)
}

const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"))

describe("an interrupted run", () => {
  it("killed in the middle of writing, leaves no output: only its partial temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-atomic-"))
    const out = join(dir, "result.json")
    await killedMidWrite(out)
    expect(existsSync(out)).toBe(false)
    // the kill did land during the write: half of the result is in the temporary file
    const left = temporaries(dir)
    expect(left).toHaveLength(1)
    expect(statSync(join(dir, left[0]!)).size).toBeGreaterThan(100_000)
  })

  it("killed in the middle of replacing an output, leaves the previous one whole", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-atomic-"))
    const out = join(dir, "result.json")
    expect((await exited(spawn(process.execPath, analyse(out), { stdio: "ignore" }))).code).toBe(0)
    const before = readFileSync(out, "utf8")
    await killedMidWrite(out)
    expect(readFileSync(out, "utf8")).toBe(before)
    whole(out)
  })

  it("that cannot finish writing (file size limit), exits 1 and leaves neither output nor temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-atomic-"))
    const out = join(dir, "result.json")
    // 256 KiB of the 1.3 MB result: the write fails with EFBIG halfway
    const child = spawn("bash", ["-c", 'ulimit -f 256; exec "$0" "$@"', process.execPath, ...analyse(out)], {
      stdio: ["ignore", "ignore", "pipe"]
    })
    let stderr = ""
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    expect((await exited(child)).code).toBe(1)
    expect(stderr).toContain(`${out}: cannot be written`)
    expect(existsSync(out)).toBe(false)
    expect(temporaries(dir)).toEqual([])
  })

  it("not interrupted, writes the whole output", async () => {
    const dir = mkdtempSync(join(tmpdir(), "innokraft-atomic-"))
    const out = join(dir, "whole.json")
    expect((await exited(spawn(process.execPath, analyse(out), { stdio: "ignore" }))).code).toBe(0)
    whole(out)
    expect(temporaries(dir)).toEqual([])
  })
})
