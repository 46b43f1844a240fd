import { type CycleReport, Meeting, Participation } from "@innokraft/loop"
import { County, Municipality } from "@innokraft/reference"
import * as Bars from "./Bars.js"
import * as Choropleth from "./Choropleth.js"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as Funnel from "./Funnel.js"
import { formatNumber, type Lang } from "./Lang.js"
import * as StackedBars from "./StackedBars.js"
import * as Table from "./Table.js"

/**
 * The report of one Innovation Loop cycle: the funnel from needs to outcomes, meetings by type and place, and the
 * inclusion figures — all from `@innokraft/loop`'s `CycleReport.report`, whose people counts are already small-cell
 * suppressed (a suppressed count arrives as `null` and is shown as "<5", never as a number).
 *
 * @since 0.1.0
 */

/**
 * Options of {@link render}.
 *
 * @since 0.1.0
 */
export interface LoopReportOptions {
  readonly lang: Lang
  /** Municipality boundaries for a map of meetings per municipality; without it the report has no map. */
  readonly map?: MapInput
  /**
   * The report was computed without the records about people (participations are personal data and stay inside
   * the organisation): participants, organisations and inclusion are then shown as not published, never as zeros.
   */
  readonly peopleWithheld?: boolean
}

/**
 * The municipality map: a parsed GeoJSON FeatureCollection of municipalities (WGS84), e.g.
 * `shared/data/se-boundaries/kommun.geojson` with `codeProperty: "KnKod"` and `nameProperty: "KnNamn"`.
 *
 * @since 0.1.0
 */
export interface MapInput {
  readonly features: Choropleth.FeatureCollection
  /** The feature property holding the four-digit SCB municipality code (`KnKod`). */
  readonly codeProperty: string
  /** The feature property holding the name (`KnNamn`); otherwise `@innokraft/reference`'s names. */
  readonly nameProperty?: string
  /**
   * Which municipalities to draw: those of the counties where the cycle held meetings (default; the others are
   * shown with 0 meetings), or every feature of the file.
   */
  readonly scope?: "counties" | "all"
}

const t = {
  title: { sv: "Innovationsloopen", en: "The Innovation Loop" },
  funnel: { sv: "Från behov till resultat", en: "From needs to outcomes" },
  funnelLead: {
    sv: "Hur många idéer som nådde varje steg i cykeln. Varje idé räknas i alla steg den har passerat.",
    en: "How many ideas reached each stage of the cycle. Every idea counts in each stage it has passed."
  },
  ideas: { sv: "Idéer", en: "Ideas" },
  needs: { sv: "Behov", en: "Needs" },
  concepts: { sv: "Koncept", en: "Concepts" },
  prototypes: { sv: "Prototyper", en: "Prototypes" },
  pilots: { sv: "Piloter", en: "Pilots" },
  implemented: { sv: "Implementerade", en: "Implemented" },
  outcomes: { sv: "Resultat", en: "Outcomes" },
  meetings: { sv: "Möten och verkstäder", en: "Meetings and workshops" },
  byTypeAndPlace: { sv: "Möten efter kommun och typ", en: "Meetings by municipality and type" },
  meetingCount: { sv: "Möten", en: "Meetings" },
  total: { sv: "Totalt", en: "Total" },
  map: { sv: "Möten per kommun", en: "Meetings per municipality" },
  count: { sv: "Antal", en: "Count" },
  type: { sv: "Typ", en: "Type" },
  municipality: { sv: "Kommun", en: "Municipality" },
  inclusion: { sv: "Inkludering", en: "Inclusion" },
  inclusionLead: {
    sv: "Bara personer som samtyckt till att lämna uppgifter räknas. Antal under {n} visas inte (<{n}).",
    en: "Only people who consented to give the information are counted. Counts under {n} are not shown (<{n})."
  },
  suppressed: { sv: "Ej publicerat (<{n})", en: "Not published (<{n})" },
  notPublished: { sv: "ej publicerat", en: "not published" },
  withheld: {
    sv: "Uppgifter om deltagare publiceras inte utanför organisationen (personuppgifter); antalen nedan är därför inte publicerade, inte noll.",
    en: "Records about participants are not published outside the organisation (personal data); the figures below are therefore not published, not zero."
  },
  reportedAttendance: {
    sv: "Rapporterat deltagande (summan av mötesrapporterna)",
    en: "Reported attendance (sum of the meeting reports)"
  },
  gender: { sv: "Kön", en: "Gender" },
  ageBand: { sv: "Ålder", en: "Age" },
  newcomer: { sv: "Nyanländ", en: "Newcomer" },
  zone: { sv: "Inland och kust", en: "Inland and coast" },
  persons: { sv: "Personer", en: "People" },
  participants: { sv: "Deltagare", en: "Participants" },
  participations: { sv: "Deltaganden", en: "Participations" },
  organisations: { sv: "Organisationer", en: "Organisations" },
  consented: { sv: "Med samtycke", en: "With consent" },
  helix: { sv: "Organisationer efter sektor", en: "Organisations by sector" },
  sector: { sv: "Sektor", en: "Sector" },
  synthetic: { sv: "Exempeldata (påhittade).", en: "Example data (made up)." }
} as const

