import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Id } from "@innokraft/domain"
import { Cycle, CycleDocument, Idea, Lifecycle, Meeting, Outcome } from "@innokraft/loop"
import { Caller, type CallerType, type Kind, Kinds, Records, type Stored, Transitions } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { guard, pathOf } from "../internal/compute.js"
import { callerOf, etag, ifMatch, paginate } from "../internal/http.js"
import * as Loop from "../internal/loop.js"
import { bearer, json, organisationQuery, problems, valid } from "../internal/route.js"
import { type FieldError, ProblemError } from "../Problem.js"
import { changeCycle, loadCycle } from "./Loop.js"

type Body = { readonly id: string }
type Member = Extract<CallerType, { readonly _tag: "Member" }>

/**
 * A sub-resource of a cycle: its path, the document list it lives in, its store kind and its loop schema.
 *
 * @since 0.1.0
 */
export interface Part {
  readonly path: "sessions" | "ideas" | "outcomes"
  readonly list: "meetings" | "ideas" | "outcomes"
  readonly name: string
  readonly param: string
  readonly kind: Kind<Body>
  readonly schema: z.ZodType
}

/**
 * The cycle sub-resources with their own endpoints: sessions (meetings), ideas and outcomes. Participations are
 * personal data and only travel inside a whole cycle document.
 *
 * @since 0.1.0
 */
export const parts: ReadonlyArray<Part> = [
  {
    path: "sessions",
    list: "meetings",
    name: "LoopSession",
    param: "sessionId",
    kind: Kinds.loopMeeting as unknown as Kind<Body>,
    schema: Meeting.MeetingSchema as unknown as z.ZodType
  },
  {
    path: "ideas",
    list: "ideas",
    name: "LoopIdea",
    param: "ideaId",
    kind: Kinds.loopIdea as unknown as Kind<Body>,
    schema: Idea.IdeaSchema as unknown as z.ZodType
  },
  {
    path: "outcomes",
    list: "outcomes",
    name: "LoopOutcome",
    param: "outcomeId",
    kind: Kinds.loopOutcome as unknown as Kind<Body>,
    schema: Outcome.OutcomeSchema as unknown as z.ZodType
  }
]

/**
 * A child record as the API returns it: the loop body with its own (unprefixed) id and its ETag. Outside the
 * organisation an idea's team (pseudonymous references to participants) is left out.
 *
 * @since 0.1.0
 */
export const partItem = (cycleId: string, record: Stored<Body>, inside: boolean) => {
  const body = { ...(record.body as object), id: Loop.unprefixed(cycleId, record.id), etag: etag(record.version) }
  return inside || !("team" in body) ? body : { ...body, team: [] }
}

const key = (p: { readonly path: string; readonly message: string }) => `${p.path}\u0000${p.message}`

/**
 * The consistency problems a change brings into a cycle document (those the document had before do not count),
 * with paths relative to the changed item where they concern it.
 */
const newProblems = (
  before: CycleDocument.CycleDocument,
  after: CycleDocument.CycleDocument,
  list: Part["list"],
  index: number
): ReadonlyArray<FieldError> => {
  const old = new Set(CycleDocument.check(before).map(key))
  const own = `${list}[${index}]`
  return CycleDocument.check(after)
    .filter((p) => !old.has(key(p)))
    .map((p) => {
      const path = String(p.path)
      return path === own || path.startsWith(`${own}.`) || path.startsWith(`${own}[`)
        ? { path: pathOf(path.slice(own.length)), message: p.message }
        : { path: ["(cycle)", ...pathOf(path)], message: p.message }
    })
}

