import { describe, expect, it } from "vitest"
import { Cycle, CycleDocument, Lifecycle, Stage, TransitionError } from "../src/index.js"
import { docWith, freeze } from "./fixtures.js"

const side = ["parked", "dropped", "handed_over"]
// The allowed moves, written out by hand from domain.md §8.4 (not derived from the implementation).
const fromActive: Record<Stage.ForwardStage, string[]> = {
  problem_formulated: ["idea", ...side],
  idea: ["concept", ...side],
  concept: ["prototype", ...side],
  prototype: ["pilot", ...side],
  pilot: ["implemented", "company_formed", ...side],
  implemented: [],
  company_formed: []
}
const gates: Record<string, string | null> = {
  "problem_formulated>idea": "G0",
  "idea>concept": "G1",
  "concept>prototype": null,
  "prototype>pilot": "G2",
  "pilot>implemented": "G3",
  "pilot>company_formed": "G3"
}
const move = { by: "jury", reason: "because", at: "2020-05-01" }

describe("Lifecycle.advance — every idea transition", () => {
  for (const stage of Stage.forward) {
    for (const to of Stage.states) {
      const allowed = fromActive[stage].includes(to)
      it(`active ${stage} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        const doc = freeze(docWith([{ id: "I1", stage }]))
        if (allowed) {
          const next = Lifecycle.advance(doc, { idea: "I1", to, ...move })
          const t = next.transitions.at(-1)!
          expect(t).toMatchObject({ ideaId: "I1", from: stage, to, decidedBy: "jury", rationale: "because" })
          expect(t.gate).toBe(Stage.isForward(to) ? gates[`${stage}>${to}`] : null)
          expect(next.ideas[0]!.stage).toBe(Stage.isForward(to) ? to : stage)
          expect(next.ideas[0]!.status).toBe(Stage.isForward(to) ? "active" : to)
          expect(CycleDocument.parse(next).ok).toBe(true)
        } else {
          expect(() => Lifecycle.advance(doc, { idea: "I1", to, ...move })).toThrow(TransitionError)
        }
      })
    }
    const parkedAllowed = [stage, "dropped", "handed_over"]
    for (const to of Stage.states) {
      const allowed = parkedAllowed.includes(to)
      it(`parked at ${stage} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        const doc = freeze(docWith([{ id: "I1", stage, status: "parked" }]))
        if (allowed) {
          const next = Lifecycle.advance(doc, { idea: "I1", to, ...move })
          expect(next.transitions.at(-1)).toMatchObject({ from: "parked", to, gate: null })
          if (to === stage) expect(next.transitions.at(-1)!.decision).toBe("resumed")
        } else {
          expect(() => Lifecycle.advance(doc, { idea: "I1", to, ...move })).toThrow(TransitionError)
        }
      })
    }
  }
  for (const status of ["merged", "split", "dropped", "handed_over", "carried_over"] as const) {
    it(`${status} is final: every move is refused`, () => {
      const doc = docWith([{ id: "I1", stage: "idea", status }])
      for (const to of Stage.states) {
        expect(() => Lifecycle.advance(doc, { idea: "I1", to, ...move })).toThrow(/finished|done with|already/)
      }
    })
  }
})

