import type { Cycle, CycleDocument, Idea, Stage } from "../src/index.js"

/** A minimal valid document with one sub-theme, one meeting and the given ideas. */
export const docWith = (
  ideas: ReadonlyArray<Partial<Idea.Idea> & { id: string }>,
  status: Cycle.Status = "implementation"
): CycleDocument.CycleDocument => ({
  format: "innokraft-loop-cycle",
  version: 1,
  synthetic: true,
  cycle: {
    id: "c-test",
    year: 2020,
    theme: { sv: "Test", en: "Test" },
    organiser: "Synthetic organiser",
    status,
    history: []
  },
  subThemes: [
    {
      id: "ST1",
      title: { sv: "Syntetiskt", en: "Synthetic" },
      problemFormulation: "Synthetic problem",
      proposedBy: { actor: "Synthetic actor", helix: "public" },
      strengthAreaIds: []
    }
  ],
  meetings: [
    {
      id: "M1",
      type: "idea",
      title: "Synthetic workshop",
      subThemeIds: ["ST1"],
      date: "2020-03-01",
      municipality: "2481",
      mode: "in-person",
      facilitators: []
    }
  ],
  participations: [],
  ideas: ideas.map((i) => ({
    title: `Synthetic ${i.id}`,
    need: "Synthetic need",
    description: "",
    team: [],
    createdAt: "2020-03-01",
    stage: "problem_formulated" as Stage.ForwardStage,
    status: "active" as const,
    tags: [],
    strengthAreaIds: [],
    ...i
  })),
  transitions: [],
  outcomes: [],
  supports: []
})

/** Deep-freezes a value so that any mutation throws in strict mode. */
export const freeze = <A>(value: A): A => {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) freeze(v)
    Object.freeze(value)
  }
  return value
}
