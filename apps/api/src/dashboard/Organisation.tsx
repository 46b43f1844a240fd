import { Portfolio, Project, Strategy, type Workspace } from "@innokraft/domain"
import { Cycle, type CycleDocument } from "@innokraft/loop"
import { Lang as L, Table } from "@innokraft/report"
import type { FC } from "hono/jsx"
import type { MeasurementView, OrganisationSummary, S3View } from "./DashboardData.js"
import { href, type Lang, t } from "./internal/Text.js"
import { page } from "./Layout.js"

/**
 * The page of one organisation: its region, its current strategies (vision, goals, strength areas, placeholders
 * shown as such and not counted) and the superseded ones apart, its portfolio (projects by status; the coverage
 * matrix and funding charts are on each strategy's follow-up page) and the links to its measurement runs, S3
 * analyses and Innovation Loop cycles.
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

/** A period as people write it: "2022–2030", "2016-02–…". */
export const periodText = (period: { start?: string | undefined; end?: string | undefined } | undefined): string =>
  period === undefined || (period.start === undefined && period.end === undefined)
    ? ""
    : `${period.start ?? "…"}–${period.end ?? "…"}`

const StrategyCard: FC<{ workspace: Workspace.Workspace; strategy: Strategy.Strategy; base: string; lang: Lang }> = ({
  workspace,
  strategy: s,
  base,
  lang
}) => {
  const goals = workspace.goals.filter((g) => g.strategyId === s.id).sort((a, b) => a.order - b.order)
  const areas = workspace.strengthAreas.filter((a) => a.strategyId === s.id)
  const filled = areas.filter(Portfolio.isFilledIn)
  const placeholders = areas.length - filled.length
  const period = periodText(s.period)
  return (
    <article aria-labelledby={`ikd-s-${s.id}`}>
      <h3 id={`ikd-s-${s.id}`}>{s.title[lang]}</h3>
      <p class="ikd-meta">
        {t.strategyKind[s.kind][lang]} · {t.strategyStatus[s.status][lang]}
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
      <h4>
        {t.strengthAreas[lang]} ({L.formatNumber(filled.length, lang, 0)})
      </h4>
      {filled.length === 0 && placeholders === 0 ? <p>{t.noStrengthAreas[lang]}</p> : null}
      {filled.length > 0 ? (
        <ul class="ikd-areas">
          {filled.map((a) => (
            <li>
              {a.name[lang]}
              <span class="ikd-tag">{t.tier[a.tier][lang]}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {placeholders > 0 ? (
        <details class="ikd-placeholders">
          <summary>{L.counted(placeholders, t.placeholdersCounted, lang)}</summary>
          <p class="ikd-meta">{t.placeholdersLead[lang]}</p>
          <ul class="ikd-areas">
            {areas
              .filter((a) => !Portfolio.isFilledIn(a))
              .map((a) => (
                <li>
                  {a.name[lang]}
                  <span class="ikd-tag ikd-tag-placeholder">{t.placeholder[lang]}</span>
                </li>
              ))}
          </ul>
        </details>
      ) : null}
      <p>
        <a href={href(`${base}/strategy/${encodeURIComponent(s.id)}`, lang)}>
          {t.strategyReport[lang]}: {s.title[lang]}
        </a>
      </p>
    </article>
  )
}

const Strategies: FC<{ workspace: Workspace.Workspace; base: string; lang: Lang }> = ({ workspace, base, lang }) => {
  const current = workspace.strategies.filter(Strategy.isCurrent)
  const superseded = workspace.strategies.filter((s) => !Strategy.isCurrent(s))
  return (
    <section aria-labelledby="ikd-strategies">
      <h2 id="ikd-strategies">{t.currentStrategies[lang]}</h2>
      {current.length === 0 ? (
        <p>{t.noStrategies[lang]}</p>
      ) : (
        <p>
          <a href={href(`${base}/strategy`, lang)}>{t.followUp[lang]}</a>
        </p>
      )}
      {current.map((s) => (
        <StrategyCard workspace={workspace} strategy={s} base={base} lang={lang} />
      ))}
      {superseded.length > 0 ? (
        <>
          <h2 id="ikd-superseded">{t.superseded[lang]}</h2>
          <p class="ik-lead">{t.supersededLead[lang]}</p>
          <ul class="ikd-links">
            {superseded.map((s) => (
              <li>
                <a href={href(`${base}/strategy/${encodeURIComponent(s.id)}`, lang)}>{s.title[lang]}</a>
                <span class="ikd-tag">{t.strategyStatus[s.status][lang]}</span>
                <span class="ikd-meta"> – {t.strategyKind[s.kind][lang]}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

/** The number of projects in each status, in the order of the lifecycle: the API's portfolio counts. */
const statusCounts = (workspace: Workspace.Workspace): ReadonlyArray<readonly [Project.Status, number]> => {
  const counts = Portfolio.analyse(workspace).projectCounts
  return Project.Status.options.map((status) => [status, counts[status]] as const)
}

const Portfolio_: FC<{ base: string; workspace: Workspace.Workspace; lang: Lang }> = ({ base, workspace, lang }) => {
  const counts = statusCounts(workspace)
  const active = counts.find(([status]) => status === "active")?.[1] ?? 0
  const n = (x: number) => L.formatNumber(x, lang, 0)
  return (
    <section aria-labelledby="ikd-portfolio">
      <h2 id="ikd-portfolio">{t.portfolio[lang]}</h2>
      <p class="ik-lead">{t.portfolioLead[lang]}</p>
      <ul class="ik-keys">
        <li>
          <span class="v">{n(workspace.projects.length)}</span>
          <span class="l">{t.projects[lang]}</span>
        </li>
        <li data-status="active">
          <span class="v">{n(active)}</span>
          <span class="l">{t.activeProjects[lang]}</span>
        </li>
        <li>
          <span class="v">{n(workspace.fundings.length)}</span>
          <span class="l">{t.fundings[lang]}</span>
        </li>
      </ul>
      <Html
        html={Table.render({
          caption: t.projectsByStatus[lang],
          columns: [{ label: t.status[lang] }, { label: t.count[lang], numeric: true, digits: 0 }],
          rows: counts.filter(([, c]) => c > 0).map(([status, c]) => [t.projectStatus[status][lang], c]),
          lang
        })}
      />
      <p>
        <a href={href(`${base}/projects`, lang)}>
          {t.allProjects[lang]} ({n(workspace.projects.length)})
        </a>
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
              {t.region[lang]}: {r.name[lang]} ({r.nutsCode},{" "}
              {L.counted(r.municipalities.length, t.municipalities, lang)})
            </p>
          ))}
        </header>
        {workspace === undefined ? (
          <p>{t.noWorkspace[lang]}</p>
        ) : (
          <>
            <Strategies workspace={workspace} base={base} lang={lang} />
            <Portfolio_ base={base} workspace={workspace} lang={lang} />
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
              L.counted(Object.keys(m.build.ranks).length, t.unitsCounted, lang),
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
            meta: `${t.status[lang]}: ${Cycle.statusLabels[c.cycle.status][lang].toLowerCase()}${c.synthetic ? ` (${t.synthetic[lang]})` : ""}`
          }))}
        />
      </>
    )
  })
}
