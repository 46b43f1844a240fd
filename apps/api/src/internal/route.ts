import { z } from "@hono/zod-openapi"
import type { Context } from "hono"

/** The validated part of a request (typed by the caller; the route's schema did the checking). */
export const valid = <T>(c: Context, target: "query" | "param" | "json"): T =>
  (c.req.valid as unknown as (t: string) => T)(target)

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional()
  })
  .openapi("Problem")

const problemContent = { "application/problem+json": { schema: ProblemSchema } }

/** Problem responses by status, for route definitions. */
export const problems = (...statuses: ReadonlyArray<number>) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description:
          {
            400: "Invalid input (the failing field paths are in `errors`)",
            401: "A token is needed",
            403: "The token's organisation or role does not allow this",
            404: "Not found (or not visible to the caller)",
            409: "Conflict: the id exists, the record is still referred to, or the move is not allowed",
            412: "The If-Match ETag is stale",
            413: "The body is too large",
            415: "Unsupported content type",
            422: "Unprocessable: a write that breaks a rule of the model across records (`errors` names each field and the missing id), or a computation larger than this server's limits",
            428: "An If-Match header is required",
            429: "Too many requests: wait for Retry-After seconds",
            503: "The database is unreachable, or the computation queue is full (Retry-After)"
          }[s] ?? "Error",
        content: problemContent
      }
    ])
  )

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } }
})

export const bearer = [{ bearer: [] }, {}]

/** `?organisation=` to read another organisation's published records. */
export const organisationQuery = z.string().min(1).max(120).optional().openapi({
  description: "The organisation to read (default: the caller's own; anonymous: every organisation's published records)"
})

export const pageQuery = {
  cursor: z.string().max(400).optional().openapi({ description: "The `nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(500).default(50)
}
