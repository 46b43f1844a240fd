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

/** The ranking of a build's top index as a table (the first `top` rows). */
const rankingTable = (
  results: {
    ranks: Record<string, number | null>
    stages: Record<string, Record<string, Record<string, number | null>>>
  },
  framework: { aggregates: ReadonlyArray<{ code: string; parent: string | null }> },
  top: number
) => {
  const ranking = Object.entries(results.ranks)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .sort((a, b) => a[1] - b[1])
  const index = results.stages.Aggregated
  const root = framework.aggregates.find((a) => a.parent === null)?.code
  return renderTable(
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
}

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
      yield* Console.log(rankingTable(results, framework, top))
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
    ),
    sobol: Options.boolean("sobol").pipe(
      Options.withDescription(
        'Variance-based sensitivity instead: first-order (Saltelli) and total (Jansen) indices per assumption, COINr\'s SA_type = "SA"; --runs is then the base sample N, giving N·(d + 2) builds'
      )
    ),
    bootstrap: Options.integer("bootstrap").pipe(
      Options.withDescription("With --sobol: bootstrap resamples for 5–95 % intervals of the indices (0: none)"),
      Options.withDefault(0)
    )
  },
  ({
    imeta,
    idata,
    spec: specPath,
    period,
    json,
    out,
    runs,
    seed,
    workers,
    noise,
    aggregate,
    normalise,
    sobol,
    bootstrap
  }) =>
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
      if (sobol && workers > 1) {
        return yield* new InputError({
          message: "--workers: the --sobol analysis runs on one thread; leave --workers out"
        })
      }
      if (bootstrap < 0)
        return yield* new InputError({ message: `--bootstrap: expected 0 or more, found ${bootstrap}` })
      const { framework, data, spec } = yield* load({ imeta, idata, spec: specPath })
      const measureModule = yield* measurePackage
      const bar = progress("sensitivity")
      if (sobol) {
        const sa = yield* attempt(
          () =>
            measureModule.Sensitivity.run(framework, data, spec, {
              n: runs,
              seed,
              ...(Option.isSome(period) ? { period: period.value } : {}),
              ...(bootstrap > 0 ? { bootstrap } : {}),
              assumptions: {
                weights: { noise },
                aggregate: aggregateMethods as Array<Aggregate.Method>,
                normalise: normalisations.map((m) => normaliseAlternatives[m]!)
              },
              onProgress: bar.update
            }),
          inputError
        )
        bar.finish()
        const indices = sa.inputs.map((input, k) => ({
          input,
          first: sa.first[k]!,
          total: sa.total[k]!,
          ...(sa.intervals
            ? {
                firstQ5: sa.intervals.firstQ5[k]!,
                firstQ95: sa.intervals.firstQ95[k]!,
                totalQ5: sa.intervals.totalQ5[k]!,
                totalQ95: sa.intervals.totalQ95[k]!
              }
            : {})
        }))
        const output = { n: runs, builds: sa.outputs.length, seed, variance: sa.variance, indices, stats: sa.stats }
        if (Option.isSome(out)) yield* writeJson(out.value, output)
        if (json) return yield* printJson(output)
        const interval = (lo: number | undefined, hi: number | undefined) =>
          lo === undefined || hi === undefined ? "" : `${lo.toFixed(2)} … ${hi.toFixed(2)}`
        yield* Console.log(
          renderTable(
            [
              { header: "assumption", cell: (r: (typeof indices)[number]) => r.input },
              { header: "first order", cell: (r) => r.first.toFixed(3), align: "right" },
              { header: "total", cell: (r) => r.total.toFixed(3), align: "right" },
              { header: "total 5–95 %", cell: (r) => interval(r.totalQ5, r.totalQ95), align: "right" }
            ],
            indices
          )
        )
        return yield* Console.log(
          `\n${sa.outputs.length} builds; output: mean absolute rank shift against the nominal ranks. Negative estimates mean ≈ 0.`
        )
      }
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
    "Uncertainty analysis: Monte Carlo over weights, normalisation and aggregation; median rank and 5–95 % interval per unit. With --sobol: first-order and total sensitivity indices per assumption. Example: innokraft measure sensitivity --imeta iMeta.csv --idata iData.csv --spec spec.json --runs 1000"
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

