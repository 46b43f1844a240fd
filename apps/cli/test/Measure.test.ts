import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { Coinr, Spec, Uncertainty } from "@innokraft/measure"
import { beforeEach, describe, expect, it } from "vitest"
import { innokraft } from "./run.js"

const asem = join(import.meta.dirname, "../../../../shared/data/coinr-asem")
const iMeta = join(asem, "ASEM_iMeta.csv")
const iData = join(asem, "ASEM_iData.csv")
// COINr's ASEM example as the package's golden files were made with it.
const asemSpec = {
  denominate: true,
  impute: { method: "groupMean", group: "EurAsia_group" },
  screen: { minDataShare: 0.9 },
  treat: { method: "winsorise", winmax: 5 },
  normalise: { method: "minmax", range: [0, 100] },
  aggregate: { method: "amean" }
}

let dir = ""
let spec = ""
/** `innokraft measure <verb>` on COINr's ASEM files (or another iData) with the current spec file. */
const onAsem = (verb: "build" | "sensitivity", data = iData) => [
  "measure",
  verb,
  "--imeta",
  iMeta,
  "--idata",
  data,
  "--spec",
  spec
]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "innokraft-measure-"))
  spec = join(dir, "spec.json")
  writeFileSync(spec, JSON.stringify(asemSpec))
})

const golden = (stage: string) => {
  const table = Csv.parse(readFileSync(join(asem, `ASEM_${stage}.csv`), "utf8"))
  const out: Record<string, Record<string, number | null>> = {}
  const unit = Csv.columnIndex(table, "uCode")
  table.rows.forEach((row, r) => {
    const values: Record<string, number | null> = {}
    table.header.forEach((code, c) => {
      if (c !== unit) values[code] = Csv.number(table, r, c)
    })
    out[row[unit]!] = values
  })
  return out
}

describe("innokraft measure build", () => {
  it("gives the same results.json from ASEM's iData exported with Swedish settings (semicolons, decimal commas)", () => {
    const table = Csv.parse(readFileSync(iData, "utf8"))
    const field = (v: string) => (/^-?\d*\.\d+(e[+-]?\d+)?$/i.test(v) ? v.replace(".", ",") : v)
    const swedish = join(dir, "iData-sv.csv")
    writeFileSync(swedish, [table.header, ...table.rows].map((row) => row.map(field).join(";")).join("\n"))
    expect(readFileSync(swedish, "utf8")).toContain(";390,799991")
    const original = join(dir, "original.json")
    const fromSwedish = join(dir, "swedish.json")
    expect(innokraft([...onAsem("build"), "--out", original]).code).toBe(0)
    const run = innokraft([...onAsem("build", swedish), "--out", fromSwedish])
    expect(run.code, run.stderr).toBe(0)
    expect(readFileSync(fromSwedish, "utf8")).toBe(readFileSync(original, "utf8"))
  })

  it("reproduces COINr's Aggregated stage of ASEM to 1e-9 and writes every stage", () => {
    const out = join(dir, "results.json")
    const { code, stdout } = innokraft([...onAsem("build"), "--out", out])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^\s*1\s+CHE\s+68\.38$/m)
    const results = JSON.parse(readFileSync(out, "utf8")) as {
      stages: Record<string, Record<string, Record<string, number | null>>>
      ranks: Record<string, number | null>
    }
    expect(Object.keys(results.stages)).toEqual([
      "Raw",
      "Denominated",
      "Imputed",
      "Screened",
      "Treated",
      "Normalised",
      "Aggregated"
    ])
    const expected = golden("Aggregated")
    let worst = 0
    for (const [unit, values] of Object.entries(expected)) {
      for (const [code, value] of Object.entries(values)) {
        const got = results.stages.Aggregated![unit]![code]
        if (value === null) expect(got).toBeNull()
        else worst = Math.max(worst, Math.abs(got! - value))
      }
    }
    expect(worst).toBeLessThan(1e-9)
    const byIndex = Object.entries(expected).sort((a, b) => b[1].Index! - a[1].Index!)
    for (const [i, [unit]] of byIndex.entries()) expect(results.ranks[unit], unit).toBe(i + 1)
  })

  it("--json prints the results and nothing else", () => {
    const { code, stdout } = innokraft([...onAsem("build"), "--json"])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).ranks.CHE).toBe(1)
  })

  it("omits the stages the spec skips", () => {
    writeFileSync(
      spec,
      JSON.stringify({ normalise: { method: "minmax", range: [0, 100] }, aggregate: { method: "amean" } })
    )
    const { stdout } = innokraft([...onAsem("build"), "--json"])
    expect(Object.keys(JSON.parse(stdout).stages)).toEqual(["Raw", "Normalised", "Aggregated"])
  })

  it("names the field of a bad spec and exits 1", () => {
    writeFileSync(spec, JSON.stringify({ normalise: { method: "minmax", range: [0] } }))
    const { code, stderr } = innokraft([...onAsem("build")])
    expect(code).toBe(1)
    expect(stderr).toContain(`${spec}: normalise.range`)
  })

  it("names file, line and column of a value that is not a number", () => {
    const lines = readFileSync(iData, "utf8").split("\n")
    lines[3] = lines[3]!.replace(/,2018,/, ",2018,lots,").replace(/,lots,\d+(\.\d+)?,/, ",lots,")
    const bad = join(dir, "iData.csv")
    writeFileSync(bad, lines.join("\n"))
    const { code, stderr } = innokraft([...onAsem("build", bad)])
    expect(code).toBe(1)
    expect(stderr).toContain(`${bad}:4 column "Area"`)
    expect(stderr).toContain('"lots"')
  })
})

