import { Args, Command, Options } from "@effect/cli"
import type { CycleReport } from "@innokraft/loop"
import { Console, Effect, Option } from "effect"
import { CheckFailed, InputError } from "../CliError.js"
import { readJson, writeAtomic, writeJson } from "../internal/Files.js"
import { loop as loopPackage } from "../internal/Lazy.js"
import { attempt, printJson, renderTable } from "../internal/Output.js"

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text"))
const file = Args.file({ name: "cycle.json", exists: "either" }).pipe(
  Args.withDescription("An Innovation Loop cycle document")
)

/** Reads a cycle document; an invalid one prints every problem with its path and fails with exit code 1. */
export const load = (path: string) =>
  Effect.gen(function* () {
    const { CycleDocument } = yield* loopPackage
    const parsed = CycleDocument.parse(yield* readJson(path))
    if (parsed.ok) return parsed.document
    yield* Console.error(parsed.problems.map((p) => `${path}: ${p.path}: ${p.message}`).join("\n"))
    return yield* new CheckFailed({ message: `${path}: ${parsed.problems.length} problem(s)` })
  })

/** A published count, or "<n" for a cell suppressed under the threshold. */
const count = (value: number | null, threshold: number) => (value === null ? `<${threshold}` : String(value))

const renderReport = (r: CycleReport.Report): string => {
  const t = r.inclusion.threshold
  const lines = [
    `Innovation Loop ${r.cycle.year}${r.cycle.theme ? ` — ${r.cycle.theme.en} (${r.cycle.theme.sv})` : ""}${r.cycle.synthetic ? " [synthetic data]" : ""}`,
    `status ${r.cycle.status}`,
    "",
    `Participants: ${r.participants.unique} unique, ${r.participants.participations} participations, ${r.participants.reportedAttendance} reported attendance`,
    `Organisations: ${r.organisations.total} (${r.organisations.publicSector} public sector, ${r.organisations.companies} companies)`,
    "",
    `Meetings: ${r.meetings.total}`,
    renderTable(
      [
        { header: "type", cell: ([k]: readonly [string, number]) => k },
        { header: "meetings", cell: ([, n]) => String(n), align: "right" }
      ],
      Object.entries(r.meetings.byType).filter(([, n]) => n > 0)
    ),
    "",
    renderTable(
      [
        { header: "municipality", cell: (m: { name: string; count: number }) => m.name },
        { header: "meetings", cell: (m) => String(m.count), align: "right" }
      ],
      r.meetings.byMunicipality
    ),
    "",
    "Funnel",
    renderTable(
      [
        { header: "stage", cell: ([k]: readonly [string, number]) => k },
        { header: "ideas", cell: ([, n]) => String(n), align: "right" }
      ],
      [
        ["needs", r.funnel.needs],
        ["ideas", r.funnel.ideas],
        ["concepts", r.funnel.concepts],
        ["prototypes", r.funnel.prototypes],
        ["pilots", r.funnel.pilots],
        ["implemented", r.funnel.implemented],
        ["companies formed", r.funnel.companiesFormed],
        ["outcomes", r.funnel.outcomes.total]
      ] as const
    ),
    "",
    `Inclusion (consented records only; counts under ${t} are not published)`
  ]
  for (const [name, b] of [
    ["gender", r.inclusion.gender],
    ["age band", r.inclusion.ageBand],
    ["newcomer", r.inclusion.newcomer],
    ...(r.inclusion.zone ? ([["zone", r.inclusion.zone]] as const) : [])
  ] as const) {
    const cells = Object.entries(b.cells)
      .map(([k, v]) => `${k} ${count(v, t)}`)
      .join(", ")
    lines.push(`  ${name}: total ${count(b.total, t)}${cells ? `; ${cells}` : ""}`)
  }
  return lines.join("\n")
}

/**
 * `--threshold`, the smallest published count of people, for `loop report` and `report loop`: under 1 is refused,
 * as small-cell suppression cannot be turned off.
 */
export const threshold = Options.integer("threshold").pipe(
  Options.withDescription("Smallest published count (default 5)"),
  Options.withDefault(5),
  Options.filterMap(
    (n) => (n >= 1 ? Option.some(n) : Option.none()),
    "--threshold: expected 1 or more: small counts of people are always suppressed"
  )
)

