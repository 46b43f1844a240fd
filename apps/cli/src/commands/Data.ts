import { Args, Command, Options } from "@effect/cli"
import { Csv, CsvError } from "@innokraft/csv"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { databaseUrl, redact } from "../internal/Database.js"
import { writeAtomic } from "../internal/Files.js"
import { attempt, printJson, renderTable } from "../internal/Output.js"
import { progress } from "../internal/Progress.js"
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

/** Observation columns from a mapped table; a value that is not a number is an error naming its line. */
const observationColumns = (table: Csv.Table, indicatorCode: string | undefined) => {
  const [u, p, v] = ["unit", "period", "value"].map((name) => Csv.columnIndex(table, name)) as [number, number, number]
  // One file per indicator (as Eurostat downloads come) names its indicator with --indicator.
  const i = indicatorCode === undefined ? Csv.columnIndex(table, "indicator") : -1
  const b = table.header.indexOf("breakdown")
  const value = new Float64Array(table.rows.length)
  table.rows.forEach((_, r) => {
    value[r] = Csv.number(table, r, v) ?? Number.NaN
  })
  return {
    unit: table.rows.map((row) => row[u]!),
    indicator: table.rows.map((row) => (i < 0 ? indicatorCode! : row[i]!)),
    period: table.rows.map((row) => row[p]!),
    value,
    ...(b < 0 ? {} : { breakdown: table.rows.map((row) => row[b]!) })
  }
}

/**
 * The store's problems with observation columns (`rows.7`, `unit.7`: row 7 of the columns) as `file:line: message`
 * lines, the line being the row's line in the file.
 */
const atLines = (
  table: Csv.Table,
  error: { readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }> }
): string =>
  error.problems
    .map((p) => {
      const row = /^[a-z]+\.(\d+)$/.exec(p.path)
      const line = row === null ? undefined : table.lines[Number(row[1])]
      return line === undefined ? `${table.source}: ${p.path}: ${p.message}` : `${table.source}:${line}: ${p.message}`
    })
    .join("\n")

const importCommand = Command.make(
  "import",
  {
    file,
    map,
    sheet,
    databaseUrl,
    org: Options.text("org").pipe(Options.withDescription("The organisation the data belongs to")),
    kind: Options.choice("kind", ["observations", "matrix"]).pipe(
      Options.withDescription(
        "observations: columns unit, indicator, period, value[, breakdown]; matrix: region, industry, value[, year]"
      )
    ),
    indicator: Options.text("indicator").pipe(
      Options.withDescription("The indicator code of every row, for files without an indicator column"),
      Options.optional
    ),
    matrixId: Options.text("matrix-id").pipe(
      Options.withDescription("The id to store a matrix under"),
      Options.optional
    ),
    year: Options.integer("year").pipe(
      Options.withDescription("The year of a matrix file with several"),
      Options.optional
    ),
    dryRun: Options.boolean("dry-run").pipe(
      Options.withDescription("Check and report what would be loaded; write nothing")
    )
  },
  (o) =>
    Effect.gen(function* () {
      const table = yield* load(o.file, o.sheet, o.map)
      const toInput = (e: unknown) =>
        new InputError({ message: e instanceof CsvError || e instanceof Error ? e.message : String(e) })
      if (o.kind === "observations") {
        const columns = yield* attempt(() => observationColumns(table, Option.getOrUndefined(o.indicator)), toInput)
        const missing = columns.value.reduce((n, x) => n + (Number.isNaN(x) ? 1 : 0), 0)
        const summary = `${columns.value.length} observations of ${new Set(columns.indicator).size} indicators for ${new Set(columns.unit).size} units in ${new Set(columns.period).size} periods (${missing} missing)`
        if (o.dryRun) return yield* Console.log(`${table.source}: would load ${summary} into ${o.org}`)
        const S = yield* Effect.promise(() => import("../internal/StoreModule.js"))
        const bar = progress("import")
        const result = yield* S.withStore(
          o.databaseUrl,
          Effect.gen(function* () {
            yield* Effect.flatMap(S.Organisations.Organisations, (orgs) => orgs.get(S.Caller.system(), o.org))
            const observations = yield* S.Observations.Observations
            return yield* observations
              .import(S.Caller.member(o.org, "editor", "innokraft-cli"), columns, { onProgress: bar.update })
              .pipe(Effect.catchTag("Invalid", (e) => Effect.fail(new InputError({ message: atLines(table, e) }))))
          })
        )
        bar.finish()
        return yield* Console.log(
          `${table.source}: loaded ${summary} into ${o.org} at ${redact(o.databaseUrl)} (import ${result.importId})`
        )
      }
      const { Matrix } = yield* Effect.promise(() => import("@innokraft/s3"))
      const matrix = yield* attempt(() => {
        const panel = Matrix.fromLongCsv(Tables.toCsv(table), { source: table.source })
        return Matrix.year(panel, Option.getOrUndefined(o.year))
      }, toInput)
      const id = Option.getOrElse(o.matrixId, () => `${o.org}-${Date.now()}`)
      const summary = `a ${matrix.regions.length} × ${matrix.industries.length} matrix`
      if (o.dryRun) return yield* Console.log(`${table.source}: would load ${summary} into ${o.org} as ${id}`)
      const S = yield* Effect.promise(() => import("../internal/StoreModule.js"))
      yield* S.withStore(
        o.databaseUrl,
        Effect.gen(function* () {
          yield* Effect.flatMap(S.Organisations.Organisations, (orgs) => orgs.get(S.Caller.system(), o.org))
          const matrices = yield* S.Matrices.Matrices
          return yield* matrices.import(S.Caller.member(o.org, "editor", "innokraft-cli"), {
            id,
            rows: matrix.regions,
            columns: matrix.industries,
            values: matrix.values
          })
        })
      )
      yield* Console.log(`${table.source}: loaded ${summary} into ${o.org} as ${id}`)
    })
).pipe(
  Command.withDescription(
    "Loads indicator observations or an S3 matrix into the database in one transaction (all or nothing), or checks the file with --dry-run. Example: innokraft data import rd.csv --kind observations --org region-vasterbotten --map unit=nuts_id,period=year,value=rd_private_eur_hab --indicator rd_private_eur_hab"
  )
)

/**
 * `innokraft data …`: reading the files analysts bring.
 *
 * @since 0.1.0
 */
export const data = Command.make("data").pipe(
  Command.withDescription(
    "Data files: inspect CSV, Excel and JSON-stat, convert them to long CSV, import them into the database."
  ),
  Command.withSubcommands([inspect, convert, importCommand])
)
