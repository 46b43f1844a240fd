import { SqlClient } from "@effect/sql"
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Id } from "@innokraft/domain"
import { Cycle, CycleDocument, CycleReport, Idea, Lifecycle, StageTransition } from "@innokraft/loop"
import { Caller, type CallerType, Kinds, Records, type Stored, Transitions } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database, Services } from "../Database.js"
import { guard } from "../internal/compute.js"
import { callerOf, etag, ifMatch, paginate, preconditionFailed } from "../internal/http.js"
import * as Loop from "../internal/loop.js"
import { bearer, json, organisationQuery, pageQuery, problems, valid } from "../internal/route.js"
import { ProblemError } from "../Problem.js"
import { envelope, envelopeSchema } from "./Records.js"

type Body = { readonly id: string }

const childKind = {
  ideas: Kinds.loopIdea,
  meetings: Kinds.loopMeeting,
  participations: Kinds.loopParticipation,
  outcomes: Kinds.loopOutcome
} as const

/**
 * A cycle as the caller may see it: the assembled document and the stored records it came from.
 *
 * @since 0.1.0
 */
export const loadCycle = (caller: CallerType, cycleId: string, organisationId: string | undefined) =>
  Effect.gen(function* () {
    const records = yield* Records.Records
    const options = organisationId === undefined ? {} : { organisationId }
    const cycle = (yield* records.get(caller, Kinds.loopCycle, cycleId, options)) as Stored<Body>
    const inOrg = { organisationId: cycle.organisationId }
    const children = {} as Record<Loop.ChildList, ReadonlyArray<Stored<Body>>>
    // the organisation's records of each kind, narrowed to this cycle's: found by the parent id in their own id
    for (const list of Object.keys(childKind) as Array<Loop.ChildList>) {
      const all = (yield* records.list(caller, childKind[list] as never, inOrg)) as ReadonlyArray<Stored<Body>>
      children[list] = all.filter((r) => Loop.parentOf(r.id) === cycle.id)
    }
    const transitions = yield* Effect.flatMap(Transitions.Transitions, (t) => t.list(caller, cycleId, inOrg))
    const inside = Caller.isInside(caller, cycle.organisationId)
    return { cycle, children, document: Loop.assemble(cycle, children, transitions, inside) }
  })

type Loaded = Effect.Effect.Success<ReturnType<typeof loadCycle>>

/**
 * Runs a change to one cycle of the caller's organisation in a transaction that first takes the cycle record's write
 * lock and then reads the cycle document: changes to one cycle happen one at a time, and `change` checks the
 * document as it is now, not as it was when the request began (two requests could otherwise each pass their checks
 * and together break a reference). `change` refuses by throwing a `ProblemError`, which rolls the transaction back.
 *
 * @since 0.1.0
 */
export const changeCycle = <A, E>(
  db: Database,
  caller: Extract<CallerType, { readonly _tag: "Member" }>,
  cycleId: string,
  change: (loaded: Loaded) => Effect.Effect<A, E, Services>
): Promise<A> =>
  db
    .run(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient
        const records = yield* Records.Records
        return yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* records.lock(caller, Kinds.loopCycle, cycleId)
            return yield* change(yield* loadCycle(caller, cycleId, caller.organisationId))
          })
        )
      }),
      caller
    )
    .catch(preconditionFailed)

/**
 * Writes a whole cycle document into the caller's organisation in one transaction.
 *
 * @since 0.1.0
 */
export const writeCycle = (caller: CallerType, doc: CycleDocument.CycleDocument) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const records = yield* Records.Records
    const transitions = yield* Transitions.Transitions
    const visibility = Kinds.loopCycle.visibility(doc.cycle) ?? "organisation"
    return yield* sql.withTransaction(
      Effect.gen(function* () {
        let stored: Stored<Body> | undefined
        for (const r of Loop.recordsOf(doc)) {
          const kind = Kinds.byName(r.kind)!
          const saved = yield* records.create(caller, kind, r.body, {
            visibility: Loop.childVisibility(r.kind, visibility)
          })
          stored ??= saved
        }
        for (const t of Loop.transitionsOf(doc)) yield* transitions.append(caller, t)
        return stored!
      })
    )
  })

