import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Portfolio } from "@innokraft/domain"
import { Kinds, Records } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { guard } from "../internal/compute.js"
import { callerOf } from "../internal/http.js"
import { bearer, json, organisationQuery, problems, valid } from "../internal/route.js"
import { forStrategy, workspaceOf } from "../internal/workspace.js"
import { ProblemError } from "../Problem.js"

/**
 * `GET /v1/strategies/{id}/portfolio`: `@innokraft/domain`'s portfolio analysis (project counts, coverage of goals
 * and strength areas, funding totals, gaps, active projects per year, call matches) of one strategy, over the
 * records the caller may see.
 *
 * @since 0.1.0
 */
export const registerPortfolio = (app: OpenAPIHono, db: Database) =>
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/strategies/{id}/portfolio",
      tags: ["Strategy"],
      summary: "Portfolio analysis of a strategy",
      security: bearer,
      request: {
        params: z.object({ id: z.string().min(1).max(200) }),
        query: z.object({
          organisation: organisationQuery,
          asOf: z
            .string()
            .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
            .optional()
            .openapi({ description: "Count projects running on this date (YYYY, YYYY-MM or YYYY-MM-DD)" })
        })
      },
      responses: { 200: json(z.record(z.string(), z.unknown()), "The portfolio report"), ...problems(400, 404) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const { organisation, asOf } = valid<{ organisation?: string; asOf?: string }>(c, "query")
      const caller = callerOf(c)
      const workspace = await db.run(
        Effect.gen(function* () {
          const strategy = yield* Records.repository(Kinds.strategy).get(
            caller,
            id,
            organisation === undefined ? {} : { organisationId: organisation }
          )
          return yield* workspaceOf(caller, strategy.organisationId)
        }),
        caller
      )
      if (workspace === undefined) throw new ProblemError(404, `strategy "${id}" has no region visible to the caller`)
      const report = guard("the portfolio", () =>
        Portfolio.analyse(forStrategy(workspace, id), asOf === undefined ? {} : { asOf: asOf as never })
      )
      return c.json(report, 200)
    }) as never
  )
