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
