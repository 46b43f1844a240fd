import { Args, Command, Options } from "@effect/cli"
import { FileSystem } from "@effect/platform"
import type { Portfolio, Workspace } from "@innokraft/domain"
import { Console, Effect, Option } from "effect"
import { CheckFailed, InputError } from "../CliError.js"
import { readJson, readText, writeAtomic, writeJson } from "../internal/Files.js"
import { domain, reference } from "../internal/Lazy.js"
import { attempt, dim, printJson, renderTable } from "../internal/Output.js"
import { unknownCode } from "./Reference.js"

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text"))
const file = Args.file({ name: "file.json", exists: "either" }).pipe(Args.withDescription("A workspace document"))

/** Reads a workspace file; an invalid one prints every problem and fails with exit code 1. */
export const load = (path: string, jsonOutput: boolean) =>
  Effect.gen(function* () {
    const { Interchange } = yield* domain
    const result = Interchange.fromJson(yield* readText(path))
    if (result.ok) return result
    if (jsonOutput) yield* printJson({ file: path, valid: false, problems: result.problems })
    else yield* Console.error(result.problems.map((p) => `${path}: ${p.message}`).join("\n"))
    return yield* new CheckFailed({ message: `${path}: ${result.problems.length} problem(s)` })
  })

const validate = Command.make("validate", { file, json }, ({ file, json }) =>
  Effect.gen(function* () {
    const { workspace, migratedFrom } = yield* load(file, json)
    const counts = {
      strategies: workspace.strategies.length,
      goals: workspace.goals.length,
      strengthAreas: workspace.strengthAreas.length,
      projects: workspace.projects.length,
      fundings: workspace.fundings.length
    }
    if (json) return yield* printJson({ file, valid: true, problems: [], migratedFrom, counts })
    yield* Console.log(
      `${file}: valid — ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(", ")}${migratedFrom === undefined ? "" : ` (migrated from format version ${migratedFrom})`}`
    )
  })
).pipe(
  Command.withDescription(
    "Checks a workspace document and prints every problem with its path; exits 1 if there are any. Example: innokraft workspace validate region.json"
  )
)

const money = (amount: number) => Math.round(amount).toLocaleString("en-US")

const renderPortfolio = (report: Portfolio.Report): string => {
  const sections: Array<string> = []
  const counts = Object.entries(report.projectCounts).filter(([, n]) => n > 0)
  sections.push(`Projects by status: ${counts.map(([s, n]) => `${s} ${n}`).join(", ") || "none"}`)
  for (const totals of report.funding) {
    const amounts = (title: string, rows: ReadonlyArray<Portfolio.Amount>) =>
      `${title}\n${renderTable(
        [
          { header: "key", cell: (a: Portfolio.Amount) => a.key },
          { header: totals.currency, cell: (a) => money(a.amount), align: "right" }
        ],
        rows
      )}`
    sections.push(
      `Funding in ${totals.currency}: ${money(totals.total)}`,
      amounts("by source", totals.bySource),
      amounts("by year", totals.byYear),
      amounts("by goal", totals.byGoal),
      amounts("by strength area", totals.byStrengthArea)
    )
  }
  if (report.fundingsWithoutAmount.length > 0) {
    sections.push(`Fundings without a published amount: ${report.fundingsWithoutAmount.join(", ")}`)
  }
  sections.push(
    `Active projects per year\n${renderTable(
      [
        { header: "year", cell: (y: Portfolio.YearCount) => String(y.year) },
        { header: "projects", cell: (y) => String(y.count), align: "right" }
      ],
      report.perYear
    )}`
  )
  const gap = (title: string, items: ReadonlyArray<{ id: string }>) =>
    `${title}: ${items.length === 0 ? "none" : items.map((i) => i.id).join(", ")}`
  sections.push(
    [
      "Gaps",
      gap("  goals without an active project", report.gaps.goals),
      gap("  efforts without an active project", report.gaps.efforts),
      gap("  strength areas without an active project", report.gaps.strengthAreas),
      gap("  projects linked to nothing", report.gaps.unlinkedProjects)
    ].join("\n")
  )
  if (report.callMatches.length > 0) {
    sections.push(
      `Ideas and proposals matching open calls\n${renderTable(
        [
          { header: "project", cell: (m: Portfolio.CallMatch) => m.projectId },
          { header: "call", cell: (m) => m.callId },
          { header: "deadline", cell: (m) => m.deadline },
          { header: "state", cell: (m) => m.state },
          {
            header: "matched",
            cell: (m) => [...m.matchedStrengthAreaIds, ...m.matchedGoalIds].join(", ") || "open to all"
          }
        ],
        report.callMatches
      )}`
    )
  }
  return sections.join("\n\n")
}

