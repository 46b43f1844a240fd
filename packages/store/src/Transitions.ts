import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type { Caller } from "./Caller.js"
import { isInside } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { requireMember, targetOrganisation } from "./internal/rights.js"
import { int, now, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import { type Forbidden, type Invalid, NotFound } from "./StoreError.js"

/**
 * One stage transition of an Innovation Loop cycle or of one of its ideas (append-only history).
 *
 * @since 0.1.0
 */
export interface Transition {
  readonly seq: number
  readonly organisationId: string
  readonly cycleId: string
  /** The idea that moved; absent when the cycle itself moved. */
  readonly ideaId?: string | undefined
  readonly from: string
  readonly to: string
  readonly at: string
  readonly actor: string
  readonly reason?: string | undefined
  /** The full transition as `@innokraft/loop` records it (gate, decision …), if given. */
  readonly body?: unknown
}

/**
 * What {@link Service.append} takes.
 *
 * @since 0.1.0
 */
export interface NewTransition {
  readonly cycleId: string
  readonly ideaId?: string | undefined
  readonly from: string
  readonly to: string
  readonly at?: string | undefined
  readonly reason?: string | undefined
  readonly body?: unknown
}

/**
 * @since 0.1.0
 */
export interface Service {
  /** Appends a transition to a cycle of the caller's organisation (editor or admin); the cycle must exist. */
  readonly append: (
    caller: Caller,
    transition: NewTransition
  ) => Effect.Effect<Transition, Forbidden | Invalid | NotFound | SqlError.SqlError>
  /** A cycle's transitions, oldest first; visible to whoever may see the cycle. */
  readonly list: (
    caller: Caller,
    cycleId: string,
    options?: { readonly organisationId?: string | undefined; readonly ideaId?: string | undefined }
  ) => Effect.Effect<ReadonlyArray<Transition>, NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Transitions extends Context.Tag("@innokraft/store/Transitions")<Transitions, Service>() {}

const toTransition = (row: Record<string, unknown>): Transition => ({
  seq: int(row.seq),
  organisationId: String(row.organisation_id),
  cycleId: String(row.cycle_id),
  ideaId: row.idea_id === null || row.idea_id === undefined ? undefined : String(row.idea_id),
  from: String(row.from_state),
  to: String(row.to_state),
  at: String(row.at),
  actor: String(row.actor),
  reason: row.reason === null || row.reason === undefined ? undefined : String(row.reason),
  body: row.body === null || row.body === undefined ? undefined : parseJson(row.body)
})

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient

  const append: Service["append"] = (caller, input) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "recording a loop transition", "editor")
      const cycleId = yield* Validate.text("transition", input.cycleId, "cycleId", 200)
      const ideaId = input.ideaId === undefined ? null : yield* Validate.text("transition", input.ideaId, "ideaId", 200)
      const from = yield* Validate.text("transition", input.from, "from", 100)
      const to = yield* Validate.text("transition", input.to, "to", 100)
      const reason = input.reason === undefined ? null : yield* Validate.text("transition", input.reason, "reason")
      yield* Validate.hostile("transition", { at: input.at, body: input.body })
      const at = input.at ?? now()
      const body = input.body === undefined ? null : JSON.stringify(input.body)
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const cycle = yield* sql`UPDATE records SET version = version WHERE organisation_id = ${who.organisationId}
            AND kind = 'loop-cycle' AND id = ${cycleId} RETURNING id`
          if (cycle.length === 0) return yield* new NotFound({ entity: "loop-cycle", id: cycleId })
          const rows = yield* sql`INSERT INTO loop_transitions
              (organisation_id, cycle_id, idea_id, from_state, to_state, at, actor, reason, body)
            VALUES (${who.organisationId}, ${cycleId}, ${ideaId}, ${from}, ${to}, ${at}, ${who.actor}, ${reason}, ${body})
            RETURNING seq`
          const transition: Transition = {
            seq: int(rows[0]!.seq),
            organisationId: who.organisationId,
            cycleId,
            ideaId: ideaId ?? undefined,
            from,
            to,
            at,
            actor: who.actor,
            reason: reason ?? undefined,
            body: input.body
          }
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "create",
            entity: "loop-transition",
            entityId: `${cycleId}/${ideaId ?? ""}#${transition.seq}`,
            version: null,
            before: null,
            after: transition
          })
          return transition
        })
      )
    })

  const list: Service["list"] = (caller, cycleId, options = {}) =>
    Effect.gen(function* () {
      const org = targetOrganisation(caller, options.organisationId)
      if (org === undefined) return yield* new NotFound({ entity: "loop-cycle", id: cycleId })
      const cycle = isInside(caller, org)
        ? yield* sql`SELECT id FROM records WHERE organisation_id = ${org} AND kind = 'loop-cycle' AND id = ${cycleId}`
        : yield* sql`SELECT id FROM records WHERE organisation_id = ${org} AND kind = 'loop-cycle' AND id = ${cycleId}
            AND visibility = 'public'`
      if (cycle.length === 0) return yield* new NotFound({ entity: "loop-cycle", id: cycleId })
      const rows =
        options.ideaId === undefined
          ? yield* sql`SELECT * FROM loop_transitions WHERE organisation_id = ${org} AND cycle_id = ${cycleId} ORDER BY seq`
          : yield* sql`SELECT * FROM loop_transitions WHERE organisation_id = ${org} AND cycle_id = ${cycleId}
              AND idea_id = ${options.ideaId} ORDER BY seq`
      return rows.map(toTransition)
    })

  return { append, list }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Transitions, never, SqlClient.SqlClient> = Layer.effect(Transitions, make)
