import { describe, expect, it } from "vitest"
import { CycleReport, Decidim, Example, Stage } from "../src/index.js"

const walk = Example.walkthrough()
const p = Decidim.toParticipatoryProcess(walk)

describe("Decidim.toParticipatoryProcess", () => {
  it("maps the cycle's phases to steps with one active step", () => {
    expect(p.title).toEqual({ sv: "Den Hållbara Platsen", en: "The Sustainable Place" })
    expect(p.steps.map((s) => [s.key, s.start_date, s.end_date, s.active])).toEqual([
      ["themed", "2016-01-20", "2016-02-15", false],
      ["ideation", "2016-02-15", "2016-06-01", false],
      ["prototyping", "2016-06-01", "2016-08-20", false],
      ["implementation", "2016-08-20", "2016-11-15", false],
      ["reporting", "2016-11-15", null, true]
    ])
    expect(p.categories.map((c) => c.id)).toEqual(["ST1", "ST2", "ST3"])
    expect(p.synthetic).toBe(true)
  })
  it("exports every idea as a proposal with a Decidim state, lineage and stage history", () => {
    const proposals = p.components.proposals
    expect(proposals).toHaveLength(walk.ideas.length)
    const by = new Map(proposals.map((x) => [x.id, x]))
    expect(by.get("I-02")!.state).toBe("accepted")
    expect(by.get("I-12")!.state).toBe("rejected")
    expect(by.get("I-05")!.state).toBe("withdrawn")
    expect(by.get("I-05")!.related_proposals.merged_into).toBe("I-15")
    expect(by.get("I-09")!.related_proposals.split_into).toEqual(["I-16", "I-17"])
    expect(by.get("I-01")!.stage_history.map((h) => h.gate)).toEqual(["G0", "G1", null, "G2", "G3"])
    const total = walk.transitions.length
    expect(proposals.reduce((s, x) => s + x.stage_history.length, 0)).toBe(total)
    expect(proposals.reduce((s, x) => s + x.supports, 0)).toBe(walk.supports.length)
    for (const s of Stage.states)
      expect(Decidim.proposalState[s]).toMatch(/^(not_answered|evaluating|accepted|rejected|withdrawn)$/)
    expect(JSON.stringify(p)).not.toMatch(/SP-\d{3}/) // no person references leave the document
  })
  it("exports meetings with closing reports and results with progress", () => {
    const m = p.components.meetings.find((x) => x.id === "M06")!
    expect(m).toMatchObject({
      type_of_meeting: "in_person",
      address: "Mötesplats Lycksele",
      end_time: "2016-06-09",
      closed: true
    })
    expect(m.attendees_count).toBe(walk.meetings.find((x) => x.id === "M06")!.closingReport!.attendeeCount)
    expect(p.components.meetings.find((x) => x.id === "M08")!.attending_organizations).toBe("Almi, Norrlandsfonden")
    const results = p.components.accountability.results
    const report = CycleReport.report(walk)
    for (const r of results) expect(r.progress).toBe(report.outcomeProgress.find((o) => o.id === r.id)!.progress)
    expect(results.find((r) => r.id === "O-3")!.timeline_entries.map((t) => t.progress)).toEqual([30, 60])
    expect(results.find((r) => r.id === "O-2")).toMatchObject({ parent_id: "O-0", weight: 0.5 })
  })
})
