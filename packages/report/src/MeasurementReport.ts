import { type Build, DataSet, Results, type Uncertainty } from "@innokraft/measure"
import * as Bars from "./Bars.js"
import * as Choropleth from "./Choropleth.js"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as HeatMap from "./HeatMap.js"
import { formatNumber, type Label, type Lang } from "./Lang.js"
import * as Lines from "./Lines.js"
import { performanceGroups, signed } from "./Palette.js"
import * as Radar from "./Radar.js"
import * as Table from "./Table.js"

/**
 * The report of a measurement run (`@innokraft/measure`): the ranked index with performance groups, rank intervals
 * from an uncertainty analysis, a map, trends, the heat map of normalised indicators, and a unit profile with its
 * pillars against the reference and its relative strengths and weaknesses.
 *
 * @since 0.1.0
 */

/**
 * A map of the index: the boundary file, its code property, and which map areas each unit covers (e.g. a NUTS-2
 * region covers two or three counties).
 *
 * @since 0.1.0
 */
export interface MapInput {
  readonly features: Choropleth.FeatureCollection
  readonly codeProperty: string
  readonly nameProperty?: string
  readonly names?: Readonly<Record<string, string>>
  /** Unit code → feature codes; a unit missing here is not on the map. */
  readonly areas: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * What the report shows: a build, and optionally an uncertainty analysis, change over time and a map.
 *
 * @since 0.1.0
 */
export interface MeasurementInput {
  readonly build: Build.Build
  readonly title?: Label
  /** Display names of the units (codes otherwise). */
  readonly unitNames?: Readonly<Record<string, string>>
  /**
   * Unit that scores are expressed relative to (×100, as the RIS does with the EU). Without one, scores are
   * relative to the mean over the units.
   */
  readonly reference?: string
  readonly uncertainty?: Uncertainty.UncertaintyResult
  readonly change?: Results.Change
  /** The unit of the profile page (default: the unit ranked first). */
  readonly profile?: string
  /**
   * The reader's own unit (e.g. the organisation's region): highlighted in the ranking and the rank intervals and
   * marked "(own region)" in their tables. Default: none.
   */
  readonly own?: string
  readonly map?: MapInput
}

/**
 * Options of {@link render}.
 *
 * @since 0.1.0
 */
export interface MeasurementReportOptions {
  readonly lang: Lang
}

const t = {
  title: { sv: "Mätning av innovationsförmåga", en: "Measuring innovation capacity" },
  index: { sv: "Index", en: "Index" },
  ranking: { sv: "Rangordning", en: "Ranking" },
  rankingLead: {
    sv: "Indexvärde per enhet. Färgen visar prestationsgrupp i förhållande till referensen (100).",
    en: "Index score per unit. The colour shows the performance group relative to the reference (100)."
  },
  relative: { sv: "Relativt referensen (=100)", en: "Relative to the reference (=100)" },
  unit: { sv: "Enhet", en: "Unit" },
  score: { sv: "Poäng", en: "Score" },
  rank: { sv: "Rang", en: "Rank" },
  uncertainty: { sv: "Osäkerhet i rangordningen", en: "Uncertainty of the ranking" },
  uncertaintyLead: {
    sv: "Rang i den nominella beräkningen och 5–95-percentilen över {n} Monte Carlo-körningar med andra antaganden.",
    en: "Nominal rank and the 5th–95th percentile over {n} Monte Carlo runs with other assumptions."
  },
  map: { sv: "Karta", en: "Map" },
  trend: { sv: "Utveckling över tid", en: "Change over time" },
  indicators: { sv: "Normaliserade indikatorer", en: "Normalised indicators" },
  indicatorsLead: {
    sv: "Varje indikator efter normalisering; ljusare (gult) är högre, mörkare (lila) lägre.",
    en: "Every indicator after normalisation; lighter (yellow) is higher, darker (purple) lower."
  },
  profile: { sv: "Profil", en: "Profile" },
  pillars: { sv: "Pelare", en: "Pillars" },
  strengths: { sv: "Relativa styrkor och svagheter", en: "Relative strengths and weaknesses" },
  difference: { sv: "Skillnad mot referensen", en: "Difference from the reference" },
  strength: { sv: "Styrka", en: "Strength" },
  weakness: { sv: "Svaghet", en: "Weakness" },
  mean: { sv: "Medelvärde", en: "Mean" },
  own: { sv: "egen region", en: "own region" },
  code: { sv: "Kod", en: "Code" },
  name: { sv: "Indikator", en: "Indicator" },
  codes: { sv: "Indikatorernas namn", en: "Indicator names" },
  period: { sv: "Period", en: "Period" },
  group: {
    Leader: { sv: "Innovationsledare", en: "Innovation Leader" },
    Strong: { sv: "Stark innovatör", en: "Strong Innovator" },
    Moderate: { sv: "Måttlig innovatör", en: "Moderate Innovator" },
    Emerging: { sv: "Framväxande innovatör", en: "Emerging Innovator" }
  }
} as const

/** Mean of the non-missing values, or null. */
const meanOf = (values: Float64Array): number | null => {
  let s = 0
  let n = 0
  for (const v of values) {
    if (Number.isNaN(v)) continue
    s += v
    n++
  }
  return n > 0 ? s / n : null
}

const nameOf = (input: MeasurementInput, unit: string): string => input.unitNames?.[unit] ?? unit

/**
 * The top-level score of every unit, its relative score (×100 of the reference or of the mean) and its RIS
 * performance group.
 *
 * @since 0.1.0
 */
export const scores = (
  input: MeasurementInput
): Array<{ unit: string; score: number | null; relative: number | null; group: Results.PerformanceGroup | null }> => {
  const { build } = input
  const top = build.framework.top
  const agg = build.stages.Aggregated
  if (top === null || agg === undefined) return []
  let relative: Record<string, number | null>
  if (input.reference !== undefined) relative = Results.relativeTo(agg, top, input.reference)
  else {
    const mean = meanOf(DataSet.column(agg, top)) ?? Number.NaN
    relative = Object.fromEntries(
      agg.units.map((u) => {
        const v = DataSet.get(agg, u, top)
        return [u, v === null || !(mean !== 0) || Number.isNaN(mean) ? null : (100 * v) / mean]
      })
    )
  }
  const groups = Results.performanceGroups(relative)
  return agg.units.map((unit) => ({
    unit,
    score: DataSet.get(agg, unit, top),
    relative: relative[unit] ?? null,
    group: groups[unit] ?? null
  }))
}

const fill = (s: string, n: number) => s.replaceAll("{n}", String(n))

/**
 * The complete HTML document of a measurement report.
 *
 * @example
 * ```ts
 * const build = Build.build(Ecosystem.framework(), data, Ecosystem.spec)
 * const html = MeasurementReport.render({ build }, { lang: "sv" })
 * ```
 * @since 0.1.0
 */
export const render = (input: MeasurementInput, options: MeasurementReportOptions): string => {
  const { lang } = options
  const { build } = input
  const fw = build.framework
  const top = fw.top
  const agg = build.stages.Aggregated
  const nameOfCode = (code: string): string =>
    (fw.indicatorIndex.get(code)?.name ?? fw.aggregates.find((a) => a.code === code)?.name)?.[lang] ?? code
  const indexName = top === null ? t.index[lang] : nameOfCode(top)
  const sections: Array<Document.Section> = []
  const rows = scores(input)
  const refName = input.reference === undefined ? t.mean[lang] : nameOf(input, input.reference)
  // the own unit's name carries its mark, so that the tables (not only the bold bar) say which unit it is
  const shownName = (unit: string) =>
    unit === input.own ? `${nameOf(input, unit)} (${t.own[lang]})` : nameOf(input, unit)

  if (rows.length > 0) {
    const groupKeys = ["Leader", "Strong", "Moderate", "Emerging"] as const
    const chart = Bars.render({
      title: `${indexName} ${build.period}`,
      description:
        lang === "sv"
          ? `${indexName} för ${rows.length} enheter, relativt ${refName} (=100), rangordnat; färg efter prestationsgrupp.`
          : `${indexName} for ${rows.length} units, relative to ${refName} (=100), ranked; coloured by performance group.`,
      lang,
      valueLabel: `${t.relative[lang]}: ${refName}`,
      categoryLabel: t.unit[lang],
      bars: rows.map((r) => ({
        label: shownName(r.unit),
        value: r.relative,
        ...(r.group ? { group: r.group.group } : {}),
        ...(r.unit === input.own ? { highlight: true } : {})
      })),
      groups: groupKeys.map((g) => ({ key: g, label: t.group[g][lang], colour: performanceGroups[g] })),
      reference: { value: 100, label: refName },
      digits: 0
    })
    const scoreTable = Table.render({
      caption: `${indexName}: ${t.score[lang]}`,
      columns: [
        { label: t.rank[lang], numeric: true, digits: 0 },
        { label: t.unit[lang] },
        { label: t.score[lang], numeric: true, digits: 1 },
        { label: t.relative[lang], numeric: true, digits: 0 },
        { label: "RIS" }
      ],
      rows: [...rows]
        .sort((a, b) => (build.ranks[a.unit] ?? Infinity) - (build.ranks[b.unit] ?? Infinity))
        .map((r) => [
          build.ranks[r.unit] ?? null,
          shownName(r.unit),
          r.score,
          r.relative,
          r.group ? `${t.group[r.group.group][lang]}${r.group.subgroup ? ` ${r.group.subgroup}` : ""}` : null
        ]),
      lang
    })
    sections.push({ heading: t.ranking[lang], lead: t.rankingLead[lang], html: Figure.render(chart) + scoreTable })
  }

  if (input.uncertainty) {
    const ua = input.uncertainty
    const runs = ua.units.length > 0 ? ua.ranks.length / ua.units.length : 0
    const chart = Bars.render({
      title: `${t.uncertainty[lang]}: ${indexName}`,
      description: fill(t.uncertaintyLead[lang], runs),
      lang,
      valueLabel: t.rank[lang],
      categoryLabel: t.unit[lang],
      bars: ua.stats.map((s) => ({
        label: shownName(s.unit),
        value: s.nominal,
        interval: [s.q5, s.q95] as const,
        ...(s.unit === input.own ? { highlight: true } : {})
      })),
      sort: "ascending",
      marks: "dots",
      digits: 0
    })
    sections.push({
      heading: t.uncertainty[lang],
      lead: fill(t.uncertaintyLead[lang], runs),
      html: Figure.render(chart)
    })
  }

  if (input.map && top !== null && agg) {
    const m = input.map
    const values: Record<string, number | null> = {}
    for (const [unit, codes] of Object.entries(m.areas)) {
      const v = agg.units.includes(unit) ? DataSet.get(agg, unit, top) : null
      for (const c of codes) values[c] = v
    }
    const chart = Choropleth.render({
      title: `${indexName} ${build.period}`,
      description:
        lang === "sv"
          ? `Karta över ${indexName.toLowerCase()}; varje område har värdet för sin enhet.`
          : `Map of ${indexName}; every area has the value of its unit.`,
      lang,
      features: m.features,
      codeProperty: m.codeProperty,
      ...(m.nameProperty ? { nameProperty: m.nameProperty } : {}),
      ...(m.names ? { names: m.names } : {}),
      values,
      valueLabel: t.score[lang]
    })
    sections.push({ heading: t.map[lang], html: Figure.render(chart, undefined, "side") })
  }

  if (input.change) {
    const ch = input.change
    const chart = Lines.render({
      title: `${t.trend[lang]}: ${indexName}`,
      description:
        lang === "sv"
          ? `${indexName} ${ch.periods[0]}–${ch.periods.at(-1)} per enhet.`
          : `${indexName} ${ch.periods[0]}–${ch.periods.at(-1)} per unit.`,
      lang,
      periods: ch.periods,
      series: Object.entries(ch.relative).map(([unit, values]) => ({ label: nameOf(input, unit), values })),
      valueLabel: input.reference === undefined ? t.score[lang] : `${t.relative[lang]}: ${refName}`,
      periodLabel: t.period[lang],
      ...(input.reference === undefined ? {} : { reference: { value: 100, label: refName } })
    })
    sections.push({ heading: t.trend[lang], html: Figure.render(chart) })
  }

  const norm = build.stages.Normalised
  if (norm) {
    const chart = HeatMap.render({
      title: `${t.indicators[lang]} ${build.period}`,
      description: t.indicatorsLead[lang],
      lang,
      rows: norm.units.map((u) => shownName(u)),
      columns: norm.codes,
      values: norm.units.map((u) => norm.codes.map((c) => DataSet.get(norm, u, c))),
      valueLabel: t.score[lang],
      rowLabel: t.unit[lang],
      digits: 0,
      scheme: { kind: "sequential", scheme: "viridis" }
    })
    const names = Table.render({
      caption: t.codes[lang],
      columns: [{ label: t.code[lang] }, { label: t.name[lang] }],
      rows: norm.codes.map((c) => [c, nameOfCode(c)]),
      lang
    })
    sections.push({ heading: t.indicators[lang], lead: t.indicatorsLead[lang], html: Figure.render(chart) + names })
  }

  const ranked = [...rows].filter((r) => r.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))
  const unit = input.profile ?? ranked[0]?.unit
  if (unit !== undefined && agg && top !== null) {
    const pillars = fw.children.get(top) ?? []
    const refValues = (code: string): number | null => {
      if (input.reference !== undefined) return DataSet.get(agg, input.reference, code)
      return meanOf(DataSet.column(agg, code))
    }
    let html = ""
    if (pillars.length >= 3) {
      html += Figure.render(
        Radar.render({
          title: `${t.pillars[lang]}: ${nameOf(input, unit)}`,
          description:
            lang === "sv"
              ? `${nameOf(input, unit)}s pelare jämfört med ${refName}.`
              : `The pillars of ${nameOf(input, unit)} against ${refName}.`,
          lang,
          axes: pillars.map(nameOfCode),
          series: [
            { label: nameOf(input, unit), values: pillars.map((p) => DataSet.get(agg, unit, p)) },
            { label: refName, values: pillars.map(refValues) }
          ]
        })
      )
    }
    if (norm) {
      const sw = Results.strengthsAndWeaknesses(norm, unit, {
        count: 3,
        ...(input.reference === undefined ? {} : { reference: input.reference })
      })
      const bars = [
        ...sw.strengths.map((p) => ({ label: nameOfCode(p.code), value: p.difference, group: "s" })),
        ...sw.weaknesses.map((p) => ({ label: nameOfCode(p.code), value: p.difference, group: "w" }))
      ]
      if (bars.length > 0)
        html += Figure.render(
          Bars.render({
            title: `${t.strengths[lang]}: ${nameOf(input, unit)}`,
            description:
              lang === "sv"
                ? `De indikatorer där ${nameOf(input, unit)} ligger mest över och under ${refName} (normaliserade värden).`
                : `The indicators where ${nameOf(input, unit)} is furthest above and below ${refName} (normalised values).`,
            lang,
            valueLabel: t.difference[lang],
            categoryLabel: t.name[lang],
            bars,
            groups: [
              { key: "s", label: t.strength[lang], colour: signed.positive },
              { key: "w", label: t.weakness[lang], colour: signed.negative }
            ],
            digits: 1
          })
        )
    }
    sections.push({ heading: `${t.profile[lang]}: ${nameOf(input, unit)}`, html })
  }