const valueLabels: Record<string, { sv: string; en: string }> = {
  woman: { sv: "Kvinna", en: "Woman" },
  man: { sv: "Man", en: "Man" },
  other: { sv: "Annat", en: "Other" },
  "under-18": { sv: "Under 18", en: "Under 18" },
  "65-plus": { sv: "65 och äldre", en: "65 and over" },
  true: { sv: "Ja", en: "Yes" },
  false: { sv: "Nej", en: "No" },
  yes: { sv: "Ja", en: "Yes" },
  no: { sv: "Nej", en: "No" },
  inland: { sv: "Inland", en: "Inland" },
  newcomer: { sv: "Nyanländ", en: "Newcomer" },
  "not-newcomer": { sv: "Inte nyanländ", en: "Not a newcomer" },
  "not-stated": { sv: "Ej angivet", en: "Not stated" },
  unzoned: { sv: "Utan zon", en: "No zone" },
  coast: { sv: "Kust", en: "Coast" }
}

/**
 * The funnel stages with their counts, needs first.
 *
 * @since 0.1.0
 */
export const funnelStages = (report: CycleReport.Report, lang: Lang): Array<{ label: string; count: number }> => {
  const f = report.funnel
  return [
    { label: t.needs[lang], count: f.needs },
    { label: t.ideas[lang], count: f.ideas },
    { label: t.concepts[lang], count: f.concepts },
    { label: t.prototypes[lang], count: f.prototypes },
    { label: t.pilots[lang], count: f.pilots },
    { label: t.implemented[lang], count: f.implemented + f.companiesFormed },
    { label: t.outcomes[lang], count: f.outcomes.total }
  ]
}

const fill = (s: string, n: number) => s.replaceAll("{n}", String(n))

const breakdown = (title: string, b: CycleReport.Breakdown, lang: Lang, threshold: number, year: number): string => {
  const bars = Object.entries(b.cells).map(([key, count]) => ({
    label: valueLabels[key]?.[lang] ?? (Municipality.isCode(key) ? Municipality.get(key).name : key),
    value: count
  }))
  return Figure.render(
    Bars.render({
      title: `${title} ${year}`,
      description:
        lang === "sv"
          ? `Antal personer med samtycke efter ${title.toLowerCase()}; antal under ${threshold} visas inte.`
          : `Consenting people by ${title.toLowerCase()}; counts under ${threshold} are not shown.`,
      lang,
      valueLabel: t.persons[lang],
      categoryLabel: title,
      bars,
      sort: "none",
      digits: 0,
      missingLabel: fill(t.suppressed[lang], threshold),
      missingCell: `${t.notPublished[lang]} (<${threshold})`,
      width: 560
    })
  )
}

/**
 * Meetings by municipality and type: stacked bars (one bar per municipality, one segment per meeting type, the total
 * on top) and the cross-tab with both margins. Meetings are events, not people: nothing is suppressed.
 */
