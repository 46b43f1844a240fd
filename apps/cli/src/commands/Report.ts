import { Args, Command, Options } from "@effect/cli"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { writeAtomic } from "../internal/Files.js"
import { loop as loopPackage, measure as measurePackage, report as reportPackage } from "../internal/Lazy.js"
import { attempt } from "../internal/Output.js"
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

/**
 * `innokraft report …`: the HTML reports of `@innokraft/report`.
 *
 * @since 0.1.0
 */
export const report = Command.make("report").pipe(
  Command.withDescription("Self-contained HTML reports (Swedish or English) that print well to A4."),
  Command.withSubcommands([strategy, measure, s3, loop])
)