describe("innokraft measure sensitivity", () => {
  it("gives the rank intervals of @innokraft/measure's Uncertainty.run with the documented assumptions, reproducibly", () => {
    const args = [...onAsem("sensitivity"), "--runs", "60", "--seed", "7", "--json"]
    const first = innokraft(args)
    expect(first.code).toBe(0)
    const stats = JSON.parse(first.stdout) as {
      runs: number
      seed: number
      stats: Array<{ unit: string; nominal: number | null; median: number; q5: number; q95: number }>
    }
    expect(stats.runs).toBe(60)
    expect(stats.seed).toBe(7)
    // the peer: the package in process, with the defaults of the command (weights ±25 %, amean|gmean, and minmax on
    // [1, 100] | z-scores with mean 10 and sd 2), so that a lost flag, seed or assumption shows
    const { framework, data } = Coinr.fromCsv({
      iMeta: readFileSync(iMeta, "utf8"),
      iData: readFileSync(iData, "utf8"),
      iMetaSource: iMeta,
      iDataSource: iData
    })
    const peer = Uncertainty.run(framework, data, Spec.parse(asemSpec), {
      runs: 60,
      seed: 7,
      assumptions: {
        weights: { noise: 0.25 },
        aggregate: ["amean", "gmean"],
        normalise: [
          { method: "minmax", range: [1, 100] },
          { method: "zscore", mean: 10, sd: 2 }
        ]
      }
    })
    expect(stats.stats).toHaveLength(51)
    expect(stats.stats).toEqual(JSON.parse(JSON.stringify(peer.stats)))
    expect(stats.stats.find((s) => s.unit === "CHE")?.nominal).toBe(1)
    expect(innokraft(args).stdout).toBe(first.stdout)
    expect(first.stderr).toContain("sensitivity: 100% (60/60)")
  })

  it("refuses an unknown aggregation method", () => {
    const { code, stderr } = innokraft([...onAsem("sensitivity"), "--aggregate", "median"])
    expect(code).toBe(1)
    expect(stderr).toContain('--aggregate: unknown method "median"')
  })
})

describe("innokraft measure compare", () => {
  it("puts two runs side by side with index and rank changes that agree with both files", () => {
    const a = join(dir, "amean.json")
    const b = join(dir, "gmean.json")
    expect(innokraft([...onAsem("build"), "--out", a]).code).toBe(0)
    // the geometric mean needs positive values: min–max to [1, 100]
    const gmean = { ...asemSpec, normalise: { method: "minmax", range: [1, 100] }, aggregate: { method: "gmean" } }
    writeFileSync(spec, JSON.stringify(gmean))
    expect(innokraft([...onAsem("build"), "--out", b]).code).toBe(0)
    const { code, stdout } = innokraft(["measure", "compare", a, b, "--json"])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      code: string
      units: Array<{
        unit: string
        before: number
        after: number
        change: number
        rankBefore: number
        rankAfter: number
        rankChange: number
      }>
    }
    expect(out.code).toBe("Index")
    const ra = JSON.parse(readFileSync(a, "utf8"))
    const rb = JSON.parse(readFileSync(b, "utf8"))
    for (const u of out.units) {
      expect(u.before).toBe(ra.stages.Aggregated[u.unit].Index)
      expect(u.after).toBe(rb.stages.Aggregated[u.unit].Index)
      expect(u.change).toBeCloseTo(u.after - u.before, 12)
      expect(u.rankChange).toBe(ra.ranks[u.unit] - rb.ranks[u.unit])
    }
    const changes = out.units.map((u) => u.change)
    expect(changes).toEqual([...changes].sort((x, y) => y - x))
  })

  it("names a code the results do not have", () => {
    const a = join(dir, "a.json")
    innokraft([...onAsem("build"), "--out", a])
    const { code, stderr } = innokraft(["measure", "compare", a, a, "--code", "Nope"])
    expect(code).toBe(1)
    expect(stderr).toContain('--code: "Nope" is not in')
  })
})

