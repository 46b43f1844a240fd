import type { Analysis, Priority, ShiftShare } from "@innokraft/s3"
import * as Bars from "./Bars.js"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as HeatMap from "./HeatMap.js"
import { formatNumber, type Label, type Lang } from "./Lang.js"
import * as Quadrant from "./Quadrant.js"
import * as Table from "./Table.js"
import * as Waterfall from "./Waterfall.js"

/**
 * The smart-specialisation report of one region (`@innokraft/s3`): the relatedness × complexity quadrant chart
 * (Balland et al. 2019), the location-quotient heat map, the shift-share waterfall and the priority scores with
 * their rank range under weight perturbation.
 *
 * @since 0.1.0
 */

/**
 * What the report shows: an analysis, the focus region, and optionally a shift-share decomposition and priority
 * scores of candidate strength areas.
 *
 * @since 0.1.0
 */
export interface S3Input {
  readonly analysis: Analysis.Analysis
  /** The focus region (a row of the analysis). */
  readonly region: string
  readonly shiftShare?: ShiftShare.Decomposition
  /** Years of the decomposition, for the titles. */
  readonly shiftShareYears?: readonly [number, number]
  readonly priorities?: ReadonlyArray<Priority.Scored>
  readonly regionNames?: Readonly<Record<string, string>>
  readonly industryNames?: Readonly<Record<string, string>>
  readonly title?: Label
}

/**
 * Options of {@link render}.
 *
 * @since 0.1.0
 */
export interface S3ReportOptions {
  readonly lang: Lang
}

const t = {
  title: { sv: "Smart specialisering", en: "Smart specialisation" },
  quadrant: { sv: "Släktskap och komplexitet", en: "Relatedness and complexity" },
  quadrantLead: {
    sv: "Varje bransch efter regionens släktskapstäthet (genomförbarhet) och branschens komplexitet (nytta), efter Balland m.fl. (2019). Linjerna går vid medianerna; bubblans yta är sysselsättningen.",
    en: "Every industry by the region's relatedness density (feasibility) and the industry's complexity (benefit), after Balland et al. (2019). The lines are at the medians; bubble area is employment."
  },
  density: { sv: "Släktskapstäthet", en: "Relatedness density" },
  pci: { sv: "Komplexitet (PCI)", en: "Complexity (PCI)" },
  employment: { sv: "Sysselsatta", en: "Employment" },
  candidate: { sv: "Ännu ej specialiserad (RCA < 1)", en: "Not yet specialised (RCA < 1)" },
  present: { sv: "Specialiserad (RCA ≥ 1)", en: "Specialised (RCA ≥ 1)" },
  lq: { sv: "Lokaliseringskvoter", en: "Location quotients" },
  lqLead: {
    sv: "Över 1 (blått) betyder en större andel av sysselsättningen än i referensen; under 1 (rött) en mindre.",
    en: "Above 1 (blue) means a larger share of employment than in the reference; below 1 (red) a smaller one."
  },
  region: { sv: "Region", en: "Region" },
  shift: { sv: "Skift–andelsanalys", en: "Shift-share analysis" },
  shiftLead: {
    sv: "Förändringen i sysselsättning delad i nationell tillväxt, branschstruktur och regional konkurrenskraft.",
    en: "The change in employment split into national growth, industry mix and regional competitiveness."
  },
  national: { sv: "Nationell tillväxt", en: "National growth" },
  mix: { sv: "Branschstruktur", en: "Industry mix" },
  competitive: { sv: "Regional effekt", en: "Regional effect" },
  change: { sv: "Total förändring", en: "Total change" },
  industry: { sv: "Bransch", en: "Industry" },
  priorities: { sv: "Prioriteringspoäng", en: "Priority scores" },
  prioritiesLead: {
    sv: "Poäng för kandidatområden med lika vikter, och rangens spridning (5–95 %) när vikterna dras slumpmässigt.",
    en: "Scores of candidate areas with equal weights, and the spread of the rank (5–95 %) when the weights are drawn at random."
  },
  rank: { sv: "Rang", en: "Rank" },
  range: { sv: "Rang vid andra vikter", en: "Rank under other weights" },
  score: { sv: "Poäng", en: "Score" },
  area: { sv: "Område", en: "Area" },
  quadrantCol: { sv: "Kvadrant", en: "Quadrant" },
  label: { sv: "Typ", en: "Type" },
  strength: { sv: "styrka", en: "strength" },
  emerging: { sv: "framväxande", en: "emerging" }
} as const

const criterionLabels: Record<Priority.Criterion, Label> = {
  mass: { sv: "Kritisk massa", en: "Critical mass" },
  specialisation: { sv: "Specialisering", en: "Specialisation" },
  dynamics: { sv: "Dynamik", en: "Dynamics" },
  knowledge: { sv: "Kunskapsbas", en: "Knowledge base" },
  relatedness: { sv: "Släktskap", en: "Relatedness" },
  complexity: { sv: "Komplexitet", en: "Complexity" },
  challenge: { sv: "Samhällsutmaning", en: "Societal challenge" }
}