const finite = (x: number) => (Number.isFinite(x) ? x : null)
const fixed = (x: number | null, digits = 3) => (x === null ? "" : x.toFixed(digits))

const stageOption = Options.choice("stage", [
  "Raw",
  "Denominated",
  "Imputed",
  "Screened",
  "Treated",
  "Normalised",
  "Aggregated"
]).pipe(
  Options.withDescription(
    "The data set to analyse (default: Aggregated, i.e. the normalised indicators and every aggregate)"
  ),
  Options.withDefault("Aggregated" as const)
)

/** Builds and returns the chosen stage, or an input error naming the stage the spec skips. */
const buildStage = (
  paths: { imeta: string; idata: string; spec: string },
  period: Option.Option<number>,
  stage: string
) =>
  Effect.gen(function* () {
    const { framework, data, spec } = yield* load(paths)
    const { Build } = yield* measurePackage
    const result = yield* attempt(
      () => Build.build(framework, data, spec, Option.isSome(period) ? { period: period.value } : {}),
      inputError
    )
    for (const w of result.warnings) yield* Console.error(`warning: ${w.stage}: ${w.message}`)
    const ds = result.stages[stage as keyof typeof result.stages]
    if (ds === undefined) {
      return yield* new InputError({
        message: `--stage: the spec skips ${stage}; built stages: ${Object.keys(result.stages).join(", ")}`
      })
    }
    return { framework, data, spec, result, ds }
  })

const preset = Command.make(
  "preset",
  {
    name: Args.choice([
      ["ris", "ris"],
      ["ecosystem", "ecosystem"]
    ] as const).pipe(
      Args.withDescription("ris (the Regional Innovation Scoreboard method) or ecosystem (Swedish NUTS 2)")
    ),
    data: Options.file("data").pipe(
      Options.withDescription("Long CSV unit, indicator, period, value with the preset's indicator codes"),
      Options.optional
    ),
    sources: Options.directory("sources").pipe(
      Options.withDescription(
        "ecosystem only: a folder laid out as shared/data (eurostat-rd-nuts2, eurostat-empers-se, scb-employment-nuts2) to read the four open-data files from, instead of --data"
      ),
      Options.optional
    ),
    spec: Options.file("spec").pipe(
      Options.withDescription("A spec.json to use instead of the preset's own (e.g. other weights)"),
      Options.optional
    ),
    period: inputs.period,
    json,
    out: Options.file("out").pipe(Options.withDescription("Write results.json here"), Options.optional),
    top: Options.integer("top").pipe(Options.withDescription("Rows of the ranking to print"), Options.withDefault(15))
  },
  ({ name, data: dataPath, sources, spec: specPath, period, json, out, top }) =>
    Effect.gen(function* () {
      const { Build, Data, Ecosystem, Ris, Spec } = yield* measurePackage
      const framework = name === "ris" ? Ris.framework() : Ecosystem.framework()
      let data: ReturnType<typeof Data.fromLongCsv>
      if (Option.isSome(dataPath)) {
        const text = yield* readText(dataPath.value)
        data = yield* attempt(
          () => Data.fromLongCsv(text, { source: dataPath.value, framework, ...Tables.csvFormatOf(text) }),
          inputError
        )
      } else if (name === "ecosystem" && Option.isSome(sources)) {
        const dir = sources.value
        const [rdPrivate, rdGovernment, empers, scb] = yield* Effect.all([
          readText(`${dir}/eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv`),
          readText(`${dir}/eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv`),
          readText(`${dir}/eurostat-empers-se/empers_se_nuts_2000_2018.csv`),
          readText(`${dir}/scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv`)
        ])
        data = yield* attempt(() => Ecosystem.data({ rdPrivate, rdGovernment, empers, scb }), inputError)
      } else {
        return yield* new InputError({
          message:
            name === "ris"
              ? "--data: the ris preset needs a long CSV of the RIS indicators (unit, indicator, period, value)"
              : "--data or --sources: the ecosystem preset needs a long CSV or the folder of its open-data files"
        })
      }
      const spec = Option.isSome(specPath)
        ? yield* Effect.flatMap(readJson(specPath.value), (j) =>
            attempt(() => Spec.parse(j, specPath.value), inputError)
          )
        : name === "ris"
          ? Ris.spec
          : Ecosystem.spec
      const result = yield* attempt(
        () => Build.build(framework, data, spec, Option.isSome(period) ? { period: period.value } : {}),
        inputError
      )
      const results = Build.toJson(result)
      for (const w of result.warnings) yield* Console.error(`warning: ${w.stage}: ${w.message}`)
      if (Option.isSome(out)) yield* writeJson(out.value, results)
      if (json) return yield* printJson(results)
      yield* Console.log(`${name}: ${framework.levels[0]!.length} indicators, ${result.period}`)
      yield* Console.log(rankingTable(results, framework, top))
      if (Option.isSome(out)) yield* Console.log(`\n${out.value}: written`)
    })
).pipe(
  Command.withDescription(
    "Builds a named preset — ris (Regional Innovation Scoreboard: outlier cap, square root of skewed indicators, min–max, unweighted mean) or ecosystem (the Swedish NUTS 2 framework on Eurostat and SCB data) — with its own framework and spec. Example: innokraft measure preset ecosystem --sources ../shared/data --period 2017"
  )
)

