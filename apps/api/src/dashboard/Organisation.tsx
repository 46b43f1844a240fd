import { Portfolio, type Workspace } from "@innokraft/domain"
import type { CycleDocument } from "@innokraft/loop"
import { Figure, HeatMap, Lang as L, StackedBars, StrategyReport } from "@innokraft/report"
import type { FC } from "hono/jsx"
import type { MeasurementView, OrganisationSummary, S3View } from "./DashboardData.js"
import { href, type Lang, t } from "./internal/Text.js"
import { page } from "./Layout.js"

/**
 * The page of one organisation: its region, its strategies (vision, goals, strength areas), its portfolio (the
 * coverage matrix and funding by source and year, drawn with `@innokraft/report`'s chart builders) and the links to
 * its measurement runs, S3 analyses and Innovation Loop cycles.
 *
 * @since 0.1.0
 */

/**
 * Everything the page shows.
 *
 * @since 0.1.0
 */
export interface OrganisationPage {
  readonly organisation: OrganisationSummary
  readonly workspace: Workspace.Workspace | undefined
  readonly measurements: ReadonlyArray<MeasurementView>
  readonly s3Analyses: ReadonlyArray<S3View>
  readonly cycles: ReadonlyArray<CycleDocument.CycleDocument>
}

const Html: FC<{ html: string; class?: string }> = (p) => (
  <div class={p.class} dangerouslySetInnerHTML={{ __html: p.html }} />
)

const periodText = (period: { start?: string | undefined; end?: string | undefined } | undefined): string =>
  period === undefined ? "" : `${period.start ?? "…"}–${period.end ?? "…"}`

