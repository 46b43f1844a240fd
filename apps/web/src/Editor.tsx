import { Id } from "@innokraft/domain"
import { Caller, type Kind, Records, type Stored, type StoreError } from "@innokraft/store"
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

/** A text in both languages. */
type Text = { readonly sv: string; readonly en: string }

/**
 * One choice of a select or checkbox field.
 *
 * @since 0.1.0
 */
export interface Choice {
  readonly value: string
  readonly label: string
}

/**
 * One field of a record form. Its `name` is its path in the record (`title.sv`, `goalId`), so that the store's
 * problems land at it; `claims` lists further record paths whose problems belong to it (`links` for a goal list).
 *
 * @since 0.1.0
 */
export interface Field {
  readonly name: string
  readonly label: Text
  readonly type: "text" | "multiline" | "select" | "checks"
  readonly hint?: Text | undefined
  readonly required?: boolean | undefined
  readonly claims?: ReadonlyArray<string> | undefined
}

/**
 * A form's values: one string per field, a list for a checkbox field.
 *
 * @since 0.1.0
 */
export type Values = Readonly<Record<string, string | ReadonlyArray<string>>>

/**
 * How one kind of record is listed and edited. Reading (`read`) and writing (`write`) are the only kind-specific
 * parts; the store checks what `write` makes.
 *
 * @since 0.1.0
 */
export interface Editor<T extends { readonly id: string }> {
  /** The path under the workspace (`projects`). */
  readonly path: string
  readonly kind: Kind<T>
  readonly plural: Text
  readonly singular: Text
  readonly fields: ReadonlyArray<Field>
  /** The choices of select and checkbox fields (references to other records, enums), by field name. */
  readonly choices: (
    caller: Caller.Member,
    lang: Lang
  ) => Effect.Effect<Readonly<Record<string, ReadonlyArray<Choice>>>, unknown, Services>
  /** A stored record's form values. */
  readonly read: (body: T) => Values
  /** The record the values stand for; on an edit, fields the form does not show are kept from `stored`. */
  readonly write: (values: Values, stored: T | undefined) => Record<string, unknown>
  /** The list's columns after the linked title. */
  readonly columns: ReadonlyArray<{
    readonly label: Text
    readonly cell: (body: T, lang: Lang, choices: Readonly<Record<string, ReadonlyArray<Choice>>>) => string
  }>
  /** The record's title in a language. */
  readonly title: (body: T, lang: Lang) => string
}

/**
 * The label of a chosen value (the value itself when it is not among the choices).
 *
 * @since 0.1.0
 */
export const labelOf = (choices: ReadonlyArray<Choice> | undefined, chosen: string): string =>
  choices?.find((c) => c.value === chosen)?.label ?? chosen

/**
 * The one value of a field (`""` when missing).
 *
 * @since 0.1.0
 */
export const one = (values: Values, name: string): string => {
  const v = values[name]
  return typeof v === "string" ? v : (v?.[0] ?? "")
}

/**
 * The values of a checkbox field.
 *
 * @since 0.1.0
 */
export const many = (values: Values, name: string): ReadonlyArray<string> => {
  const v = values[name]
  return v === undefined ? [] : typeof v === "string" ? (v === "" ? [] : [v]) : v
}

/**
 * A `{ sv, en }` text from two fields, or nothing when both are empty (the store then says whether it is required).
 *
 * @since 0.1.0
 */
export const labelFrom = (values: Values, path: string): Text | undefined => {
  const sv = one(values, `${path}.sv`)
  const en = one(values, `${path}.en`)
  return sv === "" && en === "" ? undefined : { sv, en }
}

/**
 * A partial period from `period.start` and `period.end`, or nothing.
 *
 * @since 0.1.0
 */
export const periodFrom = (values: Values): { start?: string; end?: string } | undefined => {
  const start = one(values, "period.start")
  const end = one(values, "period.end")
  if (start === "" && end === "") return undefined
  return { ...(start === "" ? {} : { start }), ...(end === "" ? {} : { end }) }
}

/**
 * A whole number from a field, or the text as given (so that the store names what is wrong with it), or nothing.
 *
 * @since 0.1.0
 */
export const numberFrom = (values: Values, name: string): number | string | undefined => {
  const text = one(values, name)
  if (text === "") return undefined
  return /^-?\d+$/.test(text) ? Number(text) : text
}

/**
 * Drops `undefined` members, so that optional fields left empty are absent rather than `undefined`.
 *
 * @since 0.1.0
 */
export const compact = (record: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined))

const canEdit = (view: View): boolean => view.session !== undefined && Caller.atLeast(view.session.user.role, "editor")

