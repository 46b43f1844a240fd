import { Args, Command, Options } from "@effect/cli"
import { Csv } from "@innokraft/csv"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { readText, writeAtomic } from "../internal/Files.js"
import {
  domain as domainPackage,
  loop as loopPackage,
  measure as measurePackage,
  report as reportPackage
} from "../internal/Lazy.js"
import { attempt, printJson, printTable } from "../internal/Output.js"
import { load as loadCycle, threshold } from "./Loop.js"
import { inputError, inputs, load as loadMeasurement, normaliseAlternatives } from "./Measure.js"
import { prioritiesFrom, prioritiesOptions } from "./S3.js"
import { asOfDate, asOfOption, load as loadWorkspace } from "./Workspace.js"

const out = Options.file("out").pipe(Options.withDescription("The HTML file to write (self-contained; prints to A4)"))
const lang = Options.choice("lang", ["sv", "en"]).pipe(
  Options.withDescription("Language of the report"),
  Options.withDefault("sv" as const)
)

const write = (path: string, html: string) =>
  Effect.zipRight(writeAtomic(path, html), Console.log(`${path}: written (${Math.round(html.length / 1024)} KiB)`))

const strategy = Command.make(
  "strategy",
  {
    file: Args.file({ name: "workspace.json", exists: "either" }),
    out,
    lang,
    asOf: asOfOption
  },
  ({ file, out, lang, asOf }) =>
    Effect.gen(function* () {
      const { workspace } = yield* loadWorkspace(file, false)
      const on = yield* asOfDate(asOf)
      const { StrategyReport } = yield* reportPackage
      const html = yield* attempt(
        () => StrategyReport.render(workspace, { lang, ...(on === undefined ? {} : { asOf: on }) }),
        (e) => new InputError({ message: `${file}: ${(e as Error).message}` })
      )
      yield* write(out, html)
    })
).pipe(
  Command.withDescription(
    "Strategy follow-up: coverage of goals and strength areas by projects, funding by source and year, targets. Example: innokraft report strategy boras.json --out boras.html"
  )
)

const loop = Command.make(
  "loop",
  {
    file: Args.file({ name: "cycle.json", exists: "either" }),
    out,
    lang,
    threshold
  },
  ({ file, out, lang, threshold }) =>
    Effect.gen(function* () {
      const doc = yield* loadCycle(file)
      const [{ CycleReport }, { LoopReport }] = yield* Effect.all([loopPackage, reportPackage])
      yield* write(out, LoopReport.render(CycleReport.report(doc, { threshold }), { lang }))
    })
).pipe(
  Command.withDescription(
    "An Innovation Loop cycle: the funnel from needs to outcomes, meetings by type and place, inclusion with small cells suppressed. Example: innokraft report loop cycle.json --out cycle.html"
  )
)

const measure = Command.make(
  "measure",
  {
    ...inputs,
    out,
    lang,
    runs: Options.integer("runs").pipe(
      Options.withDescription("Monte Carlo runs for the rank intervals (0 to leave them out)"),
      Options.withDefault(200)
    ),
    profile: Options.text("profile").pipe(
      Options.withDescription("The unit whose profile page to include"),
      Options.optional
    )
  },
  ({ imeta, idata, spec: specPath, period, out, lang, runs, profile }) =>
    Effect.gen(function* () {
      const { framework, data, spec } = yield* loadMeasurement({ imeta, idata, spec: specPath })
      const p = Option.isSome(period) ? { period: period.value } : {}
      const [{ Build, Uncertainty }, { MeasurementReport }] = yield* Effect.all([measurePackage, reportPackage])
      const build = yield* attempt(() => Build.build(framework, data, spec, p), inputError)
      const uncertainty =
        runs > 0
          ? yield* attempt(
              () =>
                Uncertainty.run(framework, data, spec, {
                  runs,
                  seed: 1,
                  ...p,
                  assumptions: {
                    weights: { noise: 0.25 },
                    aggregate: ["amean", "gmean"],
                    normalise: [normaliseAlternatives.minmax!, normaliseAlternatives.zscore!]
                  }
                }),
              inputError
            )
          : undefined
      const html = yield* attempt(
        () =>
          MeasurementReport.render(
            {
              build,
              ...(uncertainty ? { uncertainty } : {}),
              ...(Option.isSome(profile) ? { profile: profile.value } : {})
            },
            { lang }
          ),
        inputError
      )
      yield* write(out, html)
    })
).pipe(
  Command.withDescription(
    "A measurement report: ranking with performance groups and rank intervals, normalised indicators, a unit profile. Example: innokraft report measure --imeta iMeta.csv --idata iData.csv --spec spec.json --out index.html"
  )
)

const s3 = Command.make("s3", { ...prioritiesOptions, out, lang }, (o) =>
  Effect.gen(function* () {
    // the analysis runs on one year's matrix, so its own year is null: the year is the computation's
    const { analysis, shiftShare, scored, year } = yield* prioritiesFrom(o)
    const { S3Report } = yield* reportPackage
    const html = yield* attempt(
      () =>
        S3Report.render(
          {
            analysis,
            region: o.region,
            ...(shiftShare && Option.isSome(o.base) && year !== null
              ? { shiftShare, shiftShareYears: [o.base.value, year] as const }
              : {}),
            priorities: scored
          },
          { lang: o.lang }
        ),
      inputError
    )
    yield* write(o.out, html)
  })
).pipe(
  Command.withDescription(
    "A smart-specialisation report for one region: relatedness × complexity, location quotients, shift-share, priority scores. Example: innokraft report s3 --input matrix.csv --region SE331 --base 2008 --out s3.html"
  )
)

