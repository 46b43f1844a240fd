import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Portfolio, Workspace } from "../src/index.js"
import { small } from "./fixtures.js"

const amounts = (list: ReadonlyArray<Portfolio.Amount>) => Object.fromEntries(list.map((a) => [a.key, a.amount]))

describe("Portfolio on the hand-made workspace", () => {
  const w = small()

  it("builds the coverage matrix over decided projects, goals also through efforts", () => {
    const c = Portfolio.coverage(w)
    expect(c.projects.map((p) => p.id)).toEqual(["p1", "p2", "p-unlinked"])
    const rows = Object.fromEntries(c.rows.map((r) => [`${r.kind}:${r.id}`, r.shares]))
    expect(rows).toEqual({
      "goal:g1": [1, 1, 0],
      "goal:g2": [0, 0, 0],
      "effort:e1": [0, 1, 0],
      "strengthArea:sa1": [0.75, 0, 0],
      "strengthArea:sa2": [0.25, 0, 0],
      "strengthArea:sa3": [0, 0, 0]
    })
  })

  it("limits active projects to those running on asOf", () => {
    expect(Portfolio.coverage(w, { asOf: "2024-03-01" }).projects.map((p) => p.id)).toEqual(["p-unlinked"])
    expect(Portfolio.coverage(w, { asOf: "2022-06" }).projects.map((p) => p.id)).toEqual(["p1"])
  })

  it("totals funding per currency by source, programme, year, goal and strength area", () => {
    const [sek, eur] = Portfolio.fundingTotals(w)
    expect(sek!.currency).toBe("SEK")
    expect(sek!.total).toBe(1_500_000)
    expect(amounts(sek!.bySource)).toEqual({ ERDF: 1_000_000, regional: 500_000 })
    expect(amounts(sek!.byProgramme)).toEqual({ P: 1_000_000, "(unallocated)": 500_000 })
    expect(amounts(sek!.byYear)).toEqual({ "2022": 1_000_000, "2023": 500_000 })
    expect(amounts(sek!.byGoal)).toEqual({ g1: 1_500_000 })
    expect(amounts(sek!.byStrengthArea)).toEqual({ sa1: 1_125_000, sa2: 375_000 })
    expect(eur!.total).toBe(100_000)
    expect(amounts(eur!.byYear)["2020"]).toBeCloseTo((100_000 * 366) / 731, 9)
    expect(amounts(eur!.byGoal)).toEqual({ g1: 100_000 })
    expect(amounts(eur!.byStrengthArea)).toEqual({ "(unallocated)": 100_000 })
    expect(Portfolio.unknownAmounts(w)).toEqual(["f4"])
  })

  it("finds gaps", () => {
    const g = Portfolio.gaps(w)
    expect(g.goals.map((x) => x.id)).toEqual(["g2"])
    expect(g.efforts).toEqual([])
    expect(g.strengthAreas.map((x) => x.id)).toEqual(["sa3"])
    expect(g.unlinkedProjects.map((x) => x.id)).toEqual(["p-unlinked"])
  })

  it("counts projects per year", () => {
    expect(Portfolio.activePerYear(w).map((y) => [y.year, y.projectIds])).toEqual([
      [2020, ["p2"]],
      [2021, ["p2"]],
      [2022, ["p1"]],
      [2023, ["p1", "p-unlinked"]]
    ])
    expect(Portfolio.activePerYear(w, { asOf: "2025" }).at(-1)).toEqual({
      year: 2025,
      count: 1,
      projectIds: ["p-unlinked"]
    })
  })

  it("matches ideas with calls by priority and deadline", () => {
    expect(Portfolio.callMatches(w, { asOf: "2024-03-01" })).toEqual([
      {
        projectId: "idea-1",
        callId: "call-open",
        deadline: "2024-06-30",
        state: "open",
        daysLeft: 121,
        matchedStrengthAreaIds: ["sa3"],
        matchedGoalIds: [],
        openToAll: false
      }
    ])
    expect(Portfolio.callMatches(w, { asOf: "2023-12-01" })[0]!.state).toBe("upcoming")
    const all = Portfolio.callMatches(w)
    expect(all.map((m) => [m.callId, m.openToAll])).toEqual([
      ["call-closed", true],
      ["call-open", false]
    ])
  })

  it("gives a JSON-serialisable report", () => {
    const report = Portfolio.analyse(w, { asOf: "2024-03-01" })
    // a round trip through JSON loses nothing: no Map, Set, Date, NaN or Infinity in the report
    expect(JSON.parse(JSON.stringify(report))).toEqual(report)
    expect(report.projectCounts.active).toBe(2)
    expect(report.fundingsWithoutAmount).toEqual(["f4"])
  })
})

const currencies = ["SEK", "EUR", "NOK"] as const

