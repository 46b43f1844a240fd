import type { Workspace } from "@innokraft/domain"
import { Table } from "@innokraft/report"
import type { FC } from "hono/jsx"
import type { OrganisationSummary } from "./DashboardData.js"
import { href, type Lang, t } from "./internal/Text.js"
import { page } from "./Layout.js"
import { periodText } from "./Organisation.js"

/**
 * The project pages of an organisation: the list of its projects (title, status, period, coordinator) and one page
 * per project with its purpose, partners, links to goals, efforts and strength areas, fundings, phases and external
 * references.
 *
 * @since 0.1.0
 */

const Html: FC<{ html: string }> = (p) => <div dangerouslySetInnerHTML={{ __html: p.html }} />

const actorName = (workspace: Workspace.Workspace, id: string | undefined, lang: Lang): string =>
  id === undefined ? "–" : (workspace.actors.find((a) => a.id === id)?.name[lang] ?? id)

const projectPath = (organisation: OrganisationSummary, id: string) =>
  `/org/${encodeURIComponent(organisation.id)}/projects/${encodeURIComponent(id)}`

/**
 * The list of an organisation's projects.
 *
 * @since 0.1.0
 */
export const list = (organisation: OrganisationSummary, workspace: Workspace.Workspace, lang: Lang): string => {
  const base = `/org/${encodeURIComponent(organisation.id)}`
  return page({
    lang,
    title: `${t.projects[lang]}: ${organisation.name}`,
    path: `${base}/projects`,
    crumbs: [
      { label: t.home[lang], path: "/" },
      { label: organisation.name, path: base }
    ],
    children: (
      <>
        <header class="ik-head">
          <h1>
            {t.projects[lang]}: {organisation.name}
          </h1>
        </header>
        {workspace.projects.length === 0 ? (
          <p>{t.none[lang]}</p>
        ) : (
          <section class="ik-scroll" tabindex={0} aria-label={t.projects[lang]}>
            <table class="ik-table">
              <caption>{t.projects[lang]}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.project[lang]}</th>
                  <th scope="col">{t.status[lang]}</th>
                  <th scope="col">{t.period[lang]}</th>
                  <th scope="col">{t.coordinator[lang]}</th>
                </tr>
              </thead>
              <tbody>
                {workspace.projects.map((p) => (
                  <tr>
                    <th scope="row">
                      <a href={href(projectPath(organisation, p.id), lang)}>{p.title[lang]}</a>
                    </th>
                    <td data-status={p.status}>{t.projectStatus[p.status][lang]}</td>
                    <td>{periodText(p.period) || "–"}</td>
                    <td>{actorName(workspace, p.coordinatorId, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </>
    )
  })
}

/**
 * The page of one project, or `undefined` when the workspace has no project with that id.
 *
 * @since 0.1.0
 */
export const render = (
  organisation: OrganisationSummary,
  workspace: Workspace.Workspace,
  projectId: string,
  lang: Lang
): string | undefined => {
  const project = workspace.projects.find((p) => p.id === projectId)
  if (project === undefined) return undefined
  const base = `/org/${encodeURIComponent(organisation.id)}`
  const titleOf = (kind: "goal" | "effort" | "strengthArea", id: string): string => {
    const item =
      kind === "goal"
        ? workspace.goals.find((g) => g.id === id)?.title
        : kind === "effort"
          ? workspace.efforts.find((e) => e.id === id)?.title
          : workspace.strengthAreas.find((a) => a.id === id)?.name
    return item?.[lang] ?? id
  }
  const fundings = workspace.fundings.filter((f) => f.projectId === project.id)
  const programmes = workspace.programmes.filter((p) => p.projectIds?.includes(project.id))
  const phases = [
    ...(project.phases ?? []).map((ph) => ({ ph, current: ph.id === project.currentPhaseId, of: project.title })),
    ...programmes.flatMap((pr) => pr.phases.map((ph) => ({ ph, current: ph.id === pr.currentPhaseId, of: pr.name })))
  ]
  const sections: Array<string> = []
  sections.push(
    Table.render({
      caption: t.links[lang],
      columns: [{ label: t.linkKind[lang] }, { label: t.linkedTo[lang] }, { label: t.weight[lang], numeric: true }],
      rows: (project.links ?? []).map((l) => [t.kind[l.kind][lang], titleOf(l.kind, l.id), l.weight ?? 1]),
      lang
    })
  )
  sections.push(
    Table.render({
      caption: t.fundings[lang],
      columns: [
        { label: t.source[lang] },
        { label: t.programme[lang] },
        { label: t.amount[lang], numeric: true, digits: 0 },
        { label: t.currency[lang] },
        { label: t.period[lang] }
      ],
      rows: fundings.map((f) => [
        t.fundingSource[f.source][lang],
        f.programme ?? "–",
        f.amount ?? t.unknownAmount[lang],
        f.currency ?? "–",
        periodText(f.period) || "–"
      ]),
      lang
    })
  )
  if (phases.length > 0)
    sections.push(
      Table.render({
        caption: t.phases[lang],
        columns: [
          { label: t.phase[lang] },
          { label: t.programme[lang] },
          { label: t.period[lang] },
          { label: t.status[lang] }
        ],
        rows: phases.map(({ ph, current, of }) => [
          `${ph.order}. ${ph.title[lang]}`,
          of[lang],
          periodText(ph.period) || "–",
          current ? t.currentPhase[lang] : "–"
        ]),
        lang
      })
    )
  const period = periodText(project.period)
  return page({
    lang,
    title: project.title[lang],
    path: projectPath(organisation, project.id),
    crumbs: [
      { label: t.home[lang], path: "/" },
      { label: organisation.name, path: base },
      { label: t.projects[lang], path: `${base}/projects` }
    ],
    children: (
      <>
        <header class="ik-head">
          <h1>{project.title[lang]}</h1>
          <p class="ik-sub" data-status={project.status}>
            {t.status[lang]}: {t.projectStatus[project.status][lang]}
            {period ? ` · ${period}` : ""}
          </p>
        </header>
        {project.purpose ? <p>{project.purpose[lang]}</p> : null}
        <dl class="ikd-facts">
          <dt>{t.coordinator[lang]}</dt>
          <dd>{actorName(workspace, project.coordinatorId, lang)}</dd>
          <dt>{t.partners[lang]}</dt>
          <dd>
            {(project.partnerIds ?? []).length === 0
              ? "–"
              : (project.partnerIds ?? []).map((id) => actorName(workspace, id, lang)).join(", ")}
          </dd>
          <dt>{t.references[lang]}</dt>
          <dd>
            {(project.externalRefs ?? []).length === 0
              ? "–"
              : (project.externalRefs ?? []).map((r, k) => (
                  <>
                    {k > 0 ? ", " : ""}
                    {r.url ? <a href={r.url}>{`${r.system}: ${r.value}`}</a> : `${r.system}: ${r.value}`}
                  </>
                ))}
          </dd>
        </dl>
        {sections.map((html) => (
          <Html html={html} />
        ))}
        {project.note ? <p class="ikd-meta">{project.note}</p> : null}
      </>
    )
  })
}