const share = (name: string, fallback: number, what: string) =>
  Options.float(name).pipe(Options.withDescription(what), Options.withDefault(fallback))

/**
 * The yearly values of each link's series from a CSV in the shape of Eurostat's regional files: a period column
 * (`year`), a unit column (`nuts_id`) and one column per indicator key; empty values are not available.
 */
const seriesOf = (
  file: string,
  text: string,
  links: ReadonlyArray<{ readonly id: string; readonly indicator: string; readonly unit?: string | undefined }>,
  columns: { readonly unit: string; readonly period: string }
) =>
  Effect.gen(function* () {
    const table = yield* attempt(
      () => Csv.parse(text, { source: file }),
      (e) => new InputError({ message: (e as Error).message })
    )
    const at = (name: string) =>
      attempt(
        () => Csv.columnIndex(table, name),
        (e) => new InputError({ message: (e as Error).message })
      )
    const unit = yield* at(columns.unit)
    const period = yield* at(columns.period)
    const out: Record<string, Array<{ year: number; value: number }>> = {}
    for (const link of links) {
      out[link.id] = []
      if (link.unit === undefined || !table.header.includes(link.indicator)) continue
      const value = yield* at(link.indicator)
      for (const [k, row] of table.rows.entries()) {
        const field = row[value] ?? ""
        if (row[unit] !== link.unit || field === "") continue
        const year = Number(row[period])
        const v = Number(field)
        if (!Number.isInteger(year) || !Number.isFinite(v))
          return yield* new InputError({
            message: `${file}, line ${table.lines[k]}: expected a year in "${columns.period}" and a number in "${link.indicator}", found "${row[period]}" and "${field}"`
          })
        out[link.id]!.push({ year, value: v })
      }
    }
    return out
  })

const followUp = Command.make(
  "follow-up",
  {
    file: Args.file({ name: "workspace.json", exists: "either" }),
    observations: Options.file("observations").pipe(
      Options.withDescription(
        "CSV of the series the indicator links follow: a period column, a unit column and one column per indicator (e.g. rd_private_eur_hab.nuts2.csv)"
      ),
      Options.optional
    ),
    unitColumn: Options.text("unit-column").pipe(
      Options.withDescription("The unit column of --observations"),
      Options.withDefault("nuts_id")
    ),
    periodColumn: Options.text("period-column").pipe(
      Options.withDescription("The year column of --observations"),
      Options.withDefault("year")
    ),
    onTrack: share("on-track", 0.9, "Share of the expected progress that is on track"),
    atRisk: share("at-risk", 0.5, "Share of the expected progress that is at risk"),
    out: out.pipe(Options.optional),
    lang,
    json: Options.boolean("json").pipe(Options.withDescription("Print the follow-up as JSON"))
  },
  (o) =>
    Effect.gen(function* () {
      const { workspace } = yield* loadWorkspace(o.file, false)
      const actuals = Option.isSome(o.observations)
        ? yield* seriesOf(o.observations.value, yield* readText(o.observations.value), workspace.indicatorLinks, {
            unit: o.unitColumn,
            period: o.periodColumn
          })
        : {}
      const [{ FollowUp }, { StrategyReport }] = yield* Effect.all([domainPackage, reportPackage])
      const thresholds = { onTrack: o.onTrack, atRisk: o.atRisk }
      const result = yield* attempt(
        () => FollowUp.followUp(workspace, (link) => actuals[link.id] ?? [], thresholds),
        (e) => new InputError({ message: (e as Error).message })
      )
      if (o.json) yield* printJson(result)
      else
        yield* printTable(
          [
            { header: "link", cell: (r: ReturnType<typeof rows>[number]) => r.link },
            { header: "year", cell: (r) => String(r.year), align: "right" },
            { header: "target", cell: (r) => String(r.target), align: "right" },
            { header: "latest", cell: (r) => r.latest, align: "right" },
            { header: "status", cell: (r) => r.status }
          ],
          rows(result)
        )
      if (Option.isSome(o.out))
        yield* write(o.out.value, StrategyReport.render(workspace, { lang: o.lang, actuals, thresholds }))
    })
).pipe(
  Command.withDescription(
    "Indicators against their targets: each link's series, baseline, latest actual and the status of each target year (on track, at risk, off track, no data). Example: innokraft report follow-up vasterbotten.json --observations rd_private_eur_hab.nuts2.csv --out follow-up.html"
  )
)

const rows = (
  result: ReadonlyArray<{
    readonly link: { readonly id: string }
    readonly targets: ReadonlyArray<{
      readonly year: number
      readonly value: number
      readonly status: string
      readonly actual: { readonly year: number; readonly value: number } | null
    }>
  }>
) =>
  result.flatMap((f) =>
    f.targets.map((t) => ({
      link: f.link.id,
      year: t.year,
      target: t.value,
      latest: t.actual ? `${t.actual.value} (${t.actual.year})` : "–",
      status: t.status
    }))
  )

/**
 * `innokraft report …`: the HTML reports of `@innokraft/report`.
 *
 * @since 0.1.0
 */
export const report = Command.make("report").pipe(
  Command.withDescription("Self-contained HTML reports (Swedish or English) that print well to A4."),
  Command.withSubcommands([strategy, followUp, measure, s3, loop])
)
