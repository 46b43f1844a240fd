import { Command, Options } from "@effect/cli"
import type { Matrix, Priority } from "@innokraft/s3"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { readJson, readText, writeAtomic, writeJson } from "../internal/Files.js"
import { s3Node, s3 as s3Package } from "../internal/Lazy.js"
import { attempt, dim, printJson, renderTable } from "../internal/Output.js"
import type * as RegionalPrioritiesModule from "../internal/RegionalPriorities.js"
import * as Tables from "../internal/Tables.js"

// Loaded with the package it needs, when a command runs.
const regionalPriorities = Effect.promise(() => import("../internal/RegionalPriorities.js"))

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON on stdout instead of a table"))

/** How to read a long CSV matrix: which columns, which rows. Eurostat/SCB files rarely use our default names. */
const matrixInput = {
  input: Options.file("input").pipe(Options.withDescription("Long CSV: region, industry, value[, year]")),
  regionColumn: Options.text("region-column").pipe(Options.withDefault("region")),
  industryColumn: Options.text("industry-column").pipe(Options.withDefault("industry")),
  valueColumn: Options.text("value-column").pipe(Options.withDefault("value")),
  yearColumn: Options.text("year-column").pipe(
    Options.withDescription('The year column (default "year" when present)'),
    Options.optional
  ),
  regions: Options.text("regions").pipe(
    Options.withDescription(
      'Keep only regions whose code matches this regular expression, e.g. "^SE\\d{3}$" for counties'
    ),
    Options.optional
  ),
  excludeIndustries: Options.text("exclude-industries").pipe(
    Options.withDescription("Comma-separated industry codes to leave out, e.g. TOTAL"),
    Options.optional
  ),
  missing: Options.choice("missing", ["error", "zero"]).pipe(
    Options.withDescription("A region × industry cell absent from the file: an error (default) or zero"),
    Options.withDefault("error" as const)
  )
}

type MatrixInput = {
  readonly input: string
  readonly regionColumn: string
  readonly industryColumn: string
  readonly valueColumn: string
  readonly yearColumn: Option.Option<string>
  readonly regions: Option.Option<string>
  readonly excludeIndustries: Option.Option<string>
  readonly missing: "error" | "zero"
}

/** The libraries' input errors (CsvError, MatrixError; matched by name, as the packages load lazily) as the CLI's. */
const libraryError = (error: unknown) =>
  new InputError({
    message:
      error instanceof Error && (error.name === "CsvError" || error.name === "MatrixError")
        ? error.message
        : `unexpected failure: ${String(error)}`
  })

/**
 * Reads the file and returns the parse of its panel, to run later (`s3 analyse` runs it while its worker thread boots);
 * `keep` adds region codes that must stay when `--regions` filters (a reference row).
 */
const panelParser = (o: MatrixInput, keep: ReadonlyArray<string> = []) =>
  Effect.gen(function* () {
    let pattern: RegExp | undefined
    if (Option.isSome(o.regions)) {
      const source = o.regions.value
      pattern = yield* attempt(
        () => new RegExp(source),
        () => new InputError({ message: `--regions: not a regular expression: ${source}` })
      )
    }
    const excluded = new Set(
      Option.getOrElse(o.excludeIndustries, () => "")
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "")
    )
    const text = yield* readText(o.input)
    const { Matrix } = yield* s3Package
    // Swedish-locale exports: semicolons and decimal commas
    const format = Tables.csvFormatOf(text)
    return () =>
      Matrix.fromLongCsv(text, {
        source: o.input,
        ...format,
        columns: {
          region: o.regionColumn,
          industry: o.industryColumn,
          value: o.valueColumn,
          ...(Option.isSome(o.yearColumn) ? { year: o.yearColumn.value } : {})
        },
        ...(pattern ? { region: (code: string) => pattern.test(code) || keep.includes(code) } : {}),
        ...(excluded.size > 0 ? { industry: (code: string) => !excluded.has(code) } : {}),
        missing: o.missing
      })
  })

/** Reads the panel, optionally keeping only some regions; `keep` adds region codes that must stay (a reference row). */
const readPanel = (o: MatrixInput, keep: ReadonlyArray<string> = []) =>
  Effect.flatMap(panelParser(o, keep), (parse) => attempt(parse, libraryError))

