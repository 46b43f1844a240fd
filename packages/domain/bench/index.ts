// Medians of repeated runs of validation and portfolio analysis on a synthetic workspace of growing size.
import { Portfolio, Workspace } from "@innokraft/domain"

const label = { sv: "x", en: "x" }

const build = (projects: number): Workspace.Workspace => {
  const w = Workspace.empty({ id: "r", name: label, country: "SE", nutsCode: "SE331", municipalities: [] })
  w.strategies.push({
    id: "s",
    regionIds: ["r"],
    kind: "RIS",
    title: label,
    status: "adopted",
    period: { start: "2020", end: "2030" }
  })
  for (let i = 0; i < 10; i++) w.goals.push({ id: `g${i}`, strategyId: "s", order: i + 1, title: label })
  for (let i = 0; i < 40; i++) w.efforts.push({ id: `e${i}`, goalId: `g${i % 10}`, title: label })
  for (let i = 0; i < 20; i++) w.strengthAreas.push({ id: `a${i}`, strategyId: "s", name: label, tier: "strength" })
  for (let i = 0; i < projects; i++) {
    const year = 2020 + (i % 8)
    w.projects.push({
      id: `p${i}`,
      title: label,
      status: i % 10 === 0 ? "idea" : "active",
      period: { start: `${year}-03-01`, end: `${year + 2}-06-30` },
      links: [
        { kind: "goal", id: `g${i % 10}` },
        { kind: "effort", id: `e${i % 40}`, weight: 2 },
        { kind: "strengthArea", id: `a${i % 20}`, weight: 3 },
        { kind: "strengthArea", id: `a${(i * 7) % 20}` }
      ]
    })
    w.fundings.push({
      id: `f${i}`,
      projectId: `p${i}`,
      source: "ERDF",
      amount: 1000 + i,
      currency: i % 3 ? "SEK" : "EUR"
    })
  }
  for (let i = 0; i < 20; i++) {
    w.calls.push({
      id: `c${i}`,
      title: label,
      source: "ERDF",
      deadline: `2025-${String((i % 12) + 1).padStart(2, "0")}`,
      eligibleStrengthAreaIds: [`a${i}`]
    })
  }
  return w
}

const median = (f: () => unknown, runs: number): number => {
  const times: Array<number> = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    f()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

for (const n of [100, 1_000, 10_000]) {
  const w = build(n)
  const json = JSON.parse(JSON.stringify(w))
  const runs = n >= 10_000 ? 11 : 31
  console.log(
    [
      `projects=${n}`,
      `Workspace.parse ${median(() => Workspace.parse(json), runs).toFixed(2)} ms`,
      `Workspace.validate ${median(() => Workspace.validate(w), runs).toFixed(2)} ms`,
      `Portfolio.fundingTotals ${median(() => Portfolio.fundingTotals(w), runs).toFixed(2)} ms`,
      `Portfolio.analyse ${median(() => Portfolio.analyse(w, { asOf: "2024-06-01" }), runs).toFixed(2)} ms`
    ].join("  ")
  )
}
