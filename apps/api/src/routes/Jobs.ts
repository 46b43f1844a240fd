import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Jobs } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { callerOf } from "../internal/http.js"
import { JobView, jobView } from "../internal/jobs.js"
import { bearer, json, problems, valid } from "../internal/route.js"

const Id = z.object({ id: z.string().min(1).max(100) })

/**
 * `GET /v1/jobs/{id}` (status of a queued computation, members of its organisation) and `DELETE /v1/jobs/{id}`
 * (cancel it, editor).
 *
 * @since 0.1.0
 */
export const registerJobs = (app: OpenAPIHono, db: Database) => {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/jobs/{id}",
      tags: ["Jobs"],
      summary: "A queued computation: queued, running, done (with its run), failed (with the problem) or cancelled",
      security: bearer,
      request: { params: Id },
      responses: { 200: json(JobView, "The job"), ...problems(401, 404) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const caller = callerOf(c)
      const job = await db.run(
        Effect.flatMap(Jobs.Jobs, (j) => j.get(caller, id)),
        caller
      )
      return c.json(jobView(job), 200)
    }) as never
  )
  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/jobs/{id}",
      tags: ["Jobs"],
      summary: "Cancel a queued or running computation (editor); a finished one is 409",
      security: bearer,
      request: { params: Id },
      responses: { 200: json(JobView, "Cancelled"), ...problems(401, 403, 404, 409) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const caller = callerOf(c)
      const job = await db.run(
        Effect.flatMap(Jobs.Jobs, (j) => j.cancel(caller, id)),
        caller
      )
      return c.json(jobView(job), 200)
    }) as never
  )
  return app
}
