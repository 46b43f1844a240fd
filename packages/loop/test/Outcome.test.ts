import { describe, expect, it } from "vitest"
import { Outcome } from "../src/index.js"

const o = (id: string, extra: Partial<Outcome.Outcome> = {}): Outcome.Outcome => ({
  id,
  ideaId: "I1",
  title: id,
  kind: "service",
  status: "in-implementation",
  owner: "Synthetic owner",
  progress: [],
  ...extra
})

describe("Outcome progress", () => {
  it("takes the latest entry, else the status default", () => {
    expect(
      Outcome.ownProgress(
        o("a", {
          progress: [
            { date: "2020-05-01", title: "later", progress: 70 },
            { date: "2020-01-01", title: "earlier", progress: 20 }
          ]
        })
      )
    ).toBe(70)
    expect(Outcome.ownProgress(o("b"))).toBe(50)
    expect(
      Outcome.ownProgress(
        o("c", { status: "implemented", progress: [{ date: "2020-01-01", title: "x", progress: 10 }] })
      )
    ).toBe(100)
  })
  it("rolls up like Decidim: weighted sum when weights are fractions, else the average", () => {
    const a = o("a", { parentId: "p", weight: 0.25, progress: [{ date: "2020-01-01", title: "x", progress: 100 }] })
    const b = o("b", { parentId: "p", weight: 0.75, progress: [{ date: "2020-01-01", title: "x", progress: 40 }] })
    expect(Outcome.rollUp([o("p"), a, b]).get("p")).toBeCloseTo(55, 12)
    const c = { ...a, weight: 1 }
    expect(Outcome.rollUp([o("p"), c, b]).get("p")).toBeCloseTo(70, 12) // a weight of 1 → plain average
    const { weight: _a, ...a0 } = a
    const { weight: _b, ...b0 } = b
    expect(Outcome.rollUp([o("p"), a0, b0]).get("p")).toBeCloseTo(70, 12)
    const deep = [o("root"), { ...o("p"), parentId: "root" }, a, b]
    expect(Outcome.rollUp(deep).get("root")).toBeCloseTo(55, 12)
  })
  it("refuses a parent cycle", () => {
    expect(() => Outcome.rollUp([o("a", { parentId: "b" }), o("b", { parentId: "a" })])).toThrow(/its own ancestor/)
  })
})
