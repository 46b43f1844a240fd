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
