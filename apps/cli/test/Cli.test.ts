import { describe, expect, it } from "vitest"
import pkg from "../package.json" with { type: "json" }
import { innokraft } from "./run.js"

describe("innokraft", () => {
  it("prints its version", () => {
    const { stdout, code } = innokraft(["--version"])
    expect(code).toBe(0)
    expect(stdout.trim()).toBe(pkg.version)
  })

  it("prints help with every area and an example", () => {
    const { stdout, code } = innokraft(["--help"])
    expect(code).toBe(0)
    expect(stdout).toContain("reference counties [--json]")
    expect(stdout).toContain("Example: innokraft reference counties")
  })

  it("writes help and usage errors without colour codes into a pipe, even without NO_COLOR", () => {
    const { NO_COLOR: _, ...env } = process.env
    const help = innokraft(["s3", "--help"], { env })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("USAGE")
    expect(help.stdout).not.toContain("\u001b[")
    const usage = innokraft(["s3", "analyse"], { env })
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain("Expected to find option: '--input'")
    expect(usage.stderr + usage.stdout).not.toContain("\u001b[")
  })

  it("exits 2 on an unknown flag or command", () => {
    const flag = innokraft(["reference", "counties", "--jsn"])
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain("--jsn")
    expect(innokraft(["nonsense"]).code).toBe(2)
  })

  it("prints a bash completion script", () => {
    const { stdout, code } = innokraft(["--completions", "bash"])
    expect(code).toBe(0)
    expect(stdout).toContain("complete")
    expect(stdout).toContain("innokraft")
  })
})
