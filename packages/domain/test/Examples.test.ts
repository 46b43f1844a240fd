import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Examples, Interchange, Portfolio, Workspace } from "../src/index.js"

const seeds = join(import.meta.dirname, "../../../../shared/seeds")
const seed = (name: string) => readFileSync(join(seeds, name), "utf8")

describe("Example workspaces", () => {
  for (const [name, w] of Object.entries(Examples.all)) {
    it(`${name} is valid and survives a JSON round trip`, () => {
      expect(Workspace.validate(w)).toEqual([])
      const back = Interchange.fromJson(Interchange.toJson(w))
      expect(back.ok && back.workspace).toEqual(w)
    })

    it(`${name} holds no personal data`, () => {
      expect(w.contacts).toEqual([])
    })
  }

  it("Västerbotten: the RIS vision and goals are verbatim from the source text", () => {
    const text = seed("001_53fdd9df98241bf6.txt")
    const ris = Examples.vasterbotten.strategies.find((s) => s.id === "vasterbotten-ris-2022")!
    expect(text).toContain(`”${ris.vision!.sv}”`)
    const goals = Examples.vasterbotten.goals
    expect(goals).toHaveLength(2)
    for (const g of goals) expect(text).toContain(`${g.title.sv} - ${g.description!.sv}`)
    expect(ris.adoptedAt).toBe("2022-05-25")
    expect(ris.period).toEqual({ start: "2022", end: "2030" })
  })

  it("Västerbotten: nine strength areas, all placeholders pointing at the PDF", () => {
    const areas = Examples.vasterbotten.strengthAreas
    expect(areas).toHaveLength(9)
    expect(areas.every((a) => a.placeholder === true && a.sources?.[0]?.page === "?")).toBe(true)
    expect(seed("001_53fdd9df98241bf6.txt")).toContain("nio styrkeområden")
  })

  it("Västerbotten: RIV runs 2020-01-01 – 2023-04-30 as the project page says, and 15 municipalities", () => {
    const riv = Examples.vasterbotten.projects.find((p) => p.id === "vasterbotten-riv")!
    expect(seed("000_dedc749f8a2bd199.txt")).toContain(`${riv.period!.start} - ${riv.period!.end}`)
    expect(Examples.vasterbotten.regions[0]!.municipalities).toHaveLength(15)
  })

  it("Borås: Vinnova 2015-06046, SEK 6,850,000, Feb 2016 – Aug 2019, four phases in the source's order", () => {
    const text = seed("003_f6339af7460d615c.txt")
    const ipb = Examples.boras.projects.find((p) => p.id === "boras-ipb")!
    expect(text).toContain(`Diarienummer ${ipb.externalRefs![0]!.value}`)
    const funding = Examples.boras.fundings[0]!
    expect(text).toContain(`Bidrag från Vinnova ${funding.amount!.toLocaleString("sv-SE").replace(/\s/g, " ")} kronor`)
    expect(ipb.period).toEqual({ start: "2016-02", end: "2019-08" })
    const phases = Examples.boras.programmes[0]!.phases.map((p) => p.title.sv.toLowerCase()).join("; ")
    expect(text).toContain(`IPB består av fyra faser: ${phases}.`)
  })

  it("Västernorrland: three published priorities in two tiers, adopted December 2020", () => {
    const w = Examples.vasternorrland
    expect(w.strengthAreas.map((a) => [a.name.en, a.tier])).toEqual([
      ["Forest-based bioeconomy", "strength"],
      ["Renewable energy – solar, wind, hydro and bioenergy power generation", "strength"],
      ["Autonomous mobility", "development"]
    ])
    expect(seed("004_c37a603fc010d37d.txt")).toContain("strategin antogs i december 2020")
    expect(w.strategies[0]!.adoptedAt).toBe("2020-12")
  })
})

describe("Portfolio on the example workspaces", () => {
  it("Borås: SEK 6,850,000 split over 2016–2019 by days", () => {
    const [sek] = Portfolio.fundingTotals(Examples.boras)
    expect(sek!.total).toBe(6_850_000)
    const byYear = Object.fromEntries(sek!.byYear.map((a) => [a.key, a.amount]))
    // 2016-02-01 – 2019-08-31: 335 + 365 + 365 + 243 = 1308 days.
    expect(byYear["2016"]).toBeCloseTo((6_850_000 * 335) / 1308, 6)
    expect(byYear["2019"]).toBeCloseTo((6_850_000 * 243) / 1308, 6)
    expect(sek!.bySource).toEqual([{ key: "Vinnova", amount: 6_850_000 }])
    expect(Portfolio.activePerYear(Examples.boras).map((y) => [y.year, y.count])).toEqual([
      [2013, 1],
      [2014, 1],
      [2015, 1],
      [2016, 1],
      [2017, 1],
      [2018, 1],
      [2019, 1]
    ])
  })

  it("Västernorrland: EUR 516,000 split equally over its three priorities, nothing uncovered in 2025", () => {
    const [eur] = Portfolio.fundingTotals(Examples.vasternorrland)
    for (const a of eur!.byStrengthArea) expect(a.amount).toBeCloseTo(172_000, 6)
    const gaps = Portfolio.gaps(Examples.vasternorrland, { asOf: "2025-01-01" })
    expect(gaps.strengthAreas).toEqual([])
    expect(Portfolio.gaps(Examples.vasternorrland, { asOf: "2023-12-31" }).strengthAreas).toHaveLength(3)
  })

  it("Västerbotten: both goals and all strength areas are gaps, RIV and OSIRIS unlinked, amounts unknown", () => {
    const report = Portfolio.analyse(Examples.vasterbotten)
    expect(report.gaps.goals).toHaveLength(2)
    expect(report.gaps.strengthAreas).toHaveLength(9)
    expect(report.gaps.unlinkedProjects.map((p) => p.id)).toEqual(["vasterbotten-riv", "vasterbotten-osiris"])
    expect(report.funding).toEqual([])
    expect(report.fundingsWithoutAmount).toHaveLength(3)
    // OSIRIS 2016-04 – 2020-09 and RIV 2020-01 – 2023-04 overlap in 2020 only.
    expect(report.perYear.map((y) => [y.year, y.count])).toEqual([
      [2016, 1],
      [2017, 1],
      [2018, 1],
      [2019, 1],
      [2020, 2],
      [2021, 1],
      [2022, 1],
      [2023, 1]
    ])
  })
})
