import { describe, expect, it } from "vitest"
import { CycleDocument, Example, Lifecycle, Lineage, TransitionError } from "../src/index.js"
import { docWith, freeze } from "./fixtures.js"

const d = { by: "facilitators", reason: "same need", at: "2020-05-01" }

describe("Lineage.merge", () => {
  const doc = freeze(
    docWith([
      { id: "A", stage: "concept", team: ["P1", "P2"], tags: ["x"], strengthAreaIds: ["SA1"] },
      { id: "B", stage: "idea", team: ["P2", "P3"], tags: ["y"], status: "parked" },
      { id: "C", stage: "pilot" }
    ])
  )
  const merged = Lineage.merge(doc, { ideas: ["A", "B"], into: { id: "AB", title: "A+B", need: "both needs" }, ...d })

  it("marks the sources merged and links both ways", () => {
    expect(merged.ideas.find((i) => i.id === "A")).toMatchObject({ status: "merged", mergedInto: "AB" })
    expect(merged.ideas.find((i) => i.id === "B")).toMatchObject({ status: "merged", mergedInto: "AB" })
    const ab = merged.ideas.find((i) => i.id === "AB")!
    expect(ab).toMatchObject({ mergedFrom: ["A", "B"], status: "active" })
    expect(ab.team).toEqual(["P1", "P2", "P3"])
    expect(ab.tags).toEqual(["x", "y"])
    expect(ab.strengthAreaIds).toEqual(["SA1"])
  })
  it("starts at the least advanced source stage", () => {
    expect(merged.ideas.find((i) => i.id === "AB")!.stage).toBe("idea")
  })
  it("records a transition per source and stays a valid document", () => {
    expect(merged.transitions).toEqual([
      expect.objectContaining({ ideaId: "A", from: "concept", to: "merged", relatedIdeaIds: ["AB"] }),
      expect.objectContaining({ ideaId: "B", from: "parked", to: "merged", relatedIdeaIds: ["AB"] })
    ])
    const parsed = CycleDocument.parse(merged)
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
  })
  it("refuses fewer than two, repeated, finished, unknown ideas and taken ids", () => {
    const into = { id: "N", title: "n", need: "n" }
    expect(() => Lineage.merge(doc, { ideas: ["A"], into, ...d })).toThrow(/at least two different/)
    expect(() => Lineage.merge(doc, { ideas: ["A", "A"], into, ...d })).toThrow(/at least two different/)
    expect(() => Lineage.merge(merged, { ideas: ["A", "C"], into, ...d })).toThrow(/finished \("merged"\)/)
    expect(() => Lineage.merge(doc, { ideas: ["A", "Z"], into, ...d })).toThrow(/no such idea/)
    expect(() => Lineage.merge(doc, { ideas: ["A", "C"], into: { ...into, id: "B" }, ...d })).toThrow(
      /already has an idea "B"/
    )
    expect(() => Lineage.merge(doc, { ideas: ["A", "C"], into, ...d, reason: "" })).toThrow(TransitionError)
  })
})

describe("Lineage.split", () => {
  const doc = freeze(docWith([{ id: "A", stage: "prototype", team: ["P1"], subThemeId: "ST1" }]))
  const into = [
    { id: "A1", title: "part one", need: "n1" },
    { id: "A2", title: "part two", need: "n2", team: ["P9"] }
  ]
  const split = Lineage.split(doc, { idea: "A", into, ...d })
  it("creates children at the same stage with splitFrom, and marks the source split", () => {
    expect(split.ideas[0]).toMatchObject({ status: "split", splitInto: ["A1", "A2"] })
    expect(split.ideas[1]).toMatchObject({
      id: "A1",
      stage: "prototype",
      splitFrom: "A",
      team: ["P1"],
      subThemeId: "ST1"
    })
    expect(split.ideas[2]).toMatchObject({ id: "A2", stage: "prototype", splitFrom: "A", team: ["P9"] })
    expect(split.transitions).toEqual([
      expect.objectContaining({ from: "prototype", to: "split", relatedIdeaIds: ["A1", "A2"] })
    ])
    expect(CycleDocument.parse(split).ok).toBe(true)
  })
  it("children move on independently through the gates", () => {
    const next = Lifecycle.advance(split, { idea: "A1", to: "pilot", ...d })
    expect(next.ideas.find((i) => i.id === "A1")!.stage).toBe("pilot")
    expect(next.ideas.find((i) => i.id === "A2")!.stage).toBe("prototype")
  })
  it("refuses a split into one idea or into duplicate ids", () => {
    expect(() => Lineage.split(doc, { idea: "A", into: [into[0]!], ...d })).toThrow(/at least two new ideas/)
    expect(() => Lineage.split(doc, { idea: "A", into: [into[0]!, into[0]!], ...d })).toThrow(/at least two new ideas/)
  })
})

