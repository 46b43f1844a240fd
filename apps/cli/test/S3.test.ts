import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { Priority } from "@innokraft/s3"
import { ResultJson } from "@innokraft/s3/schema"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

const data = join(import.meta.dirname, "../../../../shared/data")
const dev1 = join(data, "s3-reference/dev-1.csv")
const empers = join(data, "eurostat-empers-se/empers_se_nuts_2000_2018.csv")
const eurostat = [
  "--input",
  empers,
  "--region-column",
  "nuts_code",
  "--industry-column",
  "nace_group",
  "--value-column",
  "persons",
  "--exclude-industries",
  "TOTAL",
  "--regions",
  "^SE\\d{3}$"
]

let dir = ""
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-s3-"))
})

type Flat = Record<string, number | null>
const maxDiff = (a: Flat, b: Record<string, number>) =>
  Math.max(...Object.entries(b).map(([k, v]) => Math.abs((a[k] ?? Number.NaN) - v)))
const maxDiff2 = (a: Record<string, Flat>, b: Record<string, Record<string, number>>) =>
  Math.max(...Object.entries(b).map(([k, row]) => maxDiff(a[k] ?? {}, row)))

describe("innokraft s3 analyse", () => {
  it("reads a Swedish-locale export (semicolons, decimal commas) as the original file", () => {
    // REAT's EU employment in thousands, with four decimals, written as Excel with Swedish settings would
    const eu = join(data, "reat-employment/eu_countries_employees_thousands_2007_2016.csv")
    const table = Csv.parse(readFileSync(eu, "utf8"))
    const keep = ["region_code", "industry_code", "year", "value"].map((name) => Csv.columnIndex(table, name))
    const swedish = join(dir, "eu-sv.csv")
    writeFileSync(
      swedish,
      `region_code;industry_code;year;value\n${table.rows.map((row) => keep.map((k) => row[k]!.replace(".", ",")).join(";")).join("\n")}\n`
    )
    const options = ["--region-column", "region_code", "--industry-column", "industry_code", "--missing", "zero"]
    const run = (input: string, out: string) => {
      const r = innokraft(["s3", "analyse", "--input", input, ...options, "--year", "2016", "--out", out])
      expect(r.code, r.stderr).toBe(0)
      return readFileSync(out, "utf8")
    }
    const original = run(eu, join(dir, "eu.json"))
    expect(run(swedish, join(dir, "eu-sv.json"))).toBe(original)
    expect(Object.keys(JSON.parse(original).eci).length).toBeGreaterThan(20)
  })

  it("writes result.json matching py-ecomplexity and economiccomplexity on dev-1", () => {
    const out = join(dir, "result.json")
    const { code, stdout } = innokraft(["s3", "analyse", "--input", dev1, "--out", out])
    expect(code).toBe(0)
    expect(stdout).toContain("40 regions × 60 industries")
    // the 25 regions of highest ECI, and a line for the rest
    expect(stdout).toContain("… 15 more regions (--top 0 prints all; result.json has every one)")
    expect(stdout.split("\n").filter((line) => /^\S+\s+\d+\s+-?\d+\.\d{3}\s+\d+\.\d{3}$/.test(line))).toHaveLength(25)
    const result = JSON.parse(readFileSync(out, "utf8"))
    // The file matches the published result.json schema exactly (no missing or extra fields).
    expect(ResultJson.parse(result)).toEqual(result)
    const expected = JSON.parse(readFileSync(join(data, "s3-reference/expected-dev-1.json"), "utf8"))
    expect(Object.keys(result)).toEqual([
      "rca",
      "mcp",
      "diversity",
      "ubiquity",
      "eci",
      "pci",
      "fitness",
      "complexity_fc",
      "density",
      "dropped"
    ])
    expect(maxDiff2(result.rca, expected.rca)).toBeLessThan(1e-12)
    expect(maxDiff2(result.mcp, expected.mcp)).toBe(0)
    expect(maxDiff(result.eci, expected.eci)).toBeLessThan(1e-10)
    expect(maxDiff(result.pci, expected.pci)).toBeLessThan(1e-10)
    expect(maxDiff(result.fitness, expected.fitness)).toBeLessThan(1e-10)
    expect(maxDiff2(result.density, expected.density)).toBeLessThan(1e-10)
  })

  it("--eci-sd sample rescales ECI by sqrt((N-1)/N)", () => {
    const population = JSON.parse(innokraft(["s3", "analyse", "--input", dev1, "--json"]).stdout)
    const sample = JSON.parse(innokraft(["s3", "analyse", "--input", dev1, "--json", "--eci-sd", "sample"]).stdout)
    const factor = Math.sqrt(39 / 40)
    for (const region of Object.keys(population.eci)) {
      expect(sample.eci[region]).toBeCloseTo(population.eci[region] * factor, 12)
    }
  })

  it("reads Eurostat's long file with its own column names: Västerbotten's location quotients in 2017", () => {
    const { code, stdout } = innokraft(["s3", "analyse", ...eurostat, "--year", "2017", "--json"])
    expect(code).toBe(0)
    const result = JSON.parse(stdout)
    expect(Object.keys(result.rca)).toHaveLength(21)
    // LQ of public administration, education and health (O-Q) in Västerbotten against the sum of the 21 counties.
    expect(result.rca.SE331["O-Q"]).toBeCloseTo(1.2348492363797836, 12)
    expect(result.mcp.SE331["O-Q"]).toBe(1)
  })

  it("names the flag of a year the file does not have, and the line of a bad value", () => {
    const missingYear = innokraft(["s3", "analyse", ...eurostat, "--year", "2019"])
    expect(missingYear.code).toBe(1)
    expect(missingYear.stderr).toContain("--year: expected one of the years 2000,")
    const bad = join(dir, "bad.csv")
    writeFileSync(bad, "region,industry,value\nA,x,1\nA,y,many\n")
    const badValue = innokraft(["s3", "analyse", "--input", bad])
    expect(badValue.code).toBe(1)
    expect(badValue.stderr).toContain(`${bad}:3 column "value"`)
  })
})

