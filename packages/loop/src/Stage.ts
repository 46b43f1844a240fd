import type { Label } from "@innokraft/reference"
import type { GateId } from "./Gate.js"

/**
 * The forward stages of an idea, from a formulated need to an implemented result or a formed company
 * (domain.md §8.4). `implemented` and `company_formed` are the two alternative ends of the path.
 *
 * @since 0.1.0
 */
export type ForwardStage =
  | "problem_formulated"
  | "idea"
  | "concept"
  | "prototype"
  | "pilot"
  | "implemented"
  | "company_formed"

/**
 * The side states an idea can leave its path for. `parked` is resumable; the others end the idea in this cycle
 * (`carried_over` continues it as a new idea in the next cycle, `merged`/`split` continue it as other ideas).
 *
 * @since 0.1.0
 */
export type SideState = "parked" | "merged" | "split" | "dropped" | "handed_over" | "carried_over"

/**
 * Where an idea is: a forward stage while it is active, otherwise its side state. The `from` and `to` of every
 * {@link StageTransition} are states.
 *
 * @since 0.1.0
 */
export type State = ForwardStage | SideState

/**
 * The forward stages in order; `implemented` and `company_formed` share the last rank.
 *
 * @since 0.1.0
 */
export const forward: ReadonlyArray<ForwardStage> = [
  "problem_formulated",
  "idea",
  "concept",
  "prototype",
  "pilot",
  "implemented",
  "company_formed"
]

/**
 * The side states.
 *
 * @since 0.1.0
 */
export const side: ReadonlyArray<SideState> = ["parked", "merged", "split", "dropped", "handed_over", "carried_over"]

/**
 * Every state.
 *
 * @since 0.1.0
 */
export const states: ReadonlyArray<State> = [...forward, ...side]

/**
 * Labels of every state.
 *
 * @since 0.1.0
 */
export const labels: Readonly<Record<State, Label>> = {
  problem_formulated: { sv: "Problemformulering", en: "Problem formulated" },
  idea: { sv: "Idé", en: "Idea" },
  concept: { sv: "Koncept", en: "Concept" },
  prototype: { sv: "Prototyp", en: "Prototype" },
  pilot: { sv: "Pilot", en: "Pilot" },
  implemented: { sv: "Implementerad", en: "Implemented" },
  company_formed: { sv: "Bolagiserad", en: "Company formed" },
  parked: { sv: "Parkerad", en: "Parked" },
  merged: { sv: "Sammanslagen", en: "Merged" },
  split: { sv: "Delad", en: "Split" },
  dropped: { sv: "Avslutad", en: "Dropped" },
  handed_over: { sv: "Överlämnad", en: "Handed over" },
  carried_over: { sv: "Överförd till nästa loop", en: "Carried over to the next cycle" }
}

/**
 * Whether a string is a state.
 *
 * @since 0.1.0
 */
export const isState = (value: string): value is State => (states as ReadonlyArray<string>).includes(value)

/**
 * Whether a state is a forward stage.
 *
 * @since 0.1.0
 */
export const isForward = (state: State): state is ForwardStage => (forward as ReadonlyArray<string>).includes(state)

/**
 * The rank of a forward stage on the path: 0 for `problem_formulated` … 5 for `implemented` and `company_formed`.
 *
 * @since 0.1.0
 */
export const rank = (stage: ForwardStage): number => (stage === "company_formed" ? 5 : forward.indexOf(stage))

/**
 * Whether a forward stage ends the path.
 *
 * @since 0.1.0
 */
export const isEnd = (stage: ForwardStage): boolean => stage === "implemented" || stage === "company_formed"

/**
 * The forward stages that follow a stage directly (none after the end, two after `pilot`).
 *
 * @since 0.1.0
 */
export const next = (stage: ForwardStage): ReadonlyArray<ForwardStage> => {
  switch (stage) {
    case "problem_formulated":
      return ["idea"]
    case "idea":
      return ["concept"]
    case "concept":
      return ["prototype"]
    case "prototype":
      return ["pilot"]
    case "pilot":
      return ["implemented", "company_formed"]
    default:
      return []
  }
}

/**
 * The gate a forward move passes, or `null` for the ungated move concept → prototype (the prototyping workshop
 * itself). Only direct forward moves have a gate.
 *
 * @since 0.1.0
 */
export const gateOf = (from: ForwardStage, to: ForwardStage): GateId | null => {
  if (from === "problem_formulated" && to === "idea") return "G0"
  if (from === "idea" && to === "concept") return "G1"
  if (from === "prototype" && to === "pilot") return "G2"
  if (from === "pilot" && (to === "implemented" || to === "company_formed")) return "G3"
  return null
}

/**
 * Side states that only an operation can enter, because they create or change other ideas: `merged`
 * ({@link Lineage.merge}), `split` ({@link Lineage.split}) and `carried_over` ({@link Lineage.carryOver}).
 *
 * @since 0.1.0
 */
export const operationOnly: ReadonlyArray<SideState> = ["merged", "split", "carried_over"]