const oneDecimal = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1))

const fixed = (digits: number) => (x: number) => (Number.isFinite(x) ? x.toFixed(digits) : "")

const analyse = Command.make(
  "analyse",
  {
    ...matrixInput,
    json,
    out: Options.file("out").pipe(Options.withDescription("Write result.json here"), Options.optional),
    year: Options.integer("year").pipe(
      Options.withDescription("The year to analyse (default: the latest)"),
      Options.optional
    ),
    eciSd: Options.choice("eci-sd", ["population", "sample"]).pipe(
      Options.withDescription("Standardise ECI with the population sd (py-ecomplexity, default) or the sample sd"),
      Options.withDefault("population" as const)
    ),
    top: Options.integer("top").pipe(
      Options.withDescription("Regions of the ECI ranking to print (0: all)"),
      Options.withDefault(25)
    ),
    densityDiagonal: Options.choice("density-diagonal", ["include", "exclude"]).pipe(
      Options.withDescription(
        "Count the industry itself in its relatedness density (py-ecomplexity, default) or not (EconGeo)"
      ),
      Options.withDefault("include" as const)
    ),
    proximity: Options.file("proximity").pipe(
      Options.withDescription(
        'Also write the industry × industry proximity matrix here: { "industries": [...], "values": [[...], ...] }'
      ),
      Options.optional
    )
  },
  (o) =>
    Effect.gen(function* () {
      if (o.top < 0) return yield* new InputError({ message: `--top: expected 0 (all) or more, found ${o.top}` })
      const parse = yield* panelParser(o)
      const { Analysis } = yield* s3Node
      const RegionalPriorities = yield* regionalPriorities
      // result.json as bytes (a 1,200 × 615 result holds 1.5 million numbers), its density part partly from a worker
      // thread, which boots while the file is parsed
      const { analysis: result, json: bytes } = yield* Effect.tryPromise({
        try: () =>
          Analysis.runParallel(
            () => {
              const panel = parse()
              if (Option.isSome(o.year)) RegionalPriorities.yearOf(panel, o.year.value, "--year")
              return panel
            },
            {
              eciSd: o.eciSd,
              densityDiagonal: o.densityDiagonal,
              ...(Option.isSome(o.year) ? { year: o.year.value } : {})
            }
          ),
        catch: (e) =>
          e instanceof RegionalPriorities.PrioritiesInputError
            ? new InputError({ message: e.message })
            : libraryError(e)
      })
      if (Option.isSome(o.out)) yield* writeAtomic(o.out.value, bytes, "\n")
      if (Option.isSome(o.proximity)) {
        const phi = result.proximity
        const k = phi.labels.length
        yield* writeJson(o.proximity.value, {
          industries: phi.labels,
          values: phi.labels.map((_, i) => Array.from(phi.values.subarray(i * k, (i + 1) * k)))
        })
      }
      if (o.json) return yield* Console.log(new TextDecoder().decode(bytes))
      for (const warning of result.warnings) yield* Console.error(`warning: ${warning}`)
      const e = result.eci.eci
      const order = e.labels.map((_, k) => k).sort((a, b) => e.values[b]! - e.values[a]!)
      yield* Console.log(
        `${result.matrix.regions.length} regions × ${result.matrix.industries.length} industries${result.year === null ? "" : `, ${result.year}`}` +
          (result.dropped.regions.length + result.dropped.industries.length > 0
            ? `; dropped (all zero): ${[...result.dropped.regions, ...result.dropped.industries].join(", ")}`
            : "")
      )
      yield* Console.log(
        renderTable(
          [
            { header: "region", cell: (k: number) => e.labels[k]! },
            { header: "diversity", cell: (k) => String(result.diversity.values[k]), align: "right" },
            { header: "ECI", cell: (k) => fixed(3)(e.values[k]!), align: "right" },
            { header: "fitness", cell: (k) => fixed(3)(result.fitness.fitness.values[k]!), align: "right" }
          ],
          o.top > 0 ? order.slice(0, o.top) : order
        )
      )
      if (o.top > 0 && order.length > o.top) {
        yield* Console.log(
          dim(`… ${order.length - o.top} more regions (--top 0 prints all; result.json has every one)`)
        )
      }
      if (Option.isSome(o.out)) yield* Console.log(`\n${o.out.value}: written`)
      if (Option.isSome(o.proximity)) yield* Console.log(`${o.proximity.value}: proximity written`)
    })
).pipe(
  Command.withDescription(
    "Location quotients, specialisation (M), diversity, ubiquity, ECI/PCI, fitness and relatedness density from a region × industry matrix. Example: innokraft s3 analyse --input matrix.csv --out result.json"
  )
)