const coherence = Command.make(
  "coherence",
  {
    ...inputs,
    json,
    stage: stageOption,
    missing: Options.choice("missing", ["pairwise", "listwise"]).pipe(
      Options.withDescription(
        "Cronbach's alpha over pairwise-complete covariances (COINr's default) or complete units only"
      ),
      Options.withDefault("pairwise" as const)
    ),
    correlation: Options.choice("correlation", ["pearson", "spearman"]).pipe(Options.withDefault("pearson" as const))
  },
  ({ imeta, idata, spec: specPath, period, json, stage, missing, correlation }) =>
    Effect.gen(function* () {
      const { framework, ds } = yield* buildStage({ imeta, idata, spec: specPath }, period, stage)
      const { Coherence, DataSet } = yield* measurePackage
      const codes = ds.codes
      const matrix = Coherence.correlations(ds, codes, codes, correlation)
      const groups = framework.levels.slice(1).flatMap((level) =>
        level
          .filter((code) => framework.children.get(code)!.every((c) => codes.includes(c)))
          .map((code) => {
            const children = framework.children.get(code)!
            const pca = children.length > 1 ? Coherence.pca(ds, children) : undefined
            const k = children.length
            const parent = codes.includes(code) ? DataSet.column(ds, code) : undefined
            return {
              code,
              children,
              alpha: finite(Coherence.cronbachAlpha(ds, children, missing)),
              pca:
                pca === undefined
                  ? null
                  : {
                      units: pca.rows,
                      varianceShare: [...pca.varianceExplained].map(finite),
                      loadings: Object.fromEntries(
                        children.map((c, i) => [
                          c,
                          Array.from({ length: k }, (_, j) => finite(pca.loadings[i * k + j]!))
                        ])
                      )
                    },
              childCorrelations:
                parent === undefined
                  ? null
                  : Object.fromEntries(
                      children.map((c) => [c, finite(Coherence.correlations(ds, [c], [code], correlation).values[0]!)])
                    )
            }
          })
      )
      const output = {
        stage,
        correlation,
        missing,
        correlations: {
          codes,
          values: codes.map((_, i) => codes.map((__, j) => finite(matrix.values[i * codes.length + j]!)))
        },
        groups
      }
      if (json) return yield* printJson(output)
      yield* Console.log(
        renderTable(
          [
            { header: "aggregate", cell: (g: (typeof groups)[number]) => g.code },
            { header: "children", cell: (g) => String(g.children.length), align: "right" },
            { header: "alpha", cell: (g) => fixed(g.alpha), align: "right" },
            { header: "PC1 share", cell: (g) => fixed(g.pca?.varianceShare[0] ?? null), align: "right" },
            {
              header: "r with parent (min … max)",
              cell: (g) => {
                const r = Object.values(g.childCorrelations ?? {}).filter((x): x is number => x !== null)
                return r.length === 0 ? "" : `${Math.min(...r).toFixed(2)} … ${Math.max(...r).toFixed(2)}`
              },
              align: "right"
            }
          ],
          groups
        )
      )
      yield* Console.log(
        `\nCronbach's alpha: ${missing} covariances; ${correlation} correlations on ${stage}. --json gives the full correlation matrix and the PCA loadings.`
      )
    })
).pipe(
  Command.withDescription(
    "Statistical coherence of the framework (COINr get_corr, get_cronbach, get_PCA): Cronbach's alpha and the first component's variance share per aggregate, correlations of each child with its parent; --json adds the full correlation matrix and PCA loadings. Example: innokraft measure coherence --imeta iMeta.csv --idata iData.csv --spec spec.json"
  )
)

