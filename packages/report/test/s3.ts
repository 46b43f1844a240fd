import { readFileSync } from "node:fs"
import { County } from "@innokraft/reference"
import { Analysis, Matrix, Priority, ShiftShare } from "@innokraft/s3"
import type { S3Report } from "../src/index.js"
import { shared } from "./data.js"

/** Eurostat employment (persons) by Swedish NUTS-3 region (county) and NACE group, 2000–2018 (real data). */
export const empersPanel = (): Matrix.Panel =>
  Matrix.fromLongCsv(readFileSync(shared("eurostat-empers-se", "empers_se_nuts_2000_2018.csv"), "utf8"), {
    source: "empers_se_nuts_2000_2018.csv",
    columns: { region: "nuts_code", industry: "nace_group", value: "persons", year: "year" },
    region: (code) => code.length === 5 && !code.startsWith("SEZ"),
    industry: (code) => code !== "TOTAL"
  })

/** Names of the NACE groups of the Eurostat file. */
export const groupNames: Record<"sv" | "en", Record<string, string>> = {
  en: {
    A: "Agriculture, forestry, fishing",
    "B-E": "Industry",
    F: "Construction",
    "G-I": "Trade, transport, hospitality",
    J: "Information and communication",
    K: "Finance and insurance",
    L: "Real estate",
    "M-N": "Professional and support services",
    "O-Q": "Public administration, education, health",
    "R-U": "Arts and other services"
  },
  sv: {
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
}

/** The S3 input for Västerbotten (SE331): analysis of 2017, shift-share 2007–2017, five candidate areas scored. */
export const s3Input = (lang: "sv" | "en"): S3Report.S3Input => {
  const panel = empersPanel()
  const analysis = Analysis.analyse(panel, { year: 2017 })
  const base = Matrix.year(panel, 2007)
  const end = Matrix.year(panel, 2017)
  const shiftShare = ShiftShare.classic(base, end)
  const r = end.regions.indexOf("SE331")
  const I = end.industries.length
  const row = (m: { values: Float64Array }, k: number) => Array.from(m.values.subarray(k * I, (k + 1) * I))
  const reference = end.industries.map((_, i) => end.regions.reduce((s, _r, k) => s + end.values[k * I + i]!, 0))
  const dr = analysis.density.regions.indexOf("SE331")
  const density = analysis.density.industries.map((code) => {
    const i = analysis.density.industries.indexOf(code)
    return analysis.density.values[dr * analysis.density.industries.length + i]!
  })
  const pciOf = new Map(analysis.eci.pci.labels.map((l, k) => [l, analysis.eci.pci.values[k]!]))
  const data = {
    industries: end.industries,
    region: row(end, r),
    reference,
    competitive: row({ values: shiftShare.competitive }, r),
    base: row(base, r),
    density: end.industries.map((c) => density[analysis.density.industries.indexOf(c)] ?? Number.NaN),
    pci: end.industries.map((c) => pciOf.get(c) ?? Number.NaN)
  }
  const areas: Record<string, Array<string>> = {
    "Skog, jord och industri": ["A", "B-E"],
    "Digitala tjänster": ["J", "M-N"],
    "Vård, skola, förvaltning": ["O-Q"],
    "Bygg och fastigheter": ["F", "L"],
    "Besöksnäring och kultur": ["G-I", "R-U"]
  }
  const priorities = Priority.score(
    Object.entries(areas).map(([name, industries]) => ({
      name,
      industries,
      values: Priority.criteriaOf(industries, data)
    })),
    { draws: 200, seed: 1 }
  )
  return {
    analysis,
    region: "SE331",
    shiftShare,
    shiftShareYears: [2007, 2017],
    priorities,
    regionNames: Object.fromEntries(County.all.map((c) => [c.nuts3, c.shortName])),
    industryNames: groupNames[lang]
  }
}
