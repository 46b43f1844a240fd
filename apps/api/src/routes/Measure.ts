import { type OpenAPIHono, z } from "@hono/zod-openapi"
import { Build } from "@innokraft/measure"
import type { Runs } from "@innokraft/store"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { guard } from "../internal/compute.js"
import * as Limits from "../internal/limits.js"
import * as Measure from "../internal/measure.js"
import { valid } from "../internal/route.js"
import { type Computing, Memo, OrgQuery, readRun, registerRuns } from "../internal/runs.js"

type Summary = ReturnType<typeof Measure.summary>

const memo = new Memo<Measure.Computed>()

/**
 * The build of a stored measurement run, recomputed from its parameters (and memoised per version).
 *
 * @since 0.1.0
 */
export const computedOf = (run: Runs.Run): Measure.Computed =>
  memo.get(run, () => Measure.compute(Measure.MeasurementInput.parse(run.parameters)))

const Cells = z.record(z.string(), z.record(z.string(), z.number().nullable()))

/**
 * Measurement runs: `POST /v1/measure/runs` with a framework, data and spec builds the composite indicator with
 * every stage (and optionally the uncertainty analysis) and stores it; `GET` its results, ranks, performance
 * groups, coherence and uncertainty.
 *
 * @since 0.1.0
 */
export const registerMeasure = (app: OpenAPIHono, db: Database, computing: Computing) => {
  const base = "/v1/measure/runs"
  const tag = "Measurement runs"
  const sub = registerRuns(app, db, computing, {
    base,
    kind: "measurement",
    tag,
    summary: "Build a composite indicator and store the run (editor)",
    input: Measure.MeasurementInput,
    check: Limits.checkMeasurement
  })
  const result = async (c: Context) => (await readRun(db, c, "measurement")).result as Summary

  app.openapi(
    sub(
      "results",
      "Every stage (Raw … Aggregated) per unit and code",
      z.object({ period: z.number(), top: z.string().nullable(), stages: z.record(z.string(), Cells) }),
      OrgQuery.extend({ stage: z.enum(Build.stageNames).optional() })
    ),
    (async (c: Context) => {
      const { stage } = valid<{ stage?: Build.StageName }>(c, "query")
      const r = await result(c)
      const stages = stage === undefined ? r.stages : { [stage]: r.stages[stage] ?? {} }
      return c.json({ period: r.period, top: r.top, stages }, 200)
    }) as never
  )
  app.openapi(
    sub(
      "ranks",
      "Rank of the top-level index per unit, and the build's warnings (e.g. a constant indicator, as COINr warns)",
      z.object({
        ranks: z.record(z.string(), z.number().nullable()),
        warnings: z.array(z.object({ stage: z.string(), code: z.string(), message: z.string() }))
      })
    ),
    (async (c: Context) => {
      const r = await result(c)
      // runs stored before warnings existed have none
      return c.json({ ranks: r.ranks, warnings: r.warnings ?? [] }, 200)
    }) as never
  )
  app.openapi(
    sub(
      "groups",
      "RIS performance groups of the index relative to a reference unit (default: the mean of the units)",
      z.object({ reference: z.string().nullable(), groups: z.record(z.string(), z.unknown()) }),
      OrgQuery.extend({ reference: z.string().min(1).max(120).optional() })
    ),
    (async (c: Context) => {
      const { reference } = valid<{ reference?: string }>(c, "query")
      const run = await readRun(db, c, "measurement")
      if (reference === undefined) return c.json({ reference: null, groups: (run.result as Summary).groups }, 200)
      const computed = guard("the stored run", () => computedOf(run))
      return c.json({ reference, groups: guard("the reference", () => Measure.groups(computed.build, reference)) }, 200)
    }) as never
  )
  app.openapi(
    sub(
      "coherence",
      "Cronbach's alpha, first component share and child correlations per aggregate",
      z.object({ coherence: z.array(z.unknown()) })
    ),
    (async (c: Context) => c.json({ coherence: (await result(c)).coherence }, 200)) as never
  )
  app.openapi(
    sub(
      "uncertainty",
      "Median rank and 5–95 % interval per unit (when the run asked for an uncertainty analysis), and how many runs failed and were left out",
      z.object({ stats: z.array(z.unknown()).nullable(), failed: z.number().int().nullable() })
    ),
    (async (c: Context) => {
      const r = await result(c)
      return c.json({ stats: r.uncertainty, failed: r.uncertainty === null ? null : (r.uncertaintyFailed ?? 0) }, 200)
    }) as never
  )
  return app
}
