import { existsSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Csv } from "@innokraft/csv"
import { Examples, type Workspace } from "@innokraft/domain"
import { Example } from "@innokraft/loop"
import { Ecosystem } from "@innokraft/measure"
import { Matrix } from "@innokraft/s3"
import { Caller, Kinds, Observations, Organisations, Transfer, type Visibility } from "@innokraft/store"
import { Effect } from "effect"
import type { Database } from "./Database.js"
import * as Loop from "./internal/loop.js"
import * as Measure from "./internal/measure.js"
import * as S3 from "./internal/s3.js"

/**
 * The example organisations and the workspace each one owns.
 *
 * @since 0.1.0
 */
export const organisations = [
  { id: "region-vasterbotten", name: "Region Västerbotten", workspace: "vasterbotten" },
  { id: "region-vasternorrland", name: "Region Västernorrland", workspace: "vasternorrland" },
  { id: "boras-stad", name: "Borås Stad", workspace: "boras" }
] as const

/**
 * The folder of the shared real data: `DATA_DIR` if given, else `../shared/data` from the repository root, found
 * from the working directory or from this file's location. `undefined` when none exists.
 *
 * @since 0.1.0
 */
export const locateData = (dataDir?: string): string | undefined => {
  const candidates =
    dataDir === undefined
      ? [
          resolve(process.cwd(), "../shared/data"),
          resolve(process.cwd(), "../../../shared/data"),
          resolve(import.meta.dirname, "../../../../shared/data")
        ]
      : [resolve(dataDir)]
  return candidates.find((dir) => existsSync(dir))
}

type Log = (msg: string, extra?: Record<string, unknown>) => void

const read = (dataDir: string, path: string): string => readFileSync(join(dataDir, path), "utf8")

/** Swedish names of the Eurostat NACE A*10 groups. */
export const industryNames: Readonly<Record<string, string>> = {
  A: "Jord- och skogsbruk, fiske",
  "B-E": "Industri",
  F: "Byggverksamhet",
  "G-I": "Handel, transport, hotell och restaurang",
  J: "Information och kommunikation",
  K: "Finans och försäkring",
  L: "Fastigheter",
  "M-N": "Företagstjänster",
  "O-Q": "Offentlig förvaltning, utbildning, vård",
  "R-U": "Kultur och övriga tjänster"
}

