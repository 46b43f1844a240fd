import type { SqlClient, SqlError } from "@effect/sql"
import {
  IllegalTransitionError,
  Lifecycle,
  type Phase,
  type Project,
  type Strategy,
  Workspace
} from "@innokraft/domain"
import { Cycle } from "@innokraft/loop"
import { Effect } from "effect"
import { Conflict, Inconsistent, type NotFound } from "../StoreError.js"
import { parseJson } from "./sql.js"

/**
 * The rule book every write of a record obeys, inside its transaction, with the functions of the packages that own
 * the rules: `Workspace.validate` of `@innokraft/domain` (references, periods, phases …) over the organisation's
 * stored workspace records, its `Lifecycle` transition tables for status and phase changes, and the loop's cycle
 * order. The store never states a rule of its own here.
 */

/** The workspace list of each workspace kind, registered by `Records.kind` (see `Kinds`). */
const lists = new Map<string, string>()

export const register = (kind: string, list: string) => {
  lists.set(kind, list)
}

export const isWorkspaceKind = (kind: string): boolean => lists.has(kind)

/**
 * What the model says of a record whose reference is left dangling by a delete: it goes with the record it belongs
 * to (`cascade`) or the delete is refused (otherwise). Keyed `<list>.<field>`.
 */
export const cascades: ReadonlySet<string> = new Set(["fundings.projectId", "targets.indicatorLinkId"])

type Body = { readonly id: string }
type Rows = Map<string, Map<string, Body>>

const load = (sql: SqlClient.SqlClient, organisationId: string) =>
  Effect.map(
    sql`SELECT kind, id, body FROM records WHERE organisation_id = ${organisationId} AND kind IN ${sql.in([...lists.keys()])}
      ORDER BY kind, id`,
    (rows) => {
      const state: Rows = new Map()
      for (const list of lists.values()) state.set(list, new Map())
      for (const row of rows) state.get(lists.get(String(row.kind))!)!.set(String(row.id), parseJson(row.body) as Body)
      return state
    }
  )

const workspaceOf = (state: Rows): Workspace.Workspace => {
  const doc: Record<string, unknown> = { format: Workspace.format, version: Workspace.version }
  for (const [list, records] of state) doc[list] = [...records.values()]
  return doc as unknown as Workspace.Workspace
}

/** A problem of `Workspace.validate`, placed on its record: list, record id, field path inside the record. */
interface Placed {
  readonly list: string
  readonly id: string
  readonly field: string
  readonly message: string
  readonly key: string
}

const placed = (state: Rows): ReadonlyArray<Placed> => {
  const doc = workspaceOf(state)
  return Workspace.validate(doc).map((p) => {
    const match = /^([A-Za-z]+)\[(\d+)\]\.?(.*)$/.exec(p.path)
    const list = match?.[1] ?? ""
    const record = (doc as unknown as Record<string, ReadonlyArray<Body> | undefined>)[list]?.[Number(match?.[2])]
    const id = record?.id ?? ""
    const field = match?.[3] ?? p.path
    const expectation = p.message.slice(p.path.length + 2)
    return { list, id, field, message: expectation, key: `${list}\u0000${id}\u0000${field}\u0000${expectation}` }
  })
}

/** The problems `after` has that `before` had not (older problems are not this write's doing). */
const fresh = (before: Rows, after: Rows): ReadonlyArray<Placed> => {
  const old = new Set(placed(before).map((p) => p.key))
  return placed(after).filter((p) => !old.has(p.key))
}

const copy = (state: Rows): Rows => new Map([...state].map(([list, records]) => [list, new Map(records)]))

