import { Id, type Label, Project } from "@innokraft/domain"
import { Caller, Kinds, Records, type Stored, type StoreError } from "@innokraft/store"
import { Effect, Either } from "effect"
import type { Context, Hono } from "hono"
import type { FC } from "hono/jsx"
import { ErrorSummary, type FieldProblem, fieldId, problemsOf, TextField, value, values } from "./internal/form.js"
import type { Env } from "./internal/guard.js"
import { type Lang, t } from "./internal/text.js"
import { to, type View } from "./internal/view.js"
import { Csrf, Layout } from "./Layout.js"
import { MessagePage } from "./Pages.js"
import type { Runner, Services } from "./Runner.js"

const projects = Records.repository(Kinds.project)
const goalRepository = Records.repository(Kinds.goal)
const strategies = Records.repository(Kinds.strategy)

/** The text fields of the project form, named by their path in the record. */
const textFields = ["id", "title.sv", "title.en", "purpose.sv", "purpose.en", "period.start", "period.end"] as const

/**
 * What the project form holds: its text fields by path, the status and the linked goals.
 *
 * @since 0.1.0
 */
export interface ProjectForm {
  readonly fields: Readonly<Record<(typeof textFields)[number], string>>
  readonly status: string
  readonly goals: ReadonlyArray<string>
}

const empty: ProjectForm = {
  fields: Object.fromEntries(textFields.map((f) => [f, ""])) as ProjectForm["fields"],
  status: "idea",
  goals: []
}

/**
 * The form of a stored project.
 *
 * @since 0.1.0
 */
export const formOf = (project: Project.Project): ProjectForm => ({
  fields: {
    id: project.id,
    "title.sv": project.title.sv,
    "title.en": project.title.en,
    "purpose.sv": project.purpose?.sv ?? "",
    "purpose.en": project.purpose?.en ?? "",
    "period.start": project.period?.start ?? "",
    "period.end": project.period?.end ?? ""
  },
  status: project.status,
  goals: (project.links ?? []).filter((l) => l.kind === "goal").map((l) => l.id)
})

const formFromRequest = (form: Record<string, string | ReadonlyArray<string>>): ProjectForm => ({
  fields: Object.fromEntries(textFields.map((f) => [f, value(form, f).trim()])) as ProjectForm["fields"],
  status: value(form, "status"),
  goals: values(form, "goals")
})

const label = (sv: string, en: string): Label.Label | undefined => (sv === "" && en === "" ? undefined : { sv, en })

/**
 * The record a form stands for. On an edit, what the form does not show (partners, phases, references, links to
 * efforts and strength areas …) is kept from the stored record; the store checks the result.
 *
 * @since 0.1.0
 */
export const bodyOf = (form: ProjectForm, stored?: Project.Project): Record<string, unknown> => {
  const f = form.fields
  const { purpose: _p, period: _d, links: _l, ...kept } = stored ?? ({} as Partial<Project.Project>)
  const purpose = label(f["purpose.sv"], f["purpose.en"])
  const period =
    f["period.start"] === "" && f["period.end"] === ""
      ? undefined
      : {
          ...(f["period.start"] === "" ? {} : { start: f["period.start"] }),
          ...(f["period.end"] === "" ? {} : { end: f["period.end"] })
        }
  const links = [
    ...(stored?.links ?? []).filter((l) => l.kind !== "goal"),
    ...form.goals.map((id) => ({ kind: "goal" as const, id }))
  ]
  return {
    ...kept,
    id: stored?.id ?? (f.id === "" ? Id.slug(f["title.sv"]) : f.id),
    title: { sv: f["title.sv"], en: f["title.en"] },
    ...(purpose === undefined ? {} : { purpose }),
    status: form.status,
    ...(period === undefined ? {} : { period }),
    ...(links.length === 0 ? {} : { links })
  }
}

/** The form field a store problem's path belongs to. */
const fieldOf = (path: string): string | undefined => {
  if ((textFields as ReadonlyArray<string>).includes(path) || path === "status") return path
  if (path.startsWith("links")) return "goals"
  if (path === "title" || path === "purpose" || path === "period")
    return `${path}.sv`.replace("period.sv", "period.start")
  return undefined
}

