import type { z } from "zod"

/**
 * The rule a problem breaks.
 *
 * @since 0.1.0
 */
export type Rule =
  | "json"
  | "format"
  | "schema"
  | "duplicate-id"
  | "unknown-reference"
  | "cycle"
  | "period-order"
  | "period-outside"
  | "phase-order"
  | "amount-currency"
  | "unknown-code"
  | "municipality-outside-region"
  | "unknown-zone"

/**
 * One problem in a workspace document: where it is (a path such as `projects[2].links[0].id`), which rule it breaks,
 * and a message that starts with the path and says what was expected and what was found.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly path: string
  readonly rule: Rule
  readonly message: string
}

/**
 * A path as text: `["projects", 2, "links", 0, "id"]` → `"projects[2].links[0].id"`; the empty path is
 * `"(document)"`.
 *
 * @since 0.1.0
 */
export const formatPath = (path: ReadonlyArray<PropertyKey>): string => {
  let out = ""
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`
    else out += out === "" ? String(key) : `.${String(key)}`
  }
  return out === "" ? "(document)" : out
}

/**
 * A problem from a path, rule and the expectation text; the message is `"<path>: <expectation>"`.
 *
 * @since 0.1.0
 */
export const make = (path: ReadonlyArray<PropertyKey> | string, rule: Rule, expectation: string): Problem => {
  const p = typeof path === "string" ? path : formatPath(path)
  return { path: p, rule, message: `${p}: ${expectation}` }
}

/**
 * The problems of a failed zod parse, one per issue, each with its path.
 *
 * @since 0.1.0
 */
export const fromZod = (error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): ReadonlyArray<Problem> =>
  error.issues.map((issue) => make([...prefix, ...issue.path], "schema", issue.message))
