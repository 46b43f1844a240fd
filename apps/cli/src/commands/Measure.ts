import { Args, Command, Options } from "@effect/cli"
import { CsvError } from "@innokraft/csv"
import type { Aggregate, Spec, Uncertainty } from "@innokraft/measure"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { readJson, readText, writeJson } from "../internal/Files.js"
import { measure as measurePackage } from "../internal/Lazy.js"
import { attempt, printJson, renderTable } from "../internal/Output.js"
import { progress } from "../internal/Progress.js"
import * as Tables from "../internal/Tables.js"

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON on stdout instead of a table"))
export const inputs = {
  imeta: Options.file("imeta").pipe(
    Options.withDescription("COINr iMeta CSV: the framework (iCode, Level, Parent, Direction, Weight, Type)")
  ),
  idata: Options.file("idata").pipe(
    Options.withDescription("COINr iData CSV: one row per unit, one column per indicator")
  ),
  spec: Options.file("spec").pipe(Options.withDescription("spec.json: which pipeline steps to run and how")),
  period: Options.integer("period").pipe(
    Options.withDescription("The Time value to build (default: the latest)"),
    Options.optional
  )
}

/** Library errors already name the file, line, column or field path; they become the CLI's input errors. */
export const inputError = (error: unknown) =>
  new InputError({
    message:
      error instanceof CsvError || (error instanceof Error && error.name === "MeasureError")
        ? error.message
        : `unexpected failure: ${String(error)}`
  })

export const load = (paths: { imeta: string; idata: string; spec: string }) =>
  Effect.gen(function* () {
    const [iMeta, iData, specJson] = yield* Effect.all([
      readText(paths.imeta),
      readText(paths.idata),
      readJson(paths.spec)
    ])
    const { Coinr, Spec } = yield* measurePackage
    const { framework, data } = yield* attempt(
      () =>
        Coinr.fromCsv({
          iMeta,
          iData,
          iMetaSource: paths.imeta,
          iDataSource: paths.idata,
          iMetaFormat: Tables.csvFormatOf(iMeta),
          iDataFormat: Tables.csvFormatOf(iData)
        }),
      inputError
    )
    const spec = yield* attempt(() => Spec.parse(specJson, paths.spec), inputError)
    return { framework, data, spec }
  })

const build = Command.make(
  "build",
  {
    ...inputs,
    json,
    out: Options.file("out").pipe(
      Options.withDescription("Write results.json (every stage and the ranks) here"),
      Options.optional
    ),
    top: Options.integer("top").pipe(Options.withDescription("Rows of the ranking to print"), Options.withDefault(15))
  },
  ({ imeta, idata, spec: specPath, period, json, out, top }) =>
    Effect.gen(function* () {
      const { framework, data, spec } = yield* load({ imeta, idata, spec: specPath })
      const { Build } = yield* measurePackage
      const result = yield* attempt(
        () => Build.build(framework, data, spec, Option.isSome(period) ? { period: period.value } : {}),
        inputError
      )
      const results = Build.toJson(result)
      // COINr warns and goes on; so does the build, and the warnings are said here as well as kept in the JSON
      for (const w of result.warnings) yield* Console.error(`warning: ${w.stage}: ${w.message}`)
      if (Option.isSome(out)) yield* writeJson(out.value, results)
      if (json) return yield* printJson(results)
      const ranking = Object.entries(results.ranks)
        .filter((entry): entry is [string, number] => entry[1] !== null)
        .sort((a, b) => a[1] - b[1])
      const index = results.stages.Aggregated
      const root = framework.aggregates.find((a) => a.parent === null)?.code
      yield* Console.log(
        renderTable(
          [
            { header: "rank", cell: ([, r]: [string, number]) => String(r), align: "right" },
            { header: "unit", cell: ([u]) => u },
            {
              header: root ?? "index",
              cell: ([u]) => {
                const v = root === undefined ? undefined : index?.[u]?.[root]
                return typeof v === "number" ? v.toFixed(2) : ""
              },
              align: "right"
            }
          ],
          ranking.slice(0, top)
        )
      )
      if (Option.isSome(out)) yield* Console.log(`\n${out.value}: written (${Object.keys(results.stages).join(", ")})`)
    })
).pipe(
  Command.withDescription(
    "Builds a composite index through COINr's pipeline (denominate → impute → screen → treat → normalise → aggregate). Example: innokraft measure build --imeta iMeta.csv --idata iData.csv --spec spec.json --out results.json"
  )
)

const aggregateMethodNames: ReadonlyArray<string> = [
  "amean",
  "gmean",
  "hmean",
  "genmean",
  "copeland"
] satisfies Array<Aggregate.Method>

