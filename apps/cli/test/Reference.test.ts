import { describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

describe("innokraft reference", () => {
  it("counties --json prints the 21 counties and nothing else", () => {
    const { stdout, stderr, code } = innokraft(["reference", "counties", "--json"])
    expect(code).toBe(0)
    expect(stderr).toBe("")
    const counties = JSON.parse(stdout) as Array<{ code: string; name: { sv: string }; nuts3: string }>
    expect(counties).toHaveLength(21)
    expect(counties.find((c) => c.code === "22")).toMatchObject({ name: { sv: "Västernorrlands län" }, nuts3: "SE321" })
  })

  it("counties prints an aligned table", () => {
    const { stdout, code } = innokraft(["reference", "counties"])
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split("\n")
    expect(lines).toHaveLength(22)
    expect(lines[0]).toMatch(/^code\s+name\s+english\s+nuts3\s+nuts2$/)
    const nutsColumn = lines[0]!.indexOf("nuts3")
    for (const line of lines.slice(1)) expect(line.slice(nutsColumn, nutsColumn + 2)).toBe("SE")
  })

  it("municipalities --county 24 lists Västerbotten's 15 municipalities", () => {
    const { stdout, code } = innokraft(["reference", "municipalities", "--county", "24", "--json"])
    expect(code).toBe(0)
    const rows = JSON.parse(stdout) as Array<{ name: string }>
    expect(rows).toHaveLength(15)
    expect(rows.map((m) => m.name)).toContain("Lycksele")
  })

  it("an unknown county exits 1 with the reason and suggestions on stderr", () => {
    const { stdout, stderr, code } = innokraft(["reference", "municipalities", "--county", "99"])
    expect(code).toBe(1)
    expect(stdout).toBe("")
    expect(stderr).toContain('innokraft: Unknown county code "99"')
    expect(stderr).toContain('did you mean "09", "19"?')
  })

  it("nuts --level 2 lists the eight riksområden", () => {
    const rows = JSON.parse(innokraft(["reference", "nuts", "--level", "2", "--json"]).stdout) as Array<{
      code: string
    }>
    expect(rows.map((r) => r.code)).toEqual(["SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"])
  })

  it("sni lists sections, and --section C the 24 manufacturing divisions", () => {
    expect(JSON.parse(innokraft(["reference", "sni", "--json"]).stdout)).toHaveLength(21)
    const divisions = JSON.parse(innokraft(["reference", "sni", "--section", "C", "--json"]).stdout) as Array<{
      code: string
    }>
    expect(divisions).toHaveLength(24)
    expect(divisions[0]?.code).toBe("10")
    expect(innokraft(["reference", "sni", "--section", "Ö"]).code).toBe(1)
  })
})
