/**
 * A CSV text that cannot be read as a table: names the source, the 1-based line and column, and what was expected.
 *
 * @since 0.1.0
 */
export class CsvError extends Error {
  override readonly name = "CsvError"
  constructor(
    /** The file name or other label the text came from. */
    readonly source: string,
    /** 1-based line of the problem. */
    readonly line: number,
    /** The column (header name) or 1-based column number of the problem, when known. */
    readonly column: string | number | undefined,
    /** What was expected and what was found. */
    readonly detail: string
  ) {
    super(`${source}:${line}${column === undefined ? "" : ` column ${JSON.stringify(column)}`}: ${detail}`)
  }
}
