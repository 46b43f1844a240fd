import { existsSync, mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-db-"))
})
const at = (...args: Array<string>) => innokraft(args, { cwd: dir })

describe("innokraft db, orgs and tokens on SQLite", () => {
  it("migrates the default database under ./data", () => {
    const { code, stdout } = at("db", "migrate")
    expect(code).toBe(0)
    expect(stdout).toMatch(/^data\/innokraft\.db: schema at version \d+ \(applied: 1, 2/)
    expect(existsSync(join(dir, "data/innokraft.db"))).toBe(true)
  })

  it("creates a token shown once on stdout, lists it without its secret, and revokes it", () => {
    expect(at("orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten").code).toBe(0)
    const created = at("tokens", "create", "--org", "region-vasterbotten", "--role", "editor", "--label", "analyst")
    expect(created.code).toBe(0)
    const token = created.stdout.trim()
    expect(token).toMatch(/^ikt_\S{30,}$/)
    expect(created.stderr).toContain("store it now, it is not shown again")
    const listed = at("tokens", "list", "--org", "region-vasterbotten", "--json")
    const tokens = JSON.parse(listed.stdout) as Array<{ id: string; role: string; prefix: string; revokedAt?: string }>
    expect(tokens).toHaveLength(1)
    expect(tokens[0]).toMatchObject({ role: "editor", label: "analyst" })
    expect(token.startsWith(tokens[0]!.prefix)).toBe(true)
    expect(listed.stdout).not.toContain(token)
    // The database keeps a hash, never the secret.
    expect(readFileSync(join(dir, "data/innokraft.db")).includes(Buffer.from(token))).toBe(false)
    expect(at("tokens", "revoke", tokens[0]!.id).code).toBe(0)
    const after = JSON.parse(at("tokens", "list", "--org", "region-vasterbotten", "--json").stdout)
    expect(after[0].revokedAt).toBeTruthy()
  })

  it("refuses a token for an unknown organisation and an unknown role", () => {
    const unknown = at("tokens", "create", "--org", "nobody", "--role", "editor")
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('organisation "nobody" was not found')
    expect(at("tokens", "create", "--org", "x", "--role", "owner").code).toBe(2)
  })

  it("backs up to a file, restores, and exports and imports an organisation", () => {
    at("orgs", "create", "--id", "boras", "--name", "Borås Stad")
    expect(at("db", "backup", "backup.db").code).toBe(0)
    expect(existsSync(join(dir, "backup.db"))).toBe(true)
    const restored = innokraft(["db", "restore", "backup.db", "--database-url", "copy.db"], { cwd: dir })
    expect(restored.code).toBe(0)
    const orgs = JSON.parse(innokraft(["orgs", "list", "--json", "--database-url", "copy.db"], { cwd: dir }).stdout)
    expect(orgs.map((o: { id: string }) => o.id)).toEqual(["boras"])
    expect(at("db", "export", "--org", "boras", "--out", "boras.json").code).toBe(0)
    const exported = JSON.parse(readFileSync(join(dir, "boras.json"), "utf8"))
    expect(exported.organisation).toEqual({ id: "boras", name: "Borås Stad" })
    const imported = innokraft(["db", "import", "boras.json", "--database-url", "other.db"], { cwd: dir })
    expect(imported.code).toBe(0)
    expect(imported.stdout).toContain("imported into boras")
  })

  it("says that backup is for SQLite when given a PostgreSQL URL", () => {
    const { code, stderr } = at("db", "backup", "x.db", "--database-url", "postgres://u:secret@127.0.0.1:1/db")
    expect(code).toBe(1)
    expect(stderr).toContain("works on SQLite files")
    expect(stderr).not.toContain("secret")
  })

  it("names a PostgreSQL server it cannot reach with the password masked, and exits 1", () => {
    const { code, stderr } = at("db", "migrate", "--database-url", "postgres://u:secret@127.0.0.1:1/db")
    expect(code).toBe(1)
    expect(stderr).toContain("postgres://u:***@127.0.0.1:1/db: cannot open the database")
    expect(stderr).not.toContain("secret")
  })
})

describe("innokraft db on PostgreSQL", { tags: ["postgresql"] }, () => {
  it("migrates and lists organisations on the server", () => {
    const url = process.env.INNOKRAFT_TEST_PG_URL!
    const { code, stdout } = innokraft(["db", "migrate", "--database-url", url])
    expect(code).toBe(0)
    expect(stdout).toMatch(/: schema at version \d+ \(applied: 1, 2/)
    // Whatever the URL's shape: its password, if it has one, is never printed.
    const { password } = new URL(url)
    if (password !== "") expect(stdout).not.toContain(`:${password}@`)
    const listed = innokraft(["orgs", "list", "--database-url", url, "--json"])
    expect(listed.code).toBe(0)
    expect(Array.isArray(JSON.parse(listed.stdout))).toBe(true)
  })
})
