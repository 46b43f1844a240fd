import { Csv } from "@innokraft/csv"
import type { Data } from "./Data.js"
import * as DataSet from "./DataSet.js"
import * as Framework from "./Framework.js"
import type * as Spec from "./Spec.js"

/**
 * The Swedish NUTS-2 regions (riksområden) the example framework covers.
 *
 * @since 0.1.0
 */
export const regions = ["SE11", "SE12", "SE21", "SE22", "SE23", "SE31", "SE32", "SE33"] as const

const label = (sv: string, en: string) => ({ sv, en })

/**
 * A documented regional innovation-ecosystem framework on open data, with an inclusion dimension:
 *
 * - **Knowledge** — business and government R&D expenditure per inhabitant (Eurostat `rd_e_gerdreg`);
 * - **Structure** — employment shares of information and communication (NACE J), finance (K) and professional,
 *   scientific and support services (M–N) in total employment (Eurostat `nama_10r_3empers`, denominated by total
 *   employment in the `denominate` step);
 * - **Inclusion** — women's share of employment in sections A–G and in manufacturing (SCB, by sex; denominated by
 *   the corresponding totals).
 *
 * Pillars are equally weighted; the top node is `Ecosystem`.
 *
 * @since 0.1.0
 */
export const framework = (): Framework.Framework =>
  Framework.make({
    indicators: [
      {
        code: "rdBusiness",
        name: label("FoU-utgifter i näringslivet per invånare", "Business R&D expenditure per inhabitant"),
        parent: "Knowledge",
        unit: "EUR per inhabitant",
        source: "Eurostat rd_e_gerdreg",
        type: "input"
      },
      {
        code: "rdGovernment",
        name: label("FoU-utgifter i offentlig sektor per invånare", "Government R&D expenditure per inhabitant"),
        parent: "Knowledge",
        unit: "EUR per inhabitant",
        source: "Eurostat rd_e_gerdreg",
        type: "input"
      },
      {
        code: "empInformation",
        name: label(
          "Sysselsatta inom information och kommunikation",
          "Employment in information and communication (J)"
        ),
        parent: "Structure",
        unit: "share of employment",
        denominator: "employment",
        source: "Eurostat nama_10r_3empers",
        type: "output"
      },
      {
        code: "empFinance",
        name: label("Sysselsatta inom finans och försäkring", "Employment in finance and insurance (K)"),
        parent: "Structure",
        unit: "share of employment",
        denominator: "employment",
        source: "Eurostat nama_10r_3empers",
        type: "output"
      },
      {
        code: "empProfessional",
        name: label(
          "Sysselsatta inom företagstjänster",
          "Employment in professional, scientific and support services (M–N)"
        ),
        parent: "Structure",
        unit: "share of employment",
        denominator: "employment",
        source: "Eurostat nama_10r_3empers",
        type: "output"
      },
      {
        code: "womenAG",
        name: label("Kvinnors andel av sysselsatta, avdelning A–G", "Women's share of employment, sections A–G"),
        parent: "Inclusion",
        unit: "share",
        denominator: "employedAG",
        source: "SCB employment by NUTS2, SNI section and sex",
        type: "outcome"
      },
      {
        code: "womenManufacturing",
        name: label(
          "Kvinnors andel av sysselsatta i tillverkningsindustrin",
          "Women's share of employment in manufacturing (C)"
        ),
        parent: "Inclusion",
        unit: "share",
        denominator: "employedC",
        source: "SCB employment by NUTS2, SNI section and sex",
        type: "outcome"
      }
    ],
    aggregates: [
      { code: "Knowledge", name: label("Kunskap", "Knowledge"), level: 2, parent: "Ecosystem" },
      { code: "Structure", name: label("Näringsstruktur", "Economic structure"), level: 2, parent: "Ecosystem" },
      { code: "Inclusion", name: label("Inkludering", "Inclusion"), level: 2, parent: "Ecosystem" },
      {
        code: "Ecosystem",
        name: label("Regionalt innovationsekosystem", "Regional innovation ecosystem"),
        level: 3,
        parent: null
      }
    ],
    denominators: [
      { code: "employment", name: label("Sysselsatta totalt", "Total employment"), unit: "persons" },
      { code: "employedAG", name: label("Sysselsatta, avdelning A–G", "Employed, sections A–G"), unit: "persons" },
      {
        code: "employedC",
        name: label("Sysselsatta i tillverkningsindustrin", "Employed in manufacturing"),
        unit: "persons"
      }
    ],
    levelNames: ["Indicator", "Pillar", "Index"]
  })

