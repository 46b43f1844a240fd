import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CycleDocument, CycleReport, Idea, Lifecycle, Lineage, Stage } from "../src/index.js"
import { docWith } from "./fixtures.js"

type Op =
  | { kind: "advance"; pick: number; target: number }
  | { kind: "merge"; a: number; b: number }
  | { kind: "split"; pick: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("advance" as const), pick: fc.nat(), target: fc.nat() }),
  fc.record({ kind: fc.constant("merge" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("split" as const), pick: fc.nat() })
)

describe("random sequences of moves, merges and splits", () => {
  it("always leave a consistent document whose funnel counts each idea once per stage", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let doc = docWith([{ id: "I0" }, { id: "I1" }, { id: "I2" }, { id: "I3" }])
        let fresh = 0
        let day = 1
        for (const o of ops) {
          const at = `2020-0${1 + Math.floor(day / 28)}-${String(1 + (day % 28)).padStart(2, "0")}`
          day = Math.min(day + 1, 8 * 28 - 1)
          const open = doc.ideas.filter((i) => !Idea.isFinished(i))
          if (open.length === 0) break
          const d = { by: "x", reason: "y", at }
          if (o.kind === "advance") {
            const idea = open[o.pick % open.length]!
            const targets = Lifecycle.targets(idea)
            doc = Lifecycle.advance(doc, { idea: idea.id, to: targets[o.target % targets.length]!, ...d })
          } else if (o.kind === "merge" && open.length >= 2) {
            const a = open[o.a % open.length]!
            const b = open[(o.a + 1 + (o.b % (open.length - 1))) % open.length]!
            doc = Lineage.merge(doc, { ideas: [a.id, b.id], into: { id: `N${fresh++}`, title: "m", need: "m" }, ...d })
          } else if (o.kind === "split") {
            const idea = open[o.pick % open.length]!
            const into = [0, 1].map(() => ({ id: `N${fresh++}`, title: "s", need: "s" }))
            doc = Lineage.split(doc, { idea: idea.id, into, ...d })
          }
        }
        expect(CycleDocument.check(doc)).toEqual([])
        const r = CycleReport.report(doc)
        expect(r.funnel.needs).toBe(doc.ideas.length)
        expect(Object.values(r.ideasByState).reduce((a, b) => a + b, 0)).toBe(doc.ideas.length)
        const counts = [r.funnel.needs, r.funnel.ideas, r.funnel.concepts, r.funnel.prototypes, r.funnel.pilots]
        for (let k = 1; k < counts.length; k++) expect(counts[k]!).toBeLessThanOrEqual(counts[k - 1]!)
        for (const idea of doc.ideas) {
          const trail = doc.transitions.filter((t) => t.ideaId === idea.id)
          if (trail.length > 0) expect(trail.at(-1)!.to).toBe(Idea.state(idea))
          for (const t of trail) {
            if (Stage.isForward(t.to) && t.from !== "parked")
              expect(Stage.rank(t.to)).toBe(Stage.rank(t.from as Stage.ForwardStage) + 1)
          }
        }
      }),
      { numRuns: 200 }
    )
  })
})