/** A random workspace: goals, efforts, strength areas, projects with weighted links, and fundings. */
const arbitraryWorkspace = fc
  .record({
    goals: fc.integer({ min: 0, max: 4 }),
    efforts: fc.integer({ min: 0, max: 4 }),
    areas: fc.integer({ min: 0, max: 6 }),
    projects: fc.array(
      fc.record({
        links: fc.array(
          fc.record({
            kind: fc.constantFrom("goal", "effort", "strengthArea"),
            n: fc.nat(10),
            weight: fc.option(fc.double({ min: 0.01, max: 100, noNaN: true }), { nil: undefined })
          }),
          { maxLength: 5 }
        ),
        start: fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: undefined }),
        length: fc.integer({ min: 0, max: 2000 })
      }),
      { minLength: 1, maxLength: 8 }
    ),
    fundings: fc.array(
      fc.record({
        project: fc.nat(20),
        amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
        currency: fc.constantFrom(...currencies),
        source: fc.constantFrom("ERDF", "Vinnova", "regional"),
        programme: fc.option(fc.constantFrom("A", "B"), { nil: undefined })
      }),
      { maxLength: 20 }
    )
  })
  .map((r) => {
    const w = Workspace.empty({
      id: "r",
      name: { sv: "R", en: "R" },
      country: "SE",
      nutsCode: "SE331",
      municipalities: []
    })
    const label = { sv: "x", en: "x" }
    w.strategies.push({ id: "s", regionIds: ["r"], kind: "RIS", title: label, status: "adopted" })
    for (let i = 0; i < r.goals; i++) w.goals.push({ id: `g${i}`, strategyId: "s", order: i + 1, title: label })
    for (let i = 0; i < r.efforts && r.goals > 0; i++)
      w.efforts.push({ id: `e${i}`, goalId: `g${i % r.goals}`, title: label })
    for (let i = 0; i < r.areas; i++)
      w.strengthAreas.push({ id: `a${i}`, strategyId: "s", name: label, tier: "strength" })
    const count = { goal: w.goals.length, effort: w.efforts.length, strengthArea: w.strengthAreas.length }
    const prefix = { goal: "g", effort: "e", strengthArea: "a" }
    r.projects.forEach((p, i) => {
      const links = p.links
        .filter((l) => count[l.kind] > 0)
        .map((l) => ({
          kind: l.kind,
          id: `${prefix[l.kind]}${l.n % count[l.kind]}`,
          ...(l.weight === undefined ? {} : { weight: l.weight })
        }))
      const start = p.start === undefined ? undefined : Date.UTC(p.start, 0, 1)
      const period =
        start === undefined
          ? undefined
          : {
              start: new Date(start).toISOString().slice(0, 10),
              end: new Date(start + p.length * 86_400_000).toISOString().slice(0, 10)
            }
      w.projects.push({ id: `p${i}`, title: label, status: "active", links, ...(period ? { period } : {}) })
    })
    r.fundings.forEach((f, i) => {
      w.fundings.push({
        id: `f${i}`,
        projectId: `p${f.project % r.projects.length}`,
        source: f.source,
        amount: f.amount,
        currency: f.currency,
        ...(f.programme === undefined ? {} : { programme: f.programme })
      })
    })
    return w
  })

const sum = (list: ReadonlyArray<Portfolio.Amount>) => list.reduce((s, a) => s + a.amount, 0)

describe("Portfolio funding splits (property)", () => {
  it("the random workspaces are valid", () => {
    fc.assert(
      fc.property(arbitraryWorkspace, (w) => {
        expect(Workspace.validate(w)).toEqual([])
      }),
      { numRuns: 100 }
    )
  })

  it("conserve the total of every currency in every breakdown", () => {
    fc.assert(
      fc.property(arbitraryWorkspace, (w) => {
        const totals = Portfolio.fundingTotals(w)
        for (const t of totals) {
          const input = w.fundings.filter((f) => f.currency === t.currency).reduce((s, f) => s + f.amount!, 0)
          const tolerance = 1e-9 * Math.max(1, input)
          expect(Math.abs(t.total - input)).toBeLessThanOrEqual(tolerance)
          for (const breakdown of [t.bySource, t.byProgramme, t.byYear, t.byGoal, t.byStrengthArea]) {
            expect(Math.abs(sum(breakdown) - input)).toBeLessThanOrEqual(tolerance)
            for (const a of breakdown) expect(a.amount).toBeGreaterThanOrEqual(0)
          }
        }
        expect(new Set(totals.map((t) => t.currency))).toEqual(new Set(w.fundings.map((f) => f.currency)))
      }),
      { numRuns: 300 }
    )
  })

  it("splits a project's goal shares to sum 1 whenever it has a goal link", () => {
    fc.assert(
      fc.property(arbitraryWorkspace, (w) => {
        for (const p of w.projects) {
          for (const kind of ["goal", "effort", "strengthArea"] as const) {
            const s = Portfolio.shares(w, p, kind)
            if (s.length > 0) expect(s.reduce((a, [, x]) => a + x, 0)).toBeCloseTo(1, 12)
          }
        }
      }),
      { numRuns: 200 }
    )
  })
})