/**
 * The recommended build: denominate, carry the last observation forward over time (Eurostat R&D is biennial for
 * Sweden), min–max 0–100, arithmetic mean.
 *
 * @since 0.1.0
 */
export const spec: Spec.SpecInput = {
  denominate: true,
  impute: { method: "locf" },
  screen: null,
  treat: { method: "none" },
  normalise: { method: "minmax", range: [0, 100] },
  aggregate: { method: "amean" }
}

/**
 * The CSV texts of `shared/data` the framework is built on.
 *
 * @since 0.1.0
 */
export interface Sources {
  /** `eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv` */
  readonly rdPrivate: string
  /** `eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv` */
  readonly rdGovernment: string
  /** `eurostat-empers-se/empers_se_nuts_2000_2018.csv` */
  readonly empers: string
  /** `scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv` */
  readonly scb: string
}

/**
 * Assembles the framework's data for the eight Swedish NUTS-2 regions and the periods `from`–`to` (default
 * 2015–2018) from the CSV texts (parsing only; the caller reads the files).
 *
 * @since 0.1.0
 */
export const data = (sources: Sources, options: { readonly from?: number; readonly to?: number } = {}): Data => {
  const from = options.from ?? 2015
  const to = options.to ?? 2018
  const periods = Array.from({ length: to - from + 1 }, (_, k) => from + k)
  const units = [...regions]
  const fw = framework()
  const indicators = periods.map(() => DataSet.make(units, fw.levels[0]!))
  const denominators = periods.map(() =>
    DataSet.make(
      units,
      fw.denominators.map((d) => d.code)
    )
  )
  const put = (sets: Array<DataSet.DataSet>, year: number, unit: string, code: string, v: number) => {
    const k = year - from
    const i = units.indexOf(unit as (typeof regions)[number])
    if (k < 0 || k >= periods.length || i < 0) return
    const ds = sets[k]!
    const j = ds.codes.indexOf(code)
    ds.values[j * units.length + i] =
      (Number.isNaN(ds.values[j * units.length + i]!) ? 0 : ds.values[j * units.length + i]!) + v
  }
  const rd = (text: string, source: string, valueColumn: string, code: string) => {
    const t = Csv.parse(text, { source })
    const cy = Csv.columnIndex(t, "year")
    const cn = Csv.columnIndex(t, "nuts_id")
    const cv = Csv.columnIndex(t, valueColumn)
    t.rows.forEach((row, r) => {
      const v = Csv.number(t, r, cv)
      if (v !== null) put(indicators, Number(row[cy]), row[cn]!, code, v)
    })
  }
  rd(sources.rdPrivate, "rd_private_eur_hab.nuts2.csv", "rd_private_eur_hab", "rdBusiness")
  rd(sources.rdGovernment, "rd_government_eur_hab.nuts2.csv", "rd_government_eur_hab", "rdGovernment")
  const emp = Csv.parse(sources.empers, { source: "empers_se_nuts_2000_2018.csv" })
  const groupCode: Record<string, string> = { J: "empInformation", K: "empFinance", "M-N": "empProfessional" }
  const ey = Csv.columnIndex(emp, "year")
  const en = Csv.columnIndex(emp, "nuts_code")
  const eg = Csv.columnIndex(emp, "nace_group")
  const ep = Csv.columnIndex(emp, "persons")
  emp.rows.forEach((row, r) => {
    const v = Csv.number(emp, r, ep)
    if (v === null) return
    const g = row[eg]!
    if (g === "TOTAL") put(denominators, Number(row[ey]), row[en]!, "employment", v)
    else if (groupCode[g]) put(indicators, Number(row[ey]), row[en]!, groupCode[g], v)
  })
  const scb = Csv.parse(sources.scb, { source: "employment_nuts2_sni_section_2016_2021.csv" })
  const sy = Csv.columnIndex(scb, "year")
  const sn = Csv.columnIndex(scb, "nuts2_code")
  const ss = Csv.columnIndex(scb, "sni2007_section")
  const st = Csv.columnIndex(scb, "employed_total")
  const sw = Csv.columnIndex(scb, "employed_women")
  scb.rows.forEach((row, r) => {
    const total = Csv.number(scb, r, st)
    const women = Csv.number(scb, r, sw)
    if (total === null || women === null) return
    const y = Number(row[sy])
    put(denominators, y, row[sn]!, "employedAG", total)
    put(indicators, y, row[sn]!, "womenAG", women)
    if (row[ss] === "C") {
      put(denominators, y, row[sn]!, "employedC", total)
      put(indicators, y, row[sn]!, "womenManufacturing", women)
    }
  })
  return { units, unitNames: units.map(() => null), periods, indicators, denominators, groups: {} }
}