const referenceOption = Options.text("reference-region").pipe(
  Options.withDescription(
    "A row of the file to use as the reference economy (e.g. SE), instead of the sum of the regions"
  ),
  Options.optional
)

const withReference = (m: Matrix.Matrix, reference: Option.Option<string>) =>
  Effect.flatMap(regionalPriorities, (RegionalPriorities) =>
    attempt(
      () => RegionalPriorities.splitReference(m, Option.getOrUndefined(reference)),
      (e) => new InputError({ message: (e as Error).message })
    )
  )

const yearOf = (panel: Matrix.Panel, year: number, flag: string) =>
  Effect.flatMap(regionalPriorities, (RegionalPriorities) =>
    attempt(
      () => RegionalPriorities.yearOf(panel, year, flag),
      (e) => new InputError({ message: (e as Error).message })
    )
  )

const shiftshare = Command.make(
  "shiftshare",
  {
    ...matrixInput,
    json,
    base: Options.integer("base").pipe(Options.withDescription("Base year")),
    end: Options.integer("end").pipe(Options.withDescription("End year")),
    reference: referenceOption,
    region: Options.text("region").pipe(
      Options.withDescription("Show one region industry by industry"),
      Options.optional
    ),
    method: Options.choice("method", ["classic", "dynamic", "esteban-marquillas"]).pipe(
      Options.withDescription(
        "classic (one base year); dynamic (Barff & Knight: every year pair from --base to --end, summed); esteban-marquillas (the competitive effect split into net and allocation)"
      ),
      Options.withDefault("classic" as const)
    )
  },
  (o) =>
    Effect.gen(function* () {
      const panel = yield* readPanel(o, Option.toArray(o.reference))
      const base = yield* withReference(yield* yearOf(panel, o.base, "--base"), o.reference)
      const end = yield* withReference(yield* yearOf(panel, o.end, "--end"), o.reference)
      const { Matrix, ShiftShare } = yield* s3Package
      const reference = base.reference && end.reference ? { base: base.reference, end: end.reference } : undefined
      let split: { net: Float64Array; allocation: Float64Array } | undefined
      let d: ReturnType<typeof ShiftShare.classic>
      if (o.method === "dynamic") {
        // the panel's regions without the reference row, and the reference row of every year
        const years = panel.years.filter((y): y is number => y !== null && y >= o.base && y <= o.end)
        const slices = yield* Effect.forEach(years, (y) => withReference(Matrix.year(panel, y), o.reference))
        const sub: Matrix.Panel = {
          regions: slices[0]!.regions.regions,
          industries: slices[0]!.regions.industries,
          years,
          values: slices.map((x) => x.regions.values)
        }
        const perYear = slices.every((x) => x.reference !== undefined) ? slices.map((x) => x.reference!) : undefined
        d = yield* attempt(
          () => ShiftShare.dynamic(sub, { from: o.base, to: o.end, ...(perYear ? { reference: perYear } : {}) }),
          libraryError
        )
      } else if (o.method === "esteban-marquillas") {
        const em = yield* attempt(
          () => ShiftShare.estebanMarquillas(base.regions, end.regions, reference),
          libraryError
        )
        d = em.decomposition
        split = { net: em.net.values, allocation: em.allocation.values }
      } else {
        d = yield* attempt(() => ShiftShare.classic(base.regions, end.regions, reference), libraryError)
      }
      const I = d.industries.length
      type Row = {
        label: string
        change: number
        nationalShare: number
        industryMix: number
        competitive: number
        net?: number
        allocation?: number
      }
      const cells = (label: string, ks: ReadonlyArray<number>): Row => {
        const sum = (x: Float64Array) => ks.reduce((acc, k) => acc + x[k]!, 0)
        return {
          label,
          change: sum(d.change),
          nationalShare: sum(d.nationalShare),
          industryMix: sum(d.industryMix),
          competitive: sum(d.competitive),
          ...(split ? { net: sum(split.net), allocation: sum(split.allocation) } : {})
        }
      }
      let rows: Array<Row>
      if (Option.isSome(o.region)) {
        const r = d.regions.indexOf(o.region.value)
        if (r < 0)
          return yield* new InputError({ message: `--region: "${o.region.value}" is not among the analysed regions` })
        rows = d.industries.map((label, i) => cells(label, [r * I + i]))
      } else {
        rows = d.regions.map((label, r) =>
          cells(
            label,
            Array.from({ length: I }, (_, i) => r * I + i)
          )
        )
      }
      if (o.json) return yield* printJson({ method: o.method, base: o.base, end: o.end, rows })
      const n = (x: number | undefined) => (x === undefined ? "" : Math.round(x).toLocaleString("en-US"))
      yield* Console.log(
        renderTable(
          [
            { header: Option.isSome(o.region) ? "industry" : "region", cell: (x: Row) => x.label },
            { header: "change", cell: (x) => n(x.change), align: "right" },
            { header: "national share", cell: (x) => n(x.nationalShare), align: "right" },
            { header: "industry mix", cell: (x) => n(x.industryMix), align: "right" },
            { header: "competitive", cell: (x) => n(x.competitive), align: "right" },
            ...(split
              ? [
                  { header: "net", cell: (x: Row) => n(x.net), align: "right" as const },
                  { header: "allocation", cell: (x: Row) => n(x.allocation), align: "right" as const }
                ]
              : [])
          ],
          rows
        )
      )
      if (o.method === "dynamic") yield* Console.log(dim(`\nsummed over the year pairs ${o.base}–${o.end}`))
    })
).pipe(
  Command.withDescription(
    "Shift-share: national share, industry mix and regional competitive effect, which add up to the change; --method dynamic or esteban-marquillas. Example: innokraft s3 shiftshare --input matrix.csv --base 2000 --end 2017 --reference-region SE --method esteban-marquillas"
  )
)

