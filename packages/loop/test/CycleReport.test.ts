import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CycleDocument, CycleReport, Example, Lineage, type Participation, Stage } from "../src/index.js"
import { docWith } from "./fixtures.js"

const walk = Example.walkthrough()
const report = CycleReport.report(walk)

const person = (
  k: number,
  consent: boolean,
  demographics?: Participation.Demographics,
  helix: Participation.Helix = "citizens"
): Participation.Participation => ({
  id: `p${k}`,
  meetingId: "M1",
  person: `P${k}`,
  role: "participant",
  helix,
  ...(consent ? { consent: { given: true as const, at: "2020-03-01" } } : {}),
  ...(demographics !== undefined ? { demographics } : {})
})

describe("CycleReport.report — the threshold", () => {
  it("refuses a threshold under 1, which would publish every small count", () => {
    const doc = Example.walkthrough()
    for (const threshold of [0, -1, 2.5]) {
      expect(() => CycleReport.report(doc, { threshold })).toThrow(
        `threshold: expected a whole number of 1 or more, found ${threshold}`
      )
    }
    expect(CycleReport.report(doc, { threshold: 1 }).inclusion.threshold).toBe(1)
  })
})

describe("CycleReport.report — counts", () => {
  it("counts participants, participations and organisations from the records", () => {
    expect(report.participants.unique).toBe(new Set(walk.participations.map((p) => p.person)).size)
    expect(report.participants.participations).toBe(walk.participations.length)
    expect(report.participants.reportedAttendance).toBe(
      walk.meetings.reduce((s, m) => s + (m.closingReport?.attendeeCount ?? 0), 0)
    )
    const orgs = new Set(walk.participations.flatMap((p) => (p.organisation ? [p.organisation.toLowerCase()] : [])))
    expect(report.organisations.total).toBe(orgs.size)
    expect(Object.values(report.organisations.byHelix).reduce((a, b) => a + b, 0)).toBe(orgs.size)
    expect(report.organisations.publicSector).toBe(report.organisations.byHelix.public)
    expect(report.organisations.companies).toBe(report.organisations.byHelix.business)
  })
  it("counts meetings by type and names municipalities as in the SCB file", () => {
    expect(report.meetings.byType).toEqual({ information: 1, idea: 4, prototyping: 1, implementation: 1, business: 1 })
    const file = join(import.meta.dirname, "../../../../shared/data/se-admin-units/municipalities.csv")
    const rows = Csv.records(Csv.parse(readFileSync(file, "utf8"), { source: file }))
    const names = new Map(rows.map((r) => [r.municipality_code!, r.municipality_name_short!]))
    expect(report.meetings.byMunicipality).toEqual([
      { code: "2421", name: names.get("2421"), count: 1 },
      { code: "2462", name: names.get("2462"), count: 1 },
      { code: "2480", name: names.get("2480"), count: 3 },
      { code: "2481", name: names.get("2481"), count: 2 },
      { code: "2482", name: names.get("2482"), count: 1 }
    ])
    expect(names.get("2481")).toBe("Lycksele")
  })
  it("cross-tabulates meetings by type × municipality, with margins equal to byType and byMunicipality", () => {
    const tab = report.meetings.byTypeAndMunicipality
    const none = { information: 0, idea: 0, prototyping: 0, implementation: 0, business: 0 }
    expect(tab).toEqual([
      { code: "2421", name: "Storuman", count: 1, byType: { ...none, idea: 1 } },
      { code: "2462", name: "Vilhelmina", count: 1, byType: { ...none, idea: 1 } },
      { code: "2480", name: "Umeå", count: 3, byType: { ...none, information: 1, idea: 1, implementation: 1 } },
      { code: "2481", name: "Lycksele", count: 2, byType: { ...none, prototyping: 1, business: 1 } },
      { code: "2482", name: "Skellefteå", count: 1, byType: { ...none, idea: 1 } }
    ])
    // row totals are byMunicipality exactly, column totals are byType exactly, the grand total is meetings.total
    expect(tab.map(({ code, name, count }) => ({ code, name, count }))).toEqual(report.meetings.byMunicipality)
    for (const row of tab) expect(Object.values(row.byType).reduce((a, b) => a + b, 0)).toBe(row.count)
    const columns = Object.fromEntries(
      Object.keys(report.meetings.byType).map((type) => [
        type,
        tab.reduce((s, row) => s + row.byType[type as keyof typeof row.byType], 0)
      ])
    )
    expect(columns).toEqual(report.meetings.byType)
    expect(tab.reduce((s, row) => s + row.count, 0)).toBe(report.meetings.total)
    expect(report.meetings.total).toBe(walk.meetings.length)
  })
  it("publishes the meeting cross-tab unsuppressed, at any threshold, and keeps people counts suppressed", () => {
    const strict = CycleReport.report(walk, { threshold: 50 })
    expect(strict.meetings.byTypeAndMunicipality).toEqual(report.meetings.byTypeAndMunicipality)
    expect(strict.meetings.byTypeAndMunicipality.some((row) => row.count < 5)).toBe(true)
    expect(strict.inclusion.gender.total).toBeNull()
    // plain JSON: it survives a round trip
    expect(JSON.parse(JSON.stringify(report.meetings))).toEqual(report.meetings)
  })
  it("gives the walk-through's funnel", () => {
    // counted here from the document: ideas whose stage is at or past each forward stage, the two ends, lineage
    const atLeast = (stage: Stage.ForwardStage) => walk.ideas.filter((i) => Stage.rank(i.stage) >= Stage.rank(stage))
    expect(report.funnel).toMatchObject({
      needs: atLeast("problem_formulated").length,
      ideas: atLeast("idea").length,
      concepts: atLeast("concept").length,
      prototypes: atLeast("prototype").length,
      pilots: atLeast("pilot").length,
      implemented: walk.ideas.filter((i) => i.stage === "implemented").length,
      companiesFormed: walk.ideas.filter((i) => i.stage === "company_formed").length,
      fromLineage: {
        merged: walk.ideas.filter((i) => i.mergedFrom !== undefined).length,
        split: walk.ideas.filter((i) => i.splitFrom !== undefined).length,
        carriedIn: walk.ideas.filter((i) => i.carriedOverFrom !== undefined).length
      }
    })
    // which for the walk-through are these numbers
    expect(report.funnel).toMatchObject({
      needs: 17,
      ideas: 16,
      concepts: 8,
      prototypes: 6,
      pilots: 4,
      implemented: 1,
      companiesFormed: 1,
      fromLineage: { merged: 1, split: 2, carriedIn: 0 }
    })
    expect(report.funnel.outcomes.byStatus).toEqual({
      planned: 1,
      "in-implementation": 2,
      implemented: 2,
      discontinued: 0
    })
    for (const [status, n] of Object.entries(report.funnel.outcomes.byStatus))
      expect(walk.outcomes.filter((o) => o.status === status)).toHaveLength(n)
  })
  it("counts every idea exactly once per stage it reached, and once in ideasByState (property)", () => {
    const stageArb = fc.constantFrom(...Stage.forward)
    const statusArb = fc.constantFrom("active", "parked", "dropped", "handed_over")
    fc.assert(
      fc.property(fc.array(fc.tuple(stageArb, statusArb), { maxLength: 60 }), (specs) => {
        const doc = docWith(
          specs.map(([stage, status], k) => ({
            id: `I${k}`,
            stage,
            status: status as "active",
            ...(status === "dropped" ? { dropReason: "r" } : {})
          }))
        )
        const f = CycleReport.report(doc).funnel
        const byRank = (r: number) => specs.filter(([s]) => Stage.rank(s) >= r).length
        expect([f.needs, f.ideas, f.concepts, f.prototypes, f.pilots]).toEqual([0, 1, 2, 3, 4].map(byRank))
        expect(f.implemented + f.companiesFormed).toBe(byRank(5))
        const states = CycleReport.report(doc).ideasByState
        expect(Object.values(states).reduce((a, b) => a + b, 0)).toBe(specs.length)
      })
    )
  })
  it("measures time in stage in days from the transition trail", () => {
    // I-15 was created at the merge on 2016-04-25 and passed G1 on 2016-05-12: 17 days at "idea".
    const t = report.timeInStage
    // by hand from the document: each transition out of a stage closes the interval that began at the idea's
    // previous transition (or its creation)
    const days = (stage: string) =>
      walk.transitions.flatMap((tr, k) => {
        if (tr.from !== stage) return []
        const before = walk.transitions
          .slice(0, k)
          .filter((p) => p.ideaId === tr.ideaId)
          .at(-1)
        const since = before?.at ?? walk.ideas.find((i) => i.id === tr.ideaId)!.createdAt
        return [(Date.parse(tr.at) - Date.parse(since)) / 86_400_000]
      })
    for (const stage of ["idea", "concept", "prototype", "pilot"] as const) {
      const d = days(stage).sort((a, b) => a - b)
      const median = d.length % 2 === 1 ? d[d.length >> 1]! : (d[d.length / 2 - 1]! + d[d.length / 2]!) / 2
      expect(t[stage]).toEqual({
        intervals: d.length,
        medianDays: median,
        meanDays: d.reduce((a, b) => a + b, 0) / d.length
      })
    }
    expect(t.pilot).toEqual({ intervals: 2, medianDays: 28, meanDays: 28 })
    expect(t.prototype).toEqual({ intervals: 6, medianDays: 98, meanDays: 98 })
    expect(t.idea.intervals).toBe(14)
    expect(t.implemented.intervals).toBe(0)
  })
  it("rolls up outcome progress like Decidim", () => {
    expect(report.outcomeProgress.find((o) => o.id === "O-0")!.progress).toBe(80)
    expect(report.outcomeProgress.find((o) => o.id === "O-3")!.progress).toBe(60)
  })
})

