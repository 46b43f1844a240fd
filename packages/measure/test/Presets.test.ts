import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Build, Data, DataSet, Ecosystem, Results, Ris } from "../src/index.js"
import { shared } from "./asem.js"

const r = (p: string) => readFileSync(join(shared, p), "utf8")

describe("Ecosystem preset on the real Swedish data", () => {
  const data = Ecosystem.data({
    rdPrivate: r("eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"),
    rdGovernment: r("eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"),
    empers: r("eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
    scb: r("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv")
  })
  const fw = Ecosystem.framework()
  const b = Build.build(fw, data, Ecosystem.spec, { period: 2017 })

  it("reads the published values", () => {
    expect(data.periods).toEqual([2015, 2016, 2017, 2018])
    expect(DataSet.get(data.indicators[2]!, "SE11", "rdBusiness")).toBe(1810.4)
    expect(DataSet.get(data.indicators[2]!, "SE21", "rdBusiness")).toBeNull()
    expect(DataSet.get(data.denominators[2]!, "SE33", "employment")).toBe(252000)
    expect(DataSet.get(data.indicators[2]!, "SE33", "empInformation")).toBe(5000)
  })

  it("denominates, carries 2015 forward for SE21 and SE32 business R&D, and ranks Stockholm first", () => {
    expect(DataSet.get(b.stages.Denominated!, "SE33", "empInformation")).toBeCloseTo(5000 / 252000, 15)
    expect(DataSet.get(b.stages.Imputed!, "SE21", "rdBusiness")).toBe(497.7)
    expect(DataSet.get(b.stages.Imputed!, "SE32", "rdBusiness")).toBe(192)
    // women's share of manufacturing employment, read from SCB's file by hand: SE11, 2017, section C
    const scb = r("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv").trim().split("\n")
    const c = scb.find((line) => line.startsWith("2017,SE11,C,"))!.split(",")
    expect(DataSet.get(b.stages.Denominated!, "SE11", "womenManufacturing")).toBeCloseTo(
      Number(c[5]) / Number(c[3]),
      15
    )
    // the index computed by hand from the imputed values: min–max to 0–100 over the eight regions, the mean of each
    // pillar's indicators, the mean of the three pillars (equal weights, every indicator the higher the better)
    const imputed = b.stages.Imputed!
    const pillars: Record<string, ReadonlyArray<string>> = {
      Knowledge: ["rdBusiness", "rdGovernment"],
      Structure: ["empInformation", "empFinance", "empProfessional"],
      Inclusion: ["womenAG", "womenManufacturing"]
    }
    const normalised = (unit: string, code: string) => {
      const column = Ecosystem.regions.map((u) => DataSet.get(imputed, u, code)!)
      const [lo, hi] = [Math.min(...column), Math.max(...column)]
      return (100 * (DataSet.get(imputed, unit, code)! - lo)) / (hi - lo)
    }
    const mean = (xs: ReadonlyArray<number>) => xs.reduce((a, v) => a + v, 0) / xs.length
    const index = (unit: string) =>
      mean(Object.values(pillars).map((codes) => mean(codes.map((code) => normalised(unit, code)))))
    for (const u of Ecosystem.regions)
      expect(DataSet.get(b.stages.Aggregated!, u, "Ecosystem")).toBeCloseTo(index(u), 9)
    const byHand = [...Ecosystem.regions].sort((x, y) => index(y) - index(x))
    expect(byHand[0]).toBe("SE11")
    for (const [k, u] of byHand.entries()) expect(b.ranks[u]).toBe(k + 1)
  })
})

describe("RIS preset", () => {
  it("has the 21 RIS indicators with PM2.5 reversed", () => {
    const fw = Ris.framework()
    expect(fw.indicators).toHaveLength(21)
    expect(fw.indicators.filter((x) => x.direction === -1).map((x) => x.code)).toEqual(["4.3.2"])
    expect(fw.top).toBe("RII")
  })

  it("computes relative-to-reference scores and groups over a panel (real R&D data in two indicators)", () => {
    const fw = Ris.framework()
    const lines = ["unit,indicator,period,value"]
    const add = (file: string, col: string, code: string) => {
      const text = r(`eurostat-rd-nuts2/${file}`).trim().split("\n").slice(1)
      for (const line of text) {
        const [year, nuts, , value] = line.split(",")
        if (nuts!.startsWith("SE")) lines.push(`${nuts},${code},${year},${value ?? ""}`)
      }
      void col
    }
    add("rd_government_eur_hab.nuts2.csv", "rd_government_eur_hab", "2.1.1")
    add("rd_private_eur_hab.nuts2.csv", "rd_private_eur_hab", "2.2.1")
    const data = Data.fromLongCsv(lines.join("\n"), { framework: fw })
    const c = Results.changeOverTime(fw, data, Ris.spec, { reference: "SE11", basePeriod: 2015 })
    expect(c.relative.SE11![0]).toBe(100)
    const last = Object.fromEntries(Object.entries(c.relative).map(([u, v]) => [u, v.at(-1) ?? null]))
    const groups = Results.performanceGroups(last)
    expect(Object.keys(groups)).toHaveLength(8)
    // the RIS thresholds applied by hand: leader above 125 % of the reference, strong from 100 %, moderate from 70 %
    const byHand = (x: number) => (x > 125 ? "Leader" : x >= 100 ? "Strong" : x >= 70 ? "Moderate" : "Emerging")
    for (const [u, x] of Object.entries(last)) expect(groups[u]!.group).toBe(byHand(x!))
    expect(new Set(Object.values(groups).map((g) => g.group)).size).toBeGreaterThan(1)
  })
})
