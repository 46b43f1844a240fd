import {
  ActionPlan,
  Actor,
  Call,
  Contact,
  Effort,
  Funding,
  Goal,
  Id,
  IndicatorLink,
  MeetingPlace,
  PhasedProgramme,
  Project,
  Region,
  Strategy,
  StrengthArea,
  Target
} from "@innokraft/domain"
import { Cycle, Idea, Meeting, Outcome, Participation } from "@innokraft/loop"
import { z } from "zod"
import { type Kind, kind } from "./Records.js"

const key = Id.keyPattern.source.slice(1, -1)

/**
 * The id of a loop cycle's child record in the store: the cycle's id and the child's own id joined by one `/`
 * (`"loop-2016/I-17"`), both of the domain's one id grammar; the part before the `/` finds the parent.
 *
 * @since 0.2.0
 */
export const ChildId = z
  .string()
  .regex(new RegExp(`^${key}/${key}$`), { message: 'expected "<cycle id>/<id>", both ids of the one id grammar' })

/**
 * A region (public by default).
 *
 * @since 0.1.0
 */
export const region = kind({ name: "region", workspace: "regions", schema: Region.Region, defaultVisibility: "public" })

/**
 * An actor: a company, university, agency or association (public by default).
 *
 * @since 0.1.0
 */
export const actor = kind({ name: "actor", workspace: "actors", schema: Actor.Actor, defaultVisibility: "public" })

/**
 * A strategy: public once out for consultation, adopted or superseded; a draft stays inside its organisation.
 *
 * @since 0.1.0
 */
export const strategy = kind({
  name: "strategy",
  workspace: "strategies",
  schema: Strategy.Strategy,
  published: ["consultation", "adopted", "superseded"]
})

/**
 * @since 0.1.0
 */
export const goal = kind({ name: "goal", workspace: "goals", schema: Goal.Goal })

/**
 * @since 0.1.0
 */
export const effort = kind({ name: "effort", workspace: "efforts", schema: Effort.Effort })

/**
 * @since 0.1.0
 */
export const strengthArea = kind({
  name: "strength-area",
  workspace: "strengthAreas",
  schema: StrengthArea.StrengthArea
})

/**
 * A project: public once approved, active or completed; ideas, proposals and submissions stay inside.
 *
 * @since 0.1.0
 */
export const project = kind({
  name: "project",
  workspace: "projects",
  schema: Project.Project,
  published: ["approved", "active", "completed"]
})

/**
 * @since 0.1.0
 */
export const programme = kind({ name: "programme", workspace: "programmes", schema: PhasedProgramme.PhasedProgramme })

/**
 * @since 0.1.0
 */
export const funding = kind({ name: "funding", workspace: "fundings", schema: Funding.Funding })

/**
 * A call for proposals (public by default: calls are announcements).
 *
 * @since 0.1.0
 */
export const call = kind({ name: "call", workspace: "calls", schema: Call.Call, defaultVisibility: "public" })

/**
 * @since 0.1.0
 */
export const meetingPlace = kind({
  name: "meeting-place",
  workspace: "meetingPlaces",
  schema: MeetingPlace.MeetingPlace,
  defaultVisibility: "public"
})

/**
 * An action plan: a published policy document (Interreg Europe's action plans are public).
 *
 * @since 0.1.0
 */
export const actionPlan = kind({
  name: "action-plan",
  workspace: "actionPlans",
  schema: ActionPlan.ActionPlan,
  defaultVisibility: "public"
})

/**
 * @since 0.1.0
 */
export const indicatorLink = kind({
  name: "indicator-link",
  workspace: "indicatorLinks",
  schema: IndicatorLink.IndicatorLink
})

/**
 * @since 0.1.0
 */
export const target = kind({ name: "target", workspace: "targets", schema: Target.Target })

/**
 * A contact: personal data, never public.
 *
 * @since 0.1.0
 */
export const contact = kind({ name: "contact", workspace: "contacts", schema: Contact.Contact, personal: true })

/**
 * The domain kinds in the order of the `@innokraft/domain` workspace document, keyed by its list names.
 *
 * @since 0.1.0
 */
export const workspace = {
  regions: region,
  actors: actor,
  strategies: strategy,
  goals: goal,
  efforts: effort,
  strengthAreas: strengthArea,
  projects: project,
  programmes: programme,
  fundings: funding,
  calls: call,
  meetingPlaces: meetingPlace,
  actionPlans: actionPlan,
  indicatorLinks: indicatorLink,
  targets: target,
  contacts: contact
} as const

/**
 * An Innovation Loop cycle (one year, one theme), checked with `@innokraft/loop`'s cycle schema: public once its
 * theme is set (any status after `draft`). Transitions of its ideas go to the `Transitions` service.
 *
 * @since 0.1.0
 */
export const loopCycle = kind({
  name: "loop-cycle",
  schema: Cycle.LoopCycleSchema,
  published: ["themed", "ideation", "prototyping", "implementation", "reporting", "closed"]
})

/**
 * An idea of a loop cycle, checked with `@innokraft/loop`'s idea schema.
 *
 * @since 0.1.0
 */
export const loopIdea = kind({ name: "loop-idea", schema: Idea.IdeaSchema.extend({ id: ChildId }) })

/**
 * A loop meeting (a workshop or session).
 *
 * @since 0.1.0
 */
export const loopMeeting = kind({ name: "loop-meeting", schema: Meeting.MeetingSchema.extend({ id: ChildId }) })

/**
 * A participation in a loop meeting: personal data, never public.
 *
 * @since 0.1.0
 */
export const loopParticipation = kind({
  name: "loop-participation",
  schema: Participation.ParticipationSchema.safeExtend({ id: ChildId }),
  personal: true
})

/**
 * An outcome of a loop cycle (a product, service, process or company).
 *
 * @since 0.1.0
 */
export const loopOutcome = kind({ name: "loop-outcome", schema: Outcome.OutcomeSchema.extend({ id: ChildId }) })

/**
 * Every kind the store knows, by name (domain and loop).
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<Kind<{ readonly id: string }>> = [
  ...Object.values(workspace),
  loopCycle,
  loopIdea,
  loopMeeting,
  loopParticipation,
  loopOutcome
] as unknown as ReadonlyArray<Kind<{ readonly id: string }>>

/**
 * The kind called `name`, or `undefined`.
 *
 * @since 0.1.0
 */
export const byName = (name: string): Kind<{ readonly id: string }> | undefined => all.find((k) => k.name === name)

/**
 * A kind of any body (for code that handles every kind alike).
 *
 * @since 0.1.0
 */
export type AnyKind = Kind<{ readonly id: string }>