const quadrantNumber: Record<Priority.Quadrant, 1 | 2 | 3 | 4> = {
  "high relatedness, high complexity": 1,
  "high relatedness, low complexity": 2,
  "low relatedness, high complexity": 3,
  "low relatedness, low complexity": 4
}

/**
 * The points of the quadrant chart for the focus region: every industry with a finite density and PCI.
 *
 * @since 0.1.0
 */
export const quadrantPoints = (input: S3Input): Array<Quadrant.Point & { readonly code: string }> => {
  const a = input.analysis
  const r = a.density.regions.indexOf(input.region)
  if (r < 0) throw new RangeError(`expected a region of the analysis, found ${JSON.stringify(input.region)}`)
  const I = a.density.industries.length
  const pci = new Map(a.eci.pci.labels.map((l, k) => [l, a.eci.pci.values[k]!]))
  const mr = a.matrix.regions.indexOf(input.region)
  const out: Array<Quadrant.Point & { code: string }> = []
  a.density.industries.forEach((code, i) => {
    const x = a.density.values[r * I + i]!
    const y = pci.get(code)
    if (!Number.isFinite(x) || y === undefined || !Number.isFinite(y)) return
    const mi = a.matrix.industries.indexOf(code)
    const size = mr >= 0 && mi >= 0 ? a.matrix.values[mr * a.matrix.industries.length + mi]! : 1
    const ci = a.mcp.industries.indexOf(code)
    const present = ci >= 0 && a.mcp.values[a.mcp.regions.indexOf(input.region) * a.mcp.industries.length + ci] === 1
    out.push({ code, label: input.industryNames?.[code] ?? code, x, y, size, highlight: present })
  })
  return out
}

/**
 * The shift-share components of the focus region, summed over industries.
 *
 * @since 0.1.0
 */
export const shiftShareTotals = (
  d: ShiftShare.Decomposition,
  region: string
): { nationalShare: number; industryMix: number; competitive: number; change: number } => {
  const r = d.regions.indexOf(region)
  if (r < 0) throw new RangeError(`expected a region of the decomposition, found ${JSON.stringify(region)}`)
  const I = d.industries.length
  const sum = (x: Float64Array) => {
    let s = 0
    for (let i = 0; i < I; i++) s += x[r * I + i]!
    return s
  }
  return {
    nationalShare: sum(d.nationalShare),
    industryMix: sum(d.industryMix),
    competitive: sum(d.competitive),
    change: sum(d.change)
  }
}

/**
 * The complete HTML document of an S3 report.
 *
 * @example
 * ```ts
 * const analysis = Analysis.analyse(panel, { year: 2021 })
 * const html = S3Report.render({ analysis, region: "SE33" }, { lang: "en" })
 * ```
 * @since 0.1.0
 */