describe("CycleReport.report — consent and suppression", () => {
  it("never reads demographics from unconsented records", () => {
    const consented = Array.from({ length: 12 }, (_, k) => person(k, true, { gender: k < 6 ? "woman" : "man" }))
    const base = { ...docWith([]), participations: consented }
    // Bypass the schema: an unconsented record carrying demographics must still be ignored.
    const leaky = {
      ...base,
      participations: [
        ...consented,
        ...Array.from({ length: 9 }, (_, k) => person(100 + k, false, { gender: "other", newcomer: true }))
      ]
    }
    const a = CycleReport.report(base).inclusion
    const b = CycleReport.report(leaky).inclusion
    expect(b).toEqual(a)
    expect(b.gender.cells).toEqual({ woman: 6, man: 6, other: 0, "not-stated": 0 })
    expect(b.consentedPersons).toBe(12)
    expect(CycleReport.report(leaky).participants.unique).toBe(21)
  })
  it("uses a person's consented values across meetings and ignores their unconsented records", () => {
    const doc = docWith([])
    doc.participations = [
      ...Array.from({ length: 6 }, (_, k) => person(k, true, { ageBand: "18-29" })),
      { ...person(0, false, { ageBand: "65-plus" }), id: "later" }
    ]
    expect(CycleReport.report(doc).inclusion.ageBand.cells["18-29"]).toBe(6)
    expect(CycleReport.report(doc).inclusion.ageBand.cells["65-plus"]).toBe(0)
  })
  it("suppresses counts under 5, and a second cell when one alone could be recovered", () => {
    const doc = docWith([])
    doc.participations = [
      ...Array.from({ length: 7 }, (_, k) => person(k, true, { gender: "woman", newcomer: k < 2 })),
      ...Array.from({ length: 3 }, (_, k) => person(10 + k, true, { gender: "man", newcomer: false }))
    ]
    const inc = CycleReport.report(doc).inclusion
    expect(inc.gender).toEqual({
      total: 10,
      cells: { woman: null, man: null, other: 0, "not-stated": 0 },
      suppressed: ["woman", "man"]
    })
    expect(inc.newcomer.cells).toEqual({ newcomer: null, "not-newcomer": null, "not-stated": 0 })
    expect(CycleReport.report(doc, { threshold: 3 }).inclusion.gender.cells).toMatchObject({ woman: 7, man: 3 })
  })
  it("suppresses a whole breakdown when fewer than 5 people consented", () => {
    const doc = docWith([])
    doc.participations = Array.from({ length: 4 }, (_, k) => person(k, true, { gender: "woman" }))
    const inc = CycleReport.report(doc).inclusion
    expect(inc.consentedPersons).toBeNull()
    expect(inc.gender.total).toBeNull()
    expect(Object.values(inc.gender.cells).every((c) => c === null)).toBe(true)
  })
  it("never publishes a cell under the threshold nor a single recoverable cell (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("woman", "man", "other"), fc.boolean()), { maxLength: 80 }),
        fc.integer({ min: 2, max: 10 }),
        (people, threshold) => {
          const doc = docWith([])
          doc.participations = people.map(([gender, consent], k) =>
            person(k, consent, consent ? { gender: gender as Participation.Gender } : undefined)
          )
          const g = CycleReport.report(doc, { threshold }).inclusion.gender
          const cells = Object.values(g.cells)
          for (const c of cells) if (c !== null) expect(c === 0 || c >= threshold).toBe(true)
          if (g.total !== null) expect(g.suppressed.length === 0 || g.suppressed.length >= 2).toBe(true)
          const consenting = people.filter(([, c]) => c).length
          expect(g.total === null ? consenting > 0 && consenting < threshold : g.total === consenting).toBe(true)
        }
      )
    )
  })
  it("breaks down by zone only with a mapping, and says where the mapping comes from", () => {
    expect(report.inclusion.zoneSource).toMatch(/Illustrative/)
    const { zones: _, ...unzoned } = walk
    expect(CycleReport.report(unzoned).inclusion.zone).toBeNull()
    const z = report.inclusion.zone!
    expect((z.cells.coast ?? 0) + (z.cells.inland ?? 0)).toBe(report.inclusion.consentedPersons)
  })
})