describe("Lineage.carryOver and trace", () => {
  const walk = freeze(Example.walkthrough())
  const next = Example.nextCycle(walk, "loop-2017-synthetic", 2017, { sv: "Nästa", en: "Next" })
  const carried = Lineage.carryOver(walk, next, { by: "Region Västerbotten", reason: "unfinished", at: "2016-11-20" })

  it("carries exactly the unfinished ideas (active on the path or parked)", () => {
    const unfinished = walk.ideas
      .filter(
        (i) => i.status === "parked" || (i.status === "active" && !["implemented", "company_formed"].includes(i.stage))
      )
      .map((i) => i.id)
    expect(unfinished.length).toBeGreaterThan(3)
    expect(carried.to.ideas.map((i) => i.id)).toEqual(unfinished)
    for (const copy of carried.to.ideas) {
      const original = walk.ideas.find((i) => i.id === copy.id)!
      expect(copy).toMatchObject({ stage: original.stage, status: "active", need: original.need })
      expect(copy.carriedOverFrom).toEqual({ cycleId: "loop-2016-synthetic", ideaId: original.id })
      expect(carried.from.ideas.find((i) => i.id === copy.id)).toMatchObject({
        status: "carried_over",
        carriedOverTo: { cycleId: "loop-2017-synthetic", ideaId: copy.id }
      })
    }
    expect(CycleDocument.parse(carried.from).ok).toBe(true)
    expect(CycleDocument.parse(carried.to).ok).toBe(true)
  })
  it("leaves finished ideas alone and lets the old cycle close", () => {
    expect(carried.from.ideas.find((i) => i.id === "I-01")!.status).toBe("active")
    const closed = Lifecycle.advanceCycle(carried.from, {
      to: "closed",
      by: "Region",
      reason: "done",
      at: "2016-12-01"
    })
    expect(closed.cycle.status).toBe("closed")
    expect(() =>
      Lifecycle.advanceCycle(walk, { to: "closed", by: "Region", reason: "done", at: "2016-12-01" })
    ).toThrow(/still active/)
  })
  it("refuses an earlier year, a cycle not yet in implementation, and colliding ids", () => {
    const past = Example.nextCycle(walk, "old", 2015, { sv: "x", en: "x" })
    expect(() => Lineage.carryOver(walk, past, { by: "R", reason: "r", at: "2016-11-20" })).toThrow(/not a later year/)
    const early = { ...walk, cycle: { ...walk.cycle, status: "ideation" as const } }
    expect(() => Lineage.carryOver(early, next, { by: "R", reason: "r", at: "2016-11-20" })).toThrow(
      /during implementation/
    )
    expect(() =>
      Lineage.carryOver(walk, carried.to, { by: "R", reason: "r", at: "2016-11-20", ideas: ["I-17"] })
    ).toThrow(/already has an idea "I-17"/)
  })
  it("traces lineage through merges, splits and carry-over, across cycles", () => {
    // I-09 was split into I-16 and I-17; I-17 is carried over into 2017.
    const down = Lineage.trace([carried.from, carried.to], { cycleId: "loop-2016-synthetic", ideaId: "I-09" })
    expect(down.descendants).toEqual([
      { cycleId: "loop-2016-synthetic", ideaId: "I-16" },
      { cycleId: "loop-2016-synthetic", ideaId: "I-17" },
      { cycleId: "loop-2017-synthetic", ideaId: "I-16" },
      { cycleId: "loop-2017-synthetic", ideaId: "I-17" }
    ])
    const up = Lineage.trace([carried.from, carried.to], { cycleId: "loop-2017-synthetic", ideaId: "I-15" })
    expect(up.ancestors).toEqual([
      { cycleId: "loop-2016-synthetic", ideaId: "I-15" },
      { cycleId: "loop-2016-synthetic", ideaId: "I-05" },
      { cycleId: "loop-2016-synthetic", ideaId: "I-06" }
    ])
    expect(up.descendants).toEqual([])
  })
})