describe("innokraft s3 shiftshare", () => {
  it("decomposes Västerbotten's 2000–2017 change against Sweden exactly", () => {
    const { code, stdout } = innokraft([
      "s3",
      "shiftshare",
      ...eurostat,
      "--reference-region",
      "SE",
      "--base",
      "2000",
      "--end",
      "2017",
      "--json"
    ])
    expect(code).toBe(0)
    const rows = JSON.parse(stdout).rows as Array<{
      label: string
      change: number
      nationalShare: number
      industryMix: number
      competitive: number
    }>
    expect(rows).toHaveLength(21)
    const vb = rows.find((r) => r.label === "SE331")!
    expect(vb.change).toBeCloseTo(16000, 9)
    // Exact per industry; summing ten industries leaves floating-point rounding only.
    expect(Math.abs(vb.nationalShare + vb.industryMix + vb.competitive - vb.change)).toBeLessThan(1e-9)
    expect(Math.round(vb.nationalShare)).toBe(18755)
    expect(Math.round(vb.competitive)).toBe(-1998)
  })

  it("shows one region industry by industry", () => {
    const { stdout } = innokraft([
      "s3",
      "shiftshare",
      ...eurostat,
      "--base",
      "2000",
      "--end",
      "2017",
      "--region",
      "SE321"
    ])
    expect(stdout.split("\n")[0]).toMatch(/^industry\s+change\s+national share\s+industry mix\s+competitive$/)
    expect(stdout.trimEnd().split("\n")).toHaveLength(11)
  })
})

describe("innokraft s3 priorities", () => {
  it("ranks candidate areas reproducibly with rank ranges, and honours weights", () => {
    const areas = join(dir, "areas.json")
    writeFileSync(
      areas,
      JSON.stringify([
        { name: "Industry and energy", industries: ["B-E", "F"] },
        { name: "Welfare and education", industries: ["O-Q"] },
        { name: "Digital and knowledge services", industries: ["J", "M-N"] },
        { name: "Land-based industries", industries: ["A"] }
      ])
    )
    const args = [
      "s3",
      "priorities",
      ...eurostat,
      "--reference-region",
      "SE",
      "--region",
      "SE331",
      "--year",
      "2017",
      "--base",
      "2008",
      "--areas",
      areas,
      "--json"
    ]
    const first = innokraft(args)
    expect(first.code).toBe(0)
    type Out = { candidates: Array<Priority.Scored> }
    const out = JSON.parse(first.stdout) as Out
    expect(out.candidates.map((c) => c.rank).sort()).toEqual([1, 2, 3, 4])
    // The peer: Priority.score in process on the candidates' percentiles (percentile ranks of percentile ranks are
    // the same), with the command's seed and default draws, gives the same scores, ranks and rank ranges; a lost
    // --weights would not.
    const peer = (o: Out, options: Priority.ScoreOptions) =>
      Priority.score(
        o.candidates.map((c) => ({ name: c.name, industries: c.industries, values: c.percentiles })),
        options
      ).map(({ name, score, rank, rankRange }) => ({ name, score, rank, rankRange }))
    const mine = (o: Out) => o.candidates.map(({ name, score, rank, rankRange }) => ({ name, score, rank, rankRange }))
    expect(mine(out)).toEqual(peer(out, { seed: 1 }))
    expect(innokraft(args).stdout).toBe(first.stdout)
    const massOnly = JSON.parse(innokraft([...args, "--weights", "mass=1", "--seed", "5"]).stdout) as Out
    expect(massOnly.candidates.find((c) => c.rank === 1)?.name).toBe("Welfare and education")
    expect(mine(massOnly)).toEqual(peer(massOnly, { seed: 5, weights: { mass: 1 } }))
  })

  it("refuses an unknown criterion and an unknown region", () => {
    expect(innokraft(["s3", "priorities", ...eurostat, "--region", "SE331", "--weights", "size=1"]).stderr).toContain(
      "--weights: expected criterion=weight pairs"
    )
    const unknown = innokraft(["s3", "priorities", ...eurostat, "--region", "SE999"])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('--region: "SE999" is not a region of the file')
  })
})

