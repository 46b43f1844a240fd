import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { Period } from "./Period.js"
import { Phase, PhaseId } from "./Phase.js"
import { ProjectId } from "./Project.js"

/**
 * A programme id, e.g. `"boras-ipb-platform"`.
 *
 * @since 0.1.0
 */
export const PhasedProgrammeId = Id.of("programme")

/**
 * @since 0.1.0
 */
export type PhasedProgrammeId = z.infer<typeof PhasedProgrammeId>

/**
 * A platform or programme that moves through an ordered set of phases, with a current phase: Innovationsplattform
 * Borås's four phases, or the Innovation Loop's yearly cycle (`cyclic: true`).
 *
 * @since 0.1.0
 */
export const PhasedProgramme = z
  .object({
    id: PhasedProgrammeId,
    name: Label,
    description: Label.optional(),
    ownerId: ActorId.optional(),
    funderIds: z.array(ActorId).optional(),
    projectIds: z.array(ProjectId).optional(),
    period: Period.optional(),
    cyclic: z.boolean().optional(),
    phases: z.array(Phase).min(1, { message: "expected at least one phase" }),
    currentPhaseId: PhaseId.optional(),
    ...recordFields
  })
  .meta({ id: "PhasedProgramme", description: "A programme or platform with ordered phases." })

/**
 * @since 0.1.0
 */
export type PhasedProgramme = z.infer<typeof PhasedProgramme>
