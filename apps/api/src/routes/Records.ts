import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Call, Id } from "@innokraft/domain"
import { type Kind, Kinds, Records, type Stored } from "@innokraft/store"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { callerOf, etag, ifMatch, matches, paginate, preconditionFailed } from "../internal/http.js"
import { bearer, json, organisationQuery, pageQuery, problems, valid } from "../internal/route.js"

/**
 * A resource of the strategy model: its path, its kind in the store and the body fields its list filters on.
 *
 * @since 0.1.0
 */
export interface Resource {
  readonly path: string
  readonly name: string
  readonly kind: Kind<{ readonly id: string }>
  readonly filters: ReadonlyArray<string>
  /** Filters whose value is derived from the body rather than read from a field of the same name. */
  readonly derived?: Readonly<Record<string, (body: Record<string, unknown>) => unknown>>
}

const resource = <T extends { readonly id: string }>(
  path: string,
  name: string,
  kind: Kind<T>,
  filters: ReadonlyArray<string>,
  derived?: Resource["derived"]
): Resource => ({
  path,
  name,
  kind: kind as unknown as Kind<{ readonly id: string }>,
  filters,
  ...(derived === undefined ? {} : { derived })
})

type Links = ReadonlyArray<{ readonly kind: string; readonly id: string }> | undefined

/** The ids of a project's links of one kind (`goalIds`, `strengthAreaIds`). */
const linked = (kind: string) => (body: Record<string, unknown>) =>
  ((body.links as Links) ?? []).filter((l) => l.kind === kind).map((l) => l.id)

/** The subject id of an indicator link of one kind (`strategyId`, `goalId`). */
const subject = (kind: string) => (body: Record<string, unknown>) => {
  const s = body.subject as { readonly kind: string; readonly id: string } | undefined
  return s?.kind === kind ? s.id : undefined
}

/**
 * Every strategy-model resource under `/v1`.
 *
 * @since 0.1.0
 */
export const resources: ReadonlyArray<Resource> = [
  resource("regions", "Region", Kinds.region, ["level"]),
  resource("actors", "Actor", Kinds.actor, ["helix", "supportRoles", "municipality"]),
  resource("strategies", "Strategy", Kinds.strategy, ["status", "kind", "regionIds"]),
  resource("goals", "Goal", Kinds.goal, ["strategyId"]),
  resource("efforts", "Effort", Kinds.effort, ["goalId"]),
  resource("strength-areas", "StrengthArea", Kinds.strengthArea, ["strategyId", "parentId"]),
  resource("projects", "Project", Kinds.project, ["status", "strengthAreaIds", "goalIds", "coordinatorId"], {
    strengthAreaIds: linked("strengthArea"),
    goalIds: linked("goal")
  }),
  resource("programmes", "PhasedProgramme", Kinds.programme, ["ownerId", "projectIds"]),
  resource("fundings", "Funding", Kinds.funding, ["projectId", "funderId", "callId"]),
  resource("calls", "Call", Kinds.call, ["funderId", "status"], {
    // upcoming, open or closed today, from the call's dates
    status: (body) => Call.statusOn(body as unknown as Call.Call, new Date().toISOString().slice(0, 10))
  }),
  resource("meeting-places", "MeetingPlace", Kinds.meetingPlace, ["ownerId", "municipality"]),
  resource("action-plans", "ActionPlan", Kinds.actionPlan, ["ownerId", "projectId"]),
  resource("indicator-links", "IndicatorLink", Kinds.indicatorLink, ["strategyId", "goalId"], {
    strategyId: subject("strategy"),
    goalId: subject("goal")
  }),
  resource("targets", "Target", Kinds.target, ["indicatorLinkId"]),
  resource("contacts", "Contact", Kinds.contact, ["actorId"])
]

/**
 * A stored record as the API returns it.
 *
 * @since 0.1.0
 */
export const envelope = <T>(stored: Stored<T>) => ({
  organisationId: stored.organisationId,
  kind: stored.kind,
  id: stored.id,
  version: stored.version,
  etag: etag(stored.version),
  visibility: stored.visibility,
  ...(stored.status === undefined ? {} : { status: stored.status }),
  createdAt: stored.createdAt,
  updatedAt: stored.updatedAt,
  data: stored.body
})

/**
 * The OpenAPI schema of a stored record of one kind (see {@link envelope}).
 *
 * @since 0.1.0
 */
export const envelopeSchema = (name: string, data: z.ZodType) =>
  z
    .object({
      organisationId: z.string(),
      kind: z.string(),
      id: z.string(),
      version: z.number().int(),
      etag: z.string(),
      visibility: z.enum(["public", "organisation"]),
      status: z.string().optional(),
      createdAt: z.string(),
      updatedAt: z.string(),
      data
    })
    .openapi(`${name}Record`)

const RecordId = Id.key("record")
const Visibility = z.enum(["public", "organisation"]).optional().openapi({
  description: "For kinds whose status does not decide it: who may read the record (default: the organisation)"
})

/**
 * Registers list, read, create, update and delete routes for every resource.
 *
 * @since 0.1.0
 */
