import type { Label } from "@innokraft/reference"
import { type LoopCycle, nextStatus, order, type Status } from "./Cycle.js"
import type { CycleDocument } from "./CycleDocument.js"
import * as Gate from "./Gate.js"
import { type Idea, state } from "./Idea.js"
import { instantMs, strictInstantMs } from "./internal/schemas.js"
import {
  type ForwardStage,
  gateOf,
  isEnd,
  isForward,
  isState,
  next,
  operationOnly,
  rank,
  type State,
  states
} from "./Stage.js"
import type { StageTransition } from "./StageTransition.js"
import { TransitionError } from "./TransitionError.js"

/**
 * A requested move of one idea: the CLI's `innokraft loop advance <cycle.json> --idea ID --to STAGE --by WHO
 * --reason TEXT`. `to` is a state name (`concept`, `parked`, `dropped`, …); `at` an ISO date or date-time.
 *
 * @since 0.1.0
 */
export interface Move {
  readonly idea: string
  readonly to: string
  readonly by: string
  readonly reason: string
  readonly at: string
  /** Criterion key → score at the gate, checked against the gate's criteria. */
  readonly scores?: Readonly<Record<string, number>>
  /** The meeting where the decision was taken. */
  readonly meetingId?: string
}

/**
 * The earliest cycle status in which an idea may reach a forward stage: ideas and concepts come out of the spring
 * idea workshops, prototypes out of the June prototyping workshops, pilots and implementations out of the autumn
 * implementation phase (domain.md §1.2, §8.4).
 *
 * @since 0.1.0
 */
export const earliestCycleStatus: Readonly<Record<ForwardStage, Status>> = {
  problem_formulated: "themed",
  idea: "ideation",
  concept: "ideation",
  prototype: "prototyping",
  pilot: "implementation",
  implemented: "implementation",
  company_formed: "implementation"
}

/**
 * The states {@link advance} can move an idea to from where it is now (the operation-only side states `merged`,
 * `split` and `carried_over` are not included: they go through {@link Lineage}). Empty for a finished idea.
 *
 * @since 0.1.0
 */
export const targets = (idea: Pick<Idea, "stage" | "status">): ReadonlyArray<State> => {
  if (idea.status === "parked") return [idea.stage, "dropped", "handed_over"]
  if (idea.status !== "active" || isEnd(idea.stage)) return []
  return [...next(idea.stage), "parked", "dropped", "handed_over"]
}

const refuse = (idea: string, from: string, to: string, reason: string, allowed: ReadonlyArray<string>): never => {
  throw new TransitionError(`idea "${idea}"`, from, to, reason, allowed)
}

const lastTransitionAt = (doc: CycleDocument, ideaId: string): number => {
  let last = Number.NEGATIVE_INFINITY
  for (const t of doc.transitions) if (t.ideaId === ideaId) last = Math.max(last, instantMs(t.at))
  return last
}

/**
 * Checks a move without applying it and returns the {@link StageTransition} it would record. Throws a
 * {@link TransitionError} naming the reason and the allowed moves when the move is illegal: an unknown idea or
 * state, a finished idea, a move backwards or past a stage, an operation-only state, a stage the cycle has not
 * reached yet, a closed cycle, a missing `by`/`reason`, a time before the idea's last move, or a score for a
 * criterion the gate does not have.
 *
 * @since 0.1.0
 */
export const plan = (doc: CycleDocument, move: Move): StageTransition => {
  const idea = doc.ideas.find((i) => i.id === move.idea)
  if (idea === undefined) {
    const known = doc.ideas.map((i) => i.id)
    return refuse(
      move.idea,
      "(none)",
      move.to,
      `cycle "${doc.cycle.id}" has no such idea` +
        (known.length > 0 ? ` (ideas: ${known.slice(0, 20).join(", ")}${known.length > 20 ? ", …" : ""})` : ""),
      []
    )
  }
  const from = state(idea)
  const allowed = targets(idea)
  const no = (reason: string): never => refuse(idea.id, from, move.to, reason, allowed)
  if (!isState(move.to)) return no(`"${move.to}" is not a state; states are ${states.join(", ")}`)
  const to: State = move.to
  if (move.by.trim() === "") return no("a move needs who decided it (by)")
  if (move.reason.trim() === "") return no("a move needs a reason, the rationale that documents the decision")
  const at = strictInstantMs(move.at)
  if (Number.isNaN(at)) return no(`"${move.at}" is not an ISO date or date-time`)
  if (at < lastTransitionAt(doc, idea.id)) return no(`${move.at} is before the idea's last recorded move`)
  if (doc.cycle.status === "closed") return no(`cycle "${doc.cycle.id}" is closed`)
  if ((operationOnly as ReadonlyArray<string>).includes(to)) {
    const op = to === "merged" ? "Lineage.merge" : to === "split" ? "Lineage.split" : "Lineage.carryOver"
    return no(`"${to}" changes other ideas too and is done with ${op}`)
  }
  if (allowed.length === 0) return no(`the idea is finished ("${from}")`)
  if (to === from) return no(`the idea is already "${from}"`)
  if (isForward(to)) {
    if (idea.status === "parked" && to !== idea.stage) {
      return no(`a parked idea resumes at its stage "${idea.stage}" first`)
    }
    if (idea.status === "active") {
      if (rank(to) <= rank(idea.stage)) return no(`ideas never move back ("${to}" is not after "${idea.stage}")`)
      if (!next(idea.stage).includes(to)) {
        return no(
          `it must pass ${next(idea.stage)
            .map((s) => `"${s}"`)
            .join(" or ")} first`
        )
      }
      const needed = earliestCycleStatus[to]
      if (order(doc.cycle.status) < order(needed)) {
        return no(`the cycle is in "${doc.cycle.status}"; "${to}" is possible from "${needed}" on`)
      }
    }
  }
  const gate = idea.status === "active" && isForward(to) ? gateOf(idea.stage, to) : null
  if (move.scores !== undefined) {
    if (gate === null) return no("scores are recorded only for moves through a gate")
    const keys = Gate.get(gate).criteria.map((c) => c.key)
    for (const key of Object.keys(move.scores)) {
      if (!keys.includes(key)) return no(`gate ${gate} has no criterion "${key}" (criteria: ${keys.join(", ")})`)
    }
  }
  if (move.meetingId !== undefined && !doc.meetings.some((m) => m.id === move.meetingId)) {
    return no(`no meeting "${move.meetingId}" in this cycle`)
  }
  const decision = isForward(to)
    ? idea.status === "parked"
      ? "resumed"
      : gate === null
        ? "advanced"
        : `passed ${gate}`
    : to.replace("_", " ")
  return {
    ideaId: idea.id,
    from,
    to,
    at: move.at,
    gate,
    decision,
    decidedBy: move.by,
    rationale: move.reason,
    ...(move.scores !== undefined ? { criteriaScores: { ...move.scores } } : {}),
    ...(move.meetingId !== undefined ? { meetingId: move.meetingId } : {})
  }
}

