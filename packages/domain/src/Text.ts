/**
 * One place where a stored text breaks the rules every text of Innokraft keeps, whatever its field: a NUL or another
 * C0 control character other than tab, line feed and carriage return (or DEL), or a UTF-16 surrogate without its pair
 * (not a Unicode character; UTF-8 and PostgreSQL cannot hold it). The path names the field, e.g.
 * `["title", "sv"]`; an object key that breaks the rules is named by its parent's path and the key.
 *
 * @since 0.2.0
 */
export interface Hostile {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/**
 * What is wrong with one text, or `undefined` when it keeps the rules.
 *
 * @example
 * ```ts
 * Text.problem("a\u0000b") // 'expected text without control characters, found U+0000 at position 1'
 * ```
 * @since 0.2.0
 */
export const problem = (text: string): string | undefined => {
  const c = control.exec(text)
  if (c !== null) {
    const code = c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")
    return `expected text without control characters (tab and line breaks allowed), found U+${code} at position ${c.index}`
  }
  const s = loneSurrogate.exec(text)
  if (s !== null) {
    const code = s[0].charCodeAt(0).toString(16).toUpperCase()
    return `expected Unicode text, found an unpaired surrogate U+${code} at position ${s.index}`
  }
  return undefined
}

/**
 * Every text in a JSON value (strings and object keys, at any depth) that breaks the rules of {@link problem}, with
 * its path; at most `limit` (default 20), in document order.
 *
 * @example
 * ```ts
 * Text.hostile({ title: { sv: "ok", en: "bad\u0000" } }) // [{ path: ["title", "en"], message: "expected text …" }]
 * ```
 * @since 0.2.0
 */
export const hostile = (value: unknown, path: ReadonlyArray<string | number> = [], limit = 20): Array<Hostile> => {
  const found: Array<Hostile> = []
  const visit = (v: unknown, at: ReadonlyArray<string | number>) => {
    if (found.length >= limit) return
    if (typeof v === "string") {
      const message = problem(v)
      if (message !== undefined) found.push({ path: at, message })
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => {
        visit(item, [...at, i])
      })
    } else if (typeof v === "object" && v !== null) {
      for (const [key, item] of Object.entries(v)) {
        const message = problem(key)
        if (message !== undefined && found.length < limit)
          found.push({ path: [...at, key], message: `key: ${message}` })
        visit(item, [...at, key])
      }
    }
  }
  visit(value, path)
  return found
}