describe("innokraft s3: every analysis (#16)", () => {
  const counties2017 = () => {
    const table = Csv.parse(readFileSync(empers, "utf8"))
    const col = (name: string) => table.header.indexOf(name)
    const cells = new Map<string, Map<string, number>>()
    for (const row of table.rows) {
      if (row[col("year")] !== "2017" || row[col("nace_group")] === "TOTAL") continue
      const region = row[col("nuts_code")]!
      if (!/^SE\d{3}$/.test(region) && region !== "SE") continue
      if (!cells.has(region)) cells.set(region, new Map())
      cells.get(region)!.set(row[col("nace_group")]!, Number(row[col("persons")]))
    }
    return cells
  }

  it("specialisation --json: Krugman and Herfindahl of Västerbotten by the formulas on the file's 2017 row", () => {
    const { code, stdout } = innokraft([
      "s3",
      "specialisation",
      ...eurostat,
      "--reference-region",
      "SE",
      "--year",
      "2017",
      "--json"
    ])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      regions: Array<Record<string, number> & { label: string }>
      industries: Array<Record<string, number> & { label: string }>
    }
    expect(out.regions).toHaveLength(21)
    const cells = counties2017()
    const vb = cells.get("SE331")!
    const se = cells.get("SE")!
    const total = (m: Map<string, number>) => [...m.values()].reduce((s, v) => s + v, 0)
    let krugman = 0
    let hhi = 0
    for (const [industry, x] of vb) {
      krugman += Math.abs(x / total(vb) - se.get(industry)! / total(se))
      hhi += (x / total(vb)) ** 2
    }
    const row = out.regions.find((r) => r.label === "SE331")!
    expect(row.krugman).toBeCloseTo(krugman, 12)
    expect(row.specialisationCoefficient).toBeCloseTo(krugman / 2, 12)
    expect(row.herfindahl).toBeCloseTo(hhi, 12)
    expect(out.industries.map((i) => i.label)).toContain("O-Q")
    for (const i of out.industries) expect(i.locationalGini).toBeLessThanOrEqual(0.5)
  })

  it("specialisation names a bad reference region", () => {
    const { code, stderr } = innokraft(["s3", "specialisation", ...eurostat, "--reference-region", "XX"])
    expect(code).toBe(1)
    expect(stderr).toContain('--reference-region: "XX" is not a region of the file')
  })

  const shift = (method: string) =>
    innokraft([
      "s3",
      "shiftshare",
      ...eurostat,
      "--reference-region",
      "SE",
      "--base",
      "2000",
      "--end",
      "2017",
      "--method",
      method,
      "--json"
    ])
  type Row = { label: string; change: number; nationalShare: number; industryMix: number; competitive: number }

  it("shiftshare --method esteban-marquillas: net + allocation = the classic competitive effect", () => {
    const classic = JSON.parse(shift("classic").stdout).rows as Array<Row>
    const out = JSON.parse(shift("esteban-marquillas").stdout) as {
      method: string
      rows: Array<Row & { net: number; allocation: number }>
    }
    expect(out.method).toBe("esteban-marquillas")
    for (const r of out.rows) {
      const c = classic.find((x) => x.label === r.label)!
      expect(r.competitive).toBe(c.competitive)
      expect(r.net + r.allocation).toBeCloseTo(r.competitive, 6)
    }
  })

  it("shiftshare --method dynamic: the yearly changes telescope to the whole change; the components differ", () => {
    const classic = JSON.parse(shift("classic").stdout).rows as Array<Row>
    const dynamic = JSON.parse(shift("dynamic").stdout).rows as Array<Row>
    const vb = dynamic.find((r) => r.label === "SE331")!
    expect(vb.change).toBeCloseTo(16000, 6)
    expect(Math.abs(vb.nationalShare + vb.industryMix + vb.competitive - vb.change)).toBeLessThan(1e-6)
    expect(vb.nationalShare).not.toBeCloseTo(classic.find((r) => r.label === "SE331")!.nationalShare, 0)
  })

  it("analyse --proximity writes φ = C / max(u_i, u_j) of result.json's M", () => {
    const result = join(dir, "result.json")
    const proximity = join(dir, "proximity.json")
    const { code } = innokraft([
      "s3",
      "analyse",
      ...eurostat,
      "--year",
      "2017",
      "--out",
      result,
      "--proximity",
      proximity
    ])
    expect(code).toBe(0)
    const r = JSON.parse(readFileSync(result, "utf8")) as { mcp: Record<string, Record<string, number>> }
    const phi = JSON.parse(readFileSync(proximity, "utf8")) as {
      industries: Array<string>
      values: Array<Array<number>>
    }
    const regions = Object.keys(r.mcp)
    const u = (i: string) => regions.reduce((s, reg) => s + r.mcp[reg]![i]!, 0)
    phi.industries.forEach((a, i) => {
      phi.industries.forEach((b, j) => {
        const c = regions.reduce((s, reg) => s + r.mcp[reg]![a]! * r.mcp[reg]![b]!, 0)
        expect(phi.values[i]![j]).toBeCloseTo(c / Math.max(u(a), u(b)), 14)
      })
    })
  })
})
