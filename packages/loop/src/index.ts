/**
 * `@innokraft/loop` — the Innovation Loop (Innovationsloopen) of Region Västerbotten as a reusable, auditable
 * process: typed cycles, sub-themes, meetings, participations, ideas, gates, outcomes and supports; pure state
 * machines for the cycle and the idea; merge, split and carry-over with lineage; gate scoring; cycle reports with
 * consent rules and small-cell suppression; Decidim-style JSON and CSV exports.
 *
 * Each concept is a namespace (`Idea`, `Meeting`, …) holding its zod schema (`Idea.IdeaSchema`) and its type
 * (`Idea.Idea`), Effect style.
 *
 * @since 0.1.0
 */

export * as Cycle from "./Cycle.js"
export * as CycleDocument from "./CycleDocument.js"
export * as CycleReport from "./CycleReport.js"
export * as Decidim from "./Decidim.js"
export { DocumentError, type Problem } from "./DocumentError.js"
export * as Example from "./Example.js"
export * as Gate from "./Gate.js"
export * as Handover from "./Handover.js"
export * as Idea from "./Idea.js"
export * as IdeasCsv from "./IdeasCsv.js"
export * as Lifecycle from "./Lifecycle.js"
export * as Lineage from "./Lineage.js"
export * as Meeting from "./Meeting.js"
export * as Outcome from "./Outcome.js"
export * as Participation from "./Participation.js"
export * as Scoring from "./Scoring.js"
export * as Stage from "./Stage.js"
export * as StageTransition from "./StageTransition.js"
export * as SubTheme from "./SubTheme.js"
export * as Support from "./Support.js"
export { TransitionError } from "./TransitionError.js"