const fieldFor = (fields: ReadonlyArray<Field>, path: string): Field | undefined =>
  fields.find((f) => f.name === path) ??
  fields.find((f) => f.name.startsWith(`${path}.`)) ??
  fields.find((f) => (f.claims ?? []).some((c) => path === c || path.startsWith(`${c}.`))) ??
  fields.find((f) => path.startsWith(`${f.name}.`))

const emptyText = /^Too small: expected string to have >=1 characters?$/

/**
 * The problems of a refused write, each at its field: `Invalid`'s field paths, a duplicate id at the id.
 *
 * @since 0.1.0
 */
export const problemsOfError = (
  fields: ReadonlyArray<Field>,
  error: StoreError,
  lang: Lang
): ReadonlyArray<FieldProblem> => {
  if (error._tag === "Invalid") {
    return error.problems.map((p) => {
      const field = fieldFor(fields, p.path)
      // zod's words for an empty required text, said in the page's language; every other message as the store gives it
      const message = emptyText.test(p.message) ? t.required[lang] : p.message
      return { field: field?.name, message: `${field === undefined ? p.path : field.label[lang]}: ${message}` }
    })
  }
  return [{ field: error._tag === "Conflict" ? "id" : undefined, message: error.message }]
}

const idField: Field = {
  name: "id",
  label: { sv: "Id", en: "Id" },
  type: "text",
  hint: {
    sv: "Små bokstäver, siffror och bindestreck. Lämna tomt för att bilda det av den svenska titeln.",
    en: "Lower-case letters, digits and hyphens. Leave empty to make it from the Swedish title."
  }
}

type Choices = Readonly<Record<string, ReadonlyArray<Choice>>>

