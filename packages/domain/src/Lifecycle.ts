import { IllegalTransitionError } from "./IllegalTransitionError.js"
import type { Phase, Phased, PhaseId } from "./Phase.js"
import type * as Project from "./Project.js"
import type * as Strategy from "./Strategy.js"

/**
 * The allowed strategy moves: `draft → consultation → adopted → superseded`; a strategy under consultation may go
 * back to draft for revision after the remiss.
 *
 * @since 0.1.0
 */
export const strategyTransitions: Readonly<Record<Strategy.Status, ReadonlyArray<Strategy.Status>>> = {
  draft: ["consultation"],
  consultation: ["draft", "adopted"],
  adopted: ["superseded"],
  superseded: []
}

/**
 * The allowed project moves. An idea becomes a proposal, is submitted to a call, is approved or rejected, runs and
 * completes; a rejected proposal may be reworked for another call; approved and active projects may be cancelled;
 * ideas, proposals and submissions may be withdrawn. `completed`, `withdrawn` and `cancelled` are final.
 *
 * @since 0.1.0
 */
export const projectTransitions: Readonly<Record<Project.Status, ReadonlyArray<Project.Status>>> = {
  idea: ["proposal", "withdrawn"],
  proposal: ["submitted", "withdrawn"],
  submitted: ["approved", "rejected", "withdrawn"],
  approved: ["active", "cancelled"],
  active: ["completed", "cancelled"],
  rejected: ["proposal"],
  completed: [],
  withdrawn: [],
  cancelled: []
}

/**
 * Whether a strategy may move from one status to another.
 *
 * @since 0.1.0
 */
export const canMoveStrategy = (from: Strategy.Status, to: Strategy.Status): boolean =>
  strategyTransitions[from].includes(to)

/**
 * Whether a project may move from one status to another.
 *
 * @since 0.1.0
 */
export const canMoveProject = (from: Project.Status, to: Project.Status): boolean =>
  projectTransitions[from].includes(to)

/** Options of a move: when it happened (sets `updatedAt`). */
export interface MoveOptions {
  /** ISO 8601 date-time of the move. */
  readonly at?: string
}

const stamp = <T extends object>(record: T, options: MoveOptions): T =>
  options.at === undefined ? record : { ...record, updatedAt: options.at }

/**
 * The strategy in its new status, or an {@link IllegalTransitionError}.
 *
 * @example
 * ```ts
 * Lifecycle.moveStrategy(draft, "consultation") // ok
 * Lifecycle.moveStrategy(draft, "adopted") // throws: strategy "x" cannot move from "draft" to "adopted": expected one of "consultation"
 * ```
 * @since 0.1.0
 */
export const moveStrategy = (
  strategy: Strategy.Strategy,
  to: Strategy.Status,
  options: MoveOptions = {}
): Strategy.Strategy => {
  if (!canMoveStrategy(strategy.status, to)) {
    throw new IllegalTransitionError("strategy", strategy.id, strategy.status, to, strategyTransitions[strategy.status])
  }
  return stamp({ ...strategy, status: to }, options)
}

/**
 * The project in its new status, or an {@link IllegalTransitionError}.
 *
 * @since 0.1.0
 */
export const moveProject = (
  project: Project.Project,
  to: Project.Status,
  options: MoveOptions = {}
): Project.Project => {
  if (!canMoveProject(project.status, to)) {
    throw new IllegalTransitionError("project", project.id, project.status, to, projectTransitions[project.status])
  }
  return stamp({ ...project, status: to }, options)
}

const sortedPhases = (phased: Phased): ReadonlyArray<Phase> =>
  [...(phased.phases ?? [])].sort((a, b) => a.order - b.order)

/**
 * The phase that comes after the current one: the first phase when none is current; for a cyclic programme the
 * first phase again after the last; `undefined` after the last phase of a non-cyclic one.
 *
 * @since 0.1.0
 */
export const nextPhase = (phased: Phased): Phase | undefined => {
  const phases = sortedPhases(phased)
  if (phased.currentPhaseId === undefined) return phases[0]
  const i = phases.findIndex((p) => p.id === phased.currentPhaseId)
  if (i < 0) return undefined
  if (i + 1 < phases.length) return phases[i + 1]
  return phased.cyclic ? phases[0] : undefined
}

/**
 * Moves a project or programme to a phase. Only the next phase is allowed ({@link nextPhase}): phases cannot be
 * skipped or gone back to, and an unknown phase is refused. Throws an {@link IllegalTransitionError} naming the
 * allowed phase.
 *
 * @since 0.1.0
 */
export const moveToPhase = <T extends Phased & { readonly id: string }>(
  phased: T,
  phaseId: PhaseId,
  options: MoveOptions = {}
): T => {
  const next = nextPhase(phased)
  if (next === undefined || next.id !== phaseId) {
    throw new IllegalTransitionError(
      "phase of",
      phased.id,
      phased.currentPhaseId ?? "(not started)",
      phaseId,
      next === undefined ? [] : [next.id]
    )
  }
  return stamp({ ...phased, currentPhaseId: phaseId }, options)
}

/**
 * Moves a project or programme on to its {@link nextPhase}, or throws an {@link IllegalTransitionError} when it is
 * in its last phase (non-cyclic) or has no phases.
 *
 * @since 0.1.0
 */
export const advancePhase = <T extends Phased & { readonly id: string }>(phased: T, options: MoveOptions = {}): T => {
  const next = nextPhase(phased)
  if (next === undefined) {
    throw new IllegalTransitionError("phase of", phased.id, phased.currentPhaseId ?? "(not started)", "(next)", [])
  }
  return moveToPhase(phased, next.id, options)
}
