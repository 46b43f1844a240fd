import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Examples, Interchange, Portfolio } from "@innokraft/domain"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-ws-"))
})

const writeExample = (name: keyof typeof Examples.all) => {
  const path = join(dir, `${name}.json`)
  writeFileSync(path, Interchange.toJson(Examples.all[name]))
  return path
}

describe("innokraft workspace validate", () => {
  it("accepts the three sourced example workspaces", () => {
    for (const name of ["vasterbotten", "vasternorrland", "boras"] as const) {
      const { stdout, code } = innokraft(["workspace", "validate", writeExample(name)])
      expect(code, name).toBe(0)
      expect(stdout).toMatch(/: valid — \d+ strategies/)
    }
  })

  it("prints every problem with its path and exits 1, leaving the file untouched", () => {
    const path = join(dir, "broken.json")
    const broken = JSON.parse(Interchange.toJson(Examples.boras))
    broken.fundings[0].projectId = "boras-ipbb"
    broken.programmes[0].phases[1].order = 1
    const text = JSON.stringify(broken)
    writeFileSync(path, text)
    const { stderr, code } = innokraft(["workspace", "validate", path])
    expect(code).toBe(1)
    expect(stderr).toContain(
      `${path}: fundings[0].projectId: expected the id of a project in "projects", found "boras-ipbb"`
    )
    expect(stderr).toContain("programmes[0].phases[1].order: expected phases listed in increasing order")
    expect(readFileSync(path, "utf8")).toBe(text)
  })

  it("reports the problems as JSON with --json", () => {
    const path = join(dir, "wrong.json")
    writeFileSync(path, JSON.stringify({ format: "innokraft-workspace", version: 99 }))
    const { stdout, code } = innokraft(["workspace", "validate", path, "--json"])
    expect(code).toBe(1)
    const out = JSON.parse(stdout) as { valid: boolean; problems: Array<{ path: string }> }
    expect(out.valid).toBe(false)
    expect(out.problems.length).toBeGreaterThan(0)
  })

  it("names a missing file and a JSON syntax error", () => {
    const missing = innokraft(["workspace", "validate", join(dir, "nope.json")])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("nope.json: no such file")
    const path = join(dir, "syntax.json")
    writeFileSync(path, '{\n  "format": "innokraft-workspace",\n  "version": 2,,\n}')
    const syntax = innokraft(["workspace", "validate", path])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr).toContain(path)
  })
})

describe("innokraft workspace portfolio", () => {
  it("--json prints exactly Portfolio.analyse of the workspace", () => {
    const { stdout, code } = innokraft(["workspace", "portfolio", writeExample("boras"), "--json"])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(Portfolio.analyse(Examples.boras))))
  })

  it("prints Borås's SEK 6,850,000 split over 2016–2019 as tables", () => {
    const { stdout, code } = innokraft(["workspace", "portfolio", writeExample("boras")])
    expect(code).toBe(0)
    expect(stdout).toContain("Funding in SEK: 6,850,000")
    expect(stdout).toMatch(/2016\s+1,754,396/)
    expect(stdout).toMatch(/2019\s+1,272,592/)
  })

  it("refuses a malformed --as-of, and a date that is not in the calendar", () => {
    for (const date of ["May 2024", "2024-13", "2023-02-29"]) {
      const { stderr, code } = innokraft(["workspace", "portfolio", writeExample("boras"), "--as-of", date])
      expect(code).toBe(1)
      expect(stderr).toContain(
        `--as-of: expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" that exists in the calendar, found "${date}"`
      )
    }
    const report = innokraft([
      "report",
      "strategy",
      writeExample("boras"),
      "--out",
      join(dir, "r.html"),
      "--as-of",
      "2024-02-31"
    ])
    expect(report.code).toBe(1)
    expect(report.stderr).toContain('found "2024-02-31"')
  })
})

describe("innokraft workspace init and export", () => {
  it("creates an empty workspace for Västerbotten with its 15 municipalities, and refuses to overwrite", () => {
    const out = join(dir, "vb.json")
    expect(innokraft(["workspace", "init", "--county", "24", "--out", out]).code).toBe(0)
    const result = Interchange.fromJson(readFileSync(out, "utf8"))
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.workspace.regions[0]).toMatchObject({ nutsCode: "SE331", name: { sv: "Region Västerbotten" } })
      expect(result.workspace.regions[0]?.municipalities).toHaveLength(15)
    }
    const again = innokraft(["workspace", "init", "--county", "24", "--out", out])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain("exists; use --force")
    expect(innokraft(["workspace", "init", "--county", "99", "--out", join(dir, "x.json")]).code).toBe(1)
  })

  it("leaves no file behind when the output cannot be written", () => {
    const out = join(dir, "missing-folder", "ws.json")
    const { code, stderr } = innokraft(["workspace", "init", "--example", "boras", "--out", out])
    expect(code).toBe(1)
    expect(stderr).toContain("cannot be written")
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(dir)).toEqual([])
  })

  it("exports Västernorrland's S3 priorities in the Eye@RIS3 shape", () => {
    const ws = Examples.vasternorrland
    const strategy = ws.strategies[0]!.id
    const { stdout, code } = innokraft(["workspace", "export", writeExample("vasternorrland"), "--strategy", strategy])
    expect(code).toBe(0)
    const region = JSON.parse(stdout) as { priorities: Array<unknown> }
    expect(region.priorities).toHaveLength(ws.strengthAreas.filter((s) => s.strategyId === strategy).length)
    expect(region.priorities.length).toBeGreaterThan(0)
  })
})

describe("innokraft workspace import", () => {
  it("round-trips Västernorrland's priorities through Eye@RIS3", () => {
    const strategy = Examples.vasternorrland.strategies[0]!.id
    const eye = join(dir, "eye.json")
    expect(
      innokraft(["workspace", "export", writeExample("vasternorrland"), "--strategy", strategy, "--out", eye]).code
    ).toBe(0)
    const out = join(dir, "imported.json")
    const { code, stdout } = innokraft(["workspace", "import", eye, "--out", out])
    expect(code).toBe(0)
    expect(stdout).toContain("written — 3 strength areas")
    const result = Interchange.fromJson(readFileSync(out, "utf8"))
    expect(result.ok).toBe(true)
    if (result.ok) {
      const names = result.workspace.strengthAreas.map((a) => a.name.en)
      expect(names).toEqual(
        Examples.vasternorrland.strengthAreas.filter((a) => a.strategyId === strategy).map((a) => a.name.en)
      )
    }
  })

  it("names what is wrong in a file that is not Eye@RIS3 and writes nothing", () => {
    const eye = join(dir, "eye.json")
    writeFileSync(eye, JSON.stringify({ regionName: 42 }))
    const out = join(dir, "x.json")
    const { code, stderr } = innokraft(["workspace", "import", eye, "--out", out])
    expect(code).toBe(1)
    expect(stderr).toContain(`${eye}: `)
    expect(existsSync(out)).toBe(false)
  })
})
