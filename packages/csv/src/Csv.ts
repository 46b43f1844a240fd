import { CsvError } from "./CsvError.js"

/**
 * A parsed CSV table: the header and the rows as arrays of strings, with the 1-based source line of each row so that
 * later validation can point at it.
 *
 * @since 0.1.0
 */
export interface Table {
  /** The file name or other label the text came from, used in error messages. */
  readonly source: string
  readonly header: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReadonlyArray<string>>
  /** `lines[i]` is the 1-based line on which `rows[i]` starts. */
  readonly lines: ReadonlyArray<number>
  /** The decimal separator {@link number} reads: `"."` when absent. */
  readonly decimal?: Decimal
}

/**
 * The decimal separator of numbers in a file: `"."`, or `","` as in files exported with Swedish settings (`12,5`).
 *
 * @since 0.1.0
 */
export type Decimal = "." | ","

/**
 * Options for {@link parse}.
 *
 * @since 0.1.0
 */
export interface ParseOptions {
  /** Label for error messages, usually the file path. Default `"<csv>"`. */
  readonly source?: string
  /** Field delimiter. Default `","`; SCB and Excel exports in Swedish locales often use `";"`. */
  readonly delimiter?: "," | ";" | "\t"
  /**
   * The decimal separator for {@link number}. Default `"."`. Use `","` for Swedish-locale exports, which write
   * `12,5` and separate fields with `";"`. A comma cannot be both the decimal separator and the delimiter.
   */
  readonly decimal?: Decimal
}

const QUOTE = 34
const LF = 10
const CR = 13

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, LF or CRLF line ends, an optional UTF-8 BOM) into a
 * {@link Table}. Blank lines are skipped. A row whose field count differs from the header's, an unterminated quote or
 * text after a closing quote is a {@link CsvError} naming the line.
 *
 * @example
 * ```ts
 * import { Csv } from "@innokraft/csv"
 * const table = Csv.parse("region,value\nSE331,12\n", { source: "data.csv" })
 * table.rows[0] // ["SE331", "12"]
 * ```
 * @since 0.1.0
 */
export const parse = (text: string, options: ParseOptions = {}): Table => {
  const source = options.source ?? "<csv>"
  if (options.decimal === "," && (options.delimiter ?? ",") === ",") {
    throw new RangeError(`${source}: a decimal comma needs another delimiter, e.g. ";"`)
  }
  const delimiter = (options.delimiter ?? ",").charCodeAt(0)
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  const records: Array<Array<string>> = []
  const lines: Array<number> = []
  while (i < n) {
    const startLine = line
    const record: Array<string> = []
    for (;;) {
      let value: string
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1
        let parts = ""
        for (;;) {
          const q = text.indexOf('"', j)
          if (q < 0) throw new CsvError(source, startLine, record.length + 1, "a quoted field is never closed")
          parts += text.slice(j, q)
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += '"'
            j = q + 2
          } else {
            i = q + 1
            break
          }
        }
        for (let k = parts.indexOf("\n"); k >= 0; k = parts.indexOf("\n", k + 1)) line++
        value = parts
        const c = text.charCodeAt(i)
        if (i < n && c !== delimiter && c !== LF && c !== CR) {
          throw new CsvError(source, line, record.length + 1, `expected a delimiter or line end after a closing quote`)
        }
      } else {
        let j = i
        while (j < n) {
          const c = text.charCodeAt(j)
          if (c === delimiter || c === LF || c === CR) break
          j++
        }
        value = text.slice(i, j)
        i = j
      }
      record.push(value)
      const c = text.charCodeAt(i)
      if (c === delimiter) {
        i++
        continue
      }
      if (c === CR) i++
      if (text.charCodeAt(i) === LF) i++
      line++
      break
    }
    if (record.length === 1 && record[0] === "") continue
    records.push(record)
    lines.push(startLine)
  }
  const header = records.shift()
  const headerLine = lines.shift()
  if (!header) throw new CsvError(source, 1, undefined, "expected a header row, found an empty file")
  const seen = new Set<string>()
  for (const name of header) {
    if (seen.has(name)) throw new CsvError(source, headerLine ?? 1, name, "the header names this column twice")
    seen.add(name)
  }
  for (let r = 0; r < records.length; r++) {
    const width = records[r]!.length
    if (width !== header.length) {
      throw new CsvError(
        source,
        lines[r]!,
        undefined,
        `expected ${header.length} fields as in the header, found ${width}`
      )
    }
  }
  return { source, header, rows: records, lines, ...(options.decimal === "," ? { decimal: "," as const } : {}) }
}

/**
 * The index of a named column, or a {@link CsvError} that lists the columns the table does have.
 *
 * @since 0.1.0
 */
export const columnIndex = (table: Table, name: string): number => {
  const index = table.header.indexOf(name)
  if (index < 0) {
    throw new CsvError(
      table.source,
      1,
      name,
      `expected a column named "${name}"; the header has ${table.header.map((h) => `"${h}"`).join(", ")}`
    )
  }
  return index
}

/**
 * The rows as records keyed by header name — convenient for small tables such as code lists.
 *
 * @since 0.1.0
 */
export const records = (table: Table): Array<Record<string, string>> =>
  table.rows.map((row) => Object.fromEntries(table.header.map((name, j) => [name, row[j]!])))

// With a decimal comma: digits, at most one comma, an optional exponent; no point (it could be a thousands separator).
const COMMA_NUMBER = /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/

/**
 * A field's text as {@link number} reads it: trimmed; empty, `NA`, `..`, `:` or `NaN` is `null`; a finite number
 * with `decimal` as its separator is the number; anything else is `undefined`. For readers that scan text themselves.
 *
 * @example
 * ```ts
 * Csv.parseNumber("12,5", ",") // 12.5
 * Csv.parseNumber("..") //        null
 * Csv.parseNumber("12,5") //      undefined
 * ```
 * @since 0.1.0
 */
export const parseNumber = (field: string, decimal: Decimal = "."): number | null | undefined => {
  const text = field.trim()
  if (text === "" || text === "NA" || text === ".." || text === ":" || text === "NaN") return null
  if (decimal === "," && !COMMA_NUMBER.test(text)) return undefined
  const value = Number(decimal === "," ? text.replace(",", ".") : text)
  return Number.isFinite(value) ? value : undefined
}

/**
 * Reads a field as a finite number, with the table's decimal separator. An empty field, `NA`, `..` (SCB/Eurostat's
 * "not available") or `:` is `null`; anything else that is not a number is a {@link CsvError} naming the line and
 * column (and, for `12,5` in a file read with a decimal point, suggesting `decimal: ","`).
 *
 * @since 0.1.0
 */
export const number = (table: Table, rowIndex: number, columnIndex: number): number | null => {
  const raw = table.rows[rowIndex]![columnIndex]!
  const value = parseNumber(raw, table.decimal)
  if (value === undefined) {
    const hint =
      table.decimal !== "," && COMMA_NUMBER.test(raw.trim())
        ? ' (a decimal comma? read the file with decimal: ",")'
        : ""
    throw new CsvError(
      table.source,
      table.lines[rowIndex]!,
      table.header[columnIndex],
      `expected a number${table.decimal === "," ? " with a decimal comma" : ""}, found ${JSON.stringify(raw)}${hint}`
    )
  }
  return value
}
