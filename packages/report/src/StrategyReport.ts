import { FollowUp, type IndicatorLink, Portfolio, Strategy, type Workspace } from "@innokraft/domain"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as HeatMap from "./HeatMap.js"
import { esc } from "./internal/Html.js"
import { formatNumber, type Lang, plural } from "./Lang.js"
import * as Lines from "./Lines.js"
import * as StackedBars from "./StackedBars.js"
import * as Table from "./Table.js"

/**
 * The follow-up report of a region's strategy work (`@innokraft/domain`, results-based monitoring and evaluation):
 * the coverage matrix of goals, efforts and strength areas × active projects, funding by source and year, and
 * target vs actual values of the indicators linked to goals and strength areas.
 *
 * @since 0.1.0
 */

/**
 * An observed value of an indicator in a year.
 *
 * @since 0.1.0
 */
export interface Observation {
  readonly year: number
  readonly value: number
}

/**
 * Options of {@link render}.
 *
 * @since 0.1.0
 */
export interface StrategyReportOptions {
  readonly lang: Lang
  /** The day the portfolio is read on (projects running then count as active). */
  readonly asOf?: NonNullable<Portfolio.Options["asOf"]>
  /**
   * Actual values per indicator-link id (or per indicator code), e.g. from the stored observations of the series a
   * link follows; the workspace holds only the baselines and targets.
   */
  readonly actuals?: Readonly<Record<string, ReadonlyArray<Observation>>>
  /** The follow-up thresholds (`FollowUp.defaultThresholds` of `@innokraft/domain` by default). */
  readonly thresholds?: FollowUp.Thresholds
}

const t = {
  title: { sv: "Uppföljning av strategin", en: "Strategy follow-up" },
  coverage: { sv: "Täckning: mål och styrkeområden × projekt", en: "Coverage: goals and strength areas × projects" },
  coverageLead: {
    sv: "Andelen av varje beslutat projekt (beviljat, pågående eller avslutat) som är kopplad till målet, insatsen eller styrkeområdet.",
    en: "The share of each decided project (approved, active or completed) linked to the goal, effort or strength area."
  },
  noProjects: {
    sv: "Inga beslutade projekt (beviljade, pågående eller avslutade).",
    en: "No decided projects (approved, active or completed)."
  },
  noRows: {
    sv: "Inga mål, insatser eller styrkeområden att koppla projekten till.",
    en: "No goals, efforts or strength areas to link the projects to."
  },
  gaps: { sv: "Utan beslutade projekt", en: "Without decided projects" },
  placeholder: { sv: "platshållare", en: "placeholder" },
  superseded: { sv: "ersatt", en: "superseded" },
  item: { sv: "Mål / styrkeområde", en: "Goal / strength area" },
  kind: { sv: "Typ", en: "Kind" },
  goal: { sv: "Mål", en: "Goal" },
  effort: { sv: "Insats", en: "Effort" },
  strengthArea: { sv: "Styrkeområde", en: "Strength area" },
  share: { sv: "Andel", en: "Share" },
  funding: { sv: "Finansiering per källa och år", en: "Funding by source and year" },
  fundingLead: {
    sv: "Beviljade belopp fördelade på år i proportion till dagarna i finansieringens (eller projektets) period.",
    en: "Granted amounts spread over years in proportion to the days of the funding's (or project's) period."
  },
  noAmounts: { sv: "Inga belopp finns registrerade.", en: "No amounts are recorded." },
  unknown: {
    sv: {
      one: "{n} finansieringsbeslut saknar belopp och ingår inte.",
      other: "{n} finansieringsbeslut saknar belopp och ingår inte."
    },
    en: {
      one: "{n} funding decision has no amount and is not included.",
      other: "{n} funding decisions have no amount and are not included."
    }
  },
  noYear: { sv: "utan period", en: "no period" },
  year: { sv: "År", en: "Year" },
  amount: { sv: "Belopp", en: "Amount" },
  targets: { sv: "Mål och utfall för indikatorer", en: "Targets and actual values of indicators" },
  targetsLead: {
    sv: "Uppmätta värden och vägen från utgångsläget till målen (streckad) för indikatorn som följer upp",
    en: "Measured values and the path from the baseline to the targets (dashed) of the indicator that follows up"
  },
  rule: {
    sv: "Status: var det senaste utfallet står på den raka vägen från utgångsläget till målet. I fas när minst 90 % av den förväntade förändringen är nådd, risk från 50 %, annars ur fas; uppgift saknas utan utgångsläge eller utfall.",
    en: "Status: where the latest actual stands on the straight path from the baseline to the target. On track from 90 % of the expected change, at risk from 50 %, else off track; no data without a baseline or an actual."
  },
  path: { sv: "Väg mot målen", en: "Path to the targets" },
  value: { sv: "Värde", en: "Value" },
  statusTable: { sv: "Status per målår", en: "Status per target year" },
  judgedOn: { sv: "Senaste utfall (år)", en: "Latest actual (year)" },
  expected: { sv: "Förväntat då", en: "Expected then" },
  status: { sv: "Status", en: "Status" },
  statuses: {
    "on-track": { sv: "i fas", en: "on track" },
    "at-risk": { sv: "risk", en: "at risk" },
    "off-track": { sv: "ur fas", en: "off track" },
    "no-data": { sv: "uppgift saknas", en: "no data" }
  },
  illustrative: { sv: "illustrativt", en: "illustrative" },
  illustrativeNote: {
    sv: "Målen markerade illustrativt är inte beslutade; de visar hur uppföljningen fungerar.",
    en: "The targets marked illustrative have not been decided; they show how the follow-up works."
  },
  subjectLabel: { sv: "Följer upp", en: "Follows up" },
  subject: {
    strategy: { sv: "Strategi", en: "Strategy" },
    goal: { sv: "Mål", en: "Goal" },
    effort: { sv: "Insats", en: "Effort" },
    strengthArea: { sv: "Styrkeområde", en: "Strength area" }
  },
  series: { sv: "Serie", en: "Series" },
  baseline: { sv: "Utgångsläge", en: "Baseline" },
  latest: { sv: "Senaste värde", en: "Latest value" },
  none: { sv: "saknas", en: "none" },
  noTargets: { sv: "Inga indikatorer med mål eller utfall.", en: "No indicators with targets or actual values." },
  target: { sv: "Mål", en: "Target" },
  actual: { sv: "Utfall", en: "Actual" },
  strategies: { sv: "Strategier", en: "Strategies" },
  goals: { sv: "Mål", en: "Goals" },
  strengthAreas: { sv: "Styrkeområden", en: "Strength areas" },
  activeProjects: { sv: "Pågående projekt", en: "Active projects" },
  decidedProjects: { sv: "Beslutade projekt", en: "Decided projects" }
} as const