const crossTab = (report: CycleReport.Report, lang: Lang): string => {
  const rows = report.meetings.byTypeAndMunicipality
  const series = Meeting.types.map((type) => ({
    label: Meeting.typeLabels[type][lang],
    values: rows.map((r) => r.byType[type])
  }))
  const title = `${t.byTypeAndPlace[lang]} ${report.cycle.year}`
  const chart = StackedBars.svg({
    title,
    description: rows
      .map((r, c) => {
        const parts = series.flatMap((s) => (s.values[c]! > 0 ? [`${s.label} ${s.values[c]}`] : []))
        return `${r.name}: ${r.count} (${parts.join(", ")})`
      })
      .join("; "),
    lang,
    categories: rows.map((r) => r.name),
    series,
    valueLabel: t.meetingCount[lang],
    categoryLabel: t.municipality[lang],
    digits: 0,
    width: Math.max(640, 120 + rows.length * 72)
  })
  const table = Table.render({
    caption: title,
    columns: [
      { label: t.municipality[lang] },
      ...series.map((s) => ({ label: s.label, numeric: true, digits: 0 })),
      { label: t.total[lang], numeric: true, digits: 0 }
    ],
    rows: [
      ...rows.map((r) => [r.name, ...Meeting.types.map((type) => r.byType[type]), r.count]),
      [t.total[lang], ...Meeting.types.map((type) => report.meetings.byType[type]), report.meetings.total]
    ],
    lang
  })
  return Figure.render({ svg: chart, table })
}

/**
 * The choropleth of meetings per municipality. Municipalities in scope without a meeting have 0 (a real count, not
 * missing data); a meeting in a municipality the map does not hold is an error, so no meeting silently disappears.
 */
const meetingMap = (report: CycleReport.Report, lang: Lang, map: MapInput): string => {
  const codeOf = (f: Choropleth.Feature) => String(f.properties?.[map.codeProperty] ?? "")
  const held = report.meetings.byMunicipality
  const counties = new Set(held.map((m) => m.code.slice(0, 2)))
  const scoped =
    (map.scope ?? "counties") === "counties" && counties.size > 0
      ? map.features.features.filter((f) => counties.has(codeOf(f).slice(0, 2)))
      : map.features.features
  const codes = new Set(scoped.map(codeOf))
  for (const m of held) {
    if (!codes.has(m.code)) {
      throw new Error(
        `LoopReport map: municipality "${m.code}" (${m.name}) has meetings but no feature with ${map.codeProperty} = "${m.code}"; expected municipality boundaries such as kommun.geojson with codeProperty "KnKod"`
      )
    }
  }
  const values: Record<string, number> = {}
  for (const code of codes) values[code] = 0
  for (const m of held) values[m.code] = m.count
  const names: Record<string, string> = {}
  if (map.nameProperty === undefined) {
    for (const code of codes) if (Municipality.isCode(code)) names[code] = Municipality.get(code).name
  }
  const countyNames = [...counties]
    .sort()
    .map((c) => (County.isCode(c) ? County.get(c).name[lang] : c))
    .join(", ")
  const where =
    (map.scope ?? "counties") === "counties" && counties.size > 0
      ? lang === "sv"
        ? `kommunerna i ${countyNames}`
        : `the municipalities of ${countyNames}`
      : lang === "sv"
        ? "alla kommuner i kartan"
        : "every municipality on the map"
  const chart = Choropleth.render({
    title: `${t.map[lang]} ${report.cycle.year}`,
    description:
      lang === "sv"
        ? `Antal möten i ${where}; kommuner utan möten har 0.`
        : `Number of meetings in ${where}; municipalities without meetings have 0.`,
    lang,
    features: { type: "FeatureCollection", features: scoped },
    codeProperty: map.codeProperty,
    ...(map.nameProperty === undefined ? { names } : { nameProperty: map.nameProperty }),
    values,
    valueLabel: t.meetingCount[lang],
    integer: true,
    width: 420,
    height: 520
  })
  return Figure.render(chart, undefined, "side")
}

/**
 * The complete HTML document of a cycle report.
 *
 * @example
 * ```ts
 * import { CycleReport, Example } from "@innokraft/loop"
 * const html = LoopReport.render(CycleReport.report(Example.walkthrough()), { lang: "sv" })
 * ```
 * @since 0.1.0
 */
