import type { Label } from "@innokraft/reference"

/**
 * The four gates of an idea's forward path (domain.md §8.4).
 *
 * - `G0` need and scope check: problem formulated → idea
 * - `G1` selection, the "strongest contributions are sent on": idea → concept
 * - `G2` prototype review, an owner or receiver is identified: prototype → pilot
 * - `G3` pilot evaluation, funding or an organisation is secured: pilot → implemented | company formed
 *
 * @since 0.1.0
 */
export type GateId = "G0" | "G1" | "G2" | "G3"

/**
 * The gate identifiers in order.
 *
 * @since 0.1.0
 */
export const ids: ReadonlyArray<GateId> = ["G0", "G1", "G2", "G3"]

/**
 * A criterion a gate is judged on. Juries score each criterion; `weight` is its share of the total score.
 *
 * @since 0.1.0
 */
export interface Criterion {
  readonly key: string
  readonly label: Label
  readonly weight: number
}

/**
 * A gate: its label, how it is usually decided and the criteria it is judged on.
 *
 * @since 0.1.0
 */
export interface Gate {
  readonly id: GateId
  readonly label: Label
  /** Who usually decides: a jury on criteria, or participants by support (G1 may be a public vote or pitch). */
  readonly decidedBy: ReadonlyArray<"jury" | "participants" | "facilitators">
  readonly criteria: ReadonlyArray<Criterion>
}

const criterion = (key: string, sv: string, en: string, weight: number): Criterion => ({
  key,
  label: { sv, en },
  weight
})

/**
 * The gates with their default criteria. The criteria follow the gate descriptions in domain.md §8.4 and §1.6 (ideas
 * must start from a need; the strongest contributions are sent on; a prototype needs an owner or receiver; a pilot
 * needs funding or an organisation). A region may score on its own criteria: {@link Scoring} takes any criterion list.
 *
 * @since 0.1.0
 */
export const all: Readonly<Record<GateId, Gate>> = {
  G0: {
    id: "G0",
    label: { sv: "Behov och avgränsning", en: "Need and scope check" },
    decidedBy: ["facilitators", "jury"],
    criteria: [
      criterion("need", "Utgår från ett verkligt behov", "Starts from a real need", 0.5),
      criterion("scope", "Ryms i årets tema och undertema", "Fits the theme and sub-theme", 0.5)
    ]
  },
  G1: {
    id: "G1",
    label: { sv: "Urval av de starkaste bidragen", en: "Selection of the strongest contributions" },
    decidedBy: ["jury", "participants"],
    criteria: [
      criterion("need", "Behovets styrka", "Strength of the need", 0.3),
      criterion("novelty", "Nyhet", "Novelty", 0.25),
      criterion("feasibility", "Genomförbarhet", "Feasibility", 0.25),
      criterion("team", "Blandat och engagerat team", "Mixed and committed team", 0.2)
    ]
  },
  G2: {
    id: "G2",
    label: { sv: "Prototypgranskning: ägare eller mottagare", en: "Prototype review: owner or receiver identified" },
    decidedBy: ["jury", "facilitators"],
    criteria: [
      criterion("owner", "Ägare eller mottagare finns", "Owner or receiver identified", 0.4),
      criterion("tested", "Prototypen är testad med användare", "Prototype tested with users", 0.3),
      criterion("value", "Nytta för användarna", "Value to users", 0.3)
    ]
  },
  G3: {
    id: "G3",
    label: { sv: "Pilotutvärdering: finansiering eller organisation", en: "Pilot evaluation: funding or organisation" },
    decidedBy: ["jury", "facilitators"],
    criteria: [
      criterion("funding", "Finansiering säkrad", "Funding secured", 0.4),
      criterion("organisation", "Organisation eller bolag på plats", "Organisation or company in place", 0.3),
      criterion("evidence", "Pilotens resultat", "Evidence from the pilot", 0.3)
    ]
  }
}

/**
 * The gate with an id.
 *
 * @since 0.1.0
 */
export const get = (id: GateId): Gate => all[id]