/** `--as-of`: the date a portfolio is read on, for `workspace portfolio` and `report strategy`. */
export const asOfOption = Options.text("as-of").pipe(
  Options.withDescription("Count projects active on this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
  Options.optional
)

/** The `--as-of` date, checked as the domain checks dates (`2024-13` and `2024-02-31` are refused). */
export const asOfDate = (asOf: Option.Option<string>) =>
  Effect.gen(function* () {
    if (Option.isNone(asOf)) return undefined
    const { Period } = yield* domain
    const checked = Period.PartialDate.safeParse(asOf.value)
    if (!checked.success) {
      return yield* new InputError({ message: `--as-of: ${checked.error.issues[0]!.message}, found "${asOf.value}"` })
    }
    return checked.data
  })

const portfolio = Command.make(
  "portfolio",
  {
    file,
    json,
    asOf: asOfOption
  },
  ({ file, json, asOf }) =>
    Effect.gen(function* () {
      const { workspace } = yield* load(file, json)
      const on = yield* asOfDate(asOf)
      const { Portfolio } = yield* domain
      const report = Portfolio.analyse(workspace, on === undefined ? {} : { asOf: on })
      yield* json ? printJson(report) : Console.log(renderPortfolio(report))
    })
).pipe(
  Command.withDescription(
    "Portfolio analysis: coverage, funding by source, year, goal and strength area, gaps, projects per year, call matches. Example: innokraft workspace portfolio region.json --as-of 2024-05-01"
  )
)

const examples = ["vasterbotten", "vasternorrland", "boras"] as const

const refuseOverwrite = (path: string, force: boolean) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    Effect.flatMap(fs.exists(path).pipe(Effect.orElseSucceed(() => false)), (exists) =>
      exists && !force ? new InputError({ message: `${path} exists; use --force to replace it` }) : Effect.void
    )
  )

const init = Command.make(
  "init",
  {
    out: Options.file("out").pipe(Options.withDescription("Where to write the new workspace document")),
    county: Options.text("county").pipe(
      Options.withDescription('Start an empty workspace for this county (län) code, e.g. "24"'),
      Options.optional
    ),
    example: Options.choice("example", examples).pipe(
      Options.withDescription("Start from one of the sourced example workspaces instead"),
      Options.optional
    ),
    force: Options.boolean("force").pipe(Options.withDescription("Replace an existing file"))
  },
  ({ out, county, example, force }) =>
    Effect.gen(function* () {
      yield* refuseOverwrite(out, force)
      const { Examples, Id, Interchange, Workspace } = yield* domain
      let workspace: Workspace.Workspace
      if (Option.isSome(example)) workspace = Examples.all[example.value]
      else if (Option.isSome(county)) {
        const { County, Municipality } = yield* reference
        const c = yield* attempt(() => County.parse(county.value), unknownCode)
        workspace = Workspace.empty({
          id: Id.slug(`region ${c.shortName}`),
          name: { sv: `Region ${c.shortName}`, en: `Region ${c.shortName}` },
          country: "SE",
          nutsCode: c.nuts3,
          municipalities: Municipality.inCounty(c.code).map((m) => ({ code: m.code }))
        })
      } else return yield* new InputError({ message: "give --county CODE or --example NAME" })
      yield* writeAtomic(out, Interchange.toJson(workspace))
      yield* Console.log(`${out}: written ${dim(`(${workspace.regions[0]?.name.sv ?? "workspace"})`)}`)
    })
).pipe(
  Command.withDescription(
    "Creates a workspace document: an empty one for a county, or a sourced example. Example: innokraft workspace init --county 24 --out vasterbotten.json"
  )
)

const exportCommand = Command.make(
  "export",
  {
    file,
    strategy: Options.text("strategy").pipe(
      Options.withDescription("The id of the strategy whose S3 priorities to export")
    ),
    lang: Options.choice("lang", ["en", "sv"]).pipe(Options.withDefault("en" as const)),
    out: Options.file("out").pipe(Options.withDescription("Write to this file instead of stdout"), Options.optional)
  },
  ({ file, strategy, lang, out }) =>
    Effect.gen(function* () {
      const { workspace } = yield* load(file, false)
      const { EyeRis3 } = yield* domain
      const region = yield* attempt(
        () => EyeRis3.exportRegion(workspace, strategy, { lang }),
        (e) => new InputError({ message: `${file}: ${(e as Error).message}` })
      )
      if (Option.isSome(out)) yield* writeJson(out.value, region)
      else yield* printJson(region)
    })
).pipe(
  Command.withDescription(
    "Exports a strategy's smart-specialisation priorities in the Eye@RIS3 shape. Example: innokraft workspace export region.json --strategy vasternorrland-s3"
  )
)

const importCommand = Command.make(
  "import",
  {
    file: Args.file({ name: "eye-ris3.json", exists: "either" }).pipe(
      Args.withDescription("A region's S3 priorities in the Eye@RIS3 shape (as `workspace export` writes)")
    ),
    out: Options.file("out").pipe(Options.withDescription("Where to write the new workspace document")),
    force: Options.boolean("force").pipe(Options.withDescription("Replace an existing file"))
  },
  ({ file, out, force }) =>
    Effect.gen(function* () {
      yield* refuseOverwrite(out, force)
      const { EyeRis3, Interchange } = yield* domain
      const result = EyeRis3.importRegion(yield* readJson(file))
      if (!result.ok) {
        yield* Console.error(result.problems.map((p) => `${file}: ${p.message}`).join("\n"))
        return yield* new CheckFailed({ message: `${file}: ${result.problems.length} problem(s)` })
      }
      yield* writeAtomic(out, Interchange.toJson(result.workspace))
      yield* Console.log(
        `${out}: written — ${result.workspace.strengthAreas.length} strength areas of ${result.workspace.strategies[0]?.id ?? "a strategy"}`
      )
    })
).pipe(
  Command.withDescription(
    "Creates a workspace from a region's Eye@RIS3 priorities. Example: innokraft workspace import eye-ris3.json --out region.json"
  )
)

/**
 * `innokraft workspace …`: region workspace documents of `@innokraft/domain`.
 *
 * @since 0.1.0
 */
export const workspace = Command.make("workspace").pipe(
  Command.withDescription(
    "Region workspace documents: create, validate, analyse the portfolio, export and import Eye@RIS3."
  ),
  Command.withSubcommands([init, validate, portfolio, exportCommand, importCommand])
)
