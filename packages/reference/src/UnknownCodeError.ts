import { closest } from "./internal/closest.js"

/**
 * A code that is not in a reference list. The message names the list, the code, what a valid code looks like and
 * the closest known codes.
 *
 * @since 0.1.0
 */
export class UnknownCodeError extends Error {
  override readonly name = "UnknownCodeError"
  /** The closest known codes, best first (at most three). */
  readonly suggestions: ReadonlyArray<string>
  constructor(
    /** The list that was searched, e.g. `"county"`. */
    readonly list: string,
    /** The code that was not found. */
    readonly code: string,
    /** What a valid code looks like, e.g. `"a two-digit county code such as \"24\""`. */
    readonly expected: string,
    known: ReadonlyArray<string>
  ) {
    const suggestions = closest(code, known, 3)
    super(
      `Unknown ${list} code ${JSON.stringify(code)}: expected ${expected}` +
        (suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => JSON.stringify(s)).join(", ")}?` : ".")
    )
    this.suggestions = suggestions
  }
}
