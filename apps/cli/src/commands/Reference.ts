import { Command, Options } from "@effect/cli"
import type { County, Municipality, Nuts, Sni } from "@innokraft/reference"
import { Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { reference as referencePackage } from "../internal/Lazy.js"
import { attempt, printRows } from "../internal/Output.js"

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of a table"))

/** `UnknownCodeError` (matched by name, as the package loads lazily) as the CLI's input error. */
export const unknownCode = (error: unknown) =>
  new InputError({
    message: error instanceof Error && error.name === "UnknownCodeError" ? error.message : String(error)
  })

const counties = Command.make("counties", { json }, ({ json }) =>
  Effect.flatMap(referencePackage, ({ County }) =>
    printRows(
      json,
      [
        { header: "code", cell: (c: County.County) => c.code },
        { header: "name", cell: (c) => c.name.sv },
        { header: "english", cell: (c) => c.name.en },
        { header: "nuts3", cell: (c) => c.nuts3 },
        { header: "nuts2", cell: (c) => c.nuts2 }
      ],
      County.all
    )
  )
).pipe(
  Command.withDescription(
    "The 21 Swedish counties (län) with their NUTS codes. Example: innokraft reference counties --json"
  )
)

const municipalities = Command.make(
  "municipalities",
  {
    json,
    county: Options.text("county").pipe(
      Options.withDescription('Only the municipalities of this county code, e.g. "24"'),
      Options.optional
    )
  },
  ({ json, county }) =>
    Effect.gen(function* () {
      const { County, Municipality } = yield* referencePackage
      const rows = Option.isSome(county)
        ? yield* attempt(() => Municipality.inCounty(County.parse(county.value).code), unknownCode)
        : Municipality.all
      yield* printRows(
        json,
        [
          { header: "code", cell: (m: Municipality.Municipality) => m.code },
          { header: "name", cell: (m) => m.name },
          { header: "county", cell: (m) => m.county }
        ],
        rows
      )
    })
).pipe(
  Command.withDescription("The 290 municipalities (kommuner). Example: innokraft reference municipalities --county 24")
)

const nuts = Command.make(
  "nuts",
  {
    json,
    level: Options.choice("level", ["0", "1", "2", "3"]).pipe(
      Options.withDescription("Only regions of this NUTS level"),
      Options.optional
    )
  },
  ({ json, level }) =>
    Effect.flatMap(referencePackage, ({ Nuts }) =>
      printRows(
        json,
        [
          { header: "code", cell: (r: Nuts.NutsRegion) => r.code },
          { header: "level", cell: (r) => String(r.level), align: "right" },
          { header: "name", cell: (r) => r.name },
          { header: "parent", cell: (r) => r.parent ?? "" }
        ],
        Option.isSome(level) ? Nuts.atLevel(Number(level.value) as Nuts.NutsLevel) : Nuts.all
      )
    )
).pipe(
  Command.withDescription(
    "Swedish NUTS regions (identical in NUTS 2016, 2021, 2024). Example: innokraft reference nuts --level 2"
  )
)

const sni = Command.make(
  "sni",
  {
    json,
    section: Options.text("section").pipe(
      Options.withDescription("List the divisions of this section letter instead of the sections"),
      Options.optional
    )
  },
  ({ json, section }) =>
    Effect.flatMap(referencePackage, ({ Sni }) =>
      Option.isSome(section)
        ? Effect.flatMap(
            attempt(() => Sni.parseSection(section.value), unknownCode),
            (s) =>
              printRows(
                json,
                [
                  { header: "division", cell: (d: Sni.Division) => d.code },
                  { header: "name", cell: (d) => d.name.sv },
                  { header: "english", cell: (d) => d.name.en }
                ],
                s.divisions.map(Sni.division)
              )
          )
        : printRows(
            json,
            [
              { header: "section", cell: (s: Sni.Section) => s.code },
              { header: "divisions", cell: (s) => `${s.divisions[0]}–${s.divisions.at(-1)}` },
              { header: "name", cell: (s) => s.name.sv },
              { header: "english", cell: (s) => s.name.en }
            ],
            Sni.sections
          )
    )
).pipe(
  Command.withDescription(
    "SNI 2007 / NACE Rev. 2 sections, or one section's divisions. Example: innokraft reference sni --section C"
  )
)

/**
 * `innokraft reference …`: the code lists of `@innokraft/reference`.
 *
 * @since 0.1.0
 */
export const reference = Command.make("reference").pipe(
  Command.withDescription("Swedish reference code lists: counties, municipalities, NUTS regions, SNI 2007."),
  Command.withSubcommands([counties, municipalities, nuts, sni])
)
