import { CycleDocument, type StageTransition } from "@innokraft/loop"
import type { Stored, Transitions, Visibility } from "@innokraft/store"

/**
 * How the API keeps a cycle document in the store, which has kinds for the cycle, ideas, meetings, participations
 * and outcomes but not for sub-themes, supports and zones:
 * - the cycle as a `loop-cycle` record (its id);
 * - each idea, meeting, participation and outcome as a record of its kind whose id is `<cycleId>/<own id>`;
 * - each idea's stage transition as a row of the store's transitions (body = the loop's `StageTransition`);
 * - sub-themes, zones, supports and the synthetic flag as one cycle-level transition row from `parts` to `parts`
 *   (the latest wins). Supports name pseudonymous people, so they are only returned inside the organisation.
 */
export const partsState = "parts"

export const childKinds = {
  ideas: "loop-idea",
  meetings: "loop-meeting",
  participations: "loop-participation",
  outcomes: "loop-outcome"
} as const

export type ChildList = keyof typeof childKinds

export const prefixed = (cycleId: string, id: string): string => `${cycleId}/${id}`

/** The cycle a child record belongs to: the part of its id before the one `/` (ids hold no other `/`). */
export const parentOf = (id: string): string | undefined => {
  const slash = id.indexOf("/")
  return slash < 0 ? undefined : id.slice(0, slash)
}

export const unprefixed = (cycleId: string, id: string): string =>
  parentOf(id) === cycleId ? id.slice(cycleId.length + 1) : id

export interface Parts {
  readonly synthetic: boolean
  readonly subThemes: CycleDocument.CycleDocument["subThemes"]
  readonly supports: CycleDocument.CycleDocument["supports"]
  readonly zones?: CycleDocument.CycleDocument["zones"]
}

export const partsOf = (doc: CycleDocument.CycleDocument): Parts => ({
  synthetic: doc.synthetic,
  subThemes: doc.subThemes,
  supports: doc.supports,
  ...(doc.zones === undefined ? {} : { zones: doc.zones })
})

/** The records of a cycle document: `[kind, body]` with prefixed child ids, the cycle first. */
export const recordsOf = (
  doc: CycleDocument.CycleDocument
): ReadonlyArray<{ readonly kind: string; readonly id: string; readonly body: { readonly id: string } }> => {
  const out: Array<{ kind: string; id: string; body: { readonly id: string } }> = [
    { kind: "loop-cycle", id: doc.cycle.id, body: doc.cycle }
  ]
  for (const [list, kind] of Object.entries(childKinds) as Array<[ChildList, string]>) {
    for (const child of doc[list]) {
      const id = prefixed(doc.cycle.id, child.id)
      out.push({ kind, id, body: { ...child, id } })
    }
  }
  return out
}

/** The transitions of a cycle document as store rows (the stage transitions, then the parts). */
export const transitionsOf = (doc: CycleDocument.CycleDocument) => [
  ...doc.transitions.map((t) => ({
    cycleId: doc.cycle.id,
    ideaId: t.ideaId,
    from: t.from,
    to: t.to,
    at: t.at,
    reason: t.rationale,
    body: t as unknown
  })),
  {
    cycleId: doc.cycle.id,
    ideaId: undefined as string | undefined,
    from: partsState,
    to: partsState,
    at: new Date().toISOString(),
    reason: "cycle document parts",
    body: partsOf(doc) as unknown
  }
]

/** The visibility the API gives a seeded or posted child record (participations are personal and stay inside). */
export const childVisibility = (kind: string, cycleVisibility: Visibility): Visibility =>
  kind === "loop-participation" ? "organisation" : cycleVisibility

/**
 * Reassembles a cycle document from the store, from the cycle's own child records. Participations, supports and idea
 * teams are left out unless `inside`.
 */
export const assemble = (
  cycle: Stored<{ readonly id: string }>,
  children: Readonly<Record<ChildList, ReadonlyArray<Stored<{ readonly id: string }>>>>,
  transitions: ReadonlyArray<Transitions.Transition>,
  inside: boolean
): CycleDocument.CycleDocument => {
  const cycleId = cycle.id
  const own = (list: ChildList) => children[list].map((r) => ({ ...(r.body as object), id: unprefixed(cycleId, r.id) }))
  let parts: Parts = { synthetic: false, subThemes: [], supports: [] }
  const stage: Array<StageTransition.StageTransition> = []
  for (const t of transitions) {
    if (t.ideaId === undefined) {
      if (t.from === partsState && t.to === partsState && t.body !== undefined) parts = t.body as Parts
    } else if (t.body !== undefined) {
      stage.push(t.body as StageTransition.StageTransition)
    }
  }
  // Shape only: the referential checks ran when the document was written, and an outsider's view lacks the
  // participations and supports they would cross-check.
  return CycleDocument.CycleDocumentSchema.parse({
    format: CycleDocument.FORMAT,
    version: 1,
    synthetic: parts.synthetic,
    cycle: cycle.body,
    subThemes: parts.subThemes,
    meetings: own("meetings"),
    participations: inside ? own("participations") : [],
    // An idea's team names participants (pseudonymously): personal, so only inside the organisation.
    ideas: inside ? own("ideas") : own("ideas").map((idea) => ({ ...idea, team: [] })),
    transitions: stage,
    outcomes: own("outcomes"),
    supports: inside ? parts.supports : [],
    ...(parts.zones === undefined ? {} : { zones: parts.zones })
  })
}