export const normaliseAlternatives: Record<string, NonNullable<Spec.SpecInput["normalise"]>> = {
  minmax: { method: "minmax", range: [1, 100] },
  zscore: { method: "zscore", mean: 10, sd: 2 },
  rank: { method: "rank" },
  prank: { method: "prank" }
}

const sensitivity = Command.make(
  "sensitivity",
  {
    ...inputs,
    json,
    out: Options.file("out").pipe(Options.withDescription("Write the rank statistics as JSON here"), Options.optional),
    runs: Options.integer("runs").pipe(Options.withDescription("Monte Carlo replications"), Options.withDefault(1000)),
    seed: Options.integer("seed").pipe(Options.withDescription("Seed of the random generator"), Options.withDefault(1)),
    workers: Options.integer("workers").pipe(
      Options.withDescription("Worker threads (same results as one thread; worth it for large frameworks)"),
      Options.withDefault(1)
    ),
    noise: Options.float("weight-noise").pipe(
      Options.withDescription("Relative weight noise, e.g. 0.25 for ±25 %"),
      Options.withDefault(0.25)
    ),
    aggregate: Options.text("aggregate").pipe(
      Options.withDescription("Alternative aggregation methods, comma-separated (amean, gmean, hmean, …)"),
      Options.withDefault("amean,gmean")
    ),
    normalise: Options.text("normalise").pipe(
      Options.withDescription("Alternative normalisations, comma-separated (minmax, zscore, rank, prank)"),
      Options.withDefault("minmax,zscore")
    )
  },
  ({ imeta, idata, spec: specPath, period, json, out, runs, seed, workers, noise, aggregate, normalise }) =>
    Effect.gen(function* () {
      if (runs < 1) return yield* new InputError({ message: `--runs: expected 1 or more, found ${runs}` })
      if (workers < 1) return yield* new InputError({ message: `--workers: expected 1 or more, found ${workers}` })
      if (!(noise >= 0 && noise < 1))
        return yield* new InputError({ message: `--weight-noise: expected 0 ≤ x < 1, found ${noise}` })
      const aggregateMethods = aggregate.split(",").map((m) => m.trim())
      for (const m of aggregateMethods) {
        if (!aggregateMethodNames.includes(m)) {
          return yield* new InputError({
            message: `--aggregate: unknown method "${m}"; expected one of ${aggregateMethodNames.join(", ")}`
          })
        }
      }
      const normalisations = normalise.split(",").map((m) => m.trim())
      for (const m of normalisations) {
        if (!(m in normaliseAlternatives)) {
          return yield* new InputError({
            message: `--normalise: unknown method "${m}"; expected one of ${Object.keys(normaliseAlternatives).join(", ")}`
          })
        }
      }
      const { framework, data, spec } = yield* load({ imeta, idata, spec: specPath })
      const measureModule = yield* measurePackage
      const bar = progress("sensitivity")
      const options = {
        runs,
        seed,
        ...(Option.isSome(period) ? { period: period.value } : {}),
        assumptions: {
          weights: { noise },
          aggregate: aggregateMethods as Array<Aggregate.Method>,
          normalise: normalisations.map((m) => normaliseAlternatives[m]!)
        },
        onProgress: bar.update
      }
      // Worker threads give the same ranks bit for bit; they pay off once a replication costs more than starting them.
      const result =
        workers > 1
          ? yield* Effect.tryPromise({
              try: async () => {
                const node = await import("@innokraft/measure/node")
                return node.Uncertainty.runParallel(framework, data, spec, { ...options, workers })
              },
              catch: inputError
            })
          : yield* attempt(() => measureModule.Uncertainty.run(framework, data, spec, options), inputError)
      bar.finish()
      if (result.failed > 0) {
        yield* Console.error(
          `warning: ${result.failed} of ${runs} runs failed and are left out of the statistics; the first: ${result.firstFailure}`
        )
      }
      const output = { runs, seed, inputs: result.inputs, failed: result.failed, stats: result.stats }
      if (Option.isSome(out)) yield* writeJson(out.value, output)
      if (json) return yield* printJson(output)
      const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1))
      yield* Console.log(
        renderTable(
          [
            { header: "unit", cell: (s: Uncertainty.RankStats) => s.unit },
            { header: "nominal", cell: (s) => (s.nominal === null ? "" : String(s.nominal)), align: "right" },
            { header: "median", cell: (s) => fmt(s.median), align: "right" },
            { header: "5 %", cell: (s) => fmt(s.q5), align: "right" },
            { header: "95 %", cell: (s) => fmt(s.q95), align: "right" }
          ],
          [...result.stats].sort((a, b) => (a.nominal ?? Infinity) - (b.nominal ?? Infinity))
        )
      )
    })
).pipe(
  Command.withDescription(
    "Uncertainty analysis: Monte Carlo over weights, normalisation and aggregation; median rank and 5–95 % interval per unit. Example: innokraft measure sensitivity --imeta iMeta.csv --idata iData.csv --spec spec.json --runs 1000"
  )
)