const weights = Command.make(
  "weights",
  {
    ...inputs,
    json,
    method: Options.choice("method", ["pca", "balance", "infomax"]).pipe(
      Options.withDescription(
        "pca: first-component weights per group (COINr get_PCA); balance: weights that make the level's correlations with the index equal (get_opt_weights); infomax: weights that maximise them"
      )
    ),
    level: Options.integer("level").pipe(
      Options.withDescription("The level whose weights are computed (1 = indicators; default 1 for pca, 2 otherwise)"),
      Options.optional
    ),
    tolerance: Options.float("tolerance").pipe(
      Options.withDescription("Relative tolerance of the optimisation (COINr's default 0.1 stops early)"),
      Options.withDefault(0.1)
    ),
    out: Options.file("out").pipe(
      Options.withDescription("Write { code: weight } here, for the spec's aggregate.weights"),
      Options.optional
    )
  },
  ({ imeta, idata, spec: specPath, period, json, method, level, tolerance, out }) =>
    Effect.gen(function* () {
      const lv = Option.getOrElse(level, () => (method === "pca" ? 1 : 2))
      const stage = method === "pca" && lv > 1 ? "Aggregated" : "Normalised"
      const { framework, ds } = yield* buildStage({ imeta, idata, spec: specPath }, period, stage)
      const { Weights } = yield* measurePackage
      if (!(tolerance > 0)) return yield* new InputError({ message: `--tolerance: expected > 0, found ${tolerance}` })
      const rows: Array<{ group: string; code: string; weight: number }> = []
      let detail: Record<string, unknown>
      if (method === "pca") {
        const groups = yield* attempt(() => Weights.pca(framework, ds, lv), inputError)
        for (const g of groups)
          rows.push(...g.codes.map((code, i) => ({ group: g.group, code, weight: g.weights[i]! })))
        detail = {
          groups: groups.map((g) => ({ group: g.group, units: g.rows, varianceShare: [...g.varianceShare] }))
        }
      } else {
        const r = yield* attempt(
          () =>
            Weights.optimise(framework, ds, {
              level: lv,
              target: method === "infomax" ? "infomax" : "equal",
              tolerance
            }),
          inputError
        )
        rows.push(...r.codes.map((code, i) => ({ group: `level ${lv}`, code, weight: r.weights[i]! })))
        detail = {
          correlations: Object.fromEntries(r.codes.map((c, i) => [c, finite(r.correlations[i]!)])),
          value: r.value,
          evaluations: r.evaluations,
          converged: r.converged
        }
        if (!r.converged) yield* Console.error("warning: the optimisation did not converge; try another --tolerance")
      }
      const record = Object.fromEntries(rows.map((r) => [r.code, r.weight]))
      const negative = rows.filter((r) => r.weight < 0).map((r) => r.code)
      if (negative.length > 0) {
        yield* Console.error(
          `warning: negative weights (${negative.join(", ")}): these children run against the rest of their group; spec.json's aggregate.weights accepts only weights ≥ 0`
        )
      }
      if (Option.isSome(out)) yield* writeJson(out.value, record)
      if (json) return yield* printJson({ method, level: lv, weights: record, ...detail })
      yield* Console.log(
        renderTable(
          [
            { header: "group", cell: (r: (typeof rows)[number]) => r.group },
            { header: "code", cell: (r) => r.code },
            { header: "weight", cell: (r) => r.weight.toFixed(4), align: "right" }
          ],
          rows
        )
      )
      if (Option.isSome(out)) yield* Console.log(`\n${out.value}: written (use it as the spec's aggregate.weights)`)
    })
).pipe(
  Command.withDescription(
    "Data-driven weights: PCA weights per group, or correlation-optimised weights for one level (COINr get_PCA, get_opt_weights). Example: innokraft measure weights --imeta iMeta.csv --idata iData.csv --spec spec.json --method balance --level 3 --out weights.json"
  )
)

