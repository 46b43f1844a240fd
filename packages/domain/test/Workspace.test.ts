import { describe, expect, it } from "vitest"
import { Examples, Workspace } from "../src/index.js"
import { small } from "./fixtures.js"

type W = Workspace.Workspace

/** Breaks a copy of the small workspace and returns its problems. */
const broken = (edit: (w: W) => void) => {
  const w = structuredClone(small())
  edit(w)
  return Workspace.validate(w)
}

const single = (edit: (w: W) => void) => {
  const problems = broken(edit)
  expect(problems).toHaveLength(1)
  return problems[0]!
}

describe("Workspace.validate", () => {
  it("accepts the hand-made workspace", () => {
    expect(Workspace.validate(small())).toEqual([])
  })

  it("reports duplicate ids with both places", () => {
    const p = single((w) => {
      w.goals[1]!.id = "g1"
    })
    expect(p.rule).toBe("duplicate-id")
    expect(p.message).toBe('goals[1].id: expected a unique goal id, but "g1" is also goals[0]')
  })

  it("reports unknown references in every kind of link", () => {
    const problems = broken((w) => {
      w.strategies[1]!.regionIds = ["nowhere"]
      w.strategies[1]!.parentStrategyId = "no-rus"
      w.goals[0]!.strategyId = "no-strategy"
      w.efforts[0]!.leadActorIds = ["actor-a", "ghost"]
      w.strengthAreas[0]!.parentId = "no-area"
      w.projects[0]!.coordinatorId = "nobody"
      w.projects[0]!.links![1]!.id = "sa-missing"
      w.projects[0]!.currentPhaseId = "ph9"
      w.programmes[0]!.projectIds = ["p404"]
      w.fundings[0]!.projectId = "p404"
      w.calls[0]!.eligibleStrengthAreaIds = ["sa404"]
      w.meetingPlaces[0]!.ownerId = "owner404"
      w.indicatorLinks[0]!.subject = { kind: "effort", id: "e404" }
      w.contacts[0]!.actorId = "a404"
    })
    expect(problems.map((p) => p.path)).toEqual([
      "strategies[1].regionIds[0]",
      "strategies[1].parentStrategyId",
      "goals[0].strategyId",
      "efforts[0].leadActorIds[1]",
      "strengthAreas[0].parentId",
      "projects[0].coordinatorId",
      "projects[0].links[1].id",
      "projects[0].currentPhaseId",
      "programmes[0].projectIds[0]",
      "fundings[0].projectId",
      "calls[0].eligibleStrengthAreaIds[0]",
      "meetingPlaces[0].ownerId",
      "indicatorLinks[0].subject.id",
      "contacts[0].actorId"
    ])
    expect(problems.every((p) => p.rule === "unknown-reference")).toBe(true)
    expect(problems[6]!.message).toBe(
      'projects[0].links[1].id: expected the id of a strength area in "strengthAreas", found "sa-missing"'
    )
  })

  it("reports cycles in parent chains", () => {
    const problems = broken((w) => {
      w.strategies[0]!.parentStrategyId = "ris"
    })
    expect(problems.map((p) => p.rule)).toEqual(["cycle", "cycle"])
    expect(problems[0]!.message).toBe(
      'strategies[0].parentStrategyId: expected a parent chain without cycles, but "rus" leads back to "rus"'
    )
  })

  it("reports periods that end before they start", () => {
    const p = single((w) => {
      w.strategies[1]!.period = { start: "2030", end: "2022" }
    })
    expect(p.rule).toBe("period-order")
    expect(p.message).toBe("strategies[1].period: expected the end on or after the start, found 2030 – 2022")
  })

  it("reports a call that opens after its deadline", () => {
    const p = single((w) => {
      w.calls[0]!.opens = "2024-07"
    })
    expect(p.message).toBe(
      "calls[0].opens: expected the call to open on or before its deadline 2024-06-30, found 2024-07"
    )
  })

  it("reports phases out of order, overlapping or outside the project", () => {
    const orderProblem = single((w) => {
      w.projects[0]!.phases![1]!.order = 1
    })
    expect(orderProblem.rule).toBe("phase-order")
    expect(orderProblem.message).toBe(
      "projects[0].phases[1].order: expected phases listed in increasing order, found order 1 after 1"
    )
    const overlap = single((w) => {
      w.projects[0]!.phases![1]!.period = { start: "2022-12", end: "2023-12" }
    })
    expect(overlap.message).toBe(
      "projects[0].phases[1].period: expected the phase to start after the previous phase ends, found 2022-12 – 2023-12"
    )
    const outside = single((w) => {
      w.projects[0]!.phases![1]!.period = { start: "2023-01", end: "2024-03" }
    })
    expect(outside.rule).toBe("period-outside")
    expect(outside.message).toBe(
      "projects[0].phases[1].period: expected a period within 2022-01-01 – 2023-12-31, found 2023-01 – 2024-03"
    )
  })

  it("reports funding outside its project's period and amounts without currency", () => {
    const problems = broken((w) => {
      w.fundings[1]!.period = { start: "2021", end: "2022" }
      w.fundings[3]!.amount = 5
    })
    expect(problems.map((p) => p.message)).toEqual([
      "fundings[1].period: expected a period within its project's 2022-01-01 – 2023-12-31, found 2021 – 2022",
      "fundings[3].currency: expected a currency for the amount 5, found none"
    ])
  })

  it("reports a target year outside its strategy's period", () => {
    const p = single((w) => {
      w.targets[0]!.year = 2035
    })
    expect(p.message).toBe('targets[0].year: expected a year within strategy "ris" 2022 – 2030, found 2035')
  })

  it("checks codes against @innokraft/reference", () => {
    const problems = broken((w) => {
      w.regions[0]!.nutsCode = "SE999"
      w.regions[0]!.municipalities.push({ code: "9999" })
      w.actors[0]!.municipality = "0000"
      w.strengthAreas[0]!.eyeRis3 = {
        economicDomains: ["C", "16", "04"],
        scientificDomains: [],
        policyObjectives: [],
        sdgs: [],
        keywords: []
      }
    })
    expect(problems.map((p) => p.message)).toEqual([
      'regions[0].nutsCode: expected a Swedish NUTS code such as "SE331", found "SE999"',
      'regions[0].municipalities[2].code: expected a Swedish municipality code such as "2480" (Umeå), found "9999"',
      'actors[0].municipality: expected a Swedish municipality code such as "2480" (Umeå), found "0000"',
      'strengthAreas[0].eyeRis3.economicDomains[2]: expected a NACE Rev. 2 section or division known to SNI 2007, found "04"'
    ])
  })

  it("reports municipalities outside the region and unknown zones", () => {
    const problems = broken((w) => {
      w.regions[0]!.municipalities.push({ code: "1490" })
      w.regions[0]!.municipalities[0]!.zone = "mountain"
    })
    expect(problems.map((p) => p.message)).toEqual([
      'regions[0].municipalities[0].zone: expected one of the region\'s zones ["coast", "inland"], found "mountain"',
      'regions[0].municipalities[2].code: expected a municipality inside SE331, found "1490" (Borås)'
    ])
  })

  it("checks action plans: references, the policy instrument's NUTS code, action ids and timeframes", () => {
    const vb = Examples.vasterbotten
    expect(vb.actionPlans.map((p) => p.id)).toEqual(["vasterbotten-osiris-action-plan"])
    const problems = Workspace.validate({
      ...vb,
      actionPlans: [
        {
          ...vb.actionPlans[0]!,
          ownerId: "nobody",
          projectId: "no-project",
          strategyIds: ["no-strategy"],
          policyInstrument: { name: { sv: "X", en: "X" }, nutsCode: "SE99" },
          actions: [
            { id: "a", title: { sv: "A", en: "A" }, actorIds: ["stranger"] },
            { id: "a", title: { sv: "B", en: "B" }, actorIds: [], timeframe: { start: "2020", end: "2019" } }
          ]
        }
      ]
    })
    expect(problems.map((p) => p.message)).toEqual([
      'actionPlans[0].ownerId: expected the id of an actor in "actors", found "nobody"',
      'actionPlans[0].projectId: expected the id of a project in "projects", found "no-project"',
      'actionPlans[0].strategyIds[0]: expected the id of a strategy in "strategies", found "no-strategy"',
      'actionPlans[0].policyInstrument.nutsCode: expected a Swedish NUTS code such as "SE33" (Övre Norrland), found "SE99"',
      'actionPlans[0].actions[0].actorIds[0]: expected the id of an actor in "actors", found "stranger"',
      'actionPlans[0].actions[1].id: expected a unique action id, but "a" is also actions[0]',
      "actionPlans[0].actions[1].timeframe: expected the end on or after the start, found 2020 – 2019"
    ])
  })

  it("refuses an action plan without actions", () => {
    const json = JSON.parse(JSON.stringify(Examples.vasterbotten))
    json.actionPlans[0].actions = []
    const result = Workspace.parse(json)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems.map((p) => p.message)).toContain("actionPlans[0].actions: expected at least one action")
  })

  it("returns every problem, not just the first", () => {
    const problems = broken((w) => {
      w.goals[0]!.strategyId = "x"
      w.goals[1]!.strategyId = "y"
      w.fundings[3]!.amount = 1
    })
    expect(problems).toHaveLength(3)
  })
})

