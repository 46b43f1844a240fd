import { z } from "zod"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { StrategyId } from "./Strategy.js"

/**
 * A goal id, e.g. `"vasterbotten-ris-2022-goal-1"`.
 *
 * @since 0.1.0
 */
export const GoalId = Id.of("goal")

/**
 * @since 0.1.0
 */
export type GoalId = z.infer<typeof GoalId>

/**
 * An overarching goal (övergripande mål) of a strategy, in the strategy's order.
 *
 * @since 0.1.0
 */
export const Goal = z
  .object({
    id: GoalId,
    strategyId: StrategyId,
    order: z.int().min(1),
    title: Label,
    description: Label.optional(),
    ...recordFields
  })
  .meta({ id: "Goal", description: "A goal of a strategy." })

/**
 * @since 0.1.0
 */
export type Goal = z.infer<typeof Goal>