const whatIf = Command.make(
  "what-if",
  {
    ...inputs,
    json,
    alternative: Options.file("alternative").pipe(
      Options.withDescription("A second spec.json: other weights (aggregate.weights) or other methods")
    )
  },
  ({ imeta, idata, spec: specPath, period, json, alternative }) =>
    Effect.gen(function* () {
      const { framework, data, spec } = yield* load({ imeta, idata, spec: specPath })
      const alternativeJson = yield* readJson(alternative)
      const { Build, Results, Spec } = yield* measurePackage
      const altSpec = yield* attempt(() => Spec.parse(alternativeJson, alternative), inputError)
      const options = Option.isSome(period) ? { period: period.value } : {}
      const nominal = yield* attempt(() => Build.build(framework, data, spec, options), inputError)
      const changed = yield* attempt(() => Build.build(framework, data, altSpec, options), inputError)
      for (const w of [...nominal.warnings, ...changed.warnings])
        yield* Console.error(`warning: ${w.stage}: ${w.message}`)
      const comparison = yield* attempt(() => Results.compare(nominal, changed), inputError)
      const rows = [...comparison.units].sort((a, b) => (a.nominalRank ?? Infinity) - (b.nominalRank ?? Infinity))
      if (json) return yield* printJson({ spec: specPath, alternative, ...comparison, units: rows })
      const signed = (x: number | null) => (x === null ? "" : x > 0 ? `+${x}` : String(x))
      yield* Console.log(
        renderTable(
          [
            { header: "unit", cell: (r: (typeof rows)[number]) => r.unit },
            { header: "nominal", cell: (r) => (r.nominalRank === null ? "" : String(r.nominalRank)), align: "right" },
            {
              header: "what-if",
              cell: (r) => (r.alternativeRank === null ? "" : String(r.alternativeRank)),
              align: "right"
            },
            { header: "places", cell: (r) => signed(r.shift), align: "right" },
            { header: comparison.code, cell: (r) => fixed(r.nominal, 2), align: "right" },
            { header: "what-if", cell: (r) => fixed(r.alternative, 2), align: "right" }
          ],
          rows
        )
      )
      yield* Console.log(`\nmean absolute rank shift: ${fixed(comparison.meanAbsoluteShift, 2)}`)
    })
).pipe(
  Command.withDescription(
    "What-if: builds the nominal spec and an alternative (other weights or methods) and compares the ranks unit by unit, with the mean absolute rank shift (COINr compare_coins). Example: innokraft measure what-if --imeta iMeta.csv --idata iData.csv --spec spec.json --alternative spec-weights.json"
  )
)

/**
 * `innokraft measure …`: composite indicators with `@innokraft/measure`.
 *
 * @since 0.1.0
 */
export const measure = Command.make("measure").pipe(
  Command.withDescription("Composite indicators: build an index through COINr's pipeline, and test its robustness."),
  Command.withSubcommands([build, preset, sensitivity, compare, coherence, weights, whatIf])
)
