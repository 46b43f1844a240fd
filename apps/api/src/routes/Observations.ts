import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Observations } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { guard } from "../internal/compute.js"
import { callerOf, paginate } from "../internal/http.js"
import { bearer, json, organisationQuery, pageQuery, problems, valid } from "../internal/route.js"
import { ProblemError } from "../Problem.js"

const Columns = z
  .object({
    indicator: z.array(z.string()),
    unit: z.array(z.string()),
    period: z.array(z.string()),
    value: z.array(z.number().nullable()),
    breakdown: z.array(z.string()).optional()
  })
  .openapi("ObservationColumns", {
    description: "Observations in columns; row i is indicator[i] × unit[i] × period[i]"
  })

const CsvQuery = z.object({
  indicator: z.string().min(1).max(200).optional().openapi({ description: "CSV: a fixed indicator name" }),
  indicatorColumn: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "CSV: the column naming the indicator" }),
  unit: z.string().min(1).max(200).default("unit"),
  period: z.string().min(1).max(200).default("period"),
  value: z.string().min(1).max(200).default("value"),
  breakdown: z.string().min(1).max(200).optional()
})

const Observation = z
  .object({
    indicator: z.string(),
    unit: z.string(),
    period: z.string(),
    breakdown: z.string(),
    value: z.number().nullable()
  })
  .openapi("Observation")

/**
 * Indicator observations: bulk upload of CSV or JSON columns in one transaction (all or nothing), reading with
 * filters and cursor pages (members of the organisation only), and removing one upload.
 *
 * @since 0.1.0
 */
export const registerObservations = (app: OpenAPIHono, db: Database) => {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/observations",
      tags: ["Observations"],
      summary: "Bulk upload (editor): JSON columns, or CSV text with the column names in the query",
      security: bearer,
      request: {
        query: CsvQuery,
        // Not `required`: zod-openapi would then validate every body as JSON; the body guard checks the type.
        body: {
          content: {
            "application/json": { schema: Columns },
            "text/csv": { schema: z.string().openapi({ description: "A CSV table with a header row" }) }
          }
        }
      },
      responses: {
        201: json(z.object({ importId: z.string(), rows: z.number().int() }), "Imported"),
        ...problems(400, 401, 403, 413, 415)
      }
    }),
    (async (c: Context) => {
      const caller = callerOf(c)
      const type = (c.req.header("content-type") ?? "").toLowerCase()
      let columns: Observations.Columns
      if (type.startsWith("text/csv")) {
        const q = valid<z.infer<typeof CsvQuery>>(c, "query")
        if ((q.indicator === undefined) === (q.indicatorColumn === undefined)) {
          throw new ProblemError(400, "Name the indicator: either ?indicator=NAME or ?indicatorColumn=COLUMN.", [
            { path: ["indicator"], message: "expected exactly one of indicator and indicatorColumn" }
          ])
        }
        const text = await c.req.text()
        columns = guard("the CSV upload", () =>
          Observations.fromCsv(text, {
            indicator: q.indicator ?? { column: q.indicatorColumn! },
            unit: q.unit,
            period: q.period,
            value: q.value,
            breakdown: q.breakdown,
            source: "upload.csv"
          })
        )
      } else {
        const raw: unknown = await c.req.json()
        const b = guard("the JSON upload", () => Columns.parse(raw))
        columns = {
          indicator: b.indicator,
          unit: b.unit,
          period: b.period,
          value: Float64Array.from(b.value, (v) => (v === null ? Number.NaN : v)),
          ...(b.breakdown === undefined ? {} : { breakdown: b.breakdown })
        }
      }
      const result = await db.run(
        Effect.flatMap(Observations.Observations, (o) => o.import(caller, columns)),
        caller
      )
      return c.json(result, 201)
    }) as never
  )

  const ReadQuery = z.object({
    organisation: organisationQuery,
    indicator: z.string().max(200).optional(),
    unit: z.string().max(200).optional(),
    period: z.string().max(200).optional(),
    ...pageQuery
  })
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/observations",
      tags: ["Observations"],
      summary: "Read observations (members of the organisation)",
      security: bearer,
      request: { query: ReadQuery },
      responses: {
        200: json(z.object({ items: z.array(Observation), nextCursor: z.string().nullable() }), "One page"),
        ...problems(400, 401, 403)
      }
    }),
    (async (c: Context) => {
      const q = valid<z.infer<typeof ReadQuery>>(c, "query")
      const caller = callerOf(c)
      if (caller._tag === "Anonymous") throw new ProblemError(401, "Observations are readable by members only.")
      const columns = await db.run(
        Effect.flatMap(Observations.Observations, (o) =>
          o.query(caller, {
            organisationId: q.organisation,
            indicator: q.indicator,
            unit: q.unit,
            period: q.period
          })
        ),
        caller
      )
      const rows = columns.value.length
      const items = Array.from({ length: rows }, (_, i) => ({
        indicator: columns.indicator[i]!,
        unit: columns.unit[i]!,
        period: columns.period[i]!,
        breakdown: columns.breakdown?.[i] ?? "",
        value: Number.isNaN(columns.value[i]!) ? null : columns.value[i]!
      }))
      const page = paginate(
        items,
        (o) => `${o.indicator}\u0000${o.unit}\u0000${o.period}\u0000${o.breakdown}`,
        q.cursor,
        q.limit
      )
      return c.json({ items: page.items, nextCursor: page.nextCursor }, 200)
    }) as never
  )

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/observations/imports/{importId}",
      tags: ["Observations"],
      summary: "Remove every row one upload wrote (editor)",
      security: bearer,
      request: { params: z.object({ importId: z.string().min(1).max(200) }) },
      responses: { 200: json(z.object({ removed: z.number().int() }), "Removed"), ...problems(401, 403) }
    }),
    (async (c: Context) => {
      const { importId } = valid<{ importId: string }>(c, "param")
      const caller = callerOf(c)
      const removed = await db.run(
        Effect.flatMap(Observations.Observations, (o) => o.removeImport(caller, importId)),
        caller
      )
      return c.json({ removed }, 200)
    }) as never
  )
  return app
}