describe("Lifecycle.advance — refusals name the reason", () => {
  const doc = freeze(docWith([{ id: "I1", stage: "idea" }]))
  const refused = (m: Partial<Lifecycle.Move>, pattern: RegExp) =>
    expect(() => Lifecycle.advance(doc, { idea: "I1", to: "concept", ...move, ...m })).toThrow(pattern)

  it("skipping a stage says which one comes first", () =>
    refused(
      { to: "prototype" },
      /from "idea" to "prototype": it must pass "concept" first\. Allowed from "idea": concept, parked, dropped, handed_over\./
    ))
  it("going back is refused", () => refused({ to: "problem_formulated" }, /never move back/))
  it("an unknown state lists the states", () =>
    refused({ to: "winner" }, /"winner" is not a state; states are problem_formulated/))
  it("an unknown idea is refused", () => refused({ idea: "I9" }, /has no such idea \(ideas: I1\)/))
  it("merge, split and carry-over go through Lineage", () => {
    refused({ to: "merged" }, /Lineage\.merge/)
    refused({ to: "split" }, /Lineage\.split/)
    refused({ to: "carried_over" }, /Lineage\.carryOver/)
  })
  it("who and why are required", () => {
    refused({ by: " " }, /who decided/)
    refused({ reason: "" }, /needs a reason/)
  })
  it("a bad or earlier date is refused", () => {
    refused({ at: "May 1" }, /not an ISO date/)
    const later = Lifecycle.advance(doc, { idea: "I1", to: "concept", ...move })
    expect(() => Lifecycle.advance(later, { idea: "I1", to: "prototype", ...move, at: "2020-04-01" })).toThrow(
      /before the idea's last recorded move/
    )
  })
  it("scores must be the gate's criteria", () => {
    refused({ scores: { beauty: 5 } }, /gate G1 has no criterion "beauty"/)
    const ok = Lifecycle.advance(doc, { idea: "I1", to: "concept", ...move, scores: { need: 5, team: 2 } })
    expect(ok.transitions[0]!.criteriaScores).toEqual({ need: 5, team: 2 })
    expect(() => Lifecycle.advance(ok, { idea: "I1", to: "prototype", ...move, scores: { need: 1 } })).toThrow(
      /only for moves through a gate/
    )
  })
  it("an unknown meeting is refused", () => refused({ meetingId: "M9" }, /no meeting "M9"/))
  it("a closed cycle refuses every move", () => {
    const closed = docWith([{ id: "I1", stage: "idea" }], "closed")
    expect(() => Lifecycle.advance(closed, { idea: "I1", to: "parked", ...move })).toThrow(/is closed/)
  })
  it("a stage the cycle has not reached is refused", () => {
    const early = docWith([{ id: "I1", stage: "concept" }], "ideation")
    expect(() => Lifecycle.advance(early, { idea: "I1", to: "prototype", ...move })).toThrow(
      /the cycle is in "ideation"; "prototype" is possible from "prototyping" on/
    )
    const themed = docWith([{ id: "I1" }], "themed")
    expect(() => Lifecycle.advance(themed, { idea: "I1", to: "idea", ...move })).toThrow(/from "ideation" on/)
    expect(Lifecycle.advance(themed, { idea: "I1", to: "parked", ...move }).ideas[0]!.status).toBe("parked")
  })
  it("dropping records the reason on the idea", () => {
    const next = Lifecycle.advance(doc, { idea: "I1", to: "dropped", ...move, reason: "no owner" })
    expect(next.ideas[0]).toMatchObject({ status: "dropped", dropReason: "no owner" })
  })
  it("never changes its input", () => {
    const before = JSON.stringify(doc)
    Lifecycle.advance(doc, { idea: "I1", to: "concept", ...move })
    expect(() => Lifecycle.advance(doc, { idea: "I1", to: "pilot", ...move })).toThrow()
    expect(JSON.stringify(doc)).toBe(before)
  })
  it("plan returns the transition without applying it", () => {
    const t = Lifecycle.plan(doc, { idea: "I1", to: "concept", ...move })
    expect(t).toMatchObject({ from: "idea", to: "concept", gate: "G1", decision: "passed G1" })
  })
  it("targets lists the moves advance accepts", () => {
    expect(Lifecycle.targets({ stage: "pilot", status: "active" })).toEqual(fromActive.pilot)
    expect(Lifecycle.targets({ stage: "concept", status: "parked" })).toEqual(["concept", "dropped", "handed_over"])
    expect(Lifecycle.targets({ stage: "implemented", status: "active" })).toEqual([])
  })
})

describe("Lifecycle.advanceCycle — the cycle machine", () => {
  const base = { by: "Region", reason: "phase done", at: "2020-06-01" }
  // Documents that satisfy every guard, so only the order decides.
  const ready = (status: Cycle.Status) => docWith([{ id: "I1", stage: "concept", status: "parked" }], status)
  for (const from of Cycle.statuses) {
    for (const to of Cycle.statuses) {
      const allowed = Cycle.statuses.indexOf(to) === Cycle.statuses.indexOf(from) + 1
      it(`${from} → ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        const doc = freeze(ready(from))
        if (allowed) {
          const next = Lifecycle.advanceCycle(doc, { to, ...base })
          expect(next.cycle.status).toBe(to)
          expect(next.cycle.history).toEqual([{ from, to, ...base }])
          expect(doc.cycle.status).toBe(from)
        } else {
          expect(() => Lifecycle.advanceCycle(doc, { to, ...base })).toThrow(TransitionError)
        }
      })
    }
  }
  it("themed needs a theme", () => {
    const doc = docWith([], "draft")
    const { theme: _, ...cycle } = doc.cycle
    const untitled = { ...doc, cycle }
    expect(() => Lifecycle.advanceCycle(untitled, { to: "themed", ...base })).toThrow(/needs a theme/)
    const themed = Lifecycle.advanceCycle(untitled, { to: "themed", ...base, theme: { sv: "Tema", en: "Theme" } })
    expect(themed.cycle.theme).toEqual({ sv: "Tema", en: "Theme" })
  })
  it("ideation needs a sub-theme", () => {
    const doc = { ...docWith([], "themed"), subThemes: [] }
    expect(() => Lifecycle.advanceCycle(doc, { to: "ideation", ...base })).toThrow(/no sub-theme/)
  })
  it("prototyping needs an idea sent on through G1", () => {
    const doc = docWith([{ id: "I1", stage: "idea" }], "ideation")
    expect(() => Lifecycle.advanceCycle(doc, { to: "prototyping", ...base })).toThrow(/G1 has sent no idea/)
  })
  it("closing needs every active idea off its path", () => {
    const doc = docWith(
      [
        { id: "I1", stage: "pilot" },
        { id: "I2", stage: "implemented" }
      ],
      "reporting"
    )
    expect(() => Lifecycle.advanceCycle(doc, { to: "closed", ...base })).toThrow(/1 idea is still active \(I1\)/)
  })
  it("skips and steps back are explained", () => {
    const doc = ready("ideation")
    expect(() => Lifecycle.advanceCycle(doc, { to: "implementation", ...base })).toThrow(/"prototyping" comes first/)
    expect(() => Lifecycle.advanceCycle(doc, { to: "draft", ...base })).toThrow(/never moves back/)
    expect(() => Lifecycle.advanceCycle(doc, { to: "summer", ...base })).toThrow(/not a cycle status/)
  })
})
