import { describe, expect, it } from "vitest"
import { IllegalTransitionError, Lifecycle } from "../src/index.js"
import { small } from "./fixtures.js"

describe("Lifecycle strategies", () => {
  const draft = { ...small().strategies[1]!, status: "draft" as const }

  it("walks draft → consultation → adopted → superseded and stamps updatedAt", () => {
    const c = Lifecycle.moveStrategy(draft, "consultation", { at: "2022-01-10T09:00:00Z" })
    expect(c.status).toBe("consultation")
    expect(c.updatedAt).toBe("2022-01-10T09:00:00Z")
    const a = Lifecycle.moveStrategy(c, "adopted")
    expect(Lifecycle.moveStrategy(a, "superseded").status).toBe("superseded")
    expect(Lifecycle.moveStrategy(c, "draft").status).toBe("draft")
  })

  it("refuses skipping consultation and leaving superseded", () => {
    expect(() => Lifecycle.moveStrategy(draft, "adopted")).toThrow(
      'strategy "ris" cannot move from "draft" to "adopted": expected one of "consultation"'
    )
    const superseded = { ...draft, status: "superseded" as const }
    expect(() => Lifecycle.moveStrategy(superseded, "adopted")).toThrow(IllegalTransitionError)
    expect(() => Lifecycle.moveStrategy(superseded, "adopted")).toThrow('"superseded" is final')
  })
})

describe("Lifecycle projects", () => {
  const idea = small().projects[2]!

  it("walks an idea to a completed project", () => {
    let p = idea
    for (const to of ["proposal", "submitted", "approved", "active", "completed"] as const) {
      p = Lifecycle.moveProject(p, to)
    }
    expect(p.status).toBe("completed")
  })

  it("lets a rejected proposal be reworked, and refuses illegal moves", () => {
    const rejected = { ...idea, status: "rejected" as const }
    expect(Lifecycle.moveProject(rejected, "proposal").status).toBe("proposal")
    expect(() => Lifecycle.moveProject(idea, "active")).toThrow(
      'project "idea-1" cannot move from "idea" to "active": expected one of "proposal", "withdrawn"'
    )
    expect(Lifecycle.canMoveProject("completed", "active")).toBe(false)
  })

  it("every status can reach a final one, and final ones have no moves", () => {
    const finals = ["completed", "withdrawn", "cancelled"]
    for (const [from, to] of Object.entries(Lifecycle.projectTransitions)) {
      expect(finals.includes(from) ? to.length === 0 : to.length > 0).toBe(true)
    }
  })
})

describe("Lifecycle phases", () => {
  const project = small().projects[0]! // current ph1 of ph1, ph2
  const programme = small().programmes[0]! // not started

  it("moves one phase at a time", () => {
    expect(Lifecycle.advancePhase(project).currentPhaseId).toBe("ph2")
    expect(Lifecycle.advancePhase(programme).currentPhaseId).toBe("one")
    expect(Lifecycle.moveToPhase(programme, "one").currentPhaseId).toBe("one")
  })

  it("refuses skipping, going back and moving past the last phase", () => {
    expect(() => Lifecycle.moveToPhase(programme, "two")).toThrow(
      'phase of "prog" cannot move from "(not started)" to "two": expected one of "one"'
    )
    const last = Lifecycle.advancePhase(project)
    expect(() => Lifecycle.moveToPhase(last, "ph1")).toThrow('"ph2" is final')
    expect(() => Lifecycle.advancePhase(last)).toThrow(IllegalTransitionError)
  })

  it("starts a cyclic programme over after its last phase", () => {
    const cyclic = { ...programme, cyclic: true, currentPhaseId: "two" }
    expect(Lifecycle.advancePhase(cyclic).currentPhaseId).toBe("one")
  })
})