const ItemQuery = z.object({
  organisation: organisationQuery,
  cursor: z.string().max(400).optional().openapi({ description: "The `nextCursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(500).default(500)
})

const CycleMove = z
  .object({
    to: z.string().min(1).max(100).openapi({ example: "themed", description: "The next cycle status" }),
    by: z.string().min(1).max(200),
    reason: z.string().min(1).max(4000),
    at: z.string().min(1).max(40).openapi({ example: "2017-01-20" }),
    theme: z.object({ sv: z.string().min(1).max(400), en: z.string().min(1).max(400) }).optional()
  })
  .openapi("CycleMove")

const member = (c: Context, doing: string) => {
  const caller = callerOf(c)
  if (caller._tag !== "Member") throw new ProblemError(401, `${doing} needs a token of the cycle's organisation.`)
  if (caller.role === "viewer") throw new ProblemError(403, `${doing} needs the editor or admin role.`)
  return caller
}

/** Refuses a change to a closed cycle (a closed cycle is a record). */
const open = (document: CycleDocument.CycleDocument, id: string) => {
  if (document.cycle.status === "closed") {
    throw new ProblemError(409, `cycle "${id}" is closed; its sessions, ideas and outcomes no longer change`)
  }
}

// The store checks the version again when it writes; checking here first answers a stale ETag with 412 before the
// document's own checks can answer 400 or 409 about an edit made to an outdated copy.
const stale = (record: Stored<Body>, version: number) => {
  if (record.version !== version) {
    throw new ProblemError(412, `The If-Match ETag is stale: the record is at version ${record.version}.`)
  }
}

/**
 * Sessions (meetings), ideas and outcomes of a cycle as their own resources — list, read, create, replace
 * (If-Match) and delete (If-Match) — each change checked against the whole cycle document (`CycleDocument.check`:
 * references, lineage, transition trail) before it is stored; and moves of the cycle itself through its statuses
 * (`POST …/cycles/{id}/transitions`, `Lifecycle.advanceCycle`, If-Match with the cycle's ETag).
 *
 * @since 0.1.0
 */
export const registerLoopParts = (app: OpenAPIHono, db: Database) => {
  const base = "/v1/loop/cycles"
  const tags = ["Innovation Loop"]
  const CycleId = z.object({ id: Id.key("cycle") })
  const IfMatch = z.object({ "if-match": z.string().optional().openapi({ description: 'The ETag, e.g. W/"3"' }) })

  for (const part of parts) {
    const Item = (part.schema as z.ZodObject)
      .extend({ etag: z.string().openapi({ description: "The ETag an update or delete needs" }) })
      .openapi(part.name)
    const ItemId = CycleId.extend({ [part.param]: Id.key(part.path) })
    const collection = `${base}/{id}/${part.path}`
    const single = `${collection}/{${part.param}}`

    app.openapi(
      createRoute({
        method: "get",
        path: collection,
        tags,
        summary: `The cycle's ${part.path}, each with its ETag (cursor pages, sorted by id)`,
        security: bearer,
        request: { params: CycleId, query: ItemQuery },
        responses: {
          200: json(z.object({ items: z.array(Item), nextCursor: z.string().nullable() }), "One page"),
          ...problems(400, 404)
        }
      }),
      (async (c: Context) => {
        const { id } = valid<{ id: string }>(c, "param")
        const q = valid<{ organisation?: string; cursor?: string; limit: number }>(c, "query")
        const caller = callerOf(c)
        const { cycle, children } = await db.run(loadCycle(caller, id, q.organisation), caller)
        c.header("etag", etag(cycle.version))
        const page = paginate(children[part.list], (r) => r.id, q.cursor, q.limit)
        const inside = Caller.isInside(caller, cycle.organisationId)
        return c.json({ items: page.items.map((r) => partItem(cycle.id, r, inside)), nextCursor: page.nextCursor }, 200)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "get",
        path: single,
        tags,
        summary: `One of the cycle's ${part.path}`,
        security: bearer,
        request: { params: ItemId, query: z.object({ organisation: organisationQuery }) },
        responses: { 200: json(Item, "The item; its ETag is also in the ETag header"), ...problems(404) }
      }),
      (async (c: Context) => {
        const params = valid<Record<string, string>>(c, "param")
        const { organisation } = valid<{ organisation?: string }>(c, "query")
        const caller = callerOf(c)
        const id = params.id!
        const itemId = params[part.param]!
        const { cycle, children } = await db.run(loadCycle(caller, id, organisation), caller)
        const record = children[part.list].find((r) => r.id === Loop.prefixed(cycle.id, itemId))
        if (record === undefined) throw new ProblemError(404, `${part.path} "${itemId}" of cycle "${id}" was not found`)
        c.header("etag", etag(record.version))
        return c.json(partItem(cycle.id, record, Caller.isInside(caller, cycle.organisationId)), 200)
      }) as never
    )

    /** The stored item of an open cycle that a replace or delete names, at the version its If-Match gives. */
    const existing = (
      cycleId: string,
      document: CycleDocument.CycleDocument,
      children: Record<Loop.ChildList, ReadonlyArray<Stored<Body>>>,
      id: string,
      itemId: string,
      version: number
    ) => {
      open(document, id)
      const record = children[part.list].find((r) => r.id === Loop.prefixed(cycleId, itemId))
      if (record === undefined) throw new ProblemError(404, `${part.path} "${itemId}" of cycle "${id}" was not found`)
      stale(record, version)
      return record
    }

    /** {@link changeCycle}, with the cycle named in a 404 about an item. */
    const write = <A, E>(caller: Member, id: string, change: Parameters<typeof changeCycle<A, E>>[3]): Promise<A> =>
      changeCycle(db, caller, id, change).catch((error: unknown) => {
        if (error instanceof ProblemError && error.status === 404 && !error.detail.includes(`cycle "${id}"`)) {
          throw new ProblemError(404, `${error.detail} (cycle "${id}")`)
        }
        throw error
      })

    app.openapi(
      createRoute({
        method: "post",
        path: collection,
        tags,
        summary: `Add to the cycle's ${part.path} (editor; checked against the whole cycle document)`,
        security: bearer,
        request: {
          params: CycleId,
          body: { required: true, content: { "application/json": { schema: part.schema } } }
        },
        responses: { 201: json(Item, "Created"), ...problems(400, 401, 403, 404, 409, 413, 415) }
      }),
      (async (c: Context) => {
        const { id } = valid<{ id: string }>(c, "param")
        const body = valid<Body>(c, "json")
        const caller = member(c, `Adding to a cycle's ${part.path}`)
        const { cycle, stored } = await write(caller, id, ({ cycle, document }) =>
          Effect.gen(function* () {
            open(document, id)
            const items = document[part.list] as ReadonlyArray<Body>
            if (items.some((i) => i.id === body.id)) {
              throw new ProblemError(409, `cycle "${id}" already has ${part.path} "${body.id}"`)
            }
            const next = { ...document, [part.list]: [...items, body] } as CycleDocument.CycleDocument
            const found = newProblems(document, next, part.list, items.length)
            if (found.length > 0) throw new ProblemError(400, `The ${part.path} item does not fit the cycle.`, found)
            const records = yield* Records.Records
            const stored = yield* records.create(
              caller,
              part.kind,
              { ...body, id: Loop.prefixed(cycle.id, body.id) },
              { visibility: Loop.childVisibility(part.kind.name, cycle.visibility) }
            )
            return { cycle, stored }
          })
        )
        c.header("etag", etag(stored.version))
        c.header("location", `${base}/${encodeURIComponent(cycle.id)}/${part.path}/${encodeURIComponent(body.id)}`)
        return c.json(partItem(cycle.id, stored, true), 201)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "put",
        path: single,
        tags,
        summary: `Replace one of the cycle's ${part.path} (editor; If-Match)${part.list === "ideas" ? "; stage and status change only through transitions" : ""}`,
        security: bearer,
        request: {
          params: ItemId,
          headers: IfMatch,
          body: { required: true, content: { "application/json": { schema: part.schema } } }
        },
        responses: { 200: json(Item, "Updated"), ...problems(400, 401, 403, 404, 409, 412, 415, 428) }
      }),
      (async (c: Context) => {
        const params = valid<Record<string, string>>(c, "param")
        const body = valid<Body & { stage?: string; status?: string }>(c, "json")
        const id = params.id!
        const itemId = params[part.param]!
        const caller = member(c, `Changing a cycle's ${part.path}`)
        const version = ifMatch(c)
        if (body.id !== itemId) {
          throw new ProblemError(400, "The body's id differs from the path.", [
            { path: ["id"], message: `expected "${itemId}", found "${body.id}"` }
          ])
        }
        const { cycle, stored } = await write(caller, id, ({ cycle, document, children }) =>
          Effect.gen(function* () {
            const record = existing(cycle.id, document, children, id, itemId, version)
            const items = document[part.list] as ReadonlyArray<Body & { stage?: string; status?: string }>
            const index = items.findIndex((i) => i.id === itemId)
            const current = items[index]!
            if (part.list === "ideas" && (current.stage !== body.stage || current.status !== body.status)) {
              throw new ProblemError(
                409,
                `idea "${itemId}" is "${current.status === "active" ? current.stage : current.status}"; ` +
                  `stage and status change only through POST ${base}/${id}/ideas/${itemId}/transitions`
              )
            }
            const next = {
              ...document,
              [part.list]: items.map((i, j) => (j === index ? body : i))
            } as CycleDocument.CycleDocument
            const found = newProblems(document, next, part.list, index)
            if (found.length > 0) throw new ProblemError(400, `The ${part.path} item does not fit the cycle.`, found)
            const store = yield* Records.Records
            const stored = yield* store.update(caller, part.kind, record.id, version, { ...body, id: record.id })
            return { cycle, stored }
          })
        )
        c.header("etag", etag(stored.version))
        return c.json(partItem(cycle.id, stored, true), 200)
      }) as never
    )

    app.openapi(
      createRoute({
        method: "delete",
        path: single,
        tags,
        summary: `Delete one of the cycle's ${part.path} (editor; If-Match; 409 while something refers to it)`,
        security: bearer,
        request: { params: ItemId, headers: IfMatch },
        responses: { 204: { description: "Deleted" }, ...problems(401, 403, 404, 409, 412, 428) }
      }),
      (async (c: Context) => {
        const params = valid<Record<string, string>>(c, "param")
        const id = params.id!
        const itemId = params[part.param]!
        const caller = member(c, `Deleting from a cycle's ${part.path}`)
        const version = ifMatch(c)
        await write(caller, id, ({ cycle, document, children }) =>
          Effect.gen(function* () {
            const record = existing(cycle.id, document, children, id, itemId, version)
            const items = document[part.list] as ReadonlyArray<Body>
            const next = {
              ...document,
              [part.list]: items.filter((i) => i.id !== itemId)
            } as CycleDocument.CycleDocument
            const found = newProblems(document, next, part.list, -1)
            if (found.length > 0) {
              throw new ProblemError(409, `${part.path} "${itemId}" is still referred to in cycle "${id}".`, found)
            }
            yield* Effect.flatMap(Records.Records, (r) => r.remove(caller, part.kind, record.id, version))
          })
        )
        return c.body(null, 204)
      }) as never
    )
  }

  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/transitions`,
      tags,
      summary: "Move the cycle to its next status (editor; If-Match with the cycle's ETag; 409 for an illegal move)",
      description:
        "`Lifecycle.advanceCycle`: draft → themed → ideation → prototyping → implementation → reporting → closed, one " +
        "phase at a time, with its guards. A cycle that becomes public (themed) publishes its sessions, ideas and " +
        "outcomes with it (never its participations).",
      security: bearer,
      request: {
        params: CycleId,
        headers: IfMatch,
        body: { required: true, content: { "application/json": { schema: CycleMove } } }
      },
      responses: {
        201: json(
          z.object({
            cycle: Cycle.LoopCycleSchema as unknown as z.ZodType,
            transition: Cycle.CycleTransitionSchema as unknown as z.ZodType
          }),
          "Moved; the cycle's new ETag is in the ETag header"
        ),
        ...problems(400, 401, 403, 404, 409, 412, 415, 428)
      }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      const move = valid<z.infer<typeof CycleMove>>(c, "json")
      const caller = member(c, "Moving a cycle")
      const version = ifMatch(c)
      const { stored, transition } = await changeCycle(db, caller, id, ({ cycle, children, document }) =>
        Effect.gen(function* () {
          stale(cycle, version)
          const next = guard("the cycle move", () =>
            Lifecycle.advanceCycle(document, {
              to: move.to,
              by: move.by,
              reason: move.reason,
              at: move.at,
              ...(move.theme === undefined ? {} : { theme: move.theme })
            })
          )
          const transition = next.cycle.history[next.cycle.history.length - 1]!
          const records = yield* Records.Records
          const transitions = yield* Transitions.Transitions
          const stored = yield* records.update(caller, Kinds.loopCycle, cycle.id, version, next.cycle)
          yield* transitions.append(caller, {
            cycleId: cycle.id,
            from: transition.from,
            to: transition.to,
            at: transition.at,
            reason: transition.reason,
            body: transition
          })
          if (stored.visibility !== cycle.visibility) {
            // The children follow the cycle in and out of public view; participations stay inside.
            for (const list of ["meetings", "ideas", "outcomes"] as const) {
              const kind = Kinds.byName(Loop.childKinds[list])!
              for (const r of children[list]) {
                if (r.visibility === stored.visibility) continue
                yield* records.update(caller, kind, r.id, r.version, r.body, { visibility: stored.visibility })
              }
            }
          }
          return { stored, transition }
        })
      )
      c.header("etag", etag(stored.version))
      return c.json({ cycle: stored.body, transition }, 201)
    }) as never
  )
  return app
}
