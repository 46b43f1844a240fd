import { Portfolio, Strategy, type Workspace } from "@innokraft/domain"
import { Lang as L } from "@innokraft/report"
import type { FC } from "hono/jsx"
import type { OrganisationSummary } from "./DashboardData.js"
import { href, type Lang, t } from "./internal/Text.js"
import { page } from "./Layout.js"

/**
 * The dashboard's front page: the organisations the server holds, each with what it has published.
 *
 * @since 0.1.0
 */

/**
 * One organisation and the number of records of each kind it has.
 *
 * @since 0.1.0
 */
export interface Holding {
  readonly organisation: OrganisationSummary
  readonly workspace: Workspace.Workspace | undefined
  readonly measurements: number
  readonly s3Analyses: number
  readonly cycles: number
}

const Card: FC<{ holding: Holding; lang: Lang }> = ({ holding, lang }) => {
  const { organisation, workspace } = holding
  const n = (x: number) => L.formatNumber(x, lang, 0)
  const region = workspace?.regions.map((r) => r.name[lang]).join(", ")
  // current figures: superseded strategies and placeholders are not counted; "active" is the project status
  const current = workspace?.strategies.filter(Strategy.isCurrent) ?? []
  const currentIds = new Set(current.map((s) => s.id))
  const areas = workspace?.strengthAreas.filter((a) => currentIds.has(a.strategyId) && Portfolio.isFilledIn(a)) ?? []
  const rows: ReadonlyArray<readonly [string, number]> = [
    [t.currentStrategies[lang], current.length],
    [t.strengthAreas[lang], areas.length],
    [t.projects[lang], workspace?.projects.length ?? 0],
    [t.activeProjects[lang], workspace?.projects.filter((p) => p.status === "active").length ?? 0],
    [t.measurements[lang], holding.measurements],
    [t.s3[lang], holding.s3Analyses],
    [t.cycles[lang], holding.cycles]
  ]
  return (
    <li>
      <h3>
        <a href={href(`/org/${encodeURIComponent(organisation.id)}`, lang)}>{organisation.name}</a>
      </h3>
      {region ? (
        <p class="ikd-meta">
          {t.region[lang]}: {region}
        </p>
      ) : null}
      <dl>
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{n(value)}</dd>
          </>
        ))}
      </dl>
    </li>
  )
}

/**
 * The front page.
 *
 * @since 0.1.0
 */
export const render = (holdings: ReadonlyArray<Holding>, lang: Lang): string =>
  page({
    lang,
    title: t.dashboard[lang],
    path: "/",
    children: (
      <>
        <header class="ik-head">
          <h1>Innokraft</h1>
          <p class="ik-sub">{t.homeLead[lang]}</p>
        </header>
        <section aria-labelledby="ikd-orgs">
          <h2 id="ikd-orgs">{t.organisations[lang]}</h2>
          {holdings.length === 0 ? (
            <p>{t.noOrganisations[lang]}</p>
          ) : (
            <ul class="ikd-cards">
              {holdings.map((h) => (
                <Card holding={h} lang={lang} />
              ))}
            </ul>
          )}
        </section>
      </>
    )
  })
