import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Examples } from "@innokraft/domain"
import { type CycleDocument, Example } from "@innokraft/loop"
import { Build, Ecosystem, Uncertainty } from "@innokraft/measure"
import { County, Nuts } from "@innokraft/reference"
import { Analysis, Matrix, Priority, ShiftShare } from "@innokraft/s3"
import type { DashboardData, MeasurementView, S3View } from "../../src/dashboard/index.js"

/** Path of a file in the shared data folder. */
export const shared = (...parts: ReadonlyArray<string>): string =>
  join(import.meta.dirname, "../../../../../shared/data", ...parts)

const read = (...parts: ReadonlyArray<string>) => readFileSync(shared(...parts), "utf8")

const once = <A>(f: () => A): (() => A) => {
  let cached: { value: A } | undefined
  return () => {
    cached ??= { value: f() }
    return cached.value
  }
}

/** The eight Swedish NUTS-2 regions on `@innokraft/measure`'s Ecosystem framework, with rank intervals and the map. */
export const ecosystemView = once((): MeasurementView => {
  const data = Ecosystem.data({
    rdPrivate: read("eurostat-rd-nuts2", "rd_private_eur_hab.nuts2.csv"),
    rdGovernment: read("eurostat-rd-nuts2", "rd_government_eur_hab.nuts2.csv"),
    empers: read("eurostat-empers-se", "empers_se_nuts_2000_2018.csv"),
    scb: read("scb-employment-nuts2", "employment_nuts2_sni_section_2016_2021.csv")
  })
  const framework = Ecosystem.framework()
  const build = Build.build(framework, data, Ecosystem.spec)
  const uncertainty = Uncertainty.run(framework, data, Ecosystem.spec, {
    runs: 100,
    seed: 1,
    assumptions: { weights: { noise: 0.25 }, aggregate: ["amean", "gmean"] }
  })
  const areas: Record<string, Array<string>> = {}
  for (const c of County.all) areas[c.nuts2] = [...(areas[c.nuts2] ?? []), c.code]
  return {
    id: "ecosystem",
    title: {
      sv: "Innovationsekosystemet i Sveriges riksområden",
      en: "The innovation ecosystem of Sweden's NUTS-2 regions"
    },
    build,
    uncertainty,
    unitNames: Object.fromEntries(Ecosystem.regions.map((r) => [r, Nuts.get(r).name])),
    map: {
      features: JSON.parse(read("se-boundaries", "lan.geojson")),
      codeProperty: "LnKod",
      nameProperty: "LnNamn",
      areas
    }
  }
})

/** Eurostat employment by Swedish county (NUTS-3) and NACE group, 2000–2018. */
const empers = once(() =>
  Matrix.fromLongCsv(read("eurostat-empers-se", "empers_se_nuts_2000_2018.csv"), {
    source: "empers_se_nuts_2000_2018.csv",
    columns: { region: "nuts_code", industry: "nace_group", value: "persons", year: "year" },
    region: (code) => code.length === 5 && !code.startsWith("SEZ"),
    industry: (code) => code !== "TOTAL"
  })
)

const industryNames: Record<string, string> = {
  A: "Jord- och skogsbruk, fiske",
  "B-E": "Industri",
  F: "Byggverksamhet",
  "G-I": "Handel, transport, hotell och restaurang",
  J: "Information och kommunikation",
  K: "Finans och försäkring",
  L: "Fastigheter",
  "M-N": "Företagstjänster",
  "O-Q": "Offentlig förvaltning, utbildning, vård",
  "R-U": "Kultur och övriga tjänster"
}

