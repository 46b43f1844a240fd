import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import ExcelJS from "exceljs"
import { beforeAll, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

const scbFile = join(
  import.meta.dirname,
  "../../../../shared/data/scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv"
)
const scb = Csv.parse(readFileSync(scbFile, "utf8"), { source: scbFile })
const rows2016 = Csv.records(scb).filter((r) => r.year === "2016" && r.nuts2_code !== "SE")

let dir = ""
let jsonstat = ""
let xlsx = ""
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-data-"))
  // SCB's real 2016 numbers in the JSON-stat 2.0 shape its PxWeb API returns (Region × SNI2007 × ContentsCode).
  const regions = [...new Set(rows2016.map((r) => r.nuts2_code!))]
  const sections = [...new Set(rows2016.map((r) => r.sni2007_section!))]
  const contents = ["employed_men", "employed_women"]
  const value: Array<number | null> = []
  for (const region of regions) {
    for (const section of sections) {
      const row = rows2016.find((r) => r.nuts2_code === region && r.sni2007_section === section)
      for (const c of contents) value.push(row?.[c] ? Number(row[c]) : null)
    }
  }
  const index = (codes: Array<string>) => Object.fromEntries(codes.map((c, k) => [c, k]))
  jsonstat = join(dir, "scb.json")
  writeFileSync(
    jsonstat,
    JSON.stringify({
      version: "2.0",
      class: "dataset",
      label: "Förvärvsarbetande 16+ år efter region och näringsgren (SNI 2007), 2016",
      source: "SCB",
      id: ["Region", "SNI2007", "ContentsCode"],
      size: [regions.length, sections.length, contents.length],
      dimension: {
        Region: { category: { index: index(regions) } },
        SNI2007: { category: { index: sections } },
        ContentsCode: { category: { index: index(contents) } }
      },
      value
    })
  )
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("Sysselsatta")
  sheet.addRow(["Region", "Indikator", "År", "Värde"])
  for (const r of rows2016)
    sheet.addRow([r.nuts2_code, `employed_${r.sni2007_section}`, 2016, Number(r.employed_total)])
  xlsx = join(dir, "scb.xlsx")
  await workbook.xlsx.writeFile(xlsx)
})

describe("innokraft data convert", () => {
  it("turns SCB's JSON-stat into a long CSV with the values in place", () => {
    const out = join(dir, "long.csv")
    const map = "region=Region,industry=SNI2007"
    const { code, stdout } = innokraft(["data", "convert", jsonstat, "--map", map, "--out", out])
    expect(code).toBe(0)
    expect(stdout).toContain("rows written (region, industry, ContentsCode, value)")
    const table = Csv.parse(readFileSync(out, "utf8"))
    const find = (region: string, section: string, content: string) =>
      table.rows.find((r) => r[0] === region && r[1] === section && r[2] === content)?.[3]
    for (const r of rows2016) {
      expect(find(r.nuts2_code!, r.sni2007_section!, "employed_men")).toBe(r.employed_men)
      expect(find(r.nuts2_code!, r.sni2007_section!, "employed_women")).toBe(r.employed_women)
    }
  })

  it("reads an Excel sheet, and a dry run writes nothing", () => {
    const out = join(dir, "from-excel.csv")
    const dry = innokraft([
      "data",
      "convert",
      xlsx,
      "--map",
      "unit=Region,indicator=Indikator,period=År,value=Värde",
      "--out",
      out,
      "--dry-run"
    ])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(`would write ${rows2016.length} rows with columns unit, indicator, period, value`)
    expect(() => readFileSync(out)).toThrow()
    expect(innokraft(["data", "convert", xlsx, "--out", out]).code).toBe(0)
    const table = Csv.parse(readFileSync(out, "utf8"))
    expect(table.header).toEqual(["Region", "Indikator", "År", "Värde"])
    expect(table.rows).toHaveLength(rows2016.length)
    expect(table.rows[0]).toEqual([
      rows2016[0]!.nuts2_code,
      `employed_${rows2016[0]!.sni2007_section}`,
      "2016",
      rows2016[0]!.employed_total
    ])
  })
})