/** The Ecosystem preset on the real data, as a stored measurement run's parameters (or why it was skipped). */
export const ecosystemRun = (dataDir: string): Measure.MeasurementInput => {
  const data = Ecosystem.data({
    rdPrivate: read(dataDir, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"),
    rdGovernment: read(dataDir, "eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"),
    empers: read(dataDir, "eurostat-empers-se/empers_se_nuts_2000_2018.csv"),
    scb: read(dataDir, "scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv")
  })
  return {
    id: "ecosystem-se-nuts2-2017",
    title: {
      sv: "Regionala innovationsekosystem, NUTS 2, 2017 (Eurostat och SCB)",
      en: "Regional innovation ecosystems, NUTS 2, 2017 (Eurostat and SCB)"
    },
    visibility: "public",
    source: Measure.toJsonSource(Ecosystem.framework(), data),
    spec: Ecosystem.spec,
    period: 2017,
    uncertainty: {
      runs: 500,
      seed: 1,
      // the geometric mean needs positive values, so the runs normalise to [1, 100] (the CLI's alternative)
      assumptions: {
        weights: { noise: 0.25 },
        aggregate: ["amean", "gmean"],
        normalise: [{ method: "minmax", range: [1, 100] }]
      }
    }
  }
}

/**
 * The S3 analysis of one focus county on Eurostat employment by NUTS 3 × NACE group (TOTAL and Extra-Regio
 * dropped), shift-share 2008→2017 against the SE row.
 *
 * @since 0.1.0
 */
export const s3Run = (dataDir: string, focus: "SE331" | "SE321"): S3.S3Input => {
  const text = read(dataDir, "eurostat-empers-se/empers_se_nuts_2000_2018.csv")
  const load = (region: (code: string) => boolean) =>
    Matrix.fromLongCsv(text, {
      source: "empers_se_nuts_2000_2018.csv",
      columns: { region: "nuts_code", industry: "nace_group", value: "persons" },
      region,
      industry: (code) => code !== "TOTAL",
      year: (y) => y >= 2008 && y <= 2017
    })
  const counties = load((code) => code.length === 5 && !code.startsWith("SEZ"))
  const sweden = load((code) => code === "SE")
  if (sweden.industries.join() !== counties.industries.join()) {
    throw new RangeError("the SE row and the counties have different industries")
  }
  const name =
    focus === "SE331" ? { sv: "Västerbotten", en: "Västerbotten" } : { sv: "Västernorrland", en: "Västernorrland" }
  return {
    id: `s3-${focus.toLowerCase()}-empers-2017`,
    title: {
      sv: `Smart specialisering: ${name.sv} (Eurostat sysselsättning per län och bransch, 2017)`,
      en: `Smart specialisation: ${name.en} (Eurostat employment by county and industry, 2017)`
    },
    visibility: "public",
    regions: [...counties.regions],
    industries: [...counties.industries],
    years: counties.years.map((y) => y ?? 0),
    values: counties.values.map((v) => Array.from(v)),
    national: sweden.values.map((v) => Array.from(v)),
    options: { year: 2017 },
    focus,
    shiftShare: { base: 2008, end: 2017 },
    industryNames: { ...industryNames }
  }
}

/** Shared-data files of the series an indicator link may follow, by indicator key (Eurostat rd_e_gerdreg). */
const seriesFiles: Readonly<Record<string, string>> = {
  rd_private_eur_hab: "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv",
  rd_government_eur_hab: "eurostat-rd-nuts2/rd_government_eur_hab.nuts2.csv"
}

/**
 * The observations of every series the workspace's indicator links follow (indicator and unit), read from the shared
 * data: yearly values of the link's NUTS region, empty (not available) values left out.
 *
 * @since 0.1.0
 */
export const followedSeries = (dataDir: string, workspace: Workspace.Workspace): Observations.Columns => {
  const indicator: Array<string> = []
  const unit: Array<string> = []
  const period: Array<string> = []
  const values: Array<number> = []
  for (const link of workspace.indicatorLinks) {
    const file = seriesFiles[link.indicator]
    if (file === undefined || link.unit === undefined) continue
    const table = Csv.parse(read(dataDir, file), { source: file })
    const [year, nuts, value] = ["year", "nuts_id", link.indicator].map((c) => Csv.columnIndex(table, c))
    for (const row of table.rows) {
      if (row[nuts!] !== link.unit || row[value!] === undefined || row[value!] === "") continue
      indicator.push(link.indicator)
      unit.push(link.unit)
      period.push(row[year!]!)
      values.push(Number(row[value!]))
    }
  }
  return { indicator, unit, period, value: Float64Array.from(values) }
}

const publicVisibility = (workspace: Workspace.Workspace): Array<readonly [string, string, Visibility]> =>
  Object.entries(Kinds.workspace)
    .filter(([, kind]) => !kind.personal)
    .flatMap(([list, kind]) =>
      ((workspace as unknown as Record<string, ReadonlyArray<{ id: string }>>)[list] ?? []).map(
        (body) => [kind.name, body.id, "public"] as const
      )
    )

/**
 * Seeds an empty database: the example organisations with their sourced workspaces (published), the loop's
 * synthetic walk-through cycle under Västerbotten, a measurement run of the Ecosystem preset and S3 analyses of
 * Västerbotten and Västernorrland on the real data, and the observations of the series the examples' indicator links
 * follow (Eurostat business R&D per inhabitant of Övre Norrland for Västerbotten's link). Each organisation is imported in one transaction and skipped
 * when it exists, so a second start adds nothing. Missing data files are logged and skipped.
 *
 * @since 0.1.0
 */
export const seed = async (
  db: Database,
  options: { readonly dataDir?: string | undefined; readonly log: Log }
): Promise<ReadonlyArray<string>> => {
  const seeded: Array<string> = []
  const dataDir = locateData(options.dataDir)
  if (dataDir === undefined) {
    options.log("seed: the shared data folder was not found; skipping the measurement run and the S3 analyses", {
      tried: options.dataDir ?? "../shared/data"
    })
  }
  const attempt = <A>(what: string, f: () => A): A | undefined => {
    if (dataDir === undefined) return undefined
    try {
      return f()
    } catch (error) {
      options.log(`seed: skipping ${what}: ${error instanceof Error ? error.message : String(error)}`)
      return undefined
    }
  }
  const measurement = attempt("the Ecosystem measurement run", () => {
    const input = ecosystemRun(dataDir!)
    return { input, result: Measure.summary(Measure.compute(input), undefined) }
  })
  const s3 = (focus: "SE331" | "SE321") =>
    attempt(`the S3 analysis of ${focus}`, () => {
      const input = s3Run(dataDir!, focus)
      return { input, result: S3.toResult(input, S3.compute(input)) }
    })
  const cycle = Example.walkthrough()
  const system = Caller.system("seed")
  for (const org of organisations) {
    const exists = await db.run(
      Effect.flatMap(Organisations.Organisations, (orgs) =>
        orgs.get(system, org.id).pipe(
          Effect.as(true),
          Effect.catchTag("NotFound", () => Effect.succeed(false))
        )
      )
    )
    if (exists) continue
    const workspace = Examples.all[org.workspace]
    const runs: Array<{
      id: string
      kind: "measurement" | "s3"
      visibility: Visibility
      status: string
      parameters: unknown
      result: unknown
    }> = []
    const records: Array<{ kind: string; id: string; body: unknown }> = []
    const visibility = publicVisibility(workspace)
    const transitions: Array<Record<string, unknown>> = []
    if (org.id === "region-vasterbotten") {
      for (const r of Loop.recordsOf(cycle)) {
        records.push(r)
        visibility.push([r.kind, r.id, Loop.childVisibility(r.kind, "public")])
      }
      for (const t of Loop.transitionsOf(cycle)) {
        transitions.push({ ...t, ideaId: t.ideaId ?? null, actor: "seed", reason: t.reason ?? null })
      }
      if (measurement !== undefined) {
        runs.push({
          id: measurement.input.id,
          kind: "measurement",
          visibility: "public",
          status: "done",
          parameters: measurement.input,
          result: measurement.result
        })
      }
    }
    const focus = org.id === "region-vasterbotten" ? "SE331" : org.id === "region-vasternorrland" ? "SE321" : undefined
    const analysis = focus === undefined ? undefined : s3(focus)
    if (analysis !== undefined) {
      runs.push({
        id: analysis.input.id,
        kind: "s3",
        visibility: "public",
        status: "done",
        parameters: analysis.input,
        result: analysis.result
      })
    }
    const document = {
      format: Transfer.format,
      version: Transfer.version,
      exportedAt: new Date().toISOString(),
      organisation: { id: org.id, name: org.name },
      workspace,
      records,
      visibility,
      runs,
      transitions,
      matrices: []
    }
    await db.run(Effect.flatMap(Transfer.Transfer, (t) => t.import(system, document)))
    // the series the workspace's indicator links follow, where the shared data has them
    const series = attempt(`the observations of ${org.id}`, () => followedSeries(dataDir!, workspace))
    if (series !== undefined && series.value.length > 0) {
      const importer = Caller.member(org.id, "editor", "seed")
      await db.run(Effect.flatMap(Observations.Observations, (o) => o.import(importer, series)))
    }
    seeded.push(org.id)
    options.log("seed: imported an example organisation", { organisation: org.id, runs: runs.length })
  }
  return seeded
}
