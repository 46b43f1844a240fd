import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { Period } from "./Period.js"
import { ProjectId } from "./Project.js"
import { StrategyId } from "./Strategy.js"

/**
 * An action-plan id.
 *
 * @since 0.1.0
 */
export const ActionPlanId = Id.of("action plan")

/**
 * @since 0.1.0
 */
export type ActionPlanId = z.infer<typeof ActionPlanId>

/**
 * The policy instrument an action plan sets out to change (Interreg Europe's term): usually an ERDF or ESF programme
 * of the region.
 *
 * @since 0.1.0
 */
export const PolicyInstrument = z
  .object({
    name: Label,
    /** The fund behind it, e.g. `"ERDF"`. */
    fund: z.string().min(1).optional(),
    /** The programme area as a NUTS code, e.g. `"SE33"` (Upper Norrland). */
    nutsCode: z.string().min(2).max(5).optional()
  })
  .meta({ id: "PolicyInstrument", description: "The policy instrument an action plan sets out to change." })

/**
 * @since 0.1.0
 */
export type PolicyInstrument = z.infer<typeof PolicyInstrument>

/**
 * One action of a plan: what is done, by whom, when.
 *
 * @since 0.1.0
 */
export const Action = z
  .object({
    id: Id.of("action"),
    title: Label,
    description: Label.optional(),
    /** The players involved (Interreg Europe's "players involved"). */
    actorIds: z.array(ActorId).default([]),
    timeframe: Period.optional()
  })
  .meta({ id: "Action", description: "One action of an action plan." })

/**
 * @since 0.1.0
 */
export type Action = z.infer<typeof Action>

/**
 * An action plan (handlingsplan): how a region will use what it learnt, often in an interregional project such as
 * OSIRIS, to change a policy instrument, in a few numbered actions. Region Västerbotten's "Towards an Innovation
 * Loop express for regional development" (2018–2020) is one.
 *
 * @since 0.1.0
 */
export const ActionPlan = z
  .object({
    id: ActionPlanId,
    title: Label,
    /** The organisation that wrote it and carries it out. */
    ownerId: ActorId,
    period: Period.optional(),
    /** The project it came out of (e.g. an Interreg Europe project). */
    projectId: ProjectId.optional(),
    /** The strategies it serves. */
    strategyIds: z.array(StrategyId).default([]),
    policyInstrument: PolicyInstrument.optional(),
    actions: z.array(Action).min(1, { message: "expected at least one action" }),
    ...recordFields
  })
  .meta({ id: "ActionPlan", description: "An action plan to change a policy instrument, in numbered actions." })

/**
 * @since 0.1.0
 */
export type ActionPlan = z.infer<typeof ActionPlan>