const CycleId = z.object({ id: Id.key("cycle") })
const IdeaId = z.object({ id: Id.key("cycle"), ideaId: Id.key("idea") })
const OrgQuery = z.object({ organisation: organisationQuery })

const Move = z
  .object({
    to: z.string().min(1).max(100).openapi({ example: "concept" }),
    by: z.string().min(1).max(200),
    reason: z.string().min(1).max(4000),
    at: z.string().min(1).max(40).openapi({ example: "2016-05-12" }),
    scores: z.record(z.string(), z.number()).optional(),
    meetingId: z.string().min(1).max(200).optional()
  })
  .openapi("IdeaMove")

// The loop's own zod schemas document the shapes; the handlers still decode with `CycleDocument.decode` (which adds
// the referential checks).
const Document = CycleDocument.CycleDocumentSchema as unknown as z.ZodType
const CycleRecord = envelopeSchema("LoopCycle", Cycle.LoopCycleSchema as unknown as z.ZodType)
const IdeaWithEtag = (Idea.IdeaSchema as unknown as z.ZodObject).extend({ etag: z.string() })

/**
 * Innovation Loop cycles: whole cycle documents in, the cycle with its sessions (meetings), ideas, outcomes,
 * stage moves of ideas (`POST …/ideas/{ideaId}/transitions`, with the idea's ETag) and the cycle report out.
 *
 * @since 0.1.0
 */
