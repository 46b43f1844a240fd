import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Examples, Interchange } from "@innokraft/domain"
import { CycleReport, Example } from "@innokraft/loop"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

const data = join(import.meta.dirname, "../../../../shared/data")
let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-report-"))
})

/** A self-contained page: no scripts, no network, titled charts, no broken numbers. */
const expectSelfContained = (html: string) => {
  expect(html.startsWith("<!doctype html>")).toBe(true)
  expect(html).not.toMatch(/<script|<link[^>]+href="http|src="http/)
  expect(html).not.toMatch(/NaN|undefined|Infinity/)
  const svgs = html.match(/<svg\b/g)?.length ?? 0
  expect(svgs).toBeGreaterThan(0)
  expect(html.match(/<svg\b[^>]*>\s*<title/g)?.length ?? 0).toBe(svgs)
}

describe("innokraft report", () => {
  it("strategy writes Borås's follow-up in Swedish", () => {
    const ws = join(dir, "boras.json")
    writeFileSync(ws, Interchange.toJson(Examples.boras))
    const out = join(dir, "boras.html")
    const { code, stdout } = innokraft(["report", "strategy", ws, "--out", out])
    expect(code).toBe(0)
    expect(stdout).toContain(`${out}: written`)
    const html = readFileSync(out, "utf8")
    expect(html).toContain('lang="sv"')
    // the sum of Borås's sourced funding, formatted the Swedish way
    expect(html).toContain("6\u00a0850\u00a0000 SEK")
    expectSelfContained(html)
  })

  it("loop writes the cycle report with the synthetic label and no small cells", () => {
    const cycle = join(dir, "cycle.json")
    writeFileSync(cycle, JSON.stringify(Example.walkthrough()))
    const out = join(dir, "cycle.html")
    expect(innokraft(["report", "loop", cycle, "--out", out, "--lang", "en"]).code).toBe(0)
    const html = readFileSync(out, "utf8")
    expect(html).toContain('lang="en"')
    expect(html).toContain("Example data (made up).")
    // every breakdown cell the report suppresses shows as "<5", never as its number
    const inclusion = CycleReport.report(Example.walkthrough()).inclusion
    const suppressed = [inclusion.gender, inclusion.ageBand, inclusion.newcomer, inclusion.municipality].flatMap((b) =>
      Object.values(b.cells).filter((v) => v === null)
    ).length
    expect(suppressed).toBeGreaterThan(0)
    expect(html.split("&lt;5").length - 1).toBeGreaterThanOrEqual(suppressed)
    expectSelfContained(html)
    // suppression cannot be turned off
    const open = innokraft(["report", "loop", cycle, "--out", join(dir, "open.html"), "--threshold", "0"])
    expect(open.code).toBe(2)
    expect(open.stderr + open.stdout).toContain("--threshold: expected 1 or more")
  })

  it("measure writes COINr's ASEM ranking with rank intervals", () => {
    const spec = join(dir, "spec.json")
    writeFileSync(
      spec,
      JSON.stringify({ normalise: { method: "minmax", range: [0, 100] }, aggregate: { method: "amean" } })
    )
    const out = join(dir, "asem.html")
    const { code } = innokraft([
      "report",
      "measure",
      "--imeta",
      join(data, "coinr-asem/ASEM_iMeta.csv"),
      "--idata",
      join(data, "coinr-asem/ASEM_iData.csv"),
      "--spec",
      spec,
      "--runs",
      "20",
      "--out",
      out
    ])
    expect(code).toBe(0)
    const html = readFileSync(out, "utf8")
    expect(html).toContain("CHE")
    expectSelfContained(html)
  })

  it("s3 writes Västerbotten's smart-specialisation report from Eurostat data", () => {
    const out = join(dir, "s3.html")
    const { code, stderr } = innokraft([
      "report",
      "s3",
      "--input",
      join(data, "eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
      "--region-column",
      "nuts_code",
      "--industry-column",
      "nace_group",
      "--value-column",
      "persons",
      "--exclude-industries",
      "TOTAL",
      "--regions",
      "^SE\\d{3}$",
      "--reference-region",
      "SE",
      "--region",
      "SE331",
      "--year",
      "2017",
      "--base",
      "2008",
      "--out",
      out,
      "--lang",
      "en"
    ])
    expect(stderr).toBe("")
    expect(code).toBe(0)
    const html = readFileSync(out, "utf8")
    expect(html).toContain("SE331")
    expectSelfContained(html)
  })

  it("refuses an unreadable workspace without writing the report", () => {
    const ws = join(dir, "broken.json")
    writeFileSync(ws, "{}")
    const out = join(dir, "never.html")
    expect(innokraft(["report", "strategy", ws, "--out", out]).code).toBe(1)
    expect(() => readFileSync(out)).toThrow()
  })
})

describe("innokraft report s3 --base: the shift-share section its help promises (#16)", () => {
  it("has the section with the base and end years", () => {
    const out = join(dir, "s3-base.html")
    const args = [
      "report",
      "s3",
      "--input",
      join(data, "eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
      "--region-column",
      "nuts_code",
      "--industry-column",
      "nace_group",
      "--value-column",
      "persons",
      "--exclude-industries",
      "TOTAL",
      "--regions",
      "^SE\\d{3}$",
      "--reference-region",
      "SE",
      "--region",
      "SE331",
      "--year",
      "2017",
      "--out",
      out,
      "--lang",
      "en"
    ]
    expect(innokraft(args).code).toBe(0)
    expect(readFileSync(out, "utf8")).not.toContain("Shift-share analysis")
    expect(innokraft([...args, "--base", "2008"]).code).toBe(0)
    const html = readFileSync(out, "utf8")
    expect(html).toContain("Shift-share analysis")
    expect(html).toContain("2008–2017")
  })
})

describe("innokraft report follow-up (#17)", () => {
  const rd = join(data, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv")

  it("follows Västerbotten's indicator link on Eurostat's series of SE33 and writes the report", () => {
    const ws = join(dir, "vasterbotten.json")
    writeFileSync(ws, Interchange.toJson(Examples.vasterbotten))
    const out = join(dir, "follow-up.html")
    const { code, stdout } = innokraft(["report", "follow-up", ws, "--observations", rd, "--out", out])
    expect(code).toBe(0)
    // 250.0 in 2017 against the path from 275.7 (2015) to 300 (2025) and 400 (2030)
    expect(stdout).toMatch(/vasterbotten-ris-2022-goal-1-rd-business\s+2025\s+300\s+250 \(2017\)\s+off-track/)
    expect(stdout).toMatch(/vasterbotten-ris-2022-goal-1-rd-business\s+2030\s+400\s+250 \(2017\)\s+off-track/)
    const html = readFileSync(out, "utf8")
    expectSelfContained(html)
    expect(html).toContain("<li>Senaste värde: 250 euro per invånare (2017)</li>")
    expect(html.match(/<td>ur fas<\/td>/g)).toHaveLength(2)
    // thresholds from the options, JSON on request; without observations every target has no data
    const json = innokraft([
      "report",
      "follow-up",
      ws,
      "--observations",
      rd,
      "--json",
      "--at-risk",
      "0",
      "--on-track",
      "0"
    ])
    expect(json.code).toBe(0)
    const [link] = JSON.parse(json.stdout) as Array<{ targets: Array<{ status: string; progress: number }> }>
    expect(link!.targets.map((t) => t.status)).toEqual(["off-track", "off-track"])
    expect(link!.targets[0]!.progress).toBeCloseTo(-25.7 / 4.86, 10)
    const none = innokraft(["report", "follow-up", ws, "--json"])
    expect((JSON.parse(none.stdout) as Array<{ targets: Array<{ status: string }> }>)[0]!.targets[0]!.status).toBe(
      "no-data"
    )
  })

  it("names the file, line and column of a value it cannot read, and exits 1", () => {
    const ws = join(dir, "vasterbotten.json")
    writeFileSync(ws, Interchange.toJson(Examples.vasterbotten))
    const bad = join(dir, "bad.csv")
    writeFileSync(bad, "year,nuts_id,rd_private_eur_hab\n2015,SE33,275.7\n2017,SE33,lots\n")
    const { code, stderr } = innokraft(["report", "follow-up", ws, "--observations", bad])
    expect(code).toBe(1)
    expect(stderr).toContain(
      `${bad}, line 3: expected a year in "year" and a number in "rd_private_eur_hab", found "2017" and "lots"`
    )
    const wrong = innokraft(["report", "follow-up", ws, "--observations", bad, "--unit-column", "region"])
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain("region")
  })
})
