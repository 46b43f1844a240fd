import { type CycleReport, Meeting, Participation } from "@innokraft/loop"
import { Municipality } from "@innokraft/reference"
import * as Bars from "./Bars.js"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as Funnel from "./Funnel.js"
import { formatNumber, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
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
  byType: { sv: "Möten efter typ", en: "Meetings by type" },
  byPlace: { sv: "Möten efter kommun", en: "Meetings by municipality" },
  count: { sv: "Antal", en: "Count" },
  type: { sv: "Typ", en: "Type" },
  municipality: { sv: "Kommun", en: "Municipality" },
  inclusion: { sv: "Inkludering", en: "Inclusion" },
  inclusionLead: {
    sv: "Bara personer som samtyckt till att lämna uppgifter räknas. Antal under {n} visas inte (<{n}).",
    en: "Only people who consented to give the information are counted. Counts under {n} are not shown (<{n})."
  },
  suppressed: { sv: "Visas inte (<{n})", en: "Not shown (<{n})" },
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

const breakdown = (
  title: string,
  b: CycleReport.Breakdown,
  lang: Lang,
  threshold: number,
  cycleLabel: string
): string => {
  const bars = Object.entries(b.cells).map(([key, count]) => ({
    label: valueLabels[key]?.[lang] ?? (Municipality.isCode(key) ? Municipality.get(key).name : key),
    value: count
  }))
  return Figure.render(
    Bars.render({
      title: `${title} – ${cycleLabel}`,
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
      missingCell: `<${threshold}`,
      width: 560
    })
  )
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
  const types = Meeting.types.map((type) => ({
    label: Meeting.typeLabels[type][lang],
    value: report.meetings.byType[type]
  }))
  const byType = Figure.render(
    Bars.render({
      title: `${t.byType[lang]} ${report.cycle.year}`,
      description: types.map((b) => `${b.label}: ${b.value}`).join(", "),
      lang,
      valueLabel: t.count[lang],
      categoryLabel: t.type[lang],
      bars: types,
      sort: "none",
      digits: 0,
      width: 600
    })
  )
  const places = report.meetings.byMunicipality.map((m) => ({ label: m.name, value: m.count }))
  const byPlace = Figure.render(
    Bars.render({
      title: `${t.byPlace[lang]} ${report.cycle.year}`,
      description: places.map((b) => `${b.label}: ${b.value}`).join(", "),
      lang,
      valueLabel: t.count[lang],
      categoryLabel: t.municipality[lang],
      bars: places,
      digits: 0,
      groups: [{ key: "m", label: t.meetings[lang], colour: category(2) }],
      width: 600
    })
  )
  const helices = Participation.helices.map((h) => ({
    label: Participation.helixLabels[h][lang],
    value: report.organisations.byHelix[h]
  }))
  const byHelix = Figure.render(
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
  const inclusion = [
    breakdown(t.gender[lang], inc.gender, lang, threshold, cycleLabel),
    breakdown(t.ageBand[lang], inc.ageBand, lang, threshold, cycleLabel),
    breakdown(t.newcomer[lang], inc.newcomer, lang, threshold, cycleLabel),
    inc.zone ? breakdown(t.zone[lang], inc.zone, lang, threshold, cycleLabel) : "",
    breakdown(t.municipality[lang], inc.municipality, lang, threshold, cycleLabel)
  ].join("")
  const consented = inc.consentedPersons === null ? `<${threshold}` : formatNumber(inc.consentedPersons, lang, 0)
  const summary = Table.render({
    caption: t.participants[lang],
    columns: [{ label: "" }, { label: t.count[lang], numeric: true, digits: 0 }],
    rows: [
      [t.participants[lang], report.participants.unique],
      [t.participations[lang], report.participants.participations],
      [t.consented[lang], inc.consentedPersons === null ? `<${threshold}` : inc.consentedPersons],
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
      { heading: t.meetings[lang], html: byType + byPlace + byHelix },
      { heading: t.inclusion[lang], lead: fill(t.inclusionLead[lang], threshold), html: summary + inclusion }
    ]
  })
}
