import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { County, Nuts } from "@innokraft/reference"
import { Caller, Kinds, Organisations, Records, Runs } from "@innokraft/store"
import { Effect } from "effect"
import type { Database } from "./Database.js"
import type { DashboardData, MeasurementView, S3View } from "./dashboard/DashboardData.js"
import { actualsOf } from "./internal/followUp.js"
import { workspaceOf } from "./internal/workspace.js"
import { loadCycle } from "./routes/Loop.js"
import { computedOf as measurementOf } from "./routes/Measure.js"
import { computedOf as s3Of } from "./routes/S3.js"

const anonymous = Caller.anonymous

const nameOf = (code: string): string => (Nuts.isCode(code) ? Nuts.get(code).name : code)

/** County codes (LnKod) under each unit that is a NUTS 2 or NUTS 3 code; `undefined` when none is. */
const areasOf = (units: ReadonlyArray<string>): Record<string, ReadonlyArray<string>> | undefined => {
  const areas: Record<string, Array<string>> = {}
  for (const unit of units) {
    const counties = County.all.filter((c) => c.nuts2 === unit || c.nuts3 === unit).map((c) => c.code)
    if (counties.length > 0) areas[unit] = counties
  }
  return Object.keys(areas).length === 0 ? undefined : areas
}

/**
 * The dashboard's data over the store, read as the anonymous caller — so the dashboard only ever sees published
 * records and never personal data. Measurement builds and S3 analyses are recomputed from the stored run
 * parameters (deterministic; memoised per run version), the county and municipality maps read once from
 * `<dataDir>/se-boundaries/` when the files exist.
 *
 * @since 0.1.0
 */
export const make = (db: Database, options: { readonly dataDir?: string | undefined } = {}): DashboardData => {
  // Boundary files are read once, on first use; `null` remembers that a file is missing.
  const cache = new Map<string, unknown>()
  const boundaries = (name: string) => {
    if (!cache.has(name)) {
      const file = options.dataDir === undefined ? undefined : join(options.dataDir, "se-boundaries", name)
      cache.set(name, file !== undefined && existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null)
    }
    return cache.get(name)
  }
  const map = () => boundaries("lan.geojson")
  const runs = (organisationId: string, kind: Runs.RunKind) =>
    db.run(Effect.flatMap(Runs.Runs, (r) => r.list(anonymous, { organisationId, kind })))
  return {
    // the anonymous caller never sees loop participations (personal data), so their figures are not published
    peopleWithheld: true,
    organisations: async () => {
      const all = await db.run(Effect.flatMap(Organisations.Organisations, (o) => o.list(anonymous)))
      return all.map((o) => ({ id: o.id, name: o.name }))
    },
    workspace: (organisationId) => db.run(workspaceOf(anonymous, organisationId)),
    actuals: (organisationId, links) => db.run(actualsOf(organisationId, links)),
    municipalities: async () => boundaries("kommun.geojson") ?? undefined,
    cycles: async (organisationId) => {
      const cycles = await db.run(Records.repository(Kinds.loopCycle).list(anonymous, { organisationId }))
      const out = []
      for (const cycle of cycles) {
        out.push((await db.run(loadCycle(anonymous, cycle.id, organisationId))).document)
      }
      return out
    },
    measurements: async (organisationId) =>
      (await runs(organisationId, "measurement")).map((run): MeasurementView => {
        const { build, uncertainty } = measurementOf(run)
        const units = build.stages.Raw.units
        const areas = areasOf(units)
        const features = map()
        const title = (run.parameters as { title?: { sv: string; en: string } }).title ?? { sv: run.id, en: run.id }
        return {
          id: run.id,
          title,
          build,
          ...(uncertainty === undefined ? {} : { uncertainty }),
          unitNames: Object.fromEntries(units.map((u) => [u, nameOf(u)])),
          ...(areas === undefined || features === null
            ? {}
            : { map: { features, codeProperty: "LnKod", nameProperty: "LnNamn", areas } })
        }
      }),
    s3Analyses: async (organisationId) =>
      (await runs(organisationId, "s3")).map((run): S3View => {
        const { input, computed } = s3Of(run)
        return {
          id: run.id,
          title: input.title ?? { sv: run.id, en: run.id },
          input: {
            analysis: computed.analysis,
            region: input.focus,
            ...(computed.shiftShare === undefined ? {} : { shiftShare: computed.shiftShare }),
            ...(computed.shiftShareYears === undefined ? {} : { shiftShareYears: computed.shiftShareYears }),
            priorities: computed.priorities,
            regionNames: {
              ...Object.fromEntries(County.all.map((c) => [c.nuts3, c.shortName])),
              ...(input.regionNames ?? {})
            },
            ...(input.industryNames === undefined ? {} : { industryNames: input.industryNames })
          }
        }
      })
  }
}