const fieldLabels = (lang: Lang): Readonly<Record<string, string>> => ({
  id: t.id[lang],
  "title.sv": t.titleSv[lang],
  "title.en": t.titleEn[lang],
  "purpose.sv": t.purposeSv[lang],
  "purpose.en": t.purposeEn[lang],
  "period.start": t.periodStart[lang],
  "period.end": t.periodEnd[lang],
  status: t.status[lang],
  goals: t.goals[lang]
})

/**
 * The problems of a refused write, each at its field: `Invalid`'s field paths, a duplicate id at the id.
 *
 * @since 0.1.0
 */
export const problemsOfError = (error: StoreError, lang: Lang): ReadonlyArray<FieldProblem> => {
  const labels = fieldLabels(lang)
  if (error._tag === "Invalid") {
    return error.problems.map((p) => {
      const field = fieldOf(p.path)
      return { field, message: `${field === undefined ? p.path : labels[field]}: ${p.message}` }
    })
  }
  return [{ field: error._tag === "Conflict" ? "id" : undefined, message: error.message }]
}

/** A goal as the form offers it. */
interface GoalOption {
  readonly id: string
  readonly label: string
}

const goalOptions = (caller: Caller.Member, lang: Lang) =>
  Effect.gen(function* () {
    const goals = yield* goalRepository.list(caller, { organisationId: caller.organisationId })
    const ss = yield* strategies.list(caller, { organisationId: caller.organisationId })
    const names = new Map(ss.map((s) => [s.id, s.body.title[lang]]))
    return [...goals]
      .sort((a, b) => a.body.strategyId.localeCompare(b.body.strategyId) || a.body.order - b.body.order)
      .map(
        (g): GoalOption => ({
          id: g.id,
          label: `${names.get(g.body.strategyId) ?? g.body.strategyId} – ${g.body.order}. ${g.body.title[lang]}`
        })
      )
  })

const canEdit = (view: View): boolean => view.session !== undefined && Caller.atLeast(view.session.user.role, "editor")

/**
 * The organisation's projects with their status, goals and period; a way to add one for editors.
 *
 * @since 0.1.0
 */