const fill = (s: string, n: number) => s.replaceAll("{n}", String(n))

const subjectTitle = (workspace: Workspace.Workspace, subject: IndicatorLink.IndicatorLink["subject"], lang: Lang) => {
  const found =
    subject.kind === "strategy"
      ? workspace.strategies.find((x) => x.id === subject.id)?.title
      : subject.kind === "goal"
        ? workspace.goals.find((x) => x.id === subject.id)?.title
        : subject.kind === "effort"
          ? workspace.efforts.find((x) => x.id === subject.id)?.title
          : workspace.strengthAreas.find((x) => x.id === subject.id)?.name
  return `${t.subject[subject.kind][lang]}: ${found?.[lang] ?? subject.id}`
}

/**
 * One indicator link's follow-up: the series and the path from the baseline through the targets as a line chart,
 * the status of each target year, and the latest value with its year and source.
 */
const followUpHtml = (workspace: Workspace.Workspace, f: FollowUp.LinkFollowUp, lang: Lang): string => {
  const { link } = f
  const name = link.name?.[lang] ?? link.indicator
  const measure = link.measure?.[lang] ?? workspace.targets.find((x) => x.indicatorLinkId === link.id && x.unit)?.unit
  const digits = 1
  const value = (v: number) => `${formatNumber(v, lang, digits)}${measure ? ` ${measure}` : ""}`
  // the path: the baseline and the targets, straight between them (its value in a year between is what it expects)
  const path = [...(f.baseline ? [f.baseline] : []), ...f.targets.map((x) => ({ year: x.year, value: x.value }))]
  const periods = [...new Set([...path.map((p) => p.year), ...f.actuals.map((a) => a.year)])].sort((a, b) => a - b)
  const onPath = (year: number): number | null => {
    const after = path.findIndex((p) => p.year >= year)
    if (after < 0) return null
    const b = path[after]!
    if (b.year === year) return b.value
    const a = path[after - 1]
    return a === undefined ? null : a.value + ((b.value - a.value) * (year - a.year)) / (b.year - a.year)
  }
  const chart = Figure.render(
    Lines.render({
      title: name,
      description: `${t.targetsLead[lang]} ${subjectTitle(workspace, link.subject, lang)}.`,
      lang,
      periods,
      series: [
        { label: t.actual[lang], values: periods.map((p) => f.actuals.find((a) => a.year === p)?.value ?? null) },
        { label: t.path[lang], values: periods.map(onPath), dashed: true }
      ],
      valueLabel: measure ?? t.value[lang],
      periodLabel: t.year[lang],
      digits
    })
  )
  const illustrative = f.targets.some((x) => x.illustrative)
  const table = Table.render({
    caption: `${t.statusTable[lang]}: ${name}`,
    columns: [
      { label: t.year[lang] },
      { label: t.target[lang], numeric: true, digits },
      { label: t.judgedOn[lang] },
      { label: t.expected[lang], numeric: true, digits },
      { label: t.status[lang] }
    ],
    rows: f.targets.map((x) => [
      `${x.year}${x.illustrative ? ` (${t.illustrative[lang]})` : ""}`,
      x.value,
      x.actual ? `${formatNumber(x.actual.value, lang, digits)} (${x.actual.year})` : "–",
      x.expected,
      t.statuses[x.status][lang]
    ]),
    lang
  })
  const source = link.seriesSource
  const facts = [
    `${t.subjectLabel[lang]}: ${subjectTitle(workspace, link.subject, lang)}`,
    `${t.series[lang]}: ${link.indicator}${link.unit ? `, ${link.unit}` : ""}${source ? ` (${source.title})` : ""}`,
    `${t.baseline[lang]}: ${f.baseline ? `${value(f.baseline.value)} (${f.baseline.year})` : t.none[lang]}`,
    `${t.latest[lang]}: ${f.latest ? `${value(f.latest.value)} (${f.latest.year})` : t.none[lang]}`
  ]
  return (
    `<h3>${esc(name)}</h3><ul class="ik-facts">${facts.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` +
    chart +
    table +
    (illustrative ? `<p>${esc(t.illustrativeNote[lang])}</p>` : "") +
    (link.note ? `<p class="ik-lead">${esc(link.note)}</p>` : "")
  )
}