describe("innokraft data inspect", () => {
  it("summarises observations per indicator after a column mapping", () => {
    const { code, stdout } = innokraft([
      "data",
      "inspect",
      xlsx,
      "--map",
      "unit=Region,indicator=Indikator,period=År,value=Värde",
      "--json"
    ])
    expect(code).toBe(0)
    const summary = JSON.parse(stdout) as {
      rows: number
      indicators: Array<{ indicator: string; units: number; periods: Array<string>; missing: number }>
    }
    expect(summary.rows).toBe(rows2016.length)
    const sectionA = summary.indicators.find((i) => i.indicator === "employed_A")!
    expect(sectionA.units).toBe(rows2016.filter((r) => r.sni2007_section === "A").length)
    expect(sectionA.periods).toEqual(["2016"])
    expect(sectionA.missing).toBe(0)
  })

  it("reads Eurostat's R&D file exported with Swedish settings (semicolons, decimal commas) as the original", () => {
    const rd = join(import.meta.dirname, "../../../../shared/data/eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv")
    const swedish = join(dir, "rd-sv.csv")
    writeFileSync(
      swedish,
      readFileSync(rd, "utf8")
        .replaceAll(",", ";")
        .replace(/(\d)\.(\d)/g, "$1,$2")
    )
    expect(readFileSync(swedish, "utf8")).toContain("2015;AT11;2016;237,9")
    const map = ["--map", "unit=nuts_id,period=year,value=rd_private_eur_hab", "--json"]
    const original = innokraft(["data", "inspect", rd, ...map])
    const fromSwedish = innokraft(["data", "inspect", swedish, ...map])
    expect(fromSwedish.code).toBe(0)
    expect(JSON.parse(fromSwedish.stdout)).toEqual({ ...JSON.parse(original.stdout), source: swedish })
    const out = join(dir, "rd-point.csv")
    expect(innokraft(["data", "convert", swedish, "--out", out]).code).toBe(0)
    expect(readFileSync(out, "utf8")).toContain("2015,AT11,2016,237.9\n")
  })

  it("refuses a semicolon file that mixes decimal commas and points, naming the cell", () => {
    const path = join(dir, "semi.csv")
    writeFileSync(path, "unit;indicator;period;value\nSE33;rd;2020;1.5\nSE32;rd;2020;12,5\n")
    const { code, stderr } = innokraft(["data", "inspect", path])
    expect(code).toBe(1)
    expect(stderr).toContain(`${path}:3 column "value": expected a number, found "12,5" (a decimal comma?`)
  })

  it("names the columns a file has when --map points at one it lacks, and a sheet that is not there", () => {
    const bad = innokraft(["data", "inspect", jsonstat, "--map", "unit=Län"])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('has no column "Län"; its columns are "Region", "SNI2007", "ContentsCode", "value"')
    const sheet = innokraft(["data", "inspect", xlsx, "--sheet", "Blad2"])
    expect(sheet.code).toBe(1)
    expect(sheet.stderr).toContain('no sheet "Blad2"; the workbook has "Sysselsatta"')
  })

  it("refuses a JSON file that is not JSON-stat", () => {
    const path = join(dir, "other.json")
    writeFileSync(path, JSON.stringify({ class: "bundle" }))
    const { code, stderr } = innokraft(["data", "inspect", path])
    expect(code).toBe(1)
    expect(stderr).toContain("not a JSON-stat 2.0 dataset")
  })
})

describe("innokraft data import", () => {
  const rd = join(import.meta.dirname, "../../../../shared/data/eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv")
  const rdArgs = [
    "--kind",
    "observations",
    "--org",
    "region-vasterbotten",
    "--map",
    "unit=nuts_id,period=year,value=rd_private_eur_hab",
    "--indicator",
    "rd_private_eur_hab"
  ]
  const at = (cwd: string, ...args: Array<string>) => innokraft(args, { cwd })
  const exported = (cwd: string) => {
    const { stdout } = at(cwd, "db", "export", "--org", "region-vasterbotten")
    return JSON.parse(stdout) as { observations: { indicator: Array<string> } | Array<unknown> }
  }
  const count = (doc: ReturnType<typeof exported>) =>
    Array.isArray(doc.observations) ? doc.observations.length : doc.observations.indicator.length

  it("loads Eurostat's R&D observations in one transaction; a dry run writes nothing", () => {
    const cwd = mkdtempSync(join(tmpdir(), "innokraft-import-"))
    expect(at(cwd, "orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten").code).toBe(0)
    const dry = at(cwd, "data", "import", rd, ...rdArgs, "--dry-run")
    expect(dry.stdout).toContain(
      "would load 1119 observations of 1 indicators for 286 units in 5 periods (110 missing)"
    )
    expect(count(exported(cwd))).toBe(0)
    const real = at(cwd, "data", "import", rd, ...rdArgs)
    expect(real.code).toBe(0)
    expect(real.stderr).toContain("import: 100% (1119/1119)")
    expect(count(exported(cwd))).toBe(1119)
  })

  it("refuses a file with a bad value, naming the line, and loads none of it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "innokraft-import-"))
    at(cwd, "orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten")
    const lines = readFileSync(rd, "utf8").split("\n")
    lines[500] = lines[500]!.replace(/,[^,]*$/, ",twelve")
    const bad = join(cwd, "rd.csv")
    writeFileSync(bad, lines.join("\n"))
    const { code, stderr } = at(cwd, "data", "import", bad, ...rdArgs)
    expect(code).toBe(1)
    expect(stderr).toContain(`${bad}:501 column "value": expected a number, found "twelve"`)
    expect(count(exported(cwd))).toBe(0)
  })

  it("refuses two rows of one unit and period, naming both lines, and loads none of it", () => {
    const cwd = mkdtempSync(join(tmpdir(), "innokraft-import-"))
    at(cwd, "orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten")
    const lines = readFileSync(rd, "utf8").split("\n")
    lines[700] = lines[10]!
    const bad = join(cwd, "rd.csv")
    writeFileSync(bad, lines.join("\n"))
    const { code, stderr } = at(cwd, "data", "import", bad, ...rdArgs)
    expect(code).toBe(1)
    expect(stderr).toContain(`${bad}:11: data row 10 and data row 700 both hold indicator "rd_private_eur_hab"`)
    expect(stderr).toContain(`${bad}:701: data row 700 repeats data row 10`)
    expect(count(exported(cwd))).toBe(0)
  })

  it("loads an S3 matrix by id", () => {
    const cwd = mkdtempSync(join(tmpdir(), "innokraft-import-"))
    at(cwd, "orgs", "create", "--id", "region-vasterbotten", "--name", "Region Västerbotten")
    const dev2 = join(import.meta.dirname, "../../../../shared/data/s3-reference/dev-2.csv")
    const { code, stdout } = at(
      cwd,
      "data",
      "import",
      dev2,
      "--kind",
      "matrix",
      "--org",
      "region-vasterbotten",
      "--matrix-id",
      "dev-2"
    )
    expect(code).toBe(0)
    expect(stdout).toContain("loaded a 290 × 88 matrix into region-vasterbotten as dev-2")
  })
})
