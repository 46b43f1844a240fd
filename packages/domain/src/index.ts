/**
 * `@innokraft/domain` — the regional innovation-strategy model: strategies, goals, efforts, strength areas,
 * projects, funding, calls, actors and meeting places as zod schemas, a workspace document with full validation,
 * lifecycle rules, portfolio analysis and interchange formats. Pure TypeScript; runs in browsers too.
 *
 * @since 0.1.0
 */

export * as ActionPlan from "./ActionPlan.js"
export * as Actor from "./Actor.js"
export * as Call from "./Call.js"
export * as Contact from "./Contact.js"
export * as Effort from "./Effort.js"
export * as Examples from "./Examples.js"
export * as EyeRis3 from "./EyeRis3.js"
export * as FollowUp from "./FollowUp.js"
export * as Funding from "./Funding.js"
export * as Goal from "./Goal.js"
export * as Id from "./Id.js"
export { IllegalTransitionError } from "./IllegalTransitionError.js"
export * as IndicatorLink from "./IndicatorLink.js"
export * as Interchange from "./Interchange.js"
export * as JsonSchema from "./JsonSchema.js"
export * as Label from "./Label.js"
export * as Lifecycle from "./Lifecycle.js"
export * as MeetingPlace from "./MeetingPlace.js"
export * as Period from "./Period.js"
export * as Phase from "./Phase.js"
export * as PhasedProgramme from "./PhasedProgramme.js"
export * as Portfolio from "./Portfolio.js"
export * as Problem from "./Problem.js"
export * as Project from "./Project.js"
export * as Region from "./Region.js"
export * as Source from "./Source.js"
export * as Strategy from "./Strategy.js"
export * as StrengthArea from "./StrengthArea.js"
export * as Target from "./Target.js"
export * as Text from "./Text.js"
export * as Workspace from "./Workspace.js"
