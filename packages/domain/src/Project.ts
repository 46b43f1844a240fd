import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { Period } from "./Period.js"
import { Phase, PhaseId } from "./Phase.js"

/**
 * A project id, e.g. `"boras-ipb"`.
 *
 * @since 0.1.0
 */
export const ProjectId = Id.of("project")

/**
 * @since 0.1.0
 */
export type ProjectId = z.infer<typeof ProjectId>

/**
 * The lifecycle status of a project, from an idea ahead of a call to a finished project (see `Lifecycle`):
 * `idea → proposal → submitted → approved → active → completed`, with `rejected`, `withdrawn` and `cancelled`.
 *
 * @since 0.1.0
 */
export const Status = z.enum([
  "idea",
  "proposal",
  "submitted",
  "approved",
  "active",
  "completed",
  "rejected",
  "withdrawn",
  "cancelled"
])

/**
 * @since 0.1.0
 */
export type Status = z.infer<typeof Status>

/**
 * What a project link points at.
 *
 * @since 0.1.0
 */
export const LinkKind = z.enum(["goal", "effort", "strengthArea"])

/**
 * @since 0.1.0
 */
export type LinkKind = z.infer<typeof LinkKind>

/**
 * A link from a project to a goal, effort or strength area. `weight` (default 1) splits the project's funding
 * between the links of one kind: a project linked to two strength areas with weights 3 and 1 counts ¾ and ¼.
 *
 * @since 0.1.0
 */
export const Link = z.object({
  kind: LinkKind,
  id: Id.of("goal, effort or strength area"),
  weight: z.number().positive({ message: "expected a positive weight" }).finite().optional()
})

/**
 * @since 0.1.0
 */
export type Link = z.infer<typeof Link>

/**
 * Known external reference systems: Vinnova's diarienummer, Kohesio (EU cohesion projects), Tillväxtverket's Nyps,
 * Interreg project codes.
 *
 * @since 0.1.0
 */
export const ReferenceSystem = z.enum(["vinnova", "kohesio", "nyps", "interreg", "other"])

/**
 * @since 0.1.0
 */
export type ReferenceSystem = z.infer<typeof ReferenceSystem>

/**
 * An id of the project in another system, e.g. `{ system: "vinnova", value: "2015-06046" }`.
 *
 * @since 0.1.0
 */
export const ExternalRef = z.object({
  system: ReferenceSystem,
  value: z.string().min(1),
  url: z.url().optional()
})

/**
 * @since 0.1.0
 */
export type ExternalRef = z.infer<typeof ExternalRef>

/**
 * A project, or an idea or proposal on its way to becoming one: purpose, coordinator and partners, period, status,
 * external references, links to goals / efforts / strength areas, and optional phases.
 *
 * @since 0.1.0
 */
export const Project = z
  .object({
    id: ProjectId,
    title: Label,
    purpose: Label.optional(),
    status: Status,
    coordinatorId: ActorId.optional(),
    partnerIds: z.array(ActorId).optional(),
    period: Period.optional(),
    externalRefs: z.array(ExternalRef).optional(),
    links: z.array(Link).optional(),
    phases: z.array(Phase).optional(),
    currentPhaseId: PhaseId.optional(),
    /** The calls this idea or proposal is aimed at, or that funded the project. */
    callIds: z.array(Id.of("call")).optional(),
    ...recordFields
  })
  .meta({ id: "Project", description: "A project, or an idea or proposal on its way to becoming one." })

/**
 * @since 0.1.0
 */
export type Project = z.infer<typeof Project>