const specialisation = Command.make(
  "specialisation",
  {
    ...matrixInput,
    json,
    year: Options.integer("year").pipe(Options.withDescription("The year (default: the latest)"), Options.optional),
    reference: referenceOption
  },
  (o) =>
    Effect.gen(function* () {
      const panel = yield* readPanel(o, Option.toArray(o.reference))
      const { Matrix, Specialisation } = yield* s3Package
      const year = Option.isSome(o.year) ? yield* yearOf(panel, o.year.value, "--year") : Matrix.year(panel)
      const { regions: m, reference } = yield* withReference(year, o.reference)
      const ref = reference ? { reference } : {}
      const perRegion = yield* attempt(
        () => ({
          krugman: Specialisation.krugman(m, ref),
          specialisationCoefficient: Specialisation.specialisationCoefficient(m, ref),
          herfindahl: Specialisation.herfindahl(m),
          normalisedHerfindahl: Specialisation.normalisedHerfindahl(m),
          entropy: Specialisation.entropy(m),
          theil: Specialisation.theil(m, ref),
          hachman: Specialisation.hachman(m, ref)
        }),
        libraryError
      )
      const perIndustry = yield* attempt(
        () => ({
          gini: Specialisation.gini(m),
          locationalGini: Specialisation.locationalGini(m),
          hoover: Specialisation.hoover(m)
        }),
        libraryError
      )
      const value = (x: number) => (Number.isFinite(x) ? x : null)
      const table = <K extends string>(
        labels: ReadonlyArray<string>,
        v: Record<K, { readonly values: Float64Array }>
      ) =>
        labels.map((label, k) => {
          const row: Record<string, string | number | null> = { label }
          for (const key of Object.keys(v) as Array<K>) row[key] = value(v[key].values[k]!)
          return row as { label: string } & Record<K, number | null>
        })
      const regions = table(m.regions, perRegion)
      const industries = table(m.industries, perIndustry)
      if (o.json) {
        return yield* printJson({
          year: Option.isSome(o.year) ? o.year.value : (panel.years.at(-1) ?? null),
          reference: Option.getOrNull(o.reference),
          regions,
          industries
        })
      }
      const f = (x: number | null, d = 3) => (x === null ? "" : x.toFixed(d))
      yield* Console.log(
        renderTable(
          [
            { header: "region", cell: (r: (typeof regions)[number]) => r.label },
            { header: "Krugman", cell: (r) => f(r.krugman), align: "right" },
            { header: "HHI", cell: (r) => f(r.herfindahl), align: "right" },
            { header: "HHI*", cell: (r) => f(r.normalisedHerfindahl), align: "right" },
            { header: "entropy", cell: (r) => f(r.entropy), align: "right" },
            { header: "Theil", cell: (r) => f(r.theil), align: "right" },
            { header: "Hachman", cell: (r) => f(r.hachman), align: "right" }
          ],
          regions
        )
      )
      yield* Console.log("")
      yield* Console.log(
        renderTable(
          [
            { header: "industry", cell: (r: (typeof industries)[number]) => r.label },
            { header: "Gini", cell: (r) => f(r.gini), align: "right" },
            { header: "locational Gini", cell: (r) => f(r.locationalGini), align: "right" },
            { header: "Hoover", cell: (r) => f(r.hoover, 2), align: "right" }
          ],
          industries
        )
      )
    })
).pipe(
  Command.withDescription(
    "Specialisation and concentration indices (EconGeo conventions, unrounded): per region Krugman (not halved), specialisation coefficient, Herfindahl (and normalised), entropy (base 2), Theil and Hachman against the reference; per industry Gini, locational Gini and Hoover. Example: innokraft s3 specialisation --input matrix.csv --reference-region SE --year 2017"
  )
)