describe("CycleReport.compare", () => {
  it("compares cycles year over year without un-suppressing", () => {
    const next = Example.nextCycle(walk, "loop-2017-synthetic", 2017, { sv: "Nästa", en: "Next" })
    const carried = Lineage.carryOver(walk, next, { by: "Region", reason: "unfinished", at: "2016-11-20" })
    expect(CycleDocument.parse(carried.to).ok).toBe(true)
    const rows = CycleReport.compare([CycleReport.report(carried.to), CycleReport.report(carried.from)])
    expect(rows.map((r) => r.year)).toEqual([2016, 2017])
    expect(rows[0]!.change).toBeNull()
    const c = rows[1]!.change!
    expect(rows[1]!.values.ideas).toBe(carried.to.ideas.filter((i) => Stage.rank(i.stage) >= 1).length)
    expect(c.ideas.absolute).toBe(rows[1]!.values.ideas! - rows[0]!.values.ideas!)
    expect(c.ideas.relative).toBeCloseTo(c.ideas.absolute! / rows[0]!.values.ideas!, 12)
    expect(rows[0]!.values.women).toBe(22)
    expect(rows[1]!.values.women).toBe(0)
    expect(c.women).toEqual({ absolute: -22, relative: -1 })
    const strict = CycleReport.compare([
      CycleReport.report(carried.to),
      CycleReport.report(carried.from, { threshold: 50 })
    ])
    expect(strict[0]!.values.women).toBeNull()
    expect(strict[1]!.change!.women).toEqual({ absolute: null, relative: null })
    expect(() => CycleReport.compare([report, report])).toThrow(/Two cycle reports for 2016/)
    // reports with the meeting cross-tab compare like any other, also after a JSON round trip
    const revived = JSON.parse(JSON.stringify([CycleReport.report(carried.from), CycleReport.report(carried.to)]))
    expect(CycleReport.compare(revived)).toEqual(rows)
  })
})
