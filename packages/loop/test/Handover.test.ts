import { Project } from "@innokraft/domain"
import { describe, expect, it } from "vitest"
import { CycleDocument, DocumentError, Handover, TransitionError } from "../src/index.js"
import { docWith, freeze } from "./fixtures.js"

const base = docWith([
  { id: "I1", stage: "pilot", subThemeId: "ST1", strengthAreaIds: ["forest-based-bioeconomy"] },
  { id: "I2", stage: "implemented" }
])
const doc = freeze({
  ...base,
  subThemes: [{ ...base.subThemes[0]!, strengthAreaIds: ["renewable-energy", "forest-based-bioeconomy"] }]
})
const options = {
  idea: "I1",
  project: {
    id: "synthetic-village-energy",
    title: { sv: "Syntetiskt projekt", en: "Synthetic project" },
    goalIds: ["vasterbotten-ris-goal-1"],
    callIds: ["erdf-upper-norrland-2025"]
  },
  by: "Region Västerbotten",
  reason: "Ready for the ERDF call",
  at: "2020-10-01"
}

describe("Handover.toProject", () => {
  const { document, project } = Handover.toProject(doc, options)
  it("creates a valid @innokraft/domain Project linked to goals and strength areas", () => {
    expect(Project.Project.parse(project)).toEqual(project)
    expect(project).toMatchObject({
      id: "synthetic-village-energy",
      status: "idea",
      callIds: ["erdf-upper-norrland-2025"]
    })
    expect(project.links).toEqual([
      { kind: "goal", id: "vasterbotten-ris-goal-1" },
      { kind: "strengthArea", id: "forest-based-bioeconomy" },
      { kind: "strengthArea", id: "renewable-energy" }
    ])
    expect(project.externalRefs).toEqual([{ system: "other", value: "innokraft-loop:c-test/I1" }])
    expect(project.note).toMatch(/^SYNTHETIC example data\. Handed over from Innovation Loop cycle c-test/)
  })
  it("records the move to handed_over and links the idea to the project", () => {
    expect(document.ideas[0]).toMatchObject({ status: "handed_over", handedOverTo: "synthetic-village-energy" })
    expect(document.transitions.at(-1)).toMatchObject({
      from: "pilot",
      to: "handed_over",
      rationale: "Ready for the ERDF call"
    })
    expect(CycleDocument.parse(document).ok).toBe(true)
  })
  it("refuses finished ideas and project ids the domain refuses, changing nothing", () => {
    expect(() => Handover.toProject(doc, { ...options, idea: "I2" })).toThrow(TransitionError)
    expect(() => Handover.toProject(doc, { ...options, project: { ...options.project, id: "Not A Slug" } })).toThrow(
      DocumentError
    )
    expect(() => Handover.toProject(doc, { ...options, project: { ...options.project, id: "Not A Slug" } })).toThrow(
      /project\.id: expected a project id/
    )
  })
})