describe("Workspace.parse", () => {
  it("returns the workspace for valid JSON", () => {
    const result = Workspace.parse(JSON.parse(JSON.stringify(small())))
    expect(result.ok).toBe(true)
  })

  it("reports schema problems with paths: negative amounts, unknown currencies, bad ids", () => {
    const json = JSON.parse(JSON.stringify(small()))
    json.fundings[0].amount = -5
    json.fundings[1].currency = "XXX"
    json.projects[0].id = "Not A Slug"
    json.projects[0].links[0].weight = 0
    const result = Workspace.parse(json)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const byPath = new Map(result.problems.map((p) => [p.path, p.message]))
    expect(byPath.get("fundings[0].amount")).toBe("fundings[0].amount: expected a non-negative amount")
    expect(byPath.get("fundings[1].currency")).toMatch(
      /^fundings\[1\]\.currency: Invalid option: expected one of "SEK"/
    )
    expect(byPath.get("projects[0].id")).toMatch(/^projects\[0\]\.id: expected a project id: lower-case/)
    expect(byPath.get("projects[0].links[0].weight")).toBe("projects[0].links[0].weight: expected a positive weight")
    expect(result.problems).toHaveLength(4)
  })

  it("refuses other formats and newer versions", () => {
    const a = Workspace.parse({ format: "other", version: 2 })
    expect(a.ok === false && a.problems[0]!.message).toBe('format: expected "innokraft-workspace", found "other"')
    const b = Workspace.parse({ format: "innokraft-workspace", version: 3, regions: [] })
    expect(b.ok === false && b.problems[0]!.path).toBe("version")
    const c = Workspace.parse([1, 2])
    expect(c.ok === false && c.problems[0]!.message).toBe("(document): expected a JSON object")
  })

  it("strips personal data on request", () => {
    expect(Workspace.withoutPersonalData(small()).contacts).toEqual([])
  })
})
