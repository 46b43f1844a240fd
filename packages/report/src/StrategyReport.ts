import { Portfolio, Strategy, type Workspace } from "@innokraft/domain"
import * as Document from "./Document.js"
import * as Figure from "./Figure.js"
import * as HeatMap from "./HeatMap.js"
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
   * Actual values per indicator-link id (or per indicator code), e.g. from a measurement run; the workspace holds
   * only the targets.
   */
  readonly actuals?: Readonly<Record<string, ReadonlyArray<Observation>>>
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
    sv: "Målvärden (streckade) och uppmätta värden för indikatorerna som är kopplade till strategin.",
    en: "Target values (dashed) and measured values of the indicators linked to the strategy."
  },
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

  let targetsHtml = ""
  for (const link of workspace.indicatorLinks) {
    const targets = workspace.targets.filter((x) => x.indicatorLinkId === link.id)
    const actuals = options.actuals?.[link.id] ?? options.actuals?.[link.indicator] ?? []
    if (targets.length === 0 && actuals.length === 0) continue
    const periods = [...new Set([...targets.map((x) => x.year), ...actuals.map((a) => a.year)])].sort((a, b) => a - b)
    const at = <T extends { year: number; value: number }>(xs: ReadonlyArray<T>) =>
      periods.map((p) => xs.find((x) => x.year === p)?.value ?? null)
    const name = link.name?.[lang] ?? link.indicator
    const unit = targets.find((x) => x.unit !== undefined)?.unit
    targetsHtml += Figure.render(
      Lines.render({
        title: name,
        description: `${t.targetsLead[lang]} (${link.indicator})`,
        lang,
        periods,
        series: [
          { label: t.actual[lang], values: at(actuals) },
          { label: t.target[lang], values: at(targets), dashed: true }
        ],
        valueLabel: unit ?? t.amount[lang],
        zero: true
      })
    )
  }
  sections.push({
    heading: t.targets[lang],
    lead: t.targetsLead[lang],
    html: targetsHtml || `<p>${t.noTargets[lang]}</p>`
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
