import { describe, expect, it } from "vitest"
import { Complexity, LocationQuotient, Matrix, Priority, Relatedness, ShiftShare } from "../src/index.js"
import { Scored } from "../src/schema.js"
import { eurostatCounties, eurostatSweden } from "./data.js"

describe("Priority.score", () => {
  const candidates: ReadonlyArray<Priority.Candidate> = [
    {
      name: "a",
      industries: ["1"],
      values: { mass: 3, specialisation: 2, relatedness: 0.9, complexity: 1, challenge: 2 }
    },
    {
      name: "b",
      industries: ["2"],
      values: { mass: 2, specialisation: 0.5, relatedness: 0.8, complexity: -1, dynamics: 1 }
    },
    {
      name: "c",
      industries: ["3"],
      values: { mass: 1, specialisation: 1.5, relatedness: 0.1, complexity: 2, challenge: 0 }
    },
    {
      name: "d",
      industries: ["4"],
      values: { mass: 0, specialisation: 0.2, relatedness: 0.2, complexity: -2, challenge: 1 }
    }
  ]

  it("scores by percentile ranks with equal weights and ranks ties by name", () => {
    const scored = Priority.score(candidates)
    const a = scored.find((s) => s.name === "a")!
    // a: mass 1, specialisation 1, relatedness 1, complexity 2/3, challenge 1 (of a, c, d) → mean over 5 criteria
    expect(a.percentiles).toEqual({ mass: 1, specialisation: 1, relatedness: 1, complexity: 2 / 3, challenge: 1 })
    expect(a.score).toBeCloseTo((1 + 1 + 1 + 2 / 3 + 1) / 5, 14)
    expect(a.rank).toBe(1)
    expect(a.missing).toEqual(
      ["knowledge", "dynamics"].sort(
        (x, y) =>
          Priority.criteria.indexOf(x as Priority.Criterion) - Priority.criteria.indexOf(y as Priority.Criterion)
      )
    )
    expect(scored.map((s) => s.rank).sort()).toEqual([1, 2, 3, 4])
    const tie = Priority.score([
      { name: "y", industries: [], values: { mass: 1 } },
      { name: "x", industries: [], values: { mass: 1 } }
    ])
    expect(tie.map((s) => s.rank)).toEqual([2, 1])
  })

  it("weights change the ranking; the rank ranges are seeded", () => {
    const complexOnly = Priority.score(candidates, { weights: { complexity: 1 } })
    expect(complexOnly.find((s) => s.name === "c")!.rank).toBe(1)
    const one = Priority.score(candidates, { seed: 7, draws: 500 })
    const two = Priority.score(candidates, { seed: 7, draws: 500 })
    expect(one).toEqual(two)
    expect(() => Priority.score(candidates, { weights: { mass: -1 } })).toThrow(/weight ≥ 0/)
  })

  // Two candidates, each ahead on its own criteria (percentiles 1 and 0): y ranks first exactly when the flat
  // Dirichlet weights of its k criteria out of n sum above ½, and that sum is Beta(k, n − k), so
  // P(y first) = P(Beta(k, n − k) > ½) = Σ_{j<k} C(n−1, j) / 2^(n−1). With 10,000 draws the Monte Carlo share has a
  // standard error ≤ 0.0025; every case below is more than 5 standard errors from the 5 %, 50 % and 95 % cut-offs,
  // so the quantiles are decided by the distribution, not by the seed.
  const duel = (n: number, k: number) => {
    const used = Priority.criteria.slice(0, n)
    const values = (ahead: (j: number) => boolean) =>
      Object.fromEntries(used.map((criterion, j) => [criterion, ahead(j) ? 1 : 0]))
    return Object.fromEntries(
      Priority.score(
        [
          { name: "x", industries: [], values: values((j) => j >= k) },
          { name: "y", industries: [], values: values((j) => j < k) }
        ],
        { seed: 3, draws: 10_000 }
      ).map((s) => [s.name, s.rankRange])
    )
  }

  it("rank ranges follow the flat Dirichlet weights: y first on 1 of 6 criteria with P = 1/32 < 5 %", () => {
    expect(duel(6, 1)).toEqual({ x: { p5: 1, median: 1, p95: 1 }, y: { p5: 2, median: 2, p95: 2 } })
  })

  it("rank ranges follow the flat Dirichlet weights: y first on 1 of 5 criteria with P = 1/16 > 5 %", () => {
    // uniform weights normalised to sum 1 (not Dirichlet) would give P = 1/120 and y's range would be [2, 2]
    expect(duel(5, 1)).toEqual({ x: { p5: 1, median: 1, p95: 2 }, y: { p5: 1, median: 2, p95: 2 } })
  })

  it("rank ranges follow the flat Dirichlet weights: y first on 2 of 6 criteria with P = 6/32", () => {
    expect(duel(6, 2)).toEqual({ x: { p5: 1, median: 1, p95: 2 }, y: { p5: 1, median: 2, p95: 2 } })
  })

  it("places candidates in the Balland quadrants and labels strengths and emerging areas", () => {
    const scored = Object.fromEntries(Priority.score(candidates).map((s) => [s.name, s]))
    expect(scored.a!.quadrant).toBe("high relatedness, high complexity")
    expect(scored.b!.quadrant).toBe("high relatedness, low complexity")
    expect(scored.c!.quadrant).toBe("low relatedness, high complexity")
    expect(scored.d!.quadrant).toBe("low relatedness, low complexity")
    expect(scored.a!.label).toBe("strength")
    expect(scored.b!.label).toBe("emerging")
    expect(scored.c!.label).toBeNull()
  })

  it("builds criteria for Västernorrland (SE321) from Eurostat data and ranks three candidate areas", () => {
    const panel = eurostatCounties()
    const sweden = eurostatSweden()
    const m = Matrix.year(panel, 2017)
    const national = Matrix.year(sweden, 2017).values
    const d = ShiftShare.classic(Matrix.year(panel, 2012), m, {
      base: Matrix.year(sweden, 2012).values,
      end: national
    })
    const mcp = LocationQuotient.presence(m)
    const phi = Relatedness.proximity(mcp)
    const density = Relatedness.density(mcp, phi)
    const { pci } = Complexity.eci(mcp)
    const I = m.industries.length
    const r = m.regions.indexOf("SE321")
    const row = (x: Float64Array) => x.subarray(r * I, (r + 1) * I)
    const data = {
      industries: m.industries,
      region: row(m.values),
      reference: national,
      competitive: row(d.competitive),
      base: row(Matrix.year(panel, 2012).values),
      density: row(density.values),
      pci: pci.values
    }
    const areas = { primary: ["A", "B-E"], services: ["J", "K", "M-N"], welfare: ["O-Q"] }
    const cands = Object.entries(areas).map(([name, industries]) => ({
      name,
      industries,
      values: Priority.criteriaOf(industries, data)
    }))
    const primary = cands[0]!.values
    // A + B-E: 5,000 + 16,000 of SE321's 118,000; Sweden 104,000 + 627,000 of 5,016,000
    expect(primary.mass).toBeCloseTo(Math.log(21000 / 118000), 12)
    expect(primary.specialisation).toBeCloseTo(21000 / 118000 / (731000 / 5016000), 12)
    const scored = Priority.score(cands, { seed: 3 })
    expect(scored.map((s) => s.rank).sort()).toEqual([1, 2, 3])
    // welfare (O-Q): LQ 1.14 and the largest share → a strength; primary has LQ 1.22 but only the median mass
    expect(scored.find((s) => s.name === "welfare")!.label).toBe("strength")
    expect(scored.find((s) => s.name === "primary")!.label).toBeNull()
    // the published schema describes exactly what score gives, through JSON
    const json = JSON.parse(JSON.stringify(scored))
    expect(json.map((s: unknown) => Scored.parse(s))).toEqual(json)
    expect(Scored.safeParse({ ...json[0], quadrant: "somewhere" }).success).toBe(false)
  })
})