describe("innokraft measure: bad numbers are errors or warnings", () => {
  it("build: the geometric mean over a zero exits 1 naming the aggregate, child and unit", () => {
    writeFileSync(spec, JSON.stringify({ ...asemSpec, aggregate: { method: "gmean" } }))
    const { code, stderr, stdout } = innokraft(onAsem("build"))
    expect(code).toBe(1)
    expect(stdout).toBe("")
    expect(stderr).toMatch(/\w+: the geometric mean needs values > 0, found \w+ = 0 for unit "\w+"/)
  })

  it("build: a constant indicator is a warning on stderr and in results.json, and the build goes on", () => {
    const table = Csv.parse(readFileSync(iData, "utf8"))
    const lpi = table.header.indexOf("LPI")
    const constant = join(dir, "iData-constant.csv")
    const quote = (v: string) => (/^-?[\d.]+(e[+-]?\d+)?$|^NA$/i.test(v) ? v : `"${v}"`)
    const rows = table.rows.map((row) => row.map((v, c) => (c === lpi ? "3.5" : v)))
    writeFileSync(constant, [table.header, ...rows].map((row) => row.map(quote).join(",")).join("\n"))
    const out = join(dir, "results.json")
    const { code, stderr } = innokraft([...onAsem("build", constant), "--out", out])
    expect(code).toBe(0)
    const warning = "LPI is constant (all 51 units with a value have 3.5): minmax gives no values"
    expect(stderr).toContain(`warning: Normalised: ${warning}`)
    const results = JSON.parse(readFileSync(out, "utf8"))
    expect(results.warnings).toHaveLength(1)
    expect(results.warnings[0].message).toContain(warning)
    expect(results.ranks.CHE).toBe(1)
  })
})