export const PortfolioPage: FC<{
  view: View
  projects: ReadonlyArray<Stored<Project.Project>>
  goals: ReadonlyArray<GoalOption>
  notice?: string | undefined
}> = ({ view, projects, goals, notice }) => {
  const { lang } = view
  const goalLabel = new Map(goals.map((g) => [g.id, g.label]))
  return (
    <Layout view={view} title={t.portfolio[lang]}>
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {canEdit(view) ? (
        <p>
          <a class="button" href={to(view, "/projects/new")}>
            {t.newProject[lang]}
          </a>
        </p>
      ) : (
        <p class="meta">{t.viewerNote[lang]}</p>
      )}
      <h2>{t.projects[lang]}</h2>
      {projects.length === 0 ? (
        <p>{t.noProjects[lang]}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.project[lang]}</th>
              <th scope="col">{t.status[lang]}</th>
              <th scope="col">{t.goals[lang]}</th>
              <th scope="col">{t.periodStart[lang]}</th>
              <th scope="col">{t.periodEnd[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {projects.map((p) => (
              <tr>
                <td>
                  <a href={to(view, `/projects/${encodeURIComponent(p.id)}`)}>{p.body.title[lang]}</a>
                </td>
                <td>{t.status_[p.body.status]?.[lang] ?? p.body.status}</td>
                <td>
                  {(p.body.links ?? [])
                    .filter((l) => l.kind === "goal")
                    .map((l) => goalLabel.get(l.id) ?? l.id)
                    .join("; ")}
                </td>
                <td>{p.body.period?.start ?? ""}</td>
                <td>{p.body.period?.end ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}

/**
 * The project form, to create (no id yet) or to edit at a version; a viewer gets the same facts without controls.
 *
 * @since 0.1.0
 */
export const ProjectFormPage: FC<{
  view: View
  form: ProjectForm
  goals: ReadonlyArray<GoalOption>
  problems: ReadonlyArray<FieldProblem>
  stored?: Stored<Project.Project> | undefined
  /** The version the form edits; differs from `stored.version` on the "save mine anyway" form of a conflict. */
  version?: number | undefined
  notice?: string | undefined
}> = ({ view, form, goals, problems, stored, version, notice }) => {
  const { lang } = view
  const f = form.fields
  const title = stored === undefined ? t.newProject[lang] : stored.body.title[lang]
  if (!canEdit(view)) {
    const goalLabel = new Map(goals.map((g) => [g.id, g.label]))
    return (
      <Layout view={view} title={title}>
        <p class="meta">{t.viewerNote[lang]}</p>
        <dl class="facts">
          {(["id", "title.sv", "title.en", "purpose.sv", "purpose.en", "period.start", "period.end"] as const).map(
            (name) => (
              <>
                <dt>{fieldLabels(lang)[name]}</dt>
                <dd>{f[name] === "" ? "–" : f[name]}</dd>
              </>
            )
          )}
          <dt>{t.status[lang]}</dt>
          <dd>{t.status_[form.status]?.[lang] ?? form.status}</dd>
          <dt>{t.goals[lang]}</dt>
          <dd>{form.goals.map((g) => goalLabel.get(g) ?? g).join("; ") || "–"}</dd>
        </dl>
      </Layout>
    )
  }
  const action = stored === undefined ? "/projects" : `/projects/${encodeURIComponent(stored.id)}`
  const goalErrors = problemsOf(problems, "goals")
  const statusErrors = problemsOf(problems, "status")
  return (
    <Layout view={view} title={stored === undefined ? title : `${t.editProject[lang]}: ${title}`}>
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary view={view} problems={problems} />
      {stored === undefined ? null : (
        <p class="meta">
          {t.version[lang]} {stored.version} · {t.updated[lang]} {stored.updatedAt.slice(0, 16).replace("T", " ")} UTC
        </p>
      )}
      <form method="post" action={to(view, action)} novalidate>
        <Csrf view={view} />
        {stored === undefined ? null : <input type="hidden" name="version" value={String(version ?? stored.version)} />}
        {stored === undefined ? (
          <TextField name="id" label={t.id[lang]} hint={t.idHint[lang]} value={f.id} problems={problems} />
        ) : null}
        <TextField name="title.sv" label={t.titleSv[lang]} value={f["title.sv"]} required problems={problems} />
        <TextField name="title.en" label={t.titleEn[lang]} value={f["title.en"]} required problems={problems} />
        <TextField name="purpose.sv" label={t.purposeSv[lang]} value={f["purpose.sv"]} multiline problems={problems} />
        <TextField name="purpose.en" label={t.purposeEn[lang]} value={f["purpose.en"]} multiline problems={problems} />
        <div class="field">
          <label for={fieldId("status")}>{t.status[lang]}</label>
          {statusErrors.length === 0 ? null : (
            <span class="error" id={`${fieldId("status")}-error`}>
              {statusErrors.join(" ")}
            </span>
          )}
          <select
            id={fieldId("status")}
            name="status"
            aria-invalid={statusErrors.length > 0 ? "true" : undefined}
            aria-describedby={statusErrors.length > 0 ? `${fieldId("status")}-error` : undefined}
          >
            {Project.Status.options.map((s) => (
              <option value={s} selected={s === form.status}>
                {t.status_[s]?.[lang] ?? s}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="period.start"
          label={t.periodStart[lang]}
          hint={t.periodHint[lang]}
          value={f["period.start"]}
          problems={problems}
        />
        <TextField name="period.end" label={t.periodEnd[lang]} value={f["period.end"]} problems={problems} />
        <fieldset
          id={fieldId("goals")}
          aria-describedby={goalErrors.length > 0 ? `${fieldId("goals")}-error` : undefined}
        >
          <legend>{t.goals[lang]}</legend>
          {goalErrors.length === 0 ? null : (
            <span class="error" id={`${fieldId("goals")}-error`}>
              {goalErrors.join(" ")}
            </span>
          )}
          {goals.length === 0 ? <p>{t.noGoals[lang]}</p> : null}
          {goals.map((g) => (
            <label>
              <input type="checkbox" name="goals" value={g.id} checked={form.goals.includes(g.id)} /> {g.label}
            </label>
          ))}
        </fieldset>
        <button class="primary" type="submit">
          {stored === undefined ? t.create[lang] : t.save[lang]}
        </button>
      </form>
    </Layout>
  )
}

const shown = (form: ProjectForm, name: string, goals: ReadonlyArray<GoalOption>, lang: Lang): string => {
  if (name === "status") return t.status_[form.status]?.[lang] ?? form.status
  if (name === "goals") {
    const labels = new Map(goals.map((g) => [g.id, g.label]))
    return form.goals.map((g) => labels.get(g) ?? g).join("; ")
  }
  return form.fields[name as (typeof textFields)[number]] ?? ""
}

/**
 * A stale edit: the record changed since the form was opened. Both versions side by side (changed fields marked),
 * a link to the saved version, and a form that saves the editor's version over it on purpose.
 *
 * @since 0.1.0
 */
export const ConflictPage: FC<{
  view: View
  mine: ProjectForm
  current: Stored<Project.Project>
  goals: ReadonlyArray<GoalOption>
}> = ({ view, mine, current, goals }) => {
  const { lang } = view
  const theirs = formOf(current.body)
  const labels = fieldLabels(lang)
  const names = ["title.sv", "title.en", "purpose.sv", "purpose.en", "status", "period.start", "period.end", "goals"]
  return (
    <Layout view={view} title={t.conflictTitle[lang]}>
      <p class="notice" role="alert">
        {t.conflictIntro[lang]}
      </p>
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">{t.field[lang]}</th>
            <th scope="col">{t.yours[lang]}</th>
            <th scope="col">
              {t.theirs[lang]} ({t.version[lang]} {current.version})
            </th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const a = shown(mine, name, goals, lang)
            const b = shown(theirs, name, goals, lang)
            return (
              <tr>
                <th scope="row">{labels[name]}</th>
                <td class={a === b ? undefined : "changed"}>{a}</td>
                <td class={a === b ? undefined : "changed"}>{b}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>
        <a href={to(view, `/projects/${encodeURIComponent(current.id)}`)}>{t.openCurrent[lang]}</a>
      </p>
      <form method="post" action={to(view, `/projects/${encodeURIComponent(current.id)}`)}>
        <Csrf view={view} />
        <input type="hidden" name="version" value={String(current.version)} />
        {textFields.map((name) => (
          <input type="hidden" name={name} value={mine.fields[name]} />
        ))}
        <input type="hidden" name="status" value={mine.status} />
        {mine.goals.map((g) => (
          <input type="hidden" name="goals" value={g} />
        ))}
        <button class="secondary" type="submit">
          {t.keepMine[lang]}
        </button>
      </form>
    </Layout>
  )
}

/** Runs a store effect, handing typed failures back (a driver failure is thrown, for the error page). */
const attempt = async <A, E extends { readonly _tag: string }>(
  runner: Runner,
  effect: Effect.Effect<A, E, Services>
): Promise<Either.Either<A, Exclude<E, { readonly _tag: "SqlError" }>>> => {
  const result = await runner.run(Effect.either(effect))
  if (Either.isLeft(result) && result.left._tag === "SqlError") throw result.left
  return result as Either.Either<A, Exclude<E, { readonly _tag: "SqlError" }>>
}

/**
 * The portfolio list at `/`, and creating and editing projects. Every write goes through the store's `Records`
 * (the API's write path, with its rules and its version check); the page only maps its answers.
 *
 * @since 0.1.0
 */
export const registerProjects = (app: Hono<Env>, runner: Runner) => {
  const memberOf = (c: Context<Env>) => c.get("view").session!.member
  const refused = (c: Context<Env>, error: { readonly _tag: string; readonly message: string }) => {
    const view = c.get("view")
    if (error._tag === "Forbidden") {
      return c.html(<MessagePage view={view} title={t.forbidden[view.lang]} message={t.forbidden[view.lang]} />, 403)
    }
    return c.html(<MessagePage view={view} title={t.notFound[view.lang]} message={t.notFound[view.lang]} />, 404)
  }

  app.get("/", async (c) => {
    const view = c.get("view")
    const member = memberOf(c)
    const { list, goals } = await runner.run(
      Effect.all({
        list: projects.list(member, { organisationId: member.organisationId }),
        goals: goalOptions(member, view.lang)
      })
    )
    const created = c.req.query("created")
    return c.html(
      <PortfolioPage
        view={view}
        projects={list}
        goals={goals}
        notice={created === undefined ? undefined : t.created[view.lang]}
      />
    )
  })

  app.get("/projects/new", async (c) => {
    const view = c.get("view")
    if (!canEdit(view)) return refused(c, { _tag: "Forbidden", message: "" })
    const goals = await runner.run(goalOptions(memberOf(c), view.lang))
    return c.html(<ProjectFormPage view={view} form={empty} goals={goals} problems={[]} />)
  })

  app.post("/projects", async (c) => {
    const view = c.get("view")
    const member = memberOf(c)
    const form = formFromRequest(c.get("form"))
    const result = await attempt(runner, projects.create(member, bodyOf(form)))
    if (Either.isRight(result)) return c.redirect(to(view, `/?created=${encodeURIComponent(result.right.id)}`), 303)
    if (result.left._tag === "Forbidden") return refused(c, result.left)
    const goals = await runner.run(goalOptions(member, view.lang))
    return c.html(
      <ProjectFormPage view={view} form={form} goals={goals} problems={problemsOfError(result.left, view.lang)} />,
      result.left._tag === "Conflict" ? 409 : 400
    )
  })

  app.get("/projects/:id", async (c) => {
    const view = c.get("view")
    const member = memberOf(c)
    const result = await attempt(
      runner,
      Effect.all({
        stored: projects.get(member, c.req.param("id"), { organisationId: member.organisationId }),
        goals: goalOptions(member, view.lang)
      })
    )
    if (Either.isLeft(result)) return refused(c, result.left)
    const { stored, goals } = result.right
    return c.html(
      <ProjectFormPage
        view={view}
        form={formOf(stored.body)}
        goals={goals}
        problems={[]}
        stored={stored}
        notice={c.req.query("saved") === undefined ? undefined : t.saved[view.lang]}
      />
    )
  })

  app.post("/projects/:id", async (c) => {
    const view = c.get("view")
    const member = memberOf(c)
    const id = c.req.param("id")
    const form = formFromRequest(c.get("form"))
    const version = Number(value(c.get("form"), "version"))
    const current = await attempt(runner, projects.get(member, id, { organisationId: member.organisationId }))
    if (Either.isLeft(current)) return refused(c, current.left)
    const result = await attempt(
      runner,
      projects.update(member, id, Number.isInteger(version) ? version : 0, bodyOf(form, current.right.body))
    )
    if (Either.isRight(result)) return c.redirect(to(view, `/projects/${encodeURIComponent(id)}?saved=1`), 303)
    const error = result.left
    if (error._tag === "Forbidden" || error._tag === "NotFound") return refused(c, error)
    const goals = await runner.run(goalOptions(member, view.lang))
    if (error._tag === "Conflict" && error.expected !== undefined) {
      // The record moved on since the form was opened: show both versions.
      const latest = await runner.run(projects.get(member, id, { organisationId: member.organisationId }))
      return c.html(<ConflictPage view={view} mine={form} current={latest} goals={goals} />, 409)
    }
    return c.html(
      <ProjectFormPage
        view={view}
        form={form}
        goals={goals}
        problems={problemsOfError(error, view.lang)}
        stored={current.right}
        version={version}
      />,
      400
    )
  })
}
