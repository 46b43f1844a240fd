import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { FollowUp } from "@innokraft/domain"
import { Kinds, Records } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { guard } from "../internal/compute.js"
import { actualsOf } from "../internal/followUp.js"
import { callerOf } from "../internal/http.js"
import { bearer, json, organisationQuery, problems, valid } from "../internal/route.js"
import { forStrategy, workspaceOf } from "../internal/workspace.js"
import { ProblemError } from "../Problem.js"

const share = z.coerce.number().min(0).max(10)

/**
 * `GET /v1/strategies/{id}/follow-up`: the results-based follow-up of a strategy — each indicator link of the
 * strategy, its goals, efforts and strength areas with its series (indicator, unit, source), baseline, actual values
 * from the stored observations and the status of each target year by `@innokraft/domain`'s `FollowUp` rule
 * (thresholds `onTrack` and `atRisk` configurable in the query).
 *
 * @since 0.1.0
 */
export const registerFollowUp = (app: OpenAPIHono, db: Database) =>
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/strategies/{id}/follow-up",
      tags: ["Strategy"],
      summary: "Follow-up of a strategy's indicators against their targets",
      security: bearer,
      request: {
        params: z.object({ id: z.string().min(1).max(200) }),
        query: z.object({
          organisation: organisationQuery,
          onTrack: share.optional().openapi({ description: "Share of the expected progress that is on track (0.9)" }),
          atRisk: share.optional().openapi({ description: "Share of the expected progress that is at risk (0.5)" })
        })
      },
      responses: { 200: json(z.record(z.string(), z.unknown()), "The follow-up"), ...problems(400, 404) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const q = valid<{ organisation?: string; onTrack?: number; atRisk?: number }>(c, "query")
      const thresholds = {
        onTrack: q.onTrack ?? FollowUp.defaultThresholds.onTrack,
        atRisk: q.atRisk ?? FollowUp.defaultThresholds.atRisk
      }
      if (thresholds.atRisk > thresholds.onTrack)
        throw new ProblemError(
          400,
          `expected atRisk ≤ onTrack, found atRisk ${thresholds.atRisk} and onTrack ${thresholds.onTrack}`
        )
      const caller = callerOf(c)
      const { workspace, actuals } = await db.run(
        Effect.gen(function* () {
          const strategy = yield* Records.repository(Kinds.strategy).get(
            caller,
            id,
            q.organisation === undefined ? {} : { organisationId: q.organisation }
          )
          const all = yield* workspaceOf(caller, strategy.organisationId)
          if (all === undefined) return { workspace: undefined, actuals: {} }
          const workspace = forStrategy(all, id)
          return { workspace, actuals: yield* actualsOf(strategy.organisationId, workspace.indicatorLinks) }
        }),
        caller
      )
      if (workspace === undefined) throw new ProblemError(404, `strategy "${id}" has no region visible to the caller`)
      const links = guard("the follow-up", () =>
        FollowUp.followUp(workspace, (link) => actuals[link.id] ?? [], thresholds)
      )
      return c.json({ strategyId: id, thresholds, links }, 200)
    }) as never
  )