const Areas = (value: unknown, path: string) => {
  const fail = (detail: string) => new InputError({ message: `${path}: ${detail}` })
  if (!Array.isArray(value))
    return Effect.fail(fail("expected a JSON array of { name, industries: [codes], challenge? }"))
  const areas: Array<RegionalPrioritiesModule.Area> = []
  for (const [k, a] of value.entries()) {
    if (
      typeof a?.name !== "string" ||
      !Array.isArray(a.industries) ||
      !a.industries.every((i: unknown) => typeof i === "string")
    ) {
      return Effect.fail(fail(`[${k}]: expected { "name": text, "industries": [industry codes] }`))
    }
    if (a.challenge !== undefined && typeof a.challenge !== "number") {
      return Effect.fail(fail(`[${k}].challenge: expected a number (the expert-tagged societal-challenge fit)`))
    }
    areas.push(a)
  }
  return Effect.succeed(areas)
}

const parseWeights = (text: string, criteria: ReadonlyArray<Priority.Criterion>) => {
  const weights: Partial<Record<Priority.Criterion, number>> = {}
  for (const part of text.split(",")) {
    const [key, value] = part.split("=").map((s) => s.trim())
    if (
      !(criteria as ReadonlyArray<string>).includes(key ?? "") ||
      !Number.isFinite(Number(value)) ||
      Number(value) < 0
    ) {
      return Effect.fail(
        new InputError({
          message: `--weights: expected criterion=weight pairs with criteria ${criteria.join(", ")}, found "${part}"`
        })
      )
    }
    weights[key as Priority.Criterion] = Number(value)
  }
  return Effect.succeed(weights)
}

/** Runs the shared priority computation, turning its input errors into the CLI's. */
const computePriorities = (input: RegionalPrioritiesModule.RegionalPrioritiesInput) =>
  Effect.flatMap(regionalPriorities, (RegionalPriorities) =>
    attempt(
      () => RegionalPriorities.regionalPriorities(input),
      (e) =>
        e instanceof RegionalPriorities.PrioritiesInputError ? new InputError({ message: e.message }) : libraryError(e)
    )
  )

