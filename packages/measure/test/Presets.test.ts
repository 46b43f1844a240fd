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
    expect(b.ranks.SE11).toBe(1)
    expect(Object.values(b.ranks).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    const women = DataSet.get(b.stages.Denominated!, "SE11", "womenManufacturing")!
    expect(women).toBeGreaterThan(0.2)
    expect(women).toBeLessThan(0.4)
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
    expect(groups.SE31!.group).toBe("Emerging")
  })
})