/**
 * Funding amounts by year and source, one table per currency: `amounts[year][source]`. Amounts without a closed
 * period go under the year `null`.
 *
 * @since 0.1.0
 */
export const fundingBySourceAndYear = (
  workspace: Workspace.Workspace
): Array<{
  currency: string
  years: Array<number | null>
  sources: Array<string>
  amounts: Map<number | null, Map<string, number>>
}> => {
  const byCurrency = new Map<string, Map<number | null, Map<string, number>>>()
  const projects = new Map(workspace.projects.map((p) => [p.id, p]))
  for (const f of workspace.fundings) {
    if (f.amount === undefined) continue
    const currency = f.currency ?? "SEK"
    let table = byCurrency.get(currency)
    if (table === undefined) {
      table = new Map()
      byCurrency.set(currency, table)
    }
    const shares = Portfolio.yearShares(f, projects.get(f.projectId)) ?? [[null, 1] as const]
    for (const [year, share] of shares) {
      const row = table.get(year) ?? new Map<string, number>()
      row.set(f.source, (row.get(f.source) ?? 0) + f.amount * share)
      table.set(year, row)
    }
  }
  return [...byCurrency].map(([currency, amounts]) => {
    const years = [...amounts.keys()].sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY))
    const sources = [...new Set([...amounts.values()].flatMap((m) => [...m.keys()]))].sort()
    return { currency, years, sources, amounts }
  })
}

/**
 * The complete HTML document of a strategy follow-up.
 *
 * @example
 * ```ts
 * import { Examples } from "@innokraft/domain"
 * const html = StrategyReport.render(Examples.vasternorrland, { lang: "sv" })
 * ```
 * @since 0.1.0
 */