describe("Priority.score: NaN inputs are errors, not ranks", () => {
  const ok: Priority.Candidate = { name: "ok", industries: ["1"], values: { mass: 1, specialisation: 2 } }

  it("a NaN criterion value names the candidate and the criterion", () => {
    const bad: Priority.Candidate = {
      name: "Forest",
      industries: ["2"],
      values: { mass: Number.NaN, specialisation: 1 }
    }
    expect(() => Priority.score([ok, bad])).toThrow(
      /candidate "Forest": criterion mass: expected a number, found NaN \(leave a criterion out to mark it missing\)/
    )
  })

  it("a candidate without any value of a weighted criterion has no score: an error, not rank n", () => {
    const empty: Priority.Candidate = { name: "Empty", industries: ["3"], values: {} }
    expect(() => Priority.score([ok, empty])).toThrow(/candidate "Empty": .* found no criterion values/)
    const unweighted: Priority.Candidate = { name: "Side", industries: ["3"], values: { relatedness: 0.3 } }
    expect(() => Priority.score([ok, unweighted], { weights: { mass: 1 } })).toThrow(
      /candidate "Side": expected a value of at least one criterion with a positive weight, found only relatedness/
    )
  })

  it("an unknown criterion in a candidate's values is an error", () => {
    const typo = { name: "Typo", industries: ["4"], values: { mas: 1 } } as unknown as Priority.Candidate
    expect(() => Priority.score([ok, typo])).toThrow(/candidate "Typo": unknown criterion "mas"/)
  })

  it("criteriaOf leaves dynamics missing when the area had no base-year activity (instead of 0/0)", () => {
    const values = Priority.criteriaOf(["b"], {
      industries: ["a", "b"],
      region: [10, 5],
      reference: [100, 20],
      competitive: [3, 2],
      base: [10, 0]
    })
    expect(values.dynamics).toBeUndefined()
    expect(values.specialisation).toBeCloseTo(5 / 15 / (20 / 120), 14)
    const scored = Priority.score([ok, { name: "new", industries: ["b"], values }])
    expect(scored.find((s) => s.name === "new")!.missing).toContain("dynamics")
  })
})
