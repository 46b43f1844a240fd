import { Console, Effect } from "effect"
import pc from "picocolors"

const colour = pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR)

/** Prints a value as JSON on stdout, nothing else. */
export const printJson = (value: unknown) => Console.log(JSON.stringify(value, null, 2))

/** A column of a table: its header, how to read a cell, and whether it is right-aligned (numbers). */
export interface Column<A> {
  readonly header: string
  readonly cell: (row: A) => string
  readonly align?: "left" | "right"
}

/** Renders rows as a table with aligned columns; the header is bold on a terminal and plain when piped. */
export const renderTable = <A>(columns: ReadonlyArray<Column<A>>, rows: ReadonlyArray<A>): string => {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)))
  const widths = columns.map((column, j) => Math.max(column.header.length, ...cells.map((r) => r[j]!.length)))
  const line = (values: ReadonlyArray<string>) =>
    values
      .map((value, j) => (columns[j]!.align === "right" ? value.padStart(widths[j]!) : value.padEnd(widths[j]!)))
      .join("  ")
      .trimEnd()
  return [colour.bold(line(columns.map((c) => c.header))), ...cells.map(line)].join("\n")
}

/** Prints a table on stdout. */
export const printTable = <A>(columns: ReadonlyArray<Column<A>>, rows: ReadonlyArray<A>) =>
  Console.log(renderTable(columns, rows))

/** Prints rows as JSON when `json` is set, else as a table. */
export const printRows = <A>(json: boolean, columns: ReadonlyArray<Column<A>>, rows: ReadonlyArray<A>) =>
  json ? printJson(rows) : printTable(columns, rows)

/** Dims text on a terminal (secondary information). */
export const dim = (text: string) => colour.dim(text)

/** Runs a synchronous computation that may throw a domain error, turning the throw into a typed failure. */
export const attempt = <A, E>(f: () => A, onError: (error: unknown) => E): Effect.Effect<A, E> =>
  Effect.try({ try: f, catch: onError })