/**
 * Applies a recorded transition to an idea (internal to the operations; assumes the transition was planned).
 */
const apply = (idea: Idea, t: StageTransition): Idea => {
  if (isForward(t.to)) return { ...idea, stage: t.to, status: "active" }
  const updated: Idea = { ...idea, status: t.to as Exclude<State, ForwardStage> }
  if (t.to === "dropped") updated.dropReason = t.rationale
  return updated
}

/**
 * Moves one idea and returns a new document with the idea's new state and the {@link StageTransition} appended to
 * the audit trail. The input is never changed; an illegal move throws a {@link TransitionError} (see {@link plan}).
 *
 * @example
 * ```ts
 * const next = Lifecycle.advance(doc, {
 *   idea: "I-04", to: "concept", by: "jury", reason: "Strongest pitch of the Lycksele idea workshop", at: "2016-05-12"
 * })
 * ```
 * @since 0.1.0
 */
export const advance = (doc: CycleDocument, move: Move): CycleDocument => {
  const transition = plan(doc, move)
  return {
    ...doc,
    ideas: doc.ideas.map((idea) => (idea.id === transition.ideaId ? apply(idea, transition) : idea)),
    transitions: [...doc.transitions, transition]
  }
}

/**
 * A requested move of the cycle to its next status.
 *
 * @since 0.1.0
 */
export interface CycleMove {
  readonly to: string
  readonly by: string
  readonly reason: string
  readonly at: string
  /** Sets the theme when moving to `themed` (required then unless the cycle already has one). */
  readonly theme?: Label
}

/**
 * Moves the cycle one status forward (draft → themed → ideation → prototyping → implementation → reporting →
 * closed) and records the move in `cycle.history`. Guards: `themed` needs a theme; `ideation` at least one
 * sub-theme; `prototyping` at least one idea sent on through G1 (at `concept` or beyond); `closed` no active idea
 * still on its path (park, drop, hand over or carry them over first). Anything else — skipping, going back, moving a
 * closed cycle — throws a {@link TransitionError}. The input is never changed.
 *
 * @since 0.1.0
 */
export const advanceCycle = (doc: CycleDocument, move: CycleMove): CycleDocument => {
  const cycle = doc.cycle
  const expected = nextStatus(cycle.status)
  const no = (reason: string): never => {
    throw new TransitionError(`cycle "${cycle.id}"`, cycle.status, move.to, reason, expected === null ? [] : [expected])
  }
  if (expected === null) return no("the cycle is closed")
  if (move.to !== expected) {
    const known = (["draft", "themed", "ideation", "prototyping", "implementation", "reporting", "closed"] as const)
      .map(String)
      .includes(move.to)
    if (!known) return no(`"${move.to}" is not a cycle status`)
    return no(
      order(move.to as Status) <= order(cycle.status)
        ? "a cycle never moves back"
        : `a cycle moves one phase at a time and "${expected}" comes first`
    )
  }
  if (move.by.trim() === "" || move.reason.trim() === "") return no("a move needs who decided it (by) and a reason")
  if (Number.isNaN(strictInstantMs(move.at))) return no(`"${move.at}" is not an ISO date or date-time`)
  const last = cycle.history.at(-1)
  if (last !== undefined && instantMs(move.at) < instantMs(last.at)) return no(`${move.at} is before the last move`)
  const theme = move.theme ?? cycle.theme
  if (expected === "themed" && theme === undefined) return no("the cycle needs a theme { sv, en }")
  if (expected === "ideation" && doc.subThemes.length === 0) {
    return no("no sub-theme or problem formulation has been collected")
  }
  if (expected === "prototyping" && !doc.ideas.some((i) => rank(i.stage) >= rank("concept"))) {
    return no("gate G1 has sent no idea on to concept")
  }
  if (expected === "closed") {
    const open = doc.ideas.filter((i) => i.status === "active" && !isEnd(i.stage)).map((i) => i.id)
    if (open.length > 0) {
      return no(
        `${open.length} idea${open.length === 1 ? " is" : "s are"} still active (${open.slice(0, 10).join(", ")}); ` +
          "park, drop, hand over or carry them over first"
      )
    }
  }
  const updated: LoopCycle = {
    ...cycle,
    status: expected,
    history: [...cycle.history, { from: cycle.status, to: expected, at: move.at, by: move.by, reason: move.reason }]
  }
  if (theme !== undefined) updated.theme = theme
  return { ...doc, cycle: updated }
}