/** The candidate-area options `s3 priorities` and `report s3` share, read into the computation's input. */
export const prioritiesOptions = {
  ...matrixInput,
  region: Options.text("region").pipe(Options.withDescription("The region whose candidate areas are scored")),
  year: Options.integer("year").pipe(Options.withDescription("The year (default: the latest)"), Options.optional),
  base: Options.integer("base").pipe(
    Options.withDescription("A base year for the dynamics criterion (competitive effect from shift-share)"),
    Options.optional
  ),
  reference: referenceOption,
  areas: Options.file("areas").pipe(
    Options.withDescription(
      'Candidate areas as JSON: [{ "name": …, "industries": [codes], "challenge"?: n }]; default: each industry'
    ),
    Options.optional
  ),
  weights: Options.text("weights").pipe(
    Options.withDescription("Criterion weights, e.g. mass=1,specialisation=2 (default: equal)"),
    Options.optional
  ),
  seed: Options.integer("seed").pipe(Options.withDefault(1))
}

type PrioritiesOptions = MatrixInput & {
  readonly region: string
  readonly year: Option.Option<number>
  readonly base: Option.Option<number>
  readonly reference: Option.Option<string>
  readonly areas: Option.Option<string>
  readonly weights: Option.Option<string>
  readonly seed: number
}

/** Reads the files and computes a region's priorities (used by `s3 priorities` and `report s3`). */
export const prioritiesFrom = (o: PrioritiesOptions) =>
  Effect.gen(function* () {
    const panel = yield* readPanel(o, [...Option.toArray(o.reference), o.region])
    const areas = Option.isSome(o.areas)
      ? yield* Effect.flatMap(readJson(o.areas.value), (v) => Areas(v, (o.areas as Option.Some<string>).value))
      : undefined
    const { Priority } = yield* s3Package
    const weights = Option.isSome(o.weights) ? yield* parseWeights(o.weights.value, Priority.criteria) : undefined
    return yield* computePriorities({
      panel,
      region: o.region,
      year: Option.getOrUndefined(o.year),
      base: Option.getOrUndefined(o.base),
      reference: Option.getOrUndefined(o.reference),
      areas,
      weights,
      seed: o.seed
    })
  })

const priorities = Command.make(
  "priorities",
  {
    ...prioritiesOptions,
    json,
    out: Options.file("out").pipe(Options.withDescription("Write the scores as JSON here"), Options.optional)
  },
  (o) =>
    Effect.gen(function* () {
      const { year, scored } = yield* prioritiesFrom(o)
      const output = { region: o.region, year, candidates: scored }
      if (Option.isSome(o.out)) yield* writeJson(o.out.value, output)
      if (o.json) return yield* printJson(output)
      yield* Console.log(
        renderTable(
          [
            { header: "rank", cell: (s: Priority.Scored) => String(s.rank), align: "right" },
            { header: "area", cell: (s) => s.name },
            { header: "score", cell: (s) => s.score.toFixed(3), align: "right" },
            { header: "median rank", cell: (s) => oneDecimal(s.rankRange.median), align: "right" },
            {
              header: "5–95 %",
              cell: (s) => `${oneDecimal(s.rankRange.p5)}–${oneDecimal(s.rankRange.p95)}`,
              align: "right"
            },
            { header: "quadrant", cell: (s) => s.quadrant ?? "" },
            { header: "label", cell: (s) => s.label ?? "" }
          ],
          [...scored].sort((a, b) => a.rank - b.rank)
        )
      )
    })
).pipe(
  Command.withDescription(
    "Scores candidate strength areas of a region on mass, specialisation, dynamics, relatedness, complexity and challenge fit, with rank ranges under random weights. Example: innokraft s3 priorities --input matrix.csv --region SE331 --base 2008"
  )
)

/**
 * `innokraft s3 …`: smart-specialisation analytics with `@innokraft/s3`.
 *
 * @since 0.1.0
 */
export const s3 = Command.make("s3").pipe(
  Command.withDescription(
    "Smart specialisation: location quotients, complexity, relatedness, shift-share and priority scores."
  ),
  Command.withSubcommands([analyse, shiftshare, specialisation, priorities])
)
