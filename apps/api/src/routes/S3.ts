import { type OpenAPIHono, z } from "@hono/zod-openapi"
import { ResultJson, Scored } from "@innokraft/s3/schema"
import type { Runs } from "@innokraft/store"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import * as Limits from "../internal/limits.js"
import { type Computing, Memo, readRun, registerRuns } from "../internal/runs.js"
import * as S3 from "../internal/s3.js"

type Result = ReturnType<typeof S3.toResult>

const memo = new Memo<S3.Computed>()

/**
 * The analysis of a stored S3 run, recomputed from its parameters (and memoised per version).
 *
 * @since 0.1.0
 */
export const computedOf = (run: Runs.Run): { input: S3.S3Input; computed: S3.Computed } => {
  const input = S3.S3Input.parse(run.parameters)
  return { input, computed: memo.get(run, () => S3.compute(input)) }
}

/**
 * S3 analyses: `POST /v1/s3/analyses` with a region × industry panel stores the analysis (RCA, ECI/PCI, fitness,
 * relatedness density), the focus region's shift-share and the priority scores; `GET` them back.
 *
 * @since 0.1.0
 */
export const registerS3 = (app: OpenAPIHono, db: Database, computing: Computing) => {
  const base = "/v1/s3/analyses"
  const tag = "S3 analyses"
  const sub = registerRuns(app, db, computing, {
    base,
    kind: "s3",
    tag,
    summary: "Analyse a region × industry matrix and store the result (editor)",
    input: S3.S3Input,
    check: Limits.checkS3
  })
  const result = async (c: Context) => (await readRun(db, c, "s3")).result as Result
  app.openapi(
    sub(
      "result",
      "The analysis as result.json (rca, mcp, diversity, ubiquity, eci, pci, fitness, density, dropped)",
      z.object({ year: z.number().nullable(), focus: z.string(), analysis: ResultJson as unknown as z.ZodType })
    ),
    (async (c: Context) => {
      const r = await result(c)
      return c.json({ year: r.year, focus: r.focus, analysis: r.analysis }, 200)
    }) as never
  )
  app.openapi(
    sub(
      "priorities",
      "Priority scores of the candidate areas (rank, score, rank range, quadrant, label)",
      z.object({ priorities: z.array(Scored as unknown as z.ZodType) })
    ),
    (async (c: Context) => c.json({ priorities: (await result(c)).priorities }, 200)) as never
  )
  app.openapi(
    sub("shift-share", "The focus region's shift-share totals", z.object({ shiftShare: z.unknown() })),
    (async (c: Context) => c.json({ shiftShare: (await result(c)).shiftShare }, 200)) as never
  )
  return app
}