describe("innokraft measure coherence, weights and what-if", () => {
  it("coherence --json: alpha per aggregate (COINr's pairwise default), PCA and the full correlation matrix", () => {
    const { code, stdout } = innokraft([
      ...onAsem("build").slice(0, 1),
      "coherence",
      ...onAsem("build").slice(2),
      "--json"
    ])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      stage: string
      correlations: { codes: Array<string>; values: Array<Array<number | null>> }
      groups: Array<{ code: string; children: Array<string>; alpha: number; pca: { varianceShare: Array<number> } }>
    }
    expect(out.stage).toBe("Aggregated")
    expect(out.correlations.codes).toHaveLength(49 + 8 + 2 + 1)
    const i = out.correlations.codes.indexOf("Conn")
    const j = out.correlations.codes.indexOf("Sust")
    expect(out.correlations.values[i]![i]).toBeCloseTo(1, 12)
    expect(out.correlations.values[i]![j]).toBe(out.correlations.values[j]![i])
    expect(out.groups.map((g) => g.code)).toContain("P2P")
    // COINr 1.1.14: get_cronbach(coin, dset = "Normalised", iCodes = "P2P", Level = 1) (test/coinr/parity.json)
    expect(out.groups.find((g) => g.code === "P2P")!.alpha).toBeCloseTo(0.85016841855326231, 12)
    const shares = out.groups.find((g) => g.code === "P2P")!.pca.varianceShare
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12)
  })

  it("weights --method balance --level 3 writes weights that a build can use, as COINr's get_opt_weights", () => {
    const weightsFile = join(dir, "weights.json")
    const args = ["measure", "weights", ...onAsem("build").slice(2), "--method", "balance", "--level", "3"]
    const { code, stdout } = innokraft([...args, "--out", weightsFile, "--json"])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as { weights: Record<string, number>; evaluations: number }
    // COINr 1.1.14 get_opt_weights(coin, itarg = "equal", dset = "Aggregated", Level = 3): 0.3902…, 0.6097…, 15 evaluations
    expect(out.weights.Conn).toBeCloseTo(0.39024390243902435, 12)
    expect(out.weights.Sust).toBeCloseTo(0.6097560975609757, 12)
    expect(out.evaluations).toBe(15)
    expect(JSON.parse(readFileSync(weightsFile, "utf8"))).toEqual(out.weights)
  })

  it("what-if: the alternative weights' rank shifts, and a bad alternative spec exits 1 naming its file", () => {
    const alternative = join(dir, "alternative.json")
    writeFileSync(alternative, JSON.stringify({ ...asemSpec, aggregate: { method: "amean", weights: { Conn: 3 } } }))
    const args = ["measure", "what-if", ...onAsem("build").slice(2), "--alternative", alternative]
    const { code, stdout } = innokraft([...args, "--json"])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      meanAbsoluteShift: number
      units: Array<{ unit: string; nominalRank: number; alternativeRank: number; shift: number }>
    }
    expect(out.units).toHaveLength(51)
    expect(out.units[0]!.nominalRank).toBe(1)
    for (const u of out.units) expect(u.shift).toBe(u.nominalRank - u.alternativeRank)
    const mean = out.units.reduce((s, u) => s + Math.abs(u.shift), 0) / 51
    expect(out.meanAbsoluteShift).toBeCloseTo(mean, 12)
    writeFileSync(alternative, JSON.stringify({ normalise: { method: "nope" } }))
    const bad = innokraft(args)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(alternative)
  })
})

describe("innokraft measure sensitivity --sobol", () => {
  it("gives first-order and total indices per assumption from N·(d + 2) builds; aggregation dominates on ASEM", () => {
    const args = [...onAsem("sensitivity"), "--sobol", "--runs", "20", "--normalise", "minmax", "--json"]
    const { code, stdout } = innokraft(args)
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as {
      n: number
      builds: number
      indices: Array<{ input: string; first: number; total: number }>
    }
    expect(out.n).toBe(20)
    // d = 3 assumptions: weights, normalise, aggregate
    expect(out.indices.map((i) => i.input)).toEqual(["weights", "normalise", "aggregate"])
    expect(out.builds).toBe(20 * (3 + 2))
    const total = Object.fromEntries(out.indices.map((i) => [i.input, i.total]))
    // one normalisation alternative: it cannot change anything, so its total effect is exactly 0
    expect(total.normalise).toBe(0)
    expect(total.aggregate!).toBeGreaterThan(total.weights!)
  })

  it("refuses --workers with --sobol", () => {
    const { code, stderr } = innokraft([...onAsem("sensitivity"), "--sobol", "--workers", "2"])
    expect(code).toBe(1)
    expect(stderr).toContain("--workers: the --sobol analysis runs on one thread")
  })
})

describe("innokraft measure preset", () => {
  it("ecosystem --sources: the Swedish NUTS 2 framework on the open data ranks as the package README shows", () => {
    const shared = join(import.meta.dirname, "../../../../shared/data")
    const { code, stdout } = innokraft([
      "measure",
      "preset",
      "ecosystem",
      "--sources",
      shared,
      "--period",
      "2017",
      "--json"
    ])
    expect(code).toBe(0)
    const out = JSON.parse(stdout) as { ranks: Record<string, number> }
    expect(out.ranks).toEqual({ SE11: 1, SE23: 2, SE22: 3, SE12: 4, SE33: 5, SE21: 6, SE32: 7, SE31: 8 })
  })

  it("ris --data: names the file and line of an indicator the RIS does not have; without --data says what it needs", () => {
    const data = join(dir, "ris.csv")
    writeFileSync(data, "unit,indicator,period,value\nSE11,1.1.2,2023,55.1\nSE11,9.9.9,2023,1\n")
    const bad = innokraft(["measure", "preset", "ris", "--data", data])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain("ris.csv:3")
    expect(bad.stderr).toContain("9.9.9")
    const none = innokraft(["measure", "preset", "ris"])
    expect(none.code).toBe(1)
    expect(none.stderr).toContain("--data: the ris preset needs a long CSV of the RIS indicators")
  })
})
