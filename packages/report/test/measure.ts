import { readFileSync } from "node:fs"
import { Build, type Data, Ecosystem, type Framework, Results, Uncertainty } from "@innokraft/measure"
import { County, Nuts } from "@innokraft/reference"
import type { MeasurementReport } from "../src/index.js"
import { boundaries, shared } from "./data.js"

/** The eight Swedish NUTS-2 regions measured with `@innokraft/measure`'s Ecosystem framework on the real data. */
export const ecosystem = (): { data: Data.Data; framework: Framework.Framework; build: Build.Build } => {
  const read = (...p: ReadonlyArray<string>) => readFileSync(shared(...p), "utf8")
  const data = Ecosystem.data({
    rdPrivate: read("eurostat-rd-nuts2", "rd_private_eur_hab.nuts2.csv"),
    rdGovernment: read("eurostat-rd-nuts2", "rd_government_eur_hab.nuts2.csv"),
    empers: read("eurostat-empers-se", "empers_se_nuts_2000_2018.csv"),
    scb: read("scb-employment-nuts2", "employment_nuts2_sni_section_2016_2021.csv")
  })
  const framework = Ecosystem.framework()
  const build = Build.build(framework, data, Ecosystem.spec)
  return { data, framework, build }
}

/** A full measurement input: build, 200-run uncertainty, change 2015–2018 and the county map. */
export const measurementInput = (): MeasurementReport.MeasurementInput => {
  const { data, framework, build } = ecosystem()
  const uncertainty = Uncertainty.run(framework, data, Ecosystem.spec, {
    runs: 200,
    seed: 1,
    assumptions: { weights: { noise: 0.25 }, aggregate: ["amean", "gmean"] }
  })
  const change = Results.changeOverTime(framework, data, Ecosystem.spec)
  const areas: Record<string, Array<string>> = {}
  for (const c of County.all) areas[c.nuts2] = [...(areas[c.nuts2] ?? []), c.code]
  const unitNames = Object.fromEntries(Ecosystem.regions.map((r) => [r, Nuts.get(r).name]))
  return {
    build,
    uncertainty,
    change,
    unitNames,
    profile: "SE33",
    map: {
      features: boundaries("lan.geojson"),
      codeProperty: "LnKod",
      names: Object.fromEntries(County.all.map((c) => [c.code, c.name.sv])),
      areas
    }
  }
}