  const first = ranked[0]
  return Document.render({
    lang,
    title: input.title?.[lang] ?? `${t.title[lang]} – ${indexName} ${build.period}`,
    keyFigures: [
      { label: lang === "sv" ? "Enheter" : "Units", value: formatNumber(rows.length, lang, 0) },
      { label: lang === "sv" ? "Indikatorer" : "Indicators", value: formatNumber(fw.indicators.length, lang, 0) },
      ...(first ? [{ label: `${t.rank[lang]} 1`, value: nameOf(input, first.unit) }] : []),
      ...(input.own !== undefined && build.ranks[input.own] !== undefined
        ? [
            {
              label: `${t.rank[lang]}: ${nameOf(input, input.own)} (${t.own[lang]})`,
              value: formatNumber(build.ranks[input.own]!, lang, 0)
            }
          ]
        : [])
    ],
    sections,
    notes: [
      lang === "sv"
        ? `Metod: ${build.spec.normalise.method}-normalisering, aggregering ${build.spec.aggregate?.method ?? "–"}. Prestationsgrupper enligt RIS (över 125, 100–125, 70–100, under 70 % av referensen).`
        : `Method: ${build.spec.normalise.method} normalisation, ${build.spec.aggregate?.method ?? "–"} aggregation. Performance groups as in the RIS (above 125, 100–125, 70–100, below 70 % of the reference).`
    ]
  })
}
