import { Args, Command, Options } from "@effect/cli"
import { Csv, CsvError } from "@innokraft/csv"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { writeAtomic } from "../internal/Files.js"
import { attempt, printJson, renderTable } from "../internal/Output.js"
import * as Tables from "../internal/Tables.js"

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of tables"))
const file = Args.file({ name: "file", exists: "either" }).pipe(
  Args.withDescription("A CSV (comma, semicolon or tab), an Excel .xlsx workbook or a JSON-stat 2.0 .json file")
)
const map = Options.text("map").pipe(
  Options.withDescription("Rename columns: target=column pairs, e.g. unit=Region,indicator=ContentsCode,period=Tid"),
  Options.optional
)
const sheet = Options.text("sheet").pipe(
  Options.withDescription("The worksheet of an .xlsx file (default: the first)"),
  Options.optional
)

const load = (path: string, sheetName: Option.Option<string>, mapping: Option.Option<string>) =>
  Effect.flatMap(Tables.read(path, { sheet: Option.getOrUndefined(sheetName) }), (table) =>
    attempt(
      () => Tables.mapColumns(table, Option.getOrUndefined(mapping)),
      (e) => (e instanceof InputError ? e : new InputError({ message: String(e) }))
    )
  )

interface Column {
  readonly name: string
  readonly distinct: number
  readonly empty: number
  readonly examples: ReadonlyArray<string>
}

interface IndicatorSummary {
  readonly indicator: string
  readonly units: number
  readonly periods: ReadonlyArray<string>
  readonly observations: number
  readonly missing: number
}

/** What a table holds at a glance; for observation tables (unit, indicator, value) also per indicator. */
const inspectTable = (table: Csv.Table) => {
  const columns: Array<Column> = table.header.map((name, c) => {
    const values = new Set<string>()
    let empty = 0
    for (const row of table.rows) {
      const v = row[c]!
      if (v.trim() === "") empty++
      else values.add(v)
    }
    return { name, distinct: values.size, empty, examples: [...values].slice(0, 5) }
  })
  const has = (name: string) => table.header.includes(name)
  let indicators: Array<IndicatorSummary> | undefined
  if (has("unit") && has("indicator") && has("value")) {
    const [u, i, v] = ["unit", "indicator", "value"].map((n) => Csv.columnIndex(table, n)) as [number, number, number]
    const p = table.header.indexOf("period")
    const byIndicator = new Map<string, { units: Set<string>; periods: Set<string>; n: number; missing: number }>()
    table.rows.forEach((row, r) => {
      const entry = byIndicator.get(row[i]!) ?? { units: new Set(), periods: new Set(), n: 0, missing: 0 }
      entry.units.add(row[u]!)
      if (p >= 0) entry.periods.add(row[p]!)
      entry.n++
      if (Csv.number(table, r, v) === null) entry.missing++
      byIndicator.set(row[i]!, entry)
    })
    indicators = [...byIndicator].map(([indicator, e]) => ({
      indicator,
      units: e.units.size,
      periods: [...e.periods].sort(),
      observations: e.n,
      missing: e.missing
    }))
  }
  return { source: table.source, rows: table.rows.length, columns, indicators }
}

const inspect = Command.make("inspect", { file, map, sheet, json }, ({ file, map, sheet, json }) =>
  Effect.gen(function* () {
    const table = yield* load(file, sheet, map)
    const summary = yield* attempt(
      () => inspectTable(table),
      (e) => new InputError({ message: e instanceof CsvError ? e.message : String(e) })
    )
    if (json) return yield* printJson(summary)
    yield* Console.log(`${summary.source}: ${summary.rows} rows, ${summary.columns.length} columns\n`)
    yield* Console.log(
      renderTable(
        [
          { header: "column", cell: (c: Column) => c.name },
          { header: "distinct", cell: (c) => String(c.distinct), align: "right" },
          { header: "empty", cell: (c) => String(c.empty), align: "right" },
          { header: "examples", cell: (c) => c.examples.join(", ") }
        ],
        summary.columns
      )
    )
    if (summary.indicators) {
      yield* Console.log("")
      yield* Console.log(
        renderTable(
          [
            { header: "indicator", cell: (s: IndicatorSummary) => s.indicator },
            { header: "units", cell: (s) => String(s.units), align: "right" },
            {
              header: "periods",
              cell: (s) => (s.periods.length === 0 ? "" : `${s.periods[0]}–${s.periods.at(-1)} (${s.periods.length})`)
            },
            { header: "observations", cell: (s) => String(s.observations), align: "right" },
            {
              header: "missing",
              cell: (s) => `${s.missing} (${((100 * s.missing) / Math.max(1, s.observations)).toFixed(0)} %)`,
              align: "right"
            }
          ],
          summary.indicators
        )
      )
    }
  })
).pipe(
  Command.withDescription(
    "Shows what a data file holds: columns with distinct and empty counts, and for observations (unit, indicator, value) the units, periods and missing data per indicator. Example: innokraft data inspect scb.json --map unit=Region,indicator=ContentsCode,period=Tid"
  )
)

const convert = Command.make(
  "convert",
  {
    file,
    map,
    sheet,
    out: Options.file("out").pipe(Options.withDescription("The long CSV to write")),
    dryRun: Options.boolean("dry-run").pipe(Options.withDescription("Report what would be written, write nothing"))
  },
  ({ file, map, sheet, out, dryRun }) =>
    Effect.gen(function* () {
      const table = yield* load(file, sheet, map)
      if (dryRun) {
        return yield* Console.log(
          `${table.source}: would write ${table.rows.length} rows with columns ${table.header.join(", ")} to ${out}`
        )
      }
      yield* writeAtomic(out, Tables.toCsv(table))
      yield* Console.log(`${out}: ${table.rows.length} rows written (${table.header.join(", ")})`)
    })
).pipe(
  Command.withDescription(
    "Converts an Excel sheet or a JSON-stat 2.0 dataset (SCB, Eurostat) to the long CSV the measure and s3 commands read, renaming columns with --map. Example: innokraft data convert scb.json --map region=Region,industry=SNI2007,value=value,year=Tid --out matrix.csv"
  )
)

/**
 * `innokraft data …`: reading the files analysts bring.
 *
 * @since 0.1.0
 */
export const data = Command.make("data").pipe(
  Command.withDescription("Data files: inspect CSV, Excel and JSON-stat, and convert them to long CSV."),
  Command.withSubcommands([inspect, convert])
)
