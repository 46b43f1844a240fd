import { describe, expect, it } from "vitest"
import { Example, Lifecycle, Scoring } from "../src/index.js"
import { docWith } from "./fixtures.js"

const doc = docWith([
  { id: "B", stage: "idea", createdAt: "2020-03-02" },
  { id: "A", stage: "idea", createdAt: "2020-03-03" },
  { id: "C", stage: "idea", createdAt: "2020-03-01" },
  { id: "D", stage: "concept" }
])
const support = (ideaId: string, person: string, weight = 1) => ({
  ideaId,
  gate: "G1" as const,
  person,
  at: "2020-04-01",
  weight
})
doc.supports = [support("A", "P1"), support("A", "P2"), support("B", "P1"), support("B", "P3"), support("C", "P4", 3)]

describe("Scoring.bySupports", () => {
  it("ranks the gate's candidates by summed support weights", () => {
    const r = Scoring.bySupports(doc, "G1")
    expect(r.ranking.map((x) => [x.ideaId, x.score, x.rank])).toEqual([
      ["C", 3, 1],
      ["B", 2, 2],
      ["A", 2, 3]
    ])
    expect(r.tieBreak).toEqual(["earliest-created", "id"])
    expect(r.ranking[1]!.tiedWith).toEqual(["A"])
    expect(Scoring.candidates(doc, "G1").map((i) => i.id)).toEqual(["B", "A", "C"])
  })
  it("breaks ties by the stated rule", () => {
    expect(Scoring.select(Scoring.bySupports(doc, "G1", { tieBreak: ["id"] }), 2)).toEqual(["C", "A"])
    expect(Scoring.select(Scoring.bySupports(doc, "G1"), 2)).toEqual(["C", "B"])
  })
})

describe("Scoring.byJury", () => {
  const s = (ideaId: string, juror: string, criterion: string, value: number) => ({ ideaId, juror, criterion, value })
  const all = (ideaId: string, juror: string, v: [number, number, number, number]) =>
    ["need", "novelty", "feasibility", "team"].map((c, k) => s(ideaId, juror, c, v[k]!))
  it("takes the weighted mean over criteria of the jurors' means", () => {
    const scores = [...all("A", "J1", [5, 4, 3, 2]), ...all("A", "J2", [3, 4, 5, 4]), ...all("B", "J1", [1, 1, 1, 1])]
    const r = Scoring.byJury(doc, "G1", scores, { ideas: ["A", "B"] })
    // A: need 4, novelty 4, feasibility 4, team 3 → 0.3·4 + 0.25·4 + 0.25·4 + 0.2·3 = 3.8
    expect(r.ranking[0]!.ideaId).toBe("A")
    expect(r.ranking[0]!.score).toBeCloseTo(3.8, 12)
    expect(r.ranking[1]!.score).toBeCloseTo(1, 12)
  })
  it("breaks equal jury scores by supports, then creation, then id", () => {
    const scores = [...all("A", "J1", [3, 3, 3, 3]), ...all("B", "J1", [3, 3, 3, 3]), ...all("C", "J1", [3, 3, 3, 3])]
    expect(Scoring.select(Scoring.byJury(doc, "G1", scores), 3)).toEqual(["C", "B", "A"])
    expect(Scoring.select(Scoring.byJury(doc, "G1", scores, { tieBreak: ["earliest-created"] }), 3)).toEqual([
      "C",
      "B",
      "A"
    ])
    expect(Scoring.select(Scoring.byJury(doc, "G1", scores, { tieBreak: ["id"] }), 3)).toEqual(["A", "B", "C"])
  })
  it("refuses missing criteria, unknown criteria and non-candidates", () => {
    expect(() => Scoring.byJury(doc, "G1", all("A", "J1", [1, 1, 1, 1]), { ideas: ["A", "B"] })).toThrow(
      /idea "B" has no score on criterion "need"/
    )
    expect(() => Scoring.byJury(doc, "G1", [s("A", "J1", "looks", 5)], { ideas: ["A"] })).toThrow(
      /unknown criterion "looks"/
    )
    expect(() => Scoring.byJury(doc, "G1", all("D", "J1", [1, 1, 1, 1]))).toThrow(/scored "D", not a candidate/)
  })
  it("selects the strongest contributions of the walk-through and sends them on", () => {
    const walk = Example.walkthrough()
    const r = Scoring.bySupports(walk, "G3")
    expect(r.ranking.map((x) => x.ideaId)).toEqual(["I-15", "I-16"]) // equal 0 supports at G3, earliest created first
    const moved = Lifecycle.advance(walk, {
      idea: r.ranking[0]!.ideaId,
      to: "implemented",
      by: "jury",
      reason: "ranked first",
      at: "2016-11-16"
    })
    expect(moved.ideas.find((i) => i.id === "I-15")!.stage).toBe("implemented")
  })
})