export const render = (report: CycleReport.Report, options: LoopReportOptions): string => {
  const { lang } = options
  const threshold = report.inclusion.threshold
  const theme = report.cycle.theme?.[lang]
  const cycleLabel = `${report.cycle.year}${theme ? ` – ${theme}` : ""}`
  const stages = funnelStages(report, lang)
  const funnel = Figure.render(
    Funnel.render({
      title: `${t.funnel[lang]} ${report.cycle.year}`,
      description: stages.map((s) => `${s.label}: ${s.count}`).join(", "),
      lang,
      stages,
      countLabel: t.count[lang]
    })
  )
  const sessions = crossTab(report, lang) + (options.map ? meetingMap(report, lang, options.map) : "")
  const helices = Participation.helices.map((h) => ({
    label: Participation.helixLabels[h][lang],
    value: report.organisations.byHelix[h]
  }))
  const byHelix = () =>
    Figure.render(
      Bars.render({
        title: `${t.helix[lang]} ${report.cycle.year}`,
        description: helices.map((b) => `${b.label}: ${b.value}`).join(", "),
        lang,
        valueLabel: t.organisations[lang],
        categoryLabel: t.sector[lang],
        bars: helices,
        sort: "none",
        digits: 0,
        width: 600
      })
    )
  const inc = report.inclusion
  const hidden = `${t.notPublished[lang]} (<${threshold})`
  if (options.peopleWithheld === true) {
    const withheld = `<p class="ik-lead">${t.withheld[lang]}</p>`
    const attendance = Table.render({
      caption: t.participants[lang],
      columns: [{ label: "" }, { label: t.count[lang], numeric: true, digits: 0 }],
      rows: [
        [t.participants[lang], t.notPublished[lang]],
        [t.consented[lang], t.notPublished[lang]],
        [t.organisations[lang], t.notPublished[lang]],
        [t.reportedAttendance[lang], report.participants.reportedAttendance]
      ],
      lang
    })
    return Document.render({
      lang,
      title: `${t.title[lang]} ${cycleLabel}`,
      ...(report.cycle.synthetic ? { subtitle: t.synthetic[lang] } : {}),
      keyFigures: [
        { label: t.meetings[lang], value: formatNumber(report.meetings.total, lang, 0) },
        { label: t.participants[lang], value: t.notPublished[lang] },
        { label: t.ideas[lang], value: formatNumber(report.funnel.ideas, lang, 0) },
        { label: t.outcomes[lang], value: formatNumber(report.funnel.outcomes.total, lang, 0) },
        { label: t.consented[lang], value: t.notPublished[lang] }
      ],
      sections: [
        { heading: t.funnel[lang], lead: t.funnelLead[lang], html: funnel },
        { heading: t.meetings[lang], html: sessions },
        { heading: t.inclusion[lang], html: withheld + attendance }
      ]
    })
  }
  const inclusion = [
    breakdown(t.gender[lang], inc.gender, lang, threshold, report.cycle.year),
    breakdown(t.ageBand[lang], inc.ageBand, lang, threshold, report.cycle.year),
    breakdown(t.newcomer[lang], inc.newcomer, lang, threshold, report.cycle.year),
    inc.zone ? breakdown(t.zone[lang], inc.zone, lang, threshold, report.cycle.year) : "",
    breakdown(t.municipality[lang], inc.municipality, lang, threshold, report.cycle.year)
  ].join("")
  const consented = inc.consentedPersons === null ? hidden : formatNumber(inc.consentedPersons, lang, 0)
  const summary = Table.render({
    caption: t.participants[lang],
    columns: [{ label: "" }, { label: t.count[lang], numeric: true, digits: 0 }],
    rows: [
      [t.participants[lang], report.participants.unique],
      [t.participations[lang], report.participants.participations],
      [t.consented[lang], inc.consentedPersons === null ? hidden : inc.consentedPersons],
      [t.organisations[lang], report.organisations.total]
    ],
    lang
  })
  return Document.render({
    lang,
    title: `${t.title[lang]} ${cycleLabel}`,
    ...(report.cycle.synthetic ? { subtitle: t.synthetic[lang] } : {}),
    keyFigures: [
      { label: t.meetings[lang], value: formatNumber(report.meetings.total, lang, 0) },
      { label: t.participants[lang], value: formatNumber(report.participants.unique, lang, 0) },
      { label: t.ideas[lang], value: formatNumber(report.funnel.ideas, lang, 0) },
      { label: t.outcomes[lang], value: formatNumber(report.funnel.outcomes.total, lang, 0) },
      { label: t.consented[lang], value: consented }
    ],
    sections: [
      { heading: t.funnel[lang], lead: t.funnelLead[lang], html: funnel },
      { heading: t.meetings[lang], html: sessions + byHelix() },
      { heading: t.inclusion[lang], lead: fill(t.inclusionLead[lang], threshold), html: summary + inclusion }
    ]
  })
}