/** The S3 view of a county: analysis of 2017, shift-share 2007–2017, every NACE group scored as a candidate. */
export const s3View = (region: string): S3View => {
  const panel = empers()
  const analysis = Analysis.analyse(panel, { year: 2017 })
  const base = Matrix.year(panel, 2007)
  const end = Matrix.year(panel, 2017)
  const shiftShare = ShiftShare.classic(base, end)
  const r = end.regions.indexOf(region)
  const I = end.industries.length
  const row = (values: Float64Array) => Array.from(values.subarray(r * I, (r + 1) * I))
  const reference = end.industries.map((_, i) => end.regions.reduce((s, _r, k) => s + end.values[k * I + i]!, 0))
  const dr = analysis.density.regions.indexOf(region)
  const DI = analysis.density.industries.length
  const pci = new Map(analysis.eci.pci.labels.map((l, k) => [l, analysis.eci.pci.values[k]!]))
  const data = {
    industries: end.industries,
    region: row(end.values),
    reference,
    competitive: row(shiftShare.competitive),
    base: row(base.values),
    density: end.industries.map((c) => {
      const i = analysis.density.industries.indexOf(c)
      return i < 0 ? Number.NaN : analysis.density.values[dr * DI + i]!
    }),
    pci: end.industries.map((c) => pci.get(c) ?? Number.NaN)
  }
  const priorities = Priority.score(
    end.industries.map((code) => ({
      name: industryNames[code] ?? code,
      industries: [code],
      values: Priority.criteriaOf([code], data)
    })),
    { draws: 100, seed: 1 }
  )
  const name = County.all.find((c) => c.nuts3 === region)?.shortName ?? region
  return {
    id: `empers-2017-${region.toLowerCase()}`,
    title: { sv: `Smart specialisering: ${name} 2017`, en: `Smart specialisation: ${name} 2017` },
    input: {
      analysis,
      region,
      shiftShare,
      shiftShareYears: [2007, 2017],
      priorities,
      regionNames: Object.fromEntries(County.all.map((c) => [c.nuts3, c.shortName])),
      industryNames
    }
  }
}

const s3Vasterbotten = once(() => s3View("SE331"))
const s3Vasternorrland = once(() => s3View("SE321"))
const walkthrough = once(() => Example.walkthrough())

/** The organisations of the test server and what each holds. */
export const organisations = [
  { id: "region-vasterbotten", name: "Region Västerbotten" },
  { id: "region-vasternorrland", name: "Region Västernorrland" },
  { id: "boras-stad", name: "Borås Stad" },
  { id: "tom-forening", name: "Tom förening" }
] as const

/** `DashboardData` over the example data of the domain and loop packages and the real data in `shared/data`. */
export const exampleData = (): DashboardData => ({
  organisations: async () => organisations,
  workspace: async (id) =>
    id === "region-vasterbotten"
      ? Examples.vasterbotten
      : id === "region-vasternorrland"
        ? Examples.vasternorrland
        : id === "boras-stad"
          ? Examples.boras
          : undefined,
  cycles: async (id): Promise<ReadonlyArray<CycleDocument.CycleDocument>> =>
    id === "region-vasterbotten" ? [walkthrough()] : [],
  measurements: async (id) => (id === "region-vasterbotten" ? [ecosystemView()] : []),
  s3Analyses: async (id) =>
    id === "region-vasterbotten" ? [s3Vasterbotten()] : id === "region-vasternorrland" ? [s3Vasternorrland()] : [],
  municipalities: async () => municipalities(),
  actuals: async (_organisationId, links) =>
    Object.fromEntries(links.map((l) => [l.id, l.unit === undefined ? [] : series(l.indicator, l.unit)]))
})

/** A yearly Eurostat R&D series of a NUTS 2 region from shared/data (empty values left out). */
const series = (indicator: string, unit: string): ReadonlyArray<{ year: number; value: number }> => {
  const file = `${indicator}.nuts2.csv`
  const rows = read("eurostat-rd-nuts2", file).trim().split("\n").slice(1)
  return rows
    .map((line) => line.split(","))
    .filter(([, nuts, , value]) => nuts === unit && value !== undefined && value !== "")
    .map(([year, , , value]) => ({ year: Number(year), value: Number(value) }))
}

const municipalities = once(() => JSON.parse(read("se-boundaries", "kommun.geojson")) as unknown)