export const render = (workspace: Workspace.Workspace, options: StrategyReportOptions): string => {
  const { lang } = options
  const po: Portfolio.Options = options.asOf === undefined ? {} : { asOf: options.asOf }
  const coverage = Portfolio.coverage(workspace, po)
  const gaps = Portfolio.gaps(workspace, po, coverage)
  const sections: Array<Document.Section> = []
  const kindLabel = (k: "goal" | "effort" | "strengthArea") => t[k][lang]

  // placeholders are rows of their own in the matrix (a project may be linked to one), marked as such
  const placeholders = new Set(
    [...workspace.goals, ...workspace.efforts, ...workspace.strengthAreas]
      .filter((x) => !Portfolio.isFilledIn(x))
      .map((x) => x.id)
  )
  const rowTitle = (r: { readonly id: string; readonly title: { readonly sv: string; readonly en: string } }) =>
    placeholders.has(r.id) ? `${r.title[lang]} (${t.placeholder[lang]})` : r.title[lang]
  let coverageHtml: string
  if (coverage.projects.length === 0) coverageHtml = `<p>${t.noProjects[lang]}</p>`
  else if (coverage.rows.length === 0) coverageHtml = `<p>${t.noRows[lang]}</p>`
  else
    coverageHtml = Figure.render(
      HeatMap.render({
        title: `${t.coverage[lang]}`,
        description: t.coverageLead[lang],
        lang,
        rows: coverage.rows.map((r) => `${kindLabel(r.kind)}: ${rowTitle(r)}`),
        columns: coverage.projects.map((p) => p.title[lang]),
        values: coverage.rows.map((r) => [...r.shares]),
        valueLabel: t.share[lang],
        rowLabel: t.item[lang],
        digits: 2,
        blankZero: true,
        scheme: { kind: "sequential", scheme: "cividis", domain: [0, 1] }
      })
    )
  const gapRows = [
    ...gaps.goals.map((g) => [t.goal[lang], rowTitle(g)]),
    ...gaps.efforts.map((g) => [t.effort[lang], rowTitle(g)]),
    ...gaps.strengthAreas.map((g) => [t.strengthArea[lang], rowTitle(g)])
  ]
  if (gapRows.length > 0)
    coverageHtml += Table.render({
      caption: t.gaps[lang],
      columns: [{ label: t.kind[lang] }, { label: t.item[lang] }],
      rows: gapRows,
      lang
    })
  sections.push({ heading: t.coverage[lang], lead: t.coverageLead[lang], html: coverageHtml })

  const funding = fundingBySourceAndYear(workspace)
  const unknown = Portfolio.unknownAmounts(workspace).length
  let fundingHtml = funding.length === 0 ? `<p>${t.noAmounts[lang]}</p>` : ""
  for (const f of funding) {
    fundingHtml += Figure.render(
      StackedBars.render({
        title: `${t.funding[lang]} (${f.currency})`,
        description: t.fundingLead[lang],
        lang,
        categories: f.years.map((y) => (y === null ? t.noYear[lang] : String(y))),
        series: f.sources.map((s) => ({ label: s, values: f.years.map((y) => f.amounts.get(y)?.get(s) ?? 0) })),
        valueLabel: `${t.amount[lang]} (${f.currency})`,
        categoryLabel: t.year[lang]
      })
    )
  }
  if (unknown > 0) fundingHtml += `<p>${fill(plural(unknown, t.unknown[lang], lang), unknown)}</p>`
  sections.push({ heading: t.funding[lang], lead: t.fundingLead[lang], html: fundingHtml })

  const followUps = FollowUp.followUp(
    workspace,
    (link) => options.actuals?.[link.id] ?? options.actuals?.[link.indicator] ?? [],
    options.thresholds
  )
  const targetsHtml = followUps
    .filter((f) => f.targets.length > 0 || f.actuals.length > 0)
    .map((f) => followUpHtml(workspace, f, lang))
    .join("")
  sections.push({
    heading: t.targets[lang],
    lead: t.targetsLead[lang],
    html: targetsHtml === "" ? `<p>${t.noTargets[lang]}</p>` : `${targetsHtml}<p class="ik-lead">${t.rule[lang]}</p>`
  })

  const total = funding.map((f) => {
    let s = 0
    for (const row of f.amounts.values()) for (const v of row.values()) s += v
    return `${formatNumber(s, lang, 0)} ${f.currency}`
  })
  const region = workspace.regions[0]?.name[lang]
  // current figures: superseded strategies and placeholders are left out; "active" is the status, not "decided"
  const current = workspace.strategies.filter(Strategy.isCurrent)
  const currentIds = new Set(current.map((s) => s.id))
  const goals = workspace.goals.filter((g) => currentIds.has(g.strategyId) && Portfolio.isFilledIn(g))
  const areas = workspace.strengthAreas.filter((a) => currentIds.has(a.strategyId) && Portfolio.isFilledIn(a))
  const active = workspace.projects.filter((p) => p.status === "active").length
  return Document.render({
    lang,
    title: `${t.title[lang]}${region ? `: ${region}` : ""}`,
    ...(workspace.title ? { subtitle: workspace.title[lang] } : {}),
    keyFigures: [
      { label: t.strategies[lang], value: formatNumber(current.length, lang, 0) },
      { label: t.goals[lang], value: formatNumber(goals.length, lang, 0) },
      { label: t.strengthAreas[lang], value: formatNumber(areas.length, lang, 0) },
      { label: t.activeProjects[lang], value: formatNumber(active, lang, 0) },
      { label: t.decidedProjects[lang], value: formatNumber(coverage.projects.length, lang, 0) },
      ...total.map((v) => ({ label: t.amount[lang], value: v }))
    ],
    sections,
    notes: workspace.strategies.map(
      (s) => `${s.kind}: ${s.title[lang]}${Strategy.isCurrent(s) ? "" : ` (${t.superseded[lang]})`}`
    )
  })
}
