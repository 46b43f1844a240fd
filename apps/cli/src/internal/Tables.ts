import { Csv, CsvError } from "@innokraft/csv"
import { Effect } from "effect"
import { InputError } from "../CliError.js"
import { readText } from "./Files.js"
import * as JsonStat from "./JsonStat.js"

/** The file formats analysts bring: CSV (comma, semicolon or tab), Excel workbooks and JSON-stat 2.0. */
export type Format = "csv" | "xlsx" | "jsonstat"

const formatOf = (path: string): Format => {
  const lower = path.toLowerCase()
  if (lower.endsWith(".xlsx")) return "xlsx"
  if (lower.endsWith(".json") || lower.endsWith(".jsonstat")) return "jsonstat"
  return "csv"
}

/** Swedish-locale exports use semicolons; pick the delimiter the header line uses most. */
const delimiterOf = (text: string): "," | ";" | "\t" => {
  const header = text.slice(0, text.search(/\r?\n|$/))
  const count = (c: string) => header.split(c).length - 1
  const semicolons = count(";")
  const tabs = count("\t")
  if (tabs > semicolons && tabs > count(",")) return "\t"
  return semicolons > count(",") ? ";" : ","
}

// A number written with a decimal comma, or with a point, by Csv.parseNumber's rules.
const commaNumber = (field: string) => field.includes(",") && typeof Csv.parseNumber(field, ",") === "number"
const pointNumber = (field: string) => field.includes(".") && typeof Csv.parseNumber(field) === "number"

/**
 * The decimal separator of a semicolon or tab file, judged from its first `lines` lines: a comma when some field is
 * a number with a comma and none is one with a point.
 */
const decimalOf = (text: string, delimiter: "," | ";" | "\t", lines: number): Csv.Decimal => {
  if (delimiter === ",") return "."
  let commas = false
  let start = text.indexOf("\n") + 1
  for (let k = 0; k < lines && start > 0 && start < text.length; k++) {
    const end = text.indexOf("\n", start)
    for (const field of text.slice(start, end < 0 ? text.length : end).split(delimiter)) {
      if (pointNumber(field)) return "."
      if (commaNumber(field)) commas = true
    }
    start = end + 1
  }
  return commas ? "," : "."
}

/**
 * The delimiter (from the header) and decimal separator (from the first `lines` lines, 1,000 by default: the s3
 * commands read large files) of a CSV text, as Swedish-locale exports write semicolons and decimal commas.
 */
export const csvFormatOf = (text: string, lines = 1000): { delimiter: "," | ";" | "\t"; decimal: Csv.Decimal } => {
  const delimiter = delimiterOf(text)
  return { delimiter, decimal: decimalOf(text, delimiter, lines) }
}

const readXlsx = (path: string, sheet: string | undefined) =>
  Effect.tryPromise({
    try: async () => {
      const { default: ExcelJS } = await import("exceljs")
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(path)
      const worksheet = sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheet)
      if (!worksheet) {
        throw new Error(
          `${path}: no sheet ${JSON.stringify(sheet)}; the workbook has ${workbook.worksheets.map((w) => JSON.stringify(w.name)).join(", ")}`
        )
      }
      const rows: Array<Array<string>> = []
      const lines: Array<number> = []
      worksheet.eachRow({ includeEmpty: false }, (row, number) => {
        const values: Array<string> = []
        for (let c = 1; c <= worksheet.columnCount; c++) {
          const v = row.getCell(c).value
          values.push(
            v === null || v === undefined
              ? ""
              : typeof v === "object" && "result" in v
                ? String(v.result ?? "")
                : v instanceof Date
                  ? v.toISOString().slice(0, 10)
                  : String(v)
          )
        }
        rows.push(values)
        lines.push(number)
      })
      const header = rows.shift()
      lines.shift()
      if (!header) throw new Error(`${path}: sheet "${worksheet.name}" is empty`)
      const sourceName = `${path} [${worksheet.name}]`
      return { source: sourceName, header, rows, lines } satisfies Csv.Table
    },
    catch: (error) =>
      new InputError({
        message: (error as Error).message.startsWith(path)
          ? (error as Error).message
          : `${path}: cannot be read as an Excel workbook (${(error as Error).message})`
      })
  })

/** Reads any supported file into a table whose errors still point at the file, sheet and line. */
export const read = (path: string, options: { readonly sheet?: string | undefined } = {}) =>
  Effect.gen(function* () {
    const format = formatOf(path)
    if (format === "xlsx") return yield* readXlsx(path, options.sheet)
    const text = yield* readText(path)
    if (format === "jsonstat") {
      return yield* Effect.try({
        try: () => JsonStat.toTable(JSON.parse(text), path),
        catch: (error) =>
          new InputError({
            message:
              error instanceof SyntaxError ? `${path}: not valid JSON: ${error.message}` : (error as Error).message
          })
      })
    }
    return yield* Effect.try({
      try: () => {
        // the whole file is judged, and decimal commas are rewritten with a point, so that the commands and
        // `data convert` see standard numbers
        const { delimiter, decimal } = csvFormatOf(text, Number.POSITIVE_INFINITY)
        const table = Csv.parse(text, { source: path, delimiter })
        if (decimal === ".") return table
        const point = (field: string) => (commaNumber(field) ? field.replace(",", ".") : field)
        return { ...table, rows: table.rows.map((row) => row.map(point)) }
      },
      catch: (error) => new InputError({ message: error instanceof CsvError ? error.message : String(error) })
    })
  })

/**
 * Renames columns by a mapping such as `unit=Region,indicator=ContentsCode,period=Tid`, so files from SCB or
 * Eurostat fit the columns the commands expect. Every mapped source column must exist.
 */
export const mapColumns = (table: Csv.Table, mapping: string | undefined): Csv.Table => {
  if (mapping === undefined || mapping.trim() === "") return table
  const header = [...table.header]
  for (const pair of mapping.split(",")) {
    const [target, from] = pair.split("=").map((s) => s?.trim())
    if (!target || !from) throw new InputError({ message: `--map: expected target=column pairs, found "${pair}"` })
    const k = header.indexOf(from)
    if (k < 0) {
      throw new InputError({
        message: `--map: ${table.source} has no column "${from}"; its columns are ${table.header.map((h) => `"${h}"`).join(", ")}`
      })
    }
    header[k] = target
  }
  return { ...table, header }
}

/** A table as CSV text (RFC 4180 quoting where needed). */
export const toCsv = (table: Csv.Table): string => {
  const field = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return `${[table.header, ...table.rows].map((row) => row.map(field).join(",")).join("\n")}\n`
}