/** The part of a results.json that a comparison reads. */
interface Results {
  readonly stages: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number | null>>>>>>
  readonly ranks: Readonly<Record<string, number | null>>
}

const readResults = (path: string) =>
  Effect.flatMap(readJson(path), (json) => {
    const r = json as Partial<Results> | null
    return r && typeof r.ranks === "object" && r.ranks !== null && typeof r.stages?.Aggregated === "object"
      ? Effect.succeed(r as Results)
      : Effect.fail(
          new InputError({
            message: `${path}: expected a results.json of "measure build" with stages.Aggregated and ranks`
          })
        )
  })

interface Comparison {
  readonly unit: string
  readonly before: number | null
  readonly after: number | null
  readonly change: number | null
  readonly rankBefore: number | null
  readonly rankAfter: number | null
  readonly rankChange: number | null
}

const compare = Command.make(
  "compare",
  {
    before: Args.file({ name: "before.json", exists: "yes" }),
    after: Args.file({ name: "after.json", exists: "yes" }),
    code: Options.text("code").pipe(
      Options.withDescription("The aggregate or indicator to compare (default: the top-level index)"),
      Options.optional
    ),
    json
  },
  ({ before, after, code, json }) =>
    Effect.gen(function* () {
      const [a, b] = yield* Effect.all([readResults(before), readResults(after)])
      const aggA = a.stages.Aggregated!
      const aggB = b.stages.Aggregated!
      const first = Object.values(aggA)[0] ?? {}
      // The top-level index is the last aggregate COINr writes; results.json keeps the framework's order.
      const target = Option.getOrElse(code, () => Object.keys(first).at(-1) ?? "")
      if (!(target in first)) {
        return yield* new InputError({
          message: `--code: "${target}" is not in ${before}; it has ${Object.keys(first).slice(-8).join(", ")}, …`
        })
      }
      const units = [...new Set([...Object.keys(aggA), ...Object.keys(aggB)])]
      const diff = (x: number | null | undefined, y: number | null | undefined) =>
        typeof x === "number" && typeof y === "number" ? y - x : null
      const rows: Array<Comparison> = units.map((unit) => {
        const x = aggA[unit]?.[target] ?? null
        const y = aggB[unit]?.[target] ?? null
        const rx = Option.isNone(code) ? (a.ranks[unit] ?? null) : null
        const ry = Option.isNone(code) ? (b.ranks[unit] ?? null) : null
        // A better rank is a smaller number, so the improvement is before minus after.
        return {
          unit,
          before: x,
          after: y,
          change: diff(x, y),
          rankBefore: rx,
          rankAfter: ry,
          rankChange: diff(ry, rx)
        }
      })
      rows.sort((p, q) => (q.change ?? -Infinity) - (p.change ?? -Infinity))
      if (json) return yield* printJson({ code: target, before, after, units: rows })
      const n = (x: number | null, signed = false) =>
        x === null ? "" : `${signed && x > 0 ? "+" : ""}${Number.isInteger(x) ? x : x.toFixed(2)}`
      yield* Console.log(`${target}: ${before} → ${after}`)
      yield* Console.log(
        renderTable(
          [
            { header: "unit", cell: (r: Comparison) => r.unit },
            { header: "before", cell: (r) => n(r.before), align: "right" },
            { header: "after", cell: (r) => n(r.after), align: "right" },
            { header: "change", cell: (r) => n(r.change, true), align: "right" },
            {
              header: "rank",
              cell: (r) => (r.rankBefore === null ? "" : `${r.rankBefore} → ${r.rankAfter ?? "–"}`),
              align: "right"
            },
            { header: "places", cell: (r) => n(r.rankChange, true), align: "right" }
          ],
          rows
        )
      )
    })
).pipe(
  Command.withDescription(
    "Compares two results.json files — two runs, or two periods — unit by unit: the index (or --code) and the rank, largest gain first. Example: innokraft measure compare results-2020.json results-2022.json"
  )
)

/**
 * `innokraft measure …`: composite indicators with `@innokraft/measure`.
 *
 * @since 0.1.0
 */
export const measure = Command.make("measure").pipe(
  Command.withDescription("Composite indicators: build an index through COINr's pipeline, and test its robustness."),
  Command.withSubcommands([build, sensitivity, compare])
)