export const render = (input: S3Input, options: S3ReportOptions): string => {
  const { lang } = options
  const a = input.analysis
  const regionName = input.regionNames?.[input.region] ?? input.region
  const industryName = (code: string) => input.industryNames?.[code] ?? code
  const year = a.year === null ? "" : ` ${a.year}`
  const sections: Array<Document.Section> = []

  const points = quadrantPoints(input)
  sections.push({
    heading: t.quadrant[lang],
    lead: t.quadrantLead[lang],
    html: Figure.render(
      Quadrant.render({
        title: `${t.quadrant[lang]}: ${regionName}${year}`,
        description: t.quadrantLead[lang],
        lang,
        points,
        xLabel: t.density[lang],
        yLabel: t.pci[lang],
        sizeLabel: t.employment[lang],
        pointLabels: { normal: t.candidate[lang], highlight: t.present[lang] }
      })
    )
  })

  // at most 30 regions (the focus region first) and 40 industries keep the heat map legible
  const rows = [input.region, ...a.rca.regions.filter((r) => r !== input.region)].slice(0, 30)
  const I = a.rca.industries.length
  const cols = a.rca.industries.slice(0, 40)
  sections.push({
    heading: t.lq[lang],
    lead: t.lqLead[lang],
    html: Figure.render(
      HeatMap.render({
        title: `${t.lq[lang]}${year}`,
        description: t.lqLead[lang],
        lang,
        rows: rows.map((r) => input.regionNames?.[r] ?? r),
        columns: cols.map(industryName),
        values: rows.map((r) => {
          const ri = a.rca.regions.indexOf(r)
          return cols.map((_, i) => {
            const v = a.rca.values[ri * I + i]!
            return Number.isFinite(v) ? v : null
          })
        }),
        valueLabel: "LQ",
        rowLabel: t.region[lang],
        scheme: { kind: "diverging", midpoint: 1 },
        digits: 2
      })
    )
  })

  if (input.shiftShare) {
    const d = input.shiftShare
    const s = shiftShareTotals(d, input.region)
    const years = input.shiftShareYears ? ` ${input.shiftShareYears[0]}–${input.shiftShareYears[1]}` : ""
    const r = d.regions.indexOf(input.region)
    const DI = d.industries.length
    const byIndustry = d.industries
      .map((code, i) => ({
        code,
        change: d.change[r * DI + i]!,
        ns: d.nationalShare[r * DI + i]!,
        im: d.industryMix[r * DI + i]!,
        rs: d.competitive[r * DI + i]!
      }))
      .sort((x, y) => Math.abs(y.rs) - Math.abs(x.rs))
    sections.push({
      heading: t.shift[lang],
      lead: t.shiftLead[lang],
      html:
        Figure.render(
          Waterfall.render({
            title: `${t.shift[lang]}: ${regionName}${years}`,
            description: t.shiftLead[lang],
            lang,
            steps: [
              { label: t.national[lang], value: s.nationalShare },
              { label: t.mix[lang], value: s.industryMix },
              { label: t.competitive[lang], value: s.competitive }
            ],
            endLabel: t.change[lang],
            valueLabel: t.employment[lang]
          })
        ) +
        Table.render({
          caption: `${t.shift[lang]}: ${regionName}${years}, ${t.industry[lang].toLowerCase()}`,
          columns: [
            { label: t.industry[lang] },
            { label: t.national[lang], numeric: true, digits: 0 },
            { label: t.mix[lang], numeric: true, digits: 0 },
            { label: t.competitive[lang], numeric: true, digits: 0 },
            { label: t.change[lang], numeric: true, digits: 0 }
          ],
          rows: byIndustry.map((b) => [industryName(b.code), b.ns, b.im, b.rs, b.change]),
          lang
        })
    })
  }

  if (input.priorities && input.priorities.length > 0) {
    const ps = [...input.priorities].sort((x, y) => x.rank - y.rank)
    const used = (Object.keys(criterionLabels) as Array<Priority.Criterion>).filter((c) =>
      ps.some((p) => p.percentiles[c] !== undefined)
    )
    const chart = Bars.render({
      title: `${t.range[lang]}: ${regionName}`,
      description: t.prioritiesLead[lang],
      lang,
      valueLabel: t.rank[lang],
      categoryLabel: t.area[lang],
      bars: ps.map((p) => ({
        label: p.name,
        value: p.rank,
        interval: [p.rankRange.p5, p.rankRange.p95] as const
      })),
      sort: "ascending",
      marks: "dots",
      digits: 0
    })
    const table = Table.render({
      caption: `${t.priorities[lang]}: ${regionName}`,
      columns: [
        { label: t.rank[lang], numeric: true, digits: 0 },
        { label: t.area[lang] },
        { label: t.score[lang], numeric: true, digits: 2 },
        { label: t.range[lang], numeric: true },
        ...used.map((c) => ({ label: criterionLabels[c][lang], numeric: true, digits: 2 })),
        { label: t.quadrantCol[lang] },
        { label: t.label[lang] }
      ],
      rows: ps.map((p) => [
        p.rank,
        p.name,
        p.score,
        `${formatNumber(p.rankRange.p5, lang, 0)}–${formatNumber(p.rankRange.p95, lang, 0)}`,
        ...used.map((c) => p.percentiles[c] ?? null),
        p.quadrant === null ? null : Quadrant.quadrantLabels[quadrantNumber[p.quadrant]][lang],
        p.label === null ? null : t[p.label][lang]
      ]),
      lang
    })
    sections.push({ heading: t.priorities[lang], lead: t.prioritiesLead[lang], html: table + Figure.render(chart) })
  }

  const present = points.filter((p) => p.highlight).length
  return Document.render({
    lang,
    title: input.title?.[lang] ?? `${t.title[lang]}: ${regionName}${year}`,
    keyFigures: [
      { label: lang === "sv" ? "Branscher" : "Industries", value: formatNumber(a.matrix.industries.length, lang, 0) },
      { label: t.present[lang], value: formatNumber(present, lang, 0) },
      {
        label: "ECI",
        value: formatNumber(a.eci.eci.values[a.eci.eci.labels.indexOf(input.region)] ?? null, lang, 2)
      }
    ],
    sections,
    notes: [
      lang === "sv"
        ? "Släktskapstäthet och komplexitet (ECI/PCI) beräknade med @innokraft/s3; kvadranterna efter Balland, Boschma, Crespo & Rigby (2019), Regional Studies 53(9)."
        : "Relatedness density and complexity (ECI/PCI) computed with @innokraft/s3; quadrants after Balland, Boschma, Crespo & Rigby (2019), Regional Studies 53(9).",
      ...a.warnings
    ]
  })
}
