import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Jobs, Runs } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Compute } from "../Compute.js"
import type { Database } from "../Database.js"
import { ProblemError } from "../Problem.js"
import { callerOf, etag, ifMatch, paginate, preconditionFailed } from "./http.js"
import { JobView, jobView } from "./jobs.js"
import type { Limits } from "./limits.js"
import { bearer, json, organisationQuery, pageQuery, problems, valid } from "./route.js"

/** A small memo of recomputed runs, keyed by organisation, id and version (a new version is a new key). */
export class Memo<A> {
  readonly #entries = new Map<string, A>()
  constructor(readonly size = 16) {}
  get(run: Runs.Run, compute: () => A): A {
    const key = `${run.organisationId}\u0000${run.id}\u0000${run.version}`
    const hit = this.#entries.get(key)
    if (hit !== undefined) return hit
    const value = compute()
    if (this.#entries.size >= this.size) this.#entries.delete(this.#entries.keys().next().value!)
    this.#entries.set(key, value)
    return value
  }
}

/** A run as the API lists it: metadata and title, never the (possibly large) parameters. */
export const runMeta = (run: Runs.Run) => ({
  organisationId: run.organisationId,
  id: run.id,
  kind: run.kind,
  version: run.version,
  etag: etag(run.version),
  visibility: run.visibility,
  status: run.status,
  title: (run.parameters as { title?: unknown } | null)?.title ?? null,
  createdAt: run.createdAt,
  updatedAt: run.updatedAt
})

export const RunMeta = z
  .object({
    organisationId: z.string(),
    id: z.string(),
    kind: z.enum(["measurement", "s3"]),
    version: z.number().int(),
    etag: z.string(),
    visibility: z.enum(["public", "organisation"]),
    status: z.string(),
    title: z.object({ sv: z.string(), en: z.string() }).nullable(),
    createdAt: z.string(),
    updatedAt: z.string()
  })
  .openapi("Run")

export const IdParam = z.object({ id: z.string().min(1).max(120) })
export const OrgQuery = z.object({ organisation: organisationQuery })

/** Reads one run of a kind (404 for the other kind). */
export const readRun = async (db: Database, c: Context, kind: Runs.RunKind): Promise<Runs.Run> => {
  const { id } = valid<{ id: string }>(c, "param")
  const { organisation } = valid<{ organisation?: string }>(c, "query")
  const caller = callerOf(c)
  const run = await db.run(
    Effect.flatMap(Runs.Runs, (r) =>
      r.get(caller, id, organisation === undefined ? {} : { organisationId: organisation })
    ),
    caller
  )
  if (run.kind !== kind) throw new ProblemError(404, `run "${id}" was not found (or is not visible to the caller)`)
  c.header("etag", etag(run.version))
  return run
}

/** List, read-metadata and delete routes of one run kind under `base`. */
export const registerRunBasics = (app: OpenAPIHono, db: Database, base: string, kind: Runs.RunKind, tag: string) => {
  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: [tag],
      summary: `List ${tag.toLowerCase()}`,
      security: bearer,
      request: { query: z.object({ organisation: organisationQuery, ...pageQuery }) },
      responses: {
        200: json(z.object({ items: z.array(RunMeta), nextCursor: z.string().nullable() }), "One page"),
        ...problems(400)
      }
    }),
    (async (c: Context) => {
      const q = valid<{ organisation?: string; cursor?: string; limit: number }>(c, "query")
      const caller = callerOf(c)
      const runs = await db.run(
        Effect.flatMap(Runs.Runs, (r) =>
          r.list(caller, { kind, ...(q.organisation === undefined ? {} : { organisationId: q.organisation }) })
        ),
        caller
      )
      const page = paginate(runs, (r) => `${r.organisationId}\u0000${r.id}`, q.cursor, q.limit)
      return c.json({ items: page.items.map(runMeta), nextCursor: page.nextCursor }, 200)
    }) as never
  )
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags: [tag],
      summary: "Read a run's metadata",
      security: bearer,
      request: { params: IdParam, query: OrgQuery },
      responses: { 200: json(RunMeta, "The run"), ...problems(404) }
    }),
    (async (c: Context) => c.json(runMeta(await readRun(db, c, kind)), 200)) as never
  )
  app.openapi(
    createRoute({
      method: "delete",
      path: `${base}/{id}`,
      tags: [tag],
      summary: "Delete a run (editor; needs If-Match)",
      security: bearer,
      request: { params: IdParam },
      responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 412, 428) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const caller = callerOf(c)
      const version = ifMatch(c)
      await db
        .run(
          Effect.flatMap(Runs.Runs, (r) => r.remove(caller, id, version)),
          caller
        )
        .catch(preconditionFailed)
      return c.body(null, 204)
    }) as never
  )
}

