/**
 * A framework, data set or specification that cannot be used: names the place (a field path, a code, a file and
 * line) and what was expected.
 *
 * @since 0.1.0
 */
export class MeasureError extends Error {
  override readonly name = "MeasureError"
  constructor(
    /** Where the problem is: a field path such as `indicators[3].parent`, or a code. */
    readonly path: string,
    /** What was expected and what was found. */
    readonly detail: string
  ) {
    super(`${path}: ${detail}`)
  }
}