const Strategies: FC<{ workspace: Workspace.Workspace; lang: Lang }> = ({ workspace, lang }) => (
  <section aria-labelledby="ikd-strategies">
    <h2 id="ikd-strategies">{t.strategies[lang]}</h2>
    {workspace.strategies.length === 0 ? <p>{t.noStrategies[lang]}</p> : null}
    {workspace.strategies.map((s) => {
      const goals = workspace.goals.filter((g) => g.strategyId === s.id).sort((a, b) => a.order - b.order)
      const areas = workspace.strengthAreas.filter((a) => a.strategyId === s.id)
      const period = periodText(s.period)
      return (
        <article aria-labelledby={`ikd-s-${s.id}`}>
          <h3 id={`ikd-s-${s.id}`}>{s.title[lang]}</h3>
          <p class="ikd-meta">
            {s.kind} · {t.strategyStatus[s.status][lang]}
            {period ? ` · ${period}` : ""}
          </p>
          {s.vision ? (
            <blockquote class="ikd-vision" aria-label={t.vision[lang]}>
              {s.vision[lang]}
            </blockquote>
          ) : null}
          <h4>{t.goals[lang]}</h4>
          {goals.length === 0 ? (
            <p>{t.noGoals[lang]}</p>
          ) : (
            <ol class="ikd-goals">
              {goals.map((g) => (
                <li>
                  <strong>{g.title[lang]}</strong>
                  {g.description ? ` – ${g.description[lang]}` : ""}
                </li>
              ))}
            </ol>
          )}
          <h4>{t.strengthAreas[lang]}</h4>
          {areas.length === 0 ? (
            <p>{t.noStrengthAreas[lang]}</p>
          ) : (
            <ul class="ikd-areas">
              {areas.map((a) => (
                <li>
                  {a.name[lang]}
                  <span class="ikd-tag">{t.tier[a.tier][lang]}</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      )
    })}
  </section>
)

const kindLabel = {
  goal: { sv: "Mål", en: "Goal" },
  effort: { sv: "Insats", en: "Effort" },
  strengthArea: { sv: "Styrkeområde", en: "Strength area" }
} as const

/** Row labels longer than the heat map's label margin are cut there, so the chart gets shortened ones. */
const shorten = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const h3 = (text: string) => `<h3>${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;")}</h3>`

/** The coverage matrix and the funding charts, as `StrategyReport` draws them. */
const portfolioCharts = (workspace: Workspace.Workspace, lang: Lang): ReadonlyArray<string> => {
  const coverage = Portfolio.coverage(workspace)
  const charts: Array<string> = []
  const title =
    lang === "sv"
      ? "Täckning: mål och styrkeområden × aktiva projekt"
      : "Coverage: goals and strength areas × active projects"
  charts.push(h3(title))
  const linked = coverage.rows.some((r) => r.shares.some((x) => x > 0))
  if (!linked)
    charts.push(
      `<p>${
        lang === "sv"
          ? `Inget av de ${coverage.projects.length} aktiva projekten är kopplat till ett mål, en insats eller ett styrkeområde.`
          : `None of the ${coverage.projects.length} active projects is linked to a goal, effort or strength area.`
      }</p>`
    )
  else {
    const input: HeatMap.HeatMapInput = {
      title,
      description:
        lang === "sv"
          ? "Andelen av varje aktivt projekt som är kopplad till målet, insatsen eller styrkeområdet."
          : "The share of each active project linked to the goal, effort or strength area.",
      lang,
      rows: coverage.rows.map((r) => `${kindLabel[r.kind][lang]}: ${r.title[lang]}`),
      columns: coverage.projects.map((p) => p.title[lang]),
      values: coverage.rows.map((r) => [...r.shares]),
      valueLabel: lang === "sv" ? "Andel" : "Share",
      rowLabel: lang === "sv" ? "Mål / styrkeområde" : "Goal / strength area",
      digits: 2,
      blankZero: true,
      scheme: { kind: "sequential", scheme: "cividis", domain: [0, 1] }
    }
    // short row labels in the chart, full ones in the table beside it
    const svg = HeatMap.svg({ ...input, rows: input.rows.map((r) => shorten(r)) })
    charts.push(Figure.render({ svg, table: HeatMap.table(input) }))
  }
  const funding = StrategyReport.fundingBySourceAndYear(workspace)
  const fundingTitle = lang === "sv" ? "Finansiering per källa och år" : "Funding by source and year"
  charts.push(h3(fundingTitle))
  if (funding.length === 0)
    charts.push(
      `<p>${lang === "sv" ? "Inga finansieringsbelopp finns registrerade." : "No funding amounts are recorded."}</p>`
    )
  for (const f of funding)
    charts.push(
      Figure.render(
        StackedBars.render({
          title: `${fundingTitle} (${f.currency})`,
          description:
            lang === "sv"
              ? "Beviljade belopp fördelade på år i proportion till dagarna i finansieringens (eller projektets) period."
              : "Granted amounts spread over years in proportion to the days of the funding's (or project's) period.",
          lang,
          categories: f.years.map((y) => (y === null ? (lang === "sv" ? "utan period" : "no period") : String(y))),
          series: f.sources.map((s) => ({ label: s, values: f.years.map((y) => f.amounts.get(y)?.get(s) ?? 0) })),
          valueLabel: `${lang === "sv" ? "Belopp" : "Amount"} (${f.currency})`,
          categoryLabel: lang === "sv" ? "År" : "Year"
        })
      )
    )
  return charts
}

const Portfolio_: FC<{ id: string; workspace: Workspace.Workspace; lang: Lang }> = ({ id, workspace, lang }) => {
  const active = workspace.projects.filter((p) => Portfolio.isActive(p)).length
  const n = (x: number) => L.formatNumber(x, lang, 0)
  const charts = portfolioCharts(workspace, lang)
  return (
    <section aria-labelledby="ikd-portfolio">
      <h2 id="ikd-portfolio">{t.portfolio[lang]}</h2>
      <p class="ik-lead">{t.portfolioLead[lang]}</p>
      <ul class="ik-keys">
        <li>
          <span class="v">{n(workspace.projects.length)}</span>
          <span class="l">{t.projects[lang]}</span>
        </li>
        <li>
          <span class="v">{n(active)}</span>
          <span class="l">{t.activeProjects[lang]}</span>
        </li>
        <li>
          <span class="v">{n(workspace.fundings.length)}</span>
          <span class="l">{t.fundings[lang]}</span>
        </li>
      </ul>
      {charts.map((html) => (
        <Html html={html} />
      ))}
      <p>
        <a href={href(`/org/${encodeURIComponent(id)}/strategy`, lang)}>{t.followUp[lang]}</a>
      </p>
    </section>
  )
}

const Links: FC<{
  id: string
  heading: string
  lead: string
  lang: Lang
  items: ReadonlyArray<{ path: string; label: string; meta: string }>
}> = ({ id, heading, lead, lang, items }) => (
  <section aria-labelledby={id}>
    <h2 id={id}>{heading}</h2>
    <p class="ik-lead">{lead}</p>
    {items.length === 0 ? (
      <p>{t.none[lang]}</p>
    ) : (
      <ul class="ikd-links">
        {items.map((i) => (
          <li>
            <a href={href(i.path, lang)}>{i.label}</a>
            {i.meta ? <span class="ikd-meta"> – {i.meta}</span> : null}
          </li>
        ))}
      </ul>
    )}
  </section>
)

/**
 * The organisation page.
 *
 * @since 0.1.0
 */
export const render = (input: OrganisationPage, lang: Lang): string => {
  const { organisation, workspace } = input
  const base = `/org/${encodeURIComponent(organisation.id)}`
  const n = (x: number) => L.formatNumber(x, lang, 0)
  return page({
    lang,
    title: organisation.name,
    path: base,
    crumbs: [{ label: t.home[lang], path: "/" }],
    children: (
      <>
        <header class="ik-head">
          <h1>{organisation.name}</h1>
          {workspace?.title ? <p class="ik-sub">{workspace.title[lang]}</p> : null}
          {workspace?.regions.map((r) => (
            <p class="ik-sub">
              {t.region[lang]}: {r.name[lang]} ({r.nutsCode}, {n(r.municipalities.length)} {t.municipalities[lang]})
            </p>
          ))}
        </header>
        {workspace === undefined ? (
          <p>{t.noWorkspace[lang]}</p>
        ) : (
          <>
            <Strategies workspace={workspace} lang={lang} />
            <Portfolio_ id={organisation.id} workspace={workspace} lang={lang} />
          </>
        )}
        <Links
          id="ikd-measurements"
          heading={t.measurements[lang]}
          lead={t.measurementsLead[lang]}
          lang={lang}
          items={input.measurements.map((m) => ({
            path: `${base}/measure/${encodeURIComponent(m.id)}`,
            label: m.title[lang],
            meta: [
              `${m.build.period}`,
              `${n(Object.keys(m.build.ranks).length)} ${t.units[lang]}`,
              m.uncertainty ? t.withIntervals[lang] : "",
              m.map ? t.withMap[lang] : ""
            ]
              .filter((x) => x !== "")
              .join(", ")
          }))}
        />
        <Links
          id="ikd-s3"
          heading={t.s3[lang]}
          lead={t.s3Lead[lang]}
          lang={lang}
          items={input.s3Analyses.map((s) => ({
            path: `${base}/s3/${encodeURIComponent(s.id)}`,
            label: s.title[lang],
            meta: `${t.region[lang]} ${s.input.regionNames?.[s.input.region] ?? s.input.region}`
          }))}
        />
        <Links
          id="ikd-cycles"
          heading={t.cycles[lang]}
          lead={t.cyclesLead[lang]}
          lang={lang}
          items={input.cycles.map((c) => ({
            path: `${base}/loop/${encodeURIComponent(c.cycle.id)}`,
            label: `${c.cycle.year}${c.cycle.theme ? `: ${c.cycle.theme[lang]}` : ""}`,
            meta: `${t.status[lang]}: ${c.cycle.status}${c.synthetic ? ` (${t.synthetic[lang]})` : ""}`
          }))}
        />
      </>
    )
  })
}
