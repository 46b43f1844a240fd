import { z } from "zod"

/**
 * The id convention: lower-case, slug-like ASCII words joined by single hyphens, 1–120 characters, e.g.
 * `"vasterbotten-ris-2022"` or `"boras-ipb"`. Ids are stable: they are how records point at each other and how
 * two workspaces are compared, so they never change when a title does.
 *
 * @since 0.1.0
 */
export const pattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * The one grammar of every identifier in Innokraft — records of every package (workspace records, loop cycles and
 * their ideas, meetings, participants, outcomes), runs, organisations — and so of every URL path segment that names
 * one: 1–120 ASCII letters and digits, with `-`, `_` or `.` allowed between them (`"I-17"`, `"ST1"`,
 * `"vasterbotten-ris-2022"`). No `/`, spaces, control characters or other Unicode, so an id is safe in a path, a
 * file name and a composite key. Workspace record ids are the lower-case slugs of {@link pattern}, a subset.
 *
 * @since 0.2.0
 */
export const keyPattern = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,118}[A-Za-z0-9])?$/

/**
 * Whether a string follows {@link keyPattern}, the grammar every id follows.
 *
 * @since 0.2.0
 */
export const isKey = (text: string): boolean => keyPattern.test(text)

/**
 * The zod schema of an id of any package ({@link keyPattern}), e.g. `Id.key("idea")` for the loop's idea ids.
 *
 * @since 0.2.0
 */
export const key = (kind: string) =>
  z
    .string()
    .regex(keyPattern, {
      message: `expected ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} id: 1 to 120 ASCII letters and digits, with "-", "_" or "." between them, e.g. "I-17"`
    })
    .describe(`${/^[aeiou]/.test(kind) ? "An" : "A"} ${kind} id (ASCII letters, digits, "-", "_", ".", e.g. "I-17").`)

/**
 * Turns a text that does not follow {@link keyPattern} into one that does, for migrating stored ids: every run of
 * other characters becomes `-`, and the ends are trimmed to a letter or digit (`"pub/secret"` → `"pub-secret"`).
 * An id with no letter or digit at all becomes `"x"`. The caller makes the result unique.
 *
 * @since 0.2.0
 */
export const toKey = (text: string): string => {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[._-]+$/g, "")
    .slice(0, 120)
    .replace(/[._-]+$/g, "")
  return folded === "" ? "x" : folded
}

/**
 * The zod schema of one id kind, e.g. `Id.of("project")`. All kinds share {@link pattern}; the kind appears in
 * error messages and in the JSON Schema description.
 *
 * @since 0.1.0
 */
export const of = (kind: string) => {
  const article = /^[aeiou]/.test(kind) ? "an" : "a"
  return z
    .string()
    .max(120)
    .regex(pattern, {
      message: `expected ${article} ${kind} id: lower-case letters and digits in words joined by single hyphens, e.g. "vasterbotten-ris-2022"`
    })
    .describe(`${article === "an" ? "An" : "A"} ${kind} id (lower-case slug, e.g. "vasterbotten-ris-2022").`)
}

/**
 * Whether a string follows the id convention.
 *
 * @since 0.1.0
 */
export const isId = (text: string): boolean => text.length <= 120 && pattern.test(text)

/**
 * Turns a title into an id candidate: ASCII-folds å/ä/ö and other accents, lower-cases, joins words with hyphens.
 *
 * @example
 * ```ts
 * Id.slug("Västerbotten RIS 2022–2030") // "vasterbotten-ris-2022-2030"
 * ```
 * @since 0.1.0
 */
export const slug = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/g, "")
