import { describe, expect, it } from "vitest"
import { CycleDocument, DocumentError, Example } from "../src/index.js"
import { docWith } from "./fixtures.js"

const problems = (input: unknown) => {
  const r = CycleDocument.parse(input)
  return r.ok ? [] : r.problems
}

describe("CycleDocument.parse", () => {
  it("accepts the walk-through after a JSON round trip", () => {
    const doc = Example.walkthrough()
    const r = CycleDocument.parse(JSON.parse(JSON.stringify(doc)))
    expect(r.ok).toBe(true)
    if (r.ok) expect(r.document).toEqual(doc)
  })
  it("names schema problems by path", () => {
    const doc = JSON.parse(JSON.stringify(docWith([{ id: "I1" }])))
    doc.ideas[0].need = ""
    doc.meetings[0].municipality = "9999"
    doc.cycle.status = "spring"
    const found = problems(doc).map((p) => p.path)
    expect(found).toEqual(expect.arrayContaining(["ideas[0].need", "meetings[0].municipality", "cycle.status"]))
    expect(problems(doc).find((p) => p.path === "meetings[0].municipality")!.message).toMatch(/2481/)
  })
  it("refuses personal fields and unconsented demographics", () => {
    const doc = JSON.parse(JSON.stringify(docWith([])))
    doc.participations = [
      { id: "p1", meetingId: "M1", person: "P1", role: "participant", helix: "citizens", name: "Anna" },
      {
        id: "p2",
        meetingId: "M1",
        person: "P2",
        role: "participant",
        helix: "citizens",
        demographics: { gender: "woman" }
      }
    ]
    const found = problems(doc)
    expect(found.map((p) => p.path)).toEqual(["participations[0]", "participations[1].demographics"])
    expect(found[0]!.message).toMatch(/name/)
    expect(found[1]!.message).toMatch(/consent/)
  })
  it("finds dangling references, duplicates and broken lineage", () => {
    const doc = docWith([
      { id: "I1", subThemeId: "ST9" },
      { id: "I1" },
      { id: "I3", status: "merged" },
      { id: "I4", status: "dropped" }
    ])
    const found = problems(doc)
    expect(found).toEqual(
      expect.arrayContaining([
        { path: "ideas[1].id", message: 'duplicate id "I1"' },
        { path: "ideas[0].subThemeId", message: 'no sub-theme with id "ST9" in this document' },
        { path: "ideas[2].mergedInto", message: 'is set exactly when status is "merged"' },
        { path: "ideas[3].dropReason", message: "a dropped idea needs a reason" }
      ])
    )
  })
  it("checks that the transition trail chains and ends in the idea's state", () => {
    const doc = docWith([{ id: "I1", stage: "concept" }])
    const t = { ideaId: "I1", gate: null, decision: "x", decidedBy: "x", rationale: "x" }
    doc.transitions = [
      { ...t, from: "problem_formulated", to: "idea", at: "2020-03-02" },
      { ...t, from: "concept", to: "prototype", at: "2020-03-01" }
    ]
    const found = problems(doc)
    expect(found.map((p) => p.path)).toEqual(["transitions[1].from", "transitions[1].at", "ideas[0]"])
    expect(found[2]!.message).toMatch(/is in state "concept" but its last transition/)
  })
  it("refuses double support and bad zone codes", () => {
    const doc = docWith([{ id: "I1" }])
    const s = { ideaId: "I1", gate: "G1" as const, person: "P1", at: "2020-04-01", weight: 1 }
    doc.supports = [s, s]
    expect(problems(doc)).toEqual([{ path: "supports[1]", message: 'person "P1" already supports idea "I1" at G1' }])
    const zoned = JSON.parse(JSON.stringify(doc))
    zoned.supports = []
    zoned.zones = { source: "test", municipalities: { "2481": "inland", "24811": "inland" } }
    expect(problems(zoned).map((p) => p.path)).toEqual(["zones.municipalities.24811"])
  })
  it("decode throws a DocumentError listing every problem", () => {
    expect(() => CycleDocument.decode({ format: "other" }, "cycle.json")).toThrow(DocumentError)
    expect(() => CycleDocument.decode({ format: "other" }, "cycle.json")).toThrow(
      /^cycle\.json: \d+ problems\n {2}format:/
    )
  })
  it("has a JSON Schema", () => {
    const schema = CycleDocument.jsonSchema()
    expect(schema.type).toBe("object")
    expect(Object.keys(schema.properties as object)).toContain("ideas")
  })
})
