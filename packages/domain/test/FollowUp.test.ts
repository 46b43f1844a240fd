import { describe, expect, it } from "vitest"
import { Examples, FollowUp, Workspace } from "../src/index.js"

// Övre Norrland's business R&D expenditure per inhabitant (Eurostat rd_e_gerdreg, BES), from
// shared/data/eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv: 275.7 EUR in 2015, 250.0 EUR in 2017.
const se33 = [
  { year: 2015, value: 275.7 },
  { year: 2017, value: 250 }
]

describe("FollowUp.status", () => {
  it("judges the latest actual against the straight path from the baseline to the target", () => {
    // path 2015 → 2025: 275.7 → 300, so 2017 expects 275.7 + 24.3 · 2/10 = 280.56; the actual fell by 25.7:
    // r = −25.7 / 4.86 = −5.288…
    const s = FollowUp.status(se33[0]!, { year: 2025, value: 300 }, se33)
    expect(s.status).toBe("off-track")
    expect(s.actual).toEqual({ year: 2017, value: 250 })
    expect(s.expected).toBeCloseTo(280.56, 10)
    expect(s.progress).toBeCloseTo(-25.7 / 4.86, 10)
  })

  it("is on track from 90 % of the expected progress and at risk from 50 % (defaults)", () => {
    const baseline = { year: 2020, value: 100 }
    const target = { year: 2030, value: 200 }
    // 2025 expects 150: the progress shares are (actual − 100) / 50
    const at = (value: number) => FollowUp.status(baseline, target, [{ year: 2025, value }])
    expect(at(150)).toMatchObject({ status: "on-track", progress: 1, expected: 150 })
    expect(at(170).status).toBe("on-track")
    expect(at(145)).toMatchObject({ status: "on-track", progress: 0.9 })
    expect(at(144.9).status).toBe("at-risk")
    expect(at(125)).toMatchObject({ status: "at-risk", progress: 0.5 })
    expect(at(124.9).status).toBe("off-track")
    expect(at(90).status).toBe("off-track")
    // configurable: with onTrack 0.8 the 140 is on track, with atRisk 0.3 the 120 is at risk
    expect(FollowUp.status(baseline, target, [{ year: 2025, value: 140 }], { onTrack: 0.8, atRisk: 0.5 }).status).toBe(
      "on-track"
    )
    expect(FollowUp.status(baseline, target, [{ year: 2025, value: 120 }], { onTrack: 0.9, atRisk: 0.3 }).status).toBe(
      "at-risk"
    )
    expect(() => FollowUp.status(baseline, target, [], { onTrack: 0.4, atRisk: 0.5 })).toThrow(
      /expected 0 ≤ atRisk ≤ onTrack, found atRisk 0.5 and onTrack 0.4/
    )
  })

  it("works for falling targets too", () => {
    const baseline = { year: 2020, value: 50 }
    const target = { year: 2030, value: 30 }
    expect(FollowUp.status(baseline, target, [{ year: 2025, value: 40 }])).toMatchObject({
      status: "on-track",
      progress: 1
    })
    expect(FollowUp.status(baseline, target, [{ year: 2025, value: 48 }]).status).toBe("off-track")
    expect(FollowUp.status(baseline, target, [{ year: 2025, value: 55 }]).status).toBe("off-track")
  })

  it("takes the latest actual between the baseline year and the target year", () => {
    const baseline = { year: 2020, value: 100 }
    const actuals = [
      { year: 2018, value: 500 },
      { year: 2022, value: 120 },
      { year: 2024, value: 180 },
      { year: 2031, value: 0 }
    ]
    // for 2030 the 2024 value counts (2031 is after the target year): 2024 expects 140, r = 80 / 40 = 2
    expect(FollowUp.status(baseline, { year: 2030, value: 200 }, actuals)).toMatchObject({
      status: "on-track",
      actual: { year: 2024, value: 180 },
      progress: 2
    })
    // for 2023 only the 2022 value counts: 2022 expects 100 + 100 · 2/3, r = 20 / 66.67 = 0.3
    const early = FollowUp.status(baseline, { year: 2023, value: 200 }, actuals)
    expect(early.actual).toEqual({ year: 2022, value: 120 })
    expect(early.progress).toBeCloseTo(0.3, 10)
    expect(early.status).toBe("off-track")
  })

  it("says no data without a baseline or without an actual in the period, and judges the level in the baseline year", () => {
    const target = { year: 2030, value: 200 }
    expect(FollowUp.status(null, target, se33)).toMatchObject({ status: "no-data", actual: null, progress: null })
    expect(FollowUp.status({ year: 2020, value: 100 }, target, se33).status).toBe("no-data")
    // only the baseline year itself observed: no progress expected yet, the level is what counts
    const base = { year: 2015, value: 275.7 }
    expect(FollowUp.status(base, { year: 2025, value: 300 }, [{ year: 2015, value: 275.7 }])).toMatchObject({
      status: "on-track",
      progress: null
    })
    expect(FollowUp.status(base, { year: 2025, value: 300 }, [{ year: 2015, value: 270 }]).status).toBe("off-track")
    // a target that holds the baseline level
    expect(FollowUp.status(base, { year: 2025, value: 275.7 }, se33).status).toBe("off-track")
    expect(FollowUp.status(base, { year: 2025, value: 275.7 }, [{ year: 2017, value: 280 }]).status).toBe("on-track")
  })
})

describe("FollowUp.followUp", () => {
  it("follows Västerbotten's business R&D link to its illustrative targets on the Eurostat series of SE33", () => {
    const checked = Workspace.parse(JSON.parse(JSON.stringify(Examples.vasterbotten)))
    expect(checked.ok).toBe(true)
    const asked: Array<string> = []
    const [link, ...rest] = FollowUp.followUp(Examples.vasterbotten, (l) => {
      asked.push(`${l.indicator}@${l.unit}`)
      return [...se33].reverse()
    })
    expect(rest).toEqual([])
    expect(asked).toEqual(["rd_private_eur_hab@SE33"])
    expect(link!.baseline).toEqual({ year: 2015, value: 275.7 })
    expect(link!.latest).toEqual({ year: 2017, value: 250 })
    expect(link!.actuals.map((a) => a.year)).toEqual([2015, 2017])
    expect(link!.targets.map((t) => [t.year, t.value, t.status, t.illustrative])).toEqual([
      [2025, 300, "off-track", true],
      [2030, 400, "off-track", true]
    ])
    // 2030: 2017 expects 275.7 + 124.3 · 2/15
    expect(link!.targets[1]!.progress).toBeCloseTo(-25.7 / ((124.3 * 2) / 15), 10)
    // without actuals every target has no data
    expect(FollowUp.followUp(Examples.vasterbotten, () => [])[0]!.targets.map((t) => t.status)).toEqual([
      "no-data",
      "no-data"
    ])
  })
})
