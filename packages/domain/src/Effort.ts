import { z } from "zod"
import { ActorId } from "./Actor.js"
import { GoalId } from "./Goal.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"

/**
 * An effort id.
 *
 * @since 0.1.0
 */
export const EffortId = Id.of("effort")

/**
 * @since 0.1.0
 */
export type EffortId = z.infer<typeof EffortId>

/**
 * An effort (insats) under a goal, with the actors who lead it.
 *
 * @since 0.1.0
 */
export const Effort = z
  .object({
    id: EffortId,
    goalId: GoalId,
    order: z.int().min(1).optional(),
    title: Label,
    description: Label.optional(),
    leadActorIds: z.array(ActorId).optional(),
    ...recordFields
  })
  .meta({ id: "Effort", description: "An effort (insats) under a goal." })

/**
 * @since 0.1.0
 */
export type Effort = z.infer<typeof Effort>