const report = Command.make(
  "report",
  {
    file,
    json,
    threshold
  },
  ({ file, json, threshold }) =>
    Effect.gen(function* () {
      const doc = yield* load(file)
      const { CycleReport } = yield* loopPackage
      const r = CycleReport.report(doc, { threshold })
      yield* json ? printJson(r) : Console.log(renderReport(r))
    })
).pipe(
  Command.withDescription(
    "The cycle report: participants, organisations, meetings, the funnel, time in stage and inclusion figures with small cells suppressed. Example: innokraft loop report cycle.json"
  )
)

const advance = Command.make(
  "advance",
  {
    file,
    idea: Options.text("idea").pipe(Options.withDescription("The idea's id")),
    to: Options.text("to").pipe(Options.withDescription("The stage or state to move to, e.g. concept, parked")),
    by: Options.text("by").pipe(Options.withDescription("Who decided (a role or body, not a person's name)")),
    reason: Options.text("reason").pipe(Options.withDescription("Why")),
    at: Options.text("at").pipe(Options.withDescription("When, YYYY-MM-DD (default today)"), Options.optional)
  },
  ({ file, idea, to, by, reason, at }) =>
    Effect.gen(function* () {
      const doc = yield* load(file)
      const when = Option.getOrElse(at, () => new Date().toISOString().slice(0, 10))
      const { Lifecycle, TransitionError } = yield* loopPackage
      const next = yield* attempt(
        () => Lifecycle.advance(doc, { idea, to, by, reason, at: when }),
        (e) => new InputError({ message: `${file}: ${e instanceof TransitionError ? e.message : String(e)}` })
      )
      // The file is replaced only once the move has been accepted, and atomically.
      yield* writeJson(file, next)
      yield* Console.log(`${file}: idea ${idea} moved to ${to}`)
    })
).pipe(
  Command.withDescription(
    'Moves an idea to its next stage, recording who decided and why; refuses an illegal move and then writes nothing. Example: innokraft loop advance cycle.json --idea I-1 --to concept --by jury --reason "Strongest pitch"'
  )
)

const exportCommand = Command.make(
  "export",
  {
    file,
    format: Options.choice("format", ["decidim", "csv"]).pipe(
      Options.withDescription(
        "decidim: a Decidim-style participatory process (JSON); csv: ideas with their stage history"
      )
    ),
    out: Options.file("out").pipe(Options.withDescription("Write to this file instead of stdout"), Options.optional)
  },
  ({ file, format, out }) =>
    Effect.gen(function* () {
      const doc = yield* load(file)
      const { Decidim, IdeasCsv } = yield* loopPackage
      const text =
        format === "csv" ? IdeasCsv.write(doc) : `${JSON.stringify(Decidim.toParticipatoryProcess(doc), null, 2)}\n`
      if (Option.isSome(out)) yield* writeAtomic(out.value, text)
      else yield* Console.log(text.trimEnd())
    })
).pipe(
  Command.withDescription(
    "Exports a cycle for the tools people already use. Example: innokraft loop export cycle.json --format decidim --out process.json"
  )
)

const example = Command.make(
  "example",
  { out: Options.file("out").pipe(Options.withDescription("Where to write the cycle document")) },
  ({ out }) =>
    Effect.gen(function* () {
      const { Example } = yield* loopPackage
      yield* writeJson(out, Example.walkthrough())
      yield* Console.log(`${out}: written (a clearly labelled synthetic walk-through of one cycle)`)
    })
).pipe(
  Command.withDescription(
    "Writes the synthetic walk-through cycle (synthetic people and ideas, marked as such) to try the commands on. Example: innokraft loop example --out cycle.json"
  )
)

/**
 * `innokraft loop …`: Innovation Loop cycles of `@innokraft/loop`.
 *
 * @since 0.1.0
 */
export const loop = Command.make("loop").pipe(
  Command.withDescription("The Innovation Loop: cycle reports, idea stage moves, exports."),
  Command.withSubcommands([report, advance, exportCommand, example])
)
