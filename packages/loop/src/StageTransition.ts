import { z } from "zod"
import type { GateId } from "./Gate.js"
import { IdSchema, InstantSchema } from "./internal/schemas.js"
import { type State, states } from "./Stage.js"

const StateSchema = z.enum(states as [State, ...State[]])

/**
 * The record of one move of one idea: from which state to which, at which gate, decided by whom, why, and on which
 * criterion scores. This is the audit trail that makes "documentation of the co-creative progress" concrete.
 *
 * @since 0.1.0
 */
export const StageTransitionSchema = z.object({
  ideaId: IdSchema,
  from: StateSchema,
  to: StateSchema,
  at: InstantSchema,
  gate: z.enum(["G0", "G1", "G2", "G3"] as [GateId, ...GateId[]]).nullable(),
  /** `advanced` for forward moves, otherwise the side state's verb, e.g. `parked`, `dropped`, `resumed`. */
  decision: z.string().min(1),
  decidedBy: z.string().min(1),
  rationale: z.string().min(1),
  /** Criterion key → score (for jury gates), e.g. `{ need: 4, novelty: 3 }`. */
  criteriaScores: z.record(z.string(), z.number()).optional(),
  meetingId: IdSchema.optional(),
  /** Other ideas the move concerns: the merge target, split children, the carried-over copy. */
  relatedIdeaIds: z.array(IdSchema).optional()
})

/**
 * A stage transition.
 *
 * @since 0.1.0
 */
export type StageTransition = z.infer<typeof StageTransitionSchema>