const Input: FC<{
  view: View
  field: Field
  values: Values
  choices: Choices
  problems: ReadonlyArray<FieldProblem>
}> = ({ view, field, values, choices, problems }) => {
  const { lang } = view
  const id = fieldId(field.name)
  if (field.type === "text" || field.type === "multiline") {
    return (
      <TextField
        name={field.name}
        label={field.label[lang]}
        hint={field.hint?.[lang]}
        value={one(values, field.name)}
        required={field.required}
        multiline={field.type === "multiline"}
        problems={problems}
      />
    )
  }
  const errors = problemsOf(problems, field.name)
  const error =
    errors.length === 0 ? null : (
      <span class="error" id={`${id}-error`}>
        {errors.join(" ")}
      </span>
    )
  const described = errors.length > 0 ? `${id}-error` : undefined
  if (field.type === "select") {
    const chosen = one(values, field.name)
    return (
      <div class="field">
        <label for={id}>{field.label[lang]}</label>
        {error}
        <select
          id={id}
          name={field.name}
          aria-invalid={errors.length > 0 ? "true" : undefined}
          aria-describedby={described}
        >
          {field.required === true ? null : <option value="">–</option>}
          {(choices[field.name] ?? []).map((c) => (
            <option value={c.value} selected={c.value === chosen}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    )
  }
  const chosen = many(values, field.name)
  const options = choices[field.name] ?? []
  return (
    <fieldset id={id} aria-describedby={described}>
      <legend>{field.label[lang]}</legend>
      {error}
      {options.length === 0 ? <p>–</p> : null}
      {options.map((c) => (
        <label>
          <input type="checkbox" name={field.name} value={c.value} checked={chosen.includes(c.value)} /> {c.label}
        </label>
      ))}
    </fieldset>
  )
}

const shown = (field: Field, values: Values, choices: Choices): string =>
  field.type === "checks"
    ? many(values, field.name)
        .map((v) => labelOf(choices[field.name], v))
        .join("; ")
    : field.type === "select"
      ? labelOf(choices[field.name], one(values, field.name))
      : one(values, field.name)

/**
 * The list of an organisation's records of one kind, with a way to add one for editors.
 *
 * @since 0.1.0
 */
export const ListPage: FC<{
  view: View
  editor: Editor<{ readonly id: string }>
  title: string
  records: ReadonlyArray<Stored<{ readonly id: string }>>
  choices: Choices
  notice?: string | undefined
}> = ({ view, editor, title, records, choices, notice }) => {
  const { lang } = view
  return (
    <Layout view={view} title={title}>
      {notice === undefined ? null : (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {canEdit(view) ? (
        <p>
          <a class="button" href={to(view, `/${editor.path}/new`)}>
            {`${t.new[lang]}: ${editor.singular[lang].toLowerCase()}`}
          </a>
        </p>
      ) : (
        <p class="meta">{t.viewerNote[lang]}</p>
      )}
      <h2>{editor.plural[lang]}</h2>
      {records.length === 0 ? (
        <p>{t.none[lang]}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{editor.singular[lang]}</th>
              {editor.columns.map((c) => (
                <th scope="col">{c.label[lang]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr>
                <td>
                  <a href={to(view, `/${editor.path}/${encodeURIComponent(r.id)}`)}>{editor.title(r.body, lang)}</a>
                </td>
                {editor.columns.map((c) => (
                  <td>{c.cell(r.body, lang, choices)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  )
}

/**
 * The form of a record, to create (no id yet) or to edit at a version; a viewer gets the same facts without
 * controls.
 *
 * @since 0.1.0
 */
export const FormPage: FC<{
  view: View
  editor: Editor<{ readonly id: string }>
  values: Values
  choices: Choices
  problems: ReadonlyArray<FieldProblem>
  stored?: Stored<{ readonly id: string }> | undefined
  /** The version the form edits (the one it was opened at). */
  version?: number | undefined
  notice?: string | undefined
}> = ({ view, editor, values, choices, problems, stored, version, notice }) => {
  const { lang } = view
  const name =
    stored === undefined ? `${t.new[lang]}: ${editor.singular[lang].toLowerCase()}` : editor.title(stored.body, lang)
  if (!canEdit(view)) {
    return (
      <Layout view={view} title={name}>
        <p class="meta">{t.viewerNote[lang]}</p>
        <dl class="facts">
          {[idField, ...editor.fields].map((f) => (
            <>
              <dt>{f.label[lang]}</dt>
              <dd>{shown(f, values, choices) || "–"}</dd>
            </>
          ))}
        </dl>
      </Layout>
    )
  }
  const action = stored === undefined ? `/${editor.path}` : `/${editor.path}/${encodeURIComponent(stored.id)}`
  return (
    <Layout view={view} title={stored === undefined ? name : `${t.edit[lang]}: ${name}`}>
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
          <Input view={view} field={idField} values={values} choices={choices} problems={problems} />
        ) : null}
        {editor.fields.map((f) => (
          <Input view={view} field={f} values={values} choices={choices} problems={problems} />
        ))}
        <button class="primary" type="submit">
          {stored === undefined ? t.create[lang] : t.save[lang]}
        </button>
      </form>
    </Layout>
  )
}

/**
 * A stale edit: the record changed since the form was opened. Both versions side by side (changed fields marked),
 * a link to the saved version, and a form that saves the editor's version over it on purpose.
 *
 * @since 0.1.0
 */
export const ConflictPage: FC<{
  view: View
  editor: Editor<{ readonly id: string }>
  mine: Values
  current: Stored<{ readonly id: string }>
  choices: Choices
}> = ({ view, editor, mine, current, choices }) => {
  const { lang } = view
  const theirs = editor.read(current.body)
  const path = `/${editor.path}/${encodeURIComponent(current.id)}`
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
          {editor.fields.map((f) => {
            const a = shown(f, mine, choices)
            const b = shown(f, theirs, choices)
            return (
              <tr>
                <th scope="row">{f.label[lang]}</th>
                <td class={a === b ? undefined : "changed"}>{a}</td>
                <td class={a === b ? undefined : "changed"}>{b}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p>
        <a href={to(view, path)}>{t.openCurrent[lang]}</a>
      </p>
      <form method="post" action={to(view, path)}>
        <Csrf view={view} />
        <input type="hidden" name="version" value={String(current.version)} />
        {editor.fields.flatMap((f) =>
          (f.type === "checks" ? many(mine, f.name) : [one(mine, f.name)]).map((v) => (
            <input type="hidden" name={f.name} value={v} />
          ))
        )}
        <button class="secondary" type="submit">
          {t.keepMine[lang]}
        </button>
      </form>
    </Layout>
  )
}

const valuesOf = (
  editor: Editor<{ readonly id: string }>,
  form: Record<string, string | ReadonlyArray<string>>
): Values =>
  Object.fromEntries(
    [idField, ...editor.fields].map((f) => [
      f.name,
      f.type === "checks" ? values(form, f.name) : value(form, f.name).trim()
    ])
  )

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
 * Registers the list (`/<path>`, and `home` when given), the create form and the edit form of one kind. Every write
 * goes through the store's `Records` (the API's write path, with its rules and its version check); the pages only
 * map its answers: problems at their fields (400), a duplicate id (409), a stale version (409, the conflict page),
 * a role that may not write (403), another organisation's record (404).
 *
 * @since 0.1.0
 */
export const registerEditor = <T extends { readonly id: string }>(
  app: Hono<Env>,
  runner: Runner,
  typed: Editor<T>,
  options: { readonly home?: { readonly path: string; readonly title: Text } } = {}
) => {
  const editor = typed as unknown as Editor<{ readonly id: string }>
  const repo = Records.repository(editor.kind)
  const memberOf = (c: Context<Env>) => c.get("view").session!.member
  const own = (c: Context<Env>) => ({ organisationId: memberOf(c).organisationId })
  const choicesOf = (c: Context<Env>) => runner.run(editor.choices(memberOf(c), c.get("view").lang)) as Promise<Choices>
  const listPath = options.home?.path ?? `/${editor.path}`
  const refused = (c: Context<Env>, error: { readonly _tag: string }) => {
    const view = c.get("view")
    const forbidden = error._tag === "Forbidden"
    const title = forbidden ? t.forbidden[view.lang] : t.notFound[view.lang]
    return c.html(<MessagePage view={view} title={title} message={title} />, forbidden ? 403 : 404)
  }

  const list = async (c: Context<Env>, title: string) => {
    const view = c.get("view")
    const [records, choices] = await Promise.all([runner.run(repo.list(memberOf(c), own(c))), choicesOf(c)])
    const notice = c.req.query("created") === undefined ? undefined : t.created[view.lang]
    return c.html(
      <ListPage view={view} editor={editor} title={title} records={records} choices={choices} notice={notice} />
    )
  }
  if (options.home !== undefined) {
    const home = options.home
    app.get(home.path, (c) => list(c, home.title[c.get("view").lang]))
  }
  app.get(`/${editor.path}`, (c) => list(c, editor.plural[c.get("view").lang]))

  app.get(`/${editor.path}/new`, async (c) => {
    const view = c.get("view")
    if (!canEdit(view)) return refused(c, { _tag: "Forbidden" })
    return c.html(<FormPage view={view} editor={editor} values={{}} choices={await choicesOf(c)} problems={[]} />)
  })

  app.post(`/${editor.path}`, async (c) => {
    const view = c.get("view")
    const values = valuesOf(editor, c.get("form"))
    const body = editor.write(values, undefined)
    const id = one(values, "id")
    const result = await attempt(
      runner,
      repo.create(memberOf(c), { ...body, id: id === "" ? Id.slug(one(values, "title.sv")) : id })
    )
    if (Either.isRight(result)) {
      return c.redirect(to(view, `${listPath}?created=${encodeURIComponent(result.right.id)}`), 303)
    }
    if (result.left._tag === "Forbidden") return refused(c, result.left)
    return c.html(
      <FormPage
        view={view}
        editor={editor}
        values={values}
        choices={await choicesOf(c)}
        problems={problemsOfError([idField, ...editor.fields], result.left, view.lang)}
      />,
      result.left._tag === "Conflict" ? 409 : 400
    )
  })

  app.get(`/${editor.path}/:id`, async (c) => {
    const view = c.get("view")
    const result = await attempt(runner, repo.get(memberOf(c), c.req.param("id"), own(c)))
    if (Either.isLeft(result)) return refused(c, result.left)
    const stored = result.right
    return c.html(
      <FormPage
        view={view}
        editor={editor}
        values={editor.read(stored.body)}
        choices={await choicesOf(c)}
        problems={[]}
        stored={stored}
        notice={c.req.query("saved") === undefined ? undefined : t.saved[view.lang]}
      />
    )
  })

  app.post(`/${editor.path}/:id`, async (c) => {
    const view = c.get("view")
    const member = memberOf(c)
    const id = c.req.param("id")
    const values = valuesOf(editor, c.get("form"))
    const version = Number(value(c.get("form"), "version"))
    const current = await attempt(runner, repo.get(member, id, own(c)))
    if (Either.isLeft(current)) return refused(c, current.left)
    const body = { ...editor.write(values, current.right.body), id }
    const result = await attempt(runner, repo.update(member, id, Number.isInteger(version) ? version : 0, body))
    if (Either.isRight(result)) return c.redirect(to(view, `/${editor.path}/${encodeURIComponent(id)}?saved=1`), 303)
    const error = result.left
    if (error._tag === "Forbidden" || error._tag === "NotFound") return refused(c, error)
    const choices = await choicesOf(c)
    if (error._tag === "Conflict" && error.expected !== undefined) {
      // The record moved on since the form was opened: show both versions.
      const latest = await runner.run(repo.get(member, id, own(c)))
      return c.html(<ConflictPage view={view} editor={editor} mine={values} current={latest} choices={choices} />, 409)
    }
    return c.html(
      <FormPage
        view={view}
        editor={editor}
        values={values}
        choices={choices}
        problems={problemsOfError(editor.fields, error, view.lang)}
        stored={current.right}
        version={version}
      />,
      400
    )
  })
}
