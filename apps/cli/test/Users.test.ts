import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-users-"))
})
const at = (...args: Array<string>) => innokraft(args, { cwd: dir })

describe("innokraft users on SQLite", () => {
  it("prints a one-time invitation link once, keeps only its hash, and lists the person without a password", {
    timeout: 60_000
  }, () => {
    expect(at("orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten").code).toBe(0)
    const invited = at(
      "users",
      "invite",
      "--org",
      "region-vasterbotten",
      "--email",
      "Anna@Example.se",
      "--role",
      "editor",
      "--url",
      "https://innokraft.example.se/"
    )
    expect(invited.code).toBe(0)
    const link = invited.stdout.trim()
    expect(link).toMatch(/^https:\/\/innokraft\.example\.se\/app\/invite\?token=iki_[A-Za-z0-9_-]{43}$/)
    expect(invited.stderr).toContain("anna@example.se (editor of region-vasterbotten)")
    const secret = link.slice(link.indexOf("token=") + 6)
    expect(readFileSync(join(dir, "data/innokraft.db")).includes(Buffer.from(secret))).toBe(false)
    const listed = JSON.parse(at("users", "list", "--org", "region-vasterbotten", "--json").stdout)
    expect(listed).toEqual([expect.objectContaining({ email: "anna@example.se", role: "editor", active: false })])
  })

  it("refuses an unknown organisation and a malformed e-mail with exit code 1", { timeout: 60_000 }, () => {
    const unknown = at("users", "invite", "--org", "nowhere", "--email", "a@example.se", "--role", "viewer")
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('organisation "nowhere" was not found')
    at("orgs", "create", "--id", "boras-stad", "--name", "Borås Stad")
    const bad = at("users", "invite", "--org", "boras-stad", "--email", "not-an-email", "--role", "viewer")
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("email: expected an e-mail address")
  })
})