export const registerRecords = (app: OpenAPIHono, db: Database) => {
  for (const r of resources) {
    const repo = Records.repository(r.kind)
    const Body = r.kind.schema as unknown as z.ZodType
    const Envelope = envelopeSchema(r.name, Body)
    const tags = [r.name]
    const base = `/v1/${r.path}`
    const filterQuery = Object.fromEntries(r.filters.map((f) => [f, z.string().max(200).optional()]))

    app.openapi(
      createRoute({
        method: "get",
        path: base,
        tags,
        summary: `List ${r.path}`,
        description: `Published records of every organisation, or all records of the caller's own. Filters: ${r.filters.join(", ")}.`,
        security: bearer,
        request: { query: z.object({ organisation: organisationQuery, ...pageQuery, ...filterQuery }) },
        responses: {
          200: json(z.object({ items: z.array(Envelope), nextCursor: z.string().nullable() }), "One page"),
          ...problems(400, 401)
        }
      }),
      (async (c: Context) => {
        const q = valid<Record<string, string | number | undefined>>(c, "query")
        const caller = callerOf(c)
        const organisation = q.organisation as string | undefined
        const rows = await db.run(
          repo.list(caller, organisation === undefined ? {} : { organisationId: organisation }),
          caller
        )
        const wanted = r.filters.filter((f) => q[f] !== undefined)
        const filtered = rows.filter((row) =>
          wanted.every((f) => {
            const body = row.body as Record<string, unknown>
            const derive = r.derived?.[f]
            return matches(derive === undefined ? body[f] : derive(body), String(q[f]))
          })
        )
        const page = paginate(
          filtered,
          (row) => `${row.organisationId}\u0000${row.id}`,
          q.cursor as string | undefined,
          q.limit as number
        )
        return c.json({ items: page.items.map(envelope), nextCursor: page.nextCursor }, 200)
      }) as never
    )

    const one = z.object({ id: RecordId })
    app.openapi(
      createRoute({
        method: "get",
        path: `${base}/{id}`,
        tags,
        summary: `Read one ${r.name}`,
        security: bearer,
        request: { params: one, query: z.object({ organisation: organisationQuery }) },
        responses: { 200: json(Envelope, "The record; its ETag is in the ETag header"), ...problems(404) }
      }),
      (async (c: Context) => {
        const { id } = valid<{ id: string }>(c, "param")
        const { organisation } = valid<{ organisation?: string }>(c, "query")
        const caller = callerOf(c)
        const stored = await db.run(
          repo.get(caller, id, organisation === undefined ? {} : { organisationId: organisation }),
          caller
        )
        c.header("etag", etag(stored.version))
        return c.json(envelope(stored), 200)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "post",
        path: base,
        tags,
        summary: `Create a ${r.name} in the caller's organisation (editor)`,
        security: bearer,
        request: {
          query: z.object({ visibility: Visibility }),
          body: { required: true, content: { "application/json": { schema: Body } } }
        },
        responses: { 201: json(Envelope, "Created"), ...problems(400, 401, 403, 409, 413, 415, 422) }
      }),
      (async (c: Context) => {
        const body = valid<unknown>(c, "json")
        const { visibility } = valid<{ visibility?: "public" | "organisation" }>(c, "query")
        const caller = callerOf(c)
        const stored = await db.run(repo.create(caller, body, visibility === undefined ? {} : { visibility }), caller)
        c.header("etag", etag(stored.version))
        c.header("location", `${base}/${encodeURIComponent(stored.id)}`)
        return c.json(envelope(stored), 201)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "put",
        path: `${base}/{id}`,
        tags,
        summary: `Replace a ${r.name} (editor; needs If-Match)`,
        security: bearer,
        request: {
          params: one,
          query: z.object({ visibility: Visibility }),
          headers: z.object({ "if-match": z.string().optional().openapi({ description: 'The ETag, e.g. W/"3"' }) }),
          body: { required: true, content: { "application/json": { schema: Body } } }
        },
        responses: { 200: json(Envelope, "Updated"), ...problems(400, 401, 403, 404, 409, 412, 415, 422, 428) }
      }),
      (async (c: Context) => {
        const { id } = valid<{ id: string }>(c, "param")
        const body = valid<unknown>(c, "json")
        const { visibility } = valid<{ visibility?: "public" | "organisation" }>(c, "query")
        const caller = callerOf(c)
        const version = ifMatch(c)
        const stored = await db
          .run(repo.update(caller, id, version, body, visibility === undefined ? {} : { visibility }), caller)
          .catch(preconditionFailed)
        c.header("etag", etag(stored.version))
        return c.json(envelope(stored), 200)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "delete",
        path: `${base}/{id}`,
        tags,
        summary: `Delete a ${r.name} (editor; needs If-Match)`,
        security: bearer,
        request: { params: one },
        responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409, 412, 428) }
      }),
      (async (c: Context) => {
        const { id } = valid<{ id: string }>(c, "param")
        const caller = callerOf(c)
        const version = ifMatch(c)
        await db.run(repo.remove(caller, id, version), caller).catch(preconditionFailed)
        return c.body(null, 204)
      }) as never
    )
  }
  return app
}