/** Stores a computed run in the caller's organisation. */
export const storeRun = (
  db: Database,
  c: Context,
  run: {
    id: string
    kind: Runs.RunKind
    parameters: unknown
    result: unknown
    visibility?: "public" | "organisation" | undefined
  }
) => {
  const caller = callerOf(c)
  return db.run(
    Effect.flatMap(Runs.Runs, (r) =>
      r.create(caller, {
        id: run.id,
        kind: run.kind,
        status: "done",
        parameters: run.parameters,
        result: run.result,
        visibility: run.visibility
      })
    ),
    caller
  )
}

/**
 * One kind of stored computation (a measurement, an S3 analysis): its path, its POST body, and how a body becomes
 * the stored result.
 */
export interface RunRoutes<
  I extends { readonly id: string; readonly visibility?: "public" | "organisation" | undefined }
> {
  readonly base: string
  readonly kind: Runs.RunKind
  readonly tag: string
  /** The POST route's summary. */
  readonly summary: string
  readonly input: z.ZodType<I>
  /** Throws 422 naming the limit when the input is larger than the server computes; else returns its work. */
  readonly check: (input: I, limits: Limits) => number
}

/**
 * How the server computes: the worker pool and the size limits.
 */
export interface Computing {
  readonly compute: Compute
  readonly limits: Limits
  /** Work (cell passes) above which a computation is queued as a job (202) instead of answered at once. */
  readonly inlineWork: number
  /** Tells this process's job runner that a job was queued. */
  readonly queued: () => void
}

/**
 * `POST base` (compute from the body and store the run, editor) and the basic reads of {@link registerRunBasics};
 * returns the factory of the kind's `GET base/{id}/…` routes.
 */
export const registerRuns = <
  I extends { readonly id: string; readonly visibility?: "public" | "organisation" | undefined }
>(
  app: OpenAPIHono,
  db: Database,
  computing: Computing,
  r: RunRoutes<I>
) => {
  app.openapi(
    createRoute({
      method: "post",
      path: r.base,
      tags: [r.tag],
      summary: r.summary,
      description:
        "Computed on a worker thread, never on the server's event loop. A computation whose work (cells × passes) is above INLINE_WORK answers 202 with a job (Location: /v1/jobs/{id}); the run is stored when the job is done. Sizes above the server's limits (MAX_S3_CELLS, MAX_MEASURE_CELLS, MAX_UNCERTAINTY_RUNS, MAX_FITNESS_ITERATIONS) are 422 naming the limit; an organisation with COMPUTE_PER_ORGANISATION computations under way gets 429, a full queue 503, both with Retry-After.",
      security: bearer,
      request: { body: { required: true, content: { "application/json": { schema: r.input } } } },
      responses: {
        201: json(RunMeta, "Computed and stored"),
        202: json(JobView, "Queued as a job (larger than INLINE_WORK): follow Location to /v1/jobs/{id}"),
        ...problems(400, 401, 403, 409, 413, 415, 422, 429, 503)
      }
    }),
    (async (c: Context) => {
      const input = valid<I>(c, "json")
      const work = r.check(input, computing.limits)
      const caller = callerOf(c)
      if (work > computing.inlineWork) {
        const job = await db.run(
          Effect.flatMap(Jobs.Jobs, (j) =>
            j.enqueue(caller, { kind: r.kind, runId: input.id, input, visibility: input.visibility })
          ),
          caller
        )
        computing.queued()
        c.header("location", `/v1/jobs/${job.id}`)
        return c.json(jobView(job), 202)
      }
      const organisationId = caller._tag === "Member" ? caller.organisationId : ""
      // The request's end (a client that goes away) cancels a computation that has not finished.
      const result = await computing.compute.run(organisationId, { kind: r.kind, input }, c.req.raw.signal)
      const run = await storeRun(db, c, {
        id: input.id,
        kind: r.kind,
        parameters: input,
        result,
        visibility: input.visibility
      })
      c.header("etag", etag(run.version))
      c.header("location", `${r.base}/${encodeURIComponent(run.id)}`)
      return c.json(runMeta(run), 201)
    }) as never
  )
  registerRunBasics(app, db, r.base, r.kind, r.tag)
  return (path: string, summary: string, schema: z.ZodType, query: z.ZodObject = OrgQuery) =>
    createRoute({
      method: "get",
      path: `${r.base}/{id}/${path}`,
      tags: [r.tag],
      summary,
      security: bearer,
      request: { params: IdParam, query },
      responses: { 200: json(schema, summary), ...problems(400, 404) }
    })
}
