import { z } from "zod"
import * as Id from "./Id.js"
import { Label } from "./Label.js"
import { Period } from "./Period.js"

/**
 * A phase id, unique within its project or programme.
 *
 * @since 0.1.0
 */
export const PhaseId = Id.of("phase")

/**
 * @since 0.1.0
 */
export type PhaseId = z.infer<typeof PhaseId>

/**
 * One phase of a project or programme. Phases are listed in `order` (1, 2, 3, …) and, when dated, follow each other
 * in time.
 *
 * @since 0.1.0
 */
export const Phase = z
  .object({
    id: PhaseId,
    order: z.int().min(1),
    title: Label,
    description: Label.optional(),
    period: Period.optional()
  })
  .meta({ id: "Phase", description: "One phase of a project or programme." })

/**
 * @since 0.1.0
 */
export type Phase = z.infer<typeof Phase>

/**
 * Anything that moves through ordered phases: a project with phases or a phased programme.
 *
 * @since 0.1.0
 */
export interface Phased {
  readonly phases?: ReadonlyArray<Phase> | undefined
  readonly currentPhaseId?: PhaseId | undefined
  /** A cyclic programme starts over after its last phase (the Innovation Loop's yearly cycle). */
  readonly cyclic?: boolean | undefined
}
