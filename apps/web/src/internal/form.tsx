import type { FC } from "hono/jsx"
import { t } from "./text.js"
import type { View } from "./view.js"

/** A problem shown at a form field: the field's name (its path in the record, e.g. `title.sv`) and the message. */
export interface FieldProblem {
  readonly field: string | undefined
  readonly message: string
}

/** The id of a field's input, from its name. */
export const fieldId = (name: string): string => `f-${name.replace(/[^a-z0-9]+/gi, "-")}`

/** One value of a parsed form (the first, for a repeated name); `""` when missing. */
export const value = (form: Record<string, string | ReadonlyArray<string>>, name: string): string => {
  const v = form[name]
  return typeof v === "string" ? v : (v?.[0] ?? "")
}

/** Every value of a repeated form name (checkboxes). */
export const values = (form: Record<string, string | ReadonlyArray<string>>, name: string): ReadonlyArray<string> => {
  const v = form[name]
  return v === undefined ? [] : typeof v === "string" ? [v] : v
}

/** The summary at the top of a form: every problem, each linking to its field (GOV.UK's error summary pattern). */
export const ErrorSummary: FC<{ view: View; problems: ReadonlyArray<FieldProblem> }> = ({ view, problems }) =>
  problems.length === 0 ? null : (
    <div class="errors" role="alert" aria-labelledby="errors-title" tabindex={-1}>
      <h2 id="errors-title">{t.errorsTitle[view.lang]}</h2>
      <ul>
        {problems.map((p) => (
          <li>{p.field === undefined ? p.message : <a href={`#${fieldId(p.field)}`}>{p.message}</a>}</li>
        ))}
      </ul>
    </div>
  )

/** The problems of one field, under its label. */
export const problemsOf = (problems: ReadonlyArray<FieldProblem>, name: string): ReadonlyArray<string> =>
  problems.filter((p) => p.field === name).map((p) => p.message)

/** A labelled text input with its hint and its problems (announced through `aria-describedby`). */
export const TextField: FC<{
  name: string
  label: string
  value: string
  problems: ReadonlyArray<FieldProblem>
  hint?: string | undefined
  type?: "text" | "email" | "password"
  autocomplete?: string
  required?: boolean | undefined
  multiline?: boolean
}> = (p) => {
  const id = fieldId(p.name)
  const errors = problemsOf(p.problems, p.name)
  const described = [p.hint === undefined ? "" : `${id}-hint`, errors.length > 0 ? `${id}-error` : ""]
    .filter((s) => s !== "")
    .join(" ")
  const common = {
    id,
    name: p.name,
    "aria-invalid": errors.length > 0 ? "true" : undefined,
    "aria-describedby": described === "" ? undefined : described,
    required: p.required === true ? true : undefined
  }
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      {p.hint === undefined ? null : (
        <span class="hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      {errors.length === 0 ? null : (
        <span class="error" id={`${id}-error`}>
          {errors.join(" ")}
        </span>
      )}
      {p.multiline === true ? (
        <textarea {...common}>{p.value}</textarea>
      ) : (
        <input {...common} type={p.type ?? "text"} value={p.value} autocomplete={p.autocomplete} />
      )}
    </div>
  )
}