/** The transition tables of the domain and the loop, for a status, phase or stage change written as a whole record. */
const transition = (kind: string, before: Body, after: Body): string | undefined => {
  const guard = (move: () => unknown): string | undefined => {
    try {
      move()
      return undefined
    } catch (error) {
      if (error instanceof IllegalTransitionError) return error.message
      throw error
    }
  }
  const b = before as Body & { status?: string; currentPhaseId?: string; phases?: ReadonlyArray<Phase.Phase> }
  const a = after as typeof b
  if (kind === "strategy" && b.status !== a.status) {
    return guard(() => Lifecycle.moveStrategy(b as Strategy.Strategy, a.status as Strategy.Status))
  }
  if (kind === "project" && b.status !== a.status) {
    const refused = guard(() => Lifecycle.moveProject(b as Project.Project, a.status as Project.Status))
    if (refused !== undefined) return refused
  }
  if ((kind === "project" || kind === "programme") && b.currentPhaseId !== a.currentPhaseId) {
    // The phases as written now, the current phase as it was: only the next phase may follow.
    const moving = { ...a, currentPhaseId: b.currentPhaseId }
    if (a.currentPhaseId === undefined) {
      return `phase of "${a.id}" cannot move from "${b.currentPhaseId}" back to not started`
    }
    return guard(() => Lifecycle.moveToPhase(moving as never, a.currentPhaseId!))
  }
  if (kind === "loop-cycle" && b.status !== a.status) {
    const next = Cycle.nextStatus(b.status as Cycle.Status)
    if (next !== a.status) {
      return `cycle "${a.id}" cannot move from "${b.status}" to "${a.status}": expected ${next === null ? `"${b.status}" is final` : `"${next}"`}`
    }
  }
  return undefined
}

/**
 * Checks a create or update of a record (already written in the transaction) against the rule book: its status,
 * phase or stage change follows the transition tables (`Conflict` naming the allowed moves), and the organisation's
 * workspace records have no problem they did not have before (`Inconsistent`, naming each field and what it misses).
 */
export const checkWrite = (
  sql: SqlClient.SqlClient,
  organisationId: string,
  kind: string,
  before: Body | undefined,
  after: Body
) =>
  Effect.gen(function* () {
    if (before !== undefined) {
      const refused = transition(kind, before, after)
      if (refused !== undefined) return yield* new Conflict({ entity: kind, id: after.id, reason: refused })
    }
    const list = lists.get(kind)
    if (list === undefined) return
    const now = yield* load(sql, organisationId)
    const then = copy(now)
    if (before === undefined) then.get(list)!.delete(after.id)
    else then.get(list)!.set(after.id, before)
    const problems = fresh(then, now)
    if (problems.length > 0) {
      return yield* new Inconsistent({
        entity: kind,
        problems: problems.map((p) => ({
          path: p.list === list && p.id === after.id ? p.field : `(${p.list} "${p.id}").${p.field}`,
          message: p.message
        }))
      })
    }
  })

/**
 * Checks a delete (already done in the transaction): the records that would be left pointing at it either go with
 * it where the model says they cannot live alone ({@link cascades}; `remove` deletes each, returned for the audit
 * log), or the delete is refused with a `Conflict` naming the referrers.
 */
export const checkDelete = (
  sql: SqlClient.SqlClient,
  organisationId: string,
  kind: string,
  removed: Body,
  remove: (list: string, id: string) => Effect.Effect<void, NotFound | SqlError.SqlError>
) =>
  Effect.gen(function* () {
    const list = lists.get(kind)
    if (list === undefined) return
    const now = yield* load(sql, organisationId)
    const then = copy(now)
    then.get(list)!.set(removed.id, removed)
    for (;;) {
      const problems = fresh(then, now)
      const orphans = problems.filter((p) => cascades.has(`${p.list}.${p.field}`))
      if (orphans.length === 0) {
        if (problems.length === 0) return
        const referrers = [...new Set(problems.map((p) => `${p.list} "${p.id}" (${p.field})`))]
        return yield* new Conflict({
          entity: kind,
          id: removed.id,
          reason: `still referred to by ${referrers.join(", ")}; change or delete ${referrers.length === 1 ? "it" : "them"} first`
        })
      }
      for (const orphan of orphans) {
        if (!now.get(orphan.list)!.has(orphan.id)) continue
        yield* remove(orphan.list, orphan.id)
        const body = now.get(orphan.list)!.get(orphan.id)!
        now.get(orphan.list)!.delete(orphan.id)
        // what was there before the whole delete keeps the orphan, so that its absence is not a new problem
        then.get(orphan.list)!.set(orphan.id, body)
      }
    }
  })

/** The record kind of a workspace list (for cascaded deletes). */
export const kindOf = (list: string): string => [...lists].find(([, l]) => l === list)![0]