export const registerLoop = (app: OpenAPIHono, db: Database) => {
  const base = "/v1/loop/cycles"
  const tags = ["Innovation Loop"]
  const load = async (c: Context) => {
    const { id } = valid<{ id: string }>(c, "param")
    const { organisation } = valid<{ organisation?: string }>(c, "query")
    const caller = callerOf(c)
    const loaded = await db.run(loadCycle(caller, id, organisation), caller)
    c.header("etag", etag(loaded.cycle.version))
    return loaded
  }

  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags,
      summary: "Store a whole cycle document (editor)",
      security: bearer,
      request: { body: { required: true, content: { "application/json": { schema: Document } } } },
      responses: { 201: json(CycleRecord, "The stored cycle record"), ...problems(400, 401, 403, 409, 413, 415) }
    }),
    (async (c: Context) => {
      const body = valid<unknown>(c, "json")
      const doc = guard("the cycle document", () => CycleDocument.decode(body, "body"))
      const caller = callerOf(c)
      const stored = await db.run(writeCycle(caller, doc), caller)
      c.header("etag", etag(stored.version))
      c.header("location", `${base}/${encodeURIComponent(stored.id)}`)
      return c.json(envelope(stored), 201)
    }) as never
  )

  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags,
      summary: "List cycles",
      security: bearer,
      request: {
        query: z.object({
          organisation: organisationQuery,
          ...pageQuery,
          status: z.string().max(40).optional().openapi({ description: "Only cycles in this status" }),
          year: z.coerce.number().int().min(2000).max(2100).optional()
        })
      },
      responses: {
        200: json(z.object({ items: z.array(CycleRecord), nextCursor: z.string().nullable() }), "One page"),
        ...problems(400)
      }
    }),
    (async (c: Context) => {
      const q = valid<{ organisation?: string; cursor?: string; limit: number; status?: string; year?: number }>(
        c,
        "query"
      )
      const caller = callerOf(c)
      const all = await db.run(
        Records.repository(Kinds.loopCycle).list(
          caller,
          q.organisation === undefined ? {} : { organisationId: q.organisation }
        ),
        caller
      )
      const rows = all.filter(
        (r) => (q.status === undefined || r.status === q.status) && (q.year === undefined || r.body.year === q.year)
      )
      const page = paginate(rows, (r) => `${r.organisationId}\u0000${r.id}`, q.cursor, q.limit)
      return c.json({ items: page.items.map(envelope), nextCursor: page.nextCursor }, 200)
    }) as never
  )

  const read = (path: string, summary: string, schema: z.ZodType) =>
    createRoute({
      method: "get",
      path: `${base}/{id}${path}`,
      tags,
      summary,
      security: bearer,
      request: { params: CycleId, query: OrgQuery },
      responses: { 200: json(schema, summary), ...problems(404) }
    })

  app.openapi(
    read("", "The cycle document (participations, supports and idea teams only inside the organisation)", Document),
    (async (c: Context) => c.json((await load(c)).document, 200)) as never
  )
  app.openapi(
    read(
      "/transitions",
      "The stage transitions of the cycle's ideas, oldest first",
      z.object({ items: z.array(StageTransition.StageTransitionSchema as unknown as z.ZodType) })
    ),
    (async (c: Context) => c.json({ items: (await load(c)).document.transitions }, 200)) as never
  )
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}/report`,
      tags,
      summary: "The cycle report (funnel, stage times, breakdowns with small counts suppressed)",
      security: bearer,
      request: {
        params: CycleId,
        query: OrgQuery.extend({ threshold: z.coerce.number().int().min(1).max(100).optional() })
      },
      responses: { 200: json(z.unknown(), "The report"), ...problems(404) }
    }),
    (async (c: Context) => {
      const { threshold } = valid<{ threshold?: number }>(c, "query")
      const { document } = await load(c)
      return c.json(
        guard("the cycle report", () => CycleReport.report(document, threshold === undefined ? {} : { threshold })),
        200
      )
    }) as never
  )

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/ideas/{ideaId}/transitions`,
      tags,
      summary: "Move an idea to another stage or state (editor; If-Match with the idea's ETag)",
      security: bearer,
      request: {
        params: IdeaId,
        headers: z.object({ "if-match": z.string().optional() }),
        body: { required: true, content: { "application/json": { schema: Move } } }
      },
      responses: {
        201: json(
          z.object({
            transition: StageTransition.StageTransitionSchema as unknown as z.ZodType,
            idea: IdeaWithEtag
          }),
          "Moved"
        ),
        ...problems(400, 401, 403, 404, 409, 412, 428)
      }
    }),
    (async (c: Context) => {
      const { id, ideaId } = valid<{ id: string; ideaId: string }>(c, "param")
      const move = valid<z.infer<typeof Move>>(c, "json")
      const caller = callerOf(c)
      const version = ifMatch(c)
      if (caller._tag !== "Member") throw new ProblemError(403, "Only members of the organisation move ideas.")
      const { stored, transition, idea } = await changeCycle(db, caller, id, ({ document, children }) =>
        Effect.gen(function* () {
          const record = children.ideas.find((r) => r.id === Loop.prefixed(id, ideaId))
          if (record === undefined) {
            throw new ProblemError(404, `idea "${ideaId}" of cycle "${id}" was not found`)
          }
          // If-Match before the move's own checks: a move decided on a stale copy is 412, not 409.
          if (record.version !== version) {
            throw new ProblemError(412, `The If-Match ETag is stale: the idea is at version ${record.version}.`)
          }
          const next = guard("the move", () =>
            Lifecycle.advance(document, {
              idea: ideaId,
              to: move.to,
              by: move.by,
              reason: move.reason,
              at: move.at,
              ...(move.scores === undefined ? {} : { scores: move.scores }),
              ...(move.meetingId === undefined ? {} : { meetingId: move.meetingId })
            })
          )
          const transition = next.transitions[next.transitions.length - 1]!
          const idea = next.ideas.find((i) => i.id === ideaId)!
          const records = yield* Records.Records
          const transitions = yield* Transitions.Transitions
          const stored = yield* records.update(caller, Kinds.loopIdea, record.id, version, { ...idea, id: record.id })
          yield* transitions.append(caller, {
            cycleId: id,
            ideaId,
            from: transition.from,
            to: transition.to,
            at: transition.at,
            reason: transition.rationale,
            body: transition
          })
          return { stored, transition, idea }
        })
      )
      c.header("etag", etag(stored.version))
      return c.json({ transition, idea: { ...idea, etag: etag(stored.version) } }, 201)
    }) as never
  )
  return app
}
