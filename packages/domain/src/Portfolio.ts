import type { Currency, Funding } from "./Funding.js"
import type { Label } from "./Label.js"
import * as Period from "./Period.js"
import type { Project, Status } from "./Project.js"
import type { Workspace } from "./Workspace.js"

/**
 * Options of the analyses. `asOf` (a partial date; its first day counts) makes "active" mean "running on that day"
 * and limits call matching to calls whose deadline has not passed. Without it, "active" means every project that
 * was decided (approved, active or completed) and all calls are considered.
 *
 * @since 0.1.0
 */
export interface Options {
  readonly asOf?: Period.PartialDate
}

const decided: ReadonlySet<Status> = new Set(["approved", "active", "completed"])
const prospective: ReadonlySet<Status> = new Set(["idea", "proposal"])

/**
 * Whether a project counts as active: decided (approved, active or completed), and — with `asOf` — running on that
 * day (a project without a period counts when its status is `active`).
 *
 * @since 0.1.0
 */
export const isActive = (project: Project, options: Options = {}): boolean => {
  if (!decided.has(project.status)) return false
  if (options.asOf === undefined) return true
  if (project.period === undefined || (project.period.start === undefined && project.period.end === undefined)) {
    return project.status === "active"
  }
  return Period.containsDay(project.period, Period.firstDay(options.asOf))
}

/**
 * A row or column label in an analysis.
 *
 * @since 0.1.0
 */
export interface Item {
  readonly id: string
  readonly title: Label
}

/**
 * The share of a project that goes to each goal or strength area it is linked to (weights normalised to sum 1
 * within the kind). A goal receives its direct links and the links to its efforts. Empty when the project has no
 * link of that kind.
 *
 * @since 0.1.0
 */
export const shares = (
  workspace: Workspace,
  project: Project,
  kind: "goal" | "effort" | "strengthArea"
): ReadonlyArray<readonly [string, number]> => sharesWith(goalsOfEfforts(workspace), project, kind)

const goalsOfEfforts = (workspace: Workspace): ReadonlyMap<string, string> =>
  new Map(workspace.efforts.map((e) => [e.id, e.goalId]))

const sharesWith = (
  effortGoal: ReadonlyMap<string, string>,
  project: Project,
  kind: "goal" | "effort" | "strengthArea"
): ReadonlyArray<readonly [string, number]> => {
  const weights = new Map<string, number>()
  let total = 0
  for (const link of project.links ?? []) {
    let id: string | undefined
    if (link.kind === kind) id = link.id
    else if (kind === "goal" && link.kind === "effort") id = effortGoal.get(link.id)
    if (id === undefined) continue
    const w = link.weight ?? 1
    weights.set(id, (weights.get(id) ?? 0) + w)
    total += w
  }
  return [...weights].map(([id, w]) => [id, w / total] as const)
}

/**
 * One row of the coverage matrix: a goal, effort or strength area, and its share in each active project (0 when
 * not linked).
 *
 * @since 0.1.0
 */
export interface CoverageRow extends Item {
  readonly kind: "goal" | "effort" | "strengthArea"
  readonly strategyId: string | undefined
  /** One number per column of {@link Coverage.projects}: the project's share linked to this row. */
  readonly shares: ReadonlyArray<number>
  /** The ids of the active projects linked to this row. */
  readonly projectIds: ReadonlyArray<string>
}

/**
 * Goals, efforts and strength areas × active projects.
 *
 * @since 0.1.0
 */
export interface Coverage {
  readonly projects: ReadonlyArray<Item>
  readonly rows: ReadonlyArray<CoverageRow>
}

/**
 * The coverage matrix: rows are the goals, efforts and strength areas (in workspace order), columns the active
 * projects, cells the project's share in the row (see {@link shares}).
 *
 * @since 0.1.0
 */
export const coverage = (workspace: Workspace, options: Options = {}): Coverage => {
  const active = workspace.projects.filter((p) => isActive(p, options))
  const goalOf = new Map(workspace.efforts.map((e) => [e.id, e.goalId]))
  const strategyOfGoal = new Map(workspace.goals.map((g) => [g.id, g.strategyId]))
  const cells = new Map<string, Float64Array>()
  const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`
  const put = (kind: string, id: string, column: number, share: number) => {
    const key = keyOf(kind, id)
    let row = cells.get(key)
    if (row === undefined) {
      row = new Float64Array(active.length)
      cells.set(key, row)
    }
    row[column] = (row[column] ?? 0) + share
  }
  const effortGoal = goalsOfEfforts(workspace)
  active.forEach((project, column) => {
    for (const kind of ["goal", "effort", "strengthArea"] as const) {
      for (const [id, share] of sharesWith(effortGoal, project, kind)) put(kind, id, column, share)
    }
  })
  const row = (kind: CoverageRow["kind"], id: string, title: Label, strategyId: string | undefined): CoverageRow => {
    const r = cells.get(keyOf(kind, id)) ?? new Float64Array(active.length)
    return {
      kind,
      id,
      title,
      strategyId,
      shares: Array.from(r),
      projectIds: active.filter((_, i) => (r[i] ?? 0) > 0).map((p) => p.id)
    }
  }
  return {
    projects: active.map((p) => ({ id: p.id, title: p.title })),
    rows: [
      ...workspace.goals.map((g) => row("goal", g.id, g.title, g.strategyId)),
      ...workspace.efforts.map((e) => row("effort", e.id, e.title, strategyOfGoal.get(goalOf.get(e.id) ?? ""))),
      ...workspace.strengthAreas.map((a) => row("strengthArea", a.id, a.name, a.strategyId))
    ]
  }
}

/**
 * An amount under a key (a source, programme, year, goal or strength-area id).
 *
 * @since 0.1.0
 */
export interface Amount {
  readonly key: string
  readonly amount: number
}

/**
 * Funding totals in one currency. Every breakdown sums to `total`: amounts that cannot be placed go under
 * {@link unallocated} (a project linked to no goal or no strength area, a funding with no programme or no period).
 *
 * @since 0.1.0
 */
export interface FundingTotals {
  readonly currency: Currency
  readonly total: number
  readonly bySource: ReadonlyArray<Amount>
  readonly byProgramme: ReadonlyArray<Amount>
  readonly byYear: ReadonlyArray<Amount>
  readonly byGoal: ReadonlyArray<Amount>
  readonly byStrengthArea: ReadonlyArray<Amount>
}

/**
 * The key under which amounts that cannot be placed are counted.
 *
 * @since 0.1.0
 */
export const unallocated = "(unallocated)"

/** Sums into slots of a Float64Array, one per key in first-seen order. */
class Accumulator {
  private readonly index = new Map<string, number>()
  private values = new Float64Array(16)
  add(key: string, amount: number): void {
    let i = this.index.get(key)
    if (i === undefined) {
      i = this.index.size
      this.index.set(key, i)
      if (i >= this.values.length) {
        const grown = new Float64Array(this.values.length * 2)
        grown.set(this.values)
        this.values = grown
      }
    }
    this.values[i] = (this.values[i] ?? 0) + amount
  }
  result(sort: "amount" | "key"): ReadonlyArray<Amount> {
    const out = [...this.index].map(([key, i]) => ({ key, amount: this.values[i] ?? 0 }))
    return sort === "key"
      ? out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      : out.sort((a, b) => b.amount - a.amount || (a.key < b.key ? -1 : 1))
  }
}

/**
 * The share of a funding's amount in each calendar year, proportional to the days of its period that fall in the
 * year (the funding's own period, else its project's). `undefined` when neither period is closed.
 *
 * @since 0.1.0
 */
export const yearShares = (
  funding: Funding,
  project: Project | undefined
): ReadonlyArray<readonly [number, number]> | undefined => {
  const days =
    (funding.period === undefined ? undefined : Period.daysPerYear(funding.period)) ??
    (project?.period === undefined ? undefined : Period.daysPerYear(project.period))
  if (days === undefined || days.length === 0) return undefined
  let total = 0
  for (const [, d] of days) total += d
  return days.map(([year, d]) => [year, d / total] as const)
}

/**
 * Funding totals per currency, by source, programme, year, goal and strength area. A project linked to several goals
 * or strength areas splits its amount by its link weights; years split by days; fundings without an amount are left
 * out (see {@link unknownAmounts}). Totals are conserved: each breakdown sums to the currency's total.
 *
 * @since 0.1.0
 */
export const fundingTotals = (workspace: Workspace): ReadonlyArray<FundingTotals> => {
  const projects = new Map(workspace.projects.map((p) => [p.id, p]))
  const effortGoal = goalsOfEfforts(workspace)
  const blocks = new Map<
    Currency,
    {
      total: number
      source: Accumulator
      programme: Accumulator
      year: Accumulator
      goal: Accumulator
      area: Accumulator
    }
  >()
  for (const funding of workspace.fundings) {
    if (funding.amount === undefined || funding.currency === undefined) continue
    let block = blocks.get(funding.currency)
    if (block === undefined) {
      block = {
        total: 0,
        source: new Accumulator(),
        programme: new Accumulator(),
        year: new Accumulator(),
        goal: new Accumulator(),
        area: new Accumulator()
      }
      blocks.set(funding.currency, block)
    }
    const amount = funding.amount
    const project = projects.get(funding.projectId)
    block.total += amount
    block.source.add(funding.source, amount)
    block.programme.add(funding.programme ?? unallocated, amount)
    const years = yearShares(funding, project)
    if (years === undefined) block.year.add(unallocated, amount)
    else for (const [year, share] of years) block.year.add(String(year), amount * share)
    for (const [kind, acc] of [
      ["goal", block.goal],
      ["strengthArea", block.area]
    ] as const) {
      const split = project === undefined ? [] : sharesWith(effortGoal, project, kind)
      if (split.length === 0) acc.add(unallocated, amount)
      else for (const [id, share] of split) acc.add(id, amount * share)
    }
  }
  return [...blocks].map(([currency, b]) => ({
    currency,
    total: b.total,
    bySource: b.source.result("amount"),
    byProgramme: b.programme.result("amount"),
    byYear: b.year.result("key"),
    byGoal: b.goal.result("amount"),
    byStrengthArea: b.area.result("amount")
  }))
}

/**
 * The fundings whose amount is not known (a source names the funder but not the sum), by id.
 *
 * @since 0.1.0
 */
export const unknownAmounts = (workspace: Workspace): ReadonlyArray<string> =>
  workspace.fundings.filter((f) => f.amount === undefined).map((f) => f.id)

/**
 * What the portfolio leaves uncovered: goals, efforts and strength areas that no active project is linked to (a
 * goal also counts as covered through its efforts), and active projects linked to nothing.
 *
 * @since 0.1.0
 */
export interface Gaps {
  readonly goals: ReadonlyArray<Item>
  readonly efforts: ReadonlyArray<Item>
  readonly strengthAreas: ReadonlyArray<Item>
  readonly unlinkedProjects: ReadonlyArray<Item>
}

/**
 * The gaps of the portfolio (see {@link Gaps}). Pass the {@link coverage} when it is at hand, so that it is not
 * computed twice.
 *
 * @since 0.1.0
 */
export const gaps = (
  workspace: Workspace,
  options: Options = {},
  matrix: Coverage = coverage(workspace, options)
): Gaps => {
  const uncovered = (kind: CoverageRow["kind"]) =>
    matrix.rows.filter((r) => r.kind === kind && r.projectIds.length === 0).map((r) => ({ id: r.id, title: r.title }))
  return {
    goals: uncovered("goal"),
    efforts: uncovered("effort"),
    strengthAreas: uncovered("strengthArea"),
    unlinkedProjects: workspace.projects
      .filter((p) => isActive(p, options) && (p.links ?? []).length === 0)
      .map((p) => ({ id: p.id, title: p.title }))
  }
}

/**
 * The number of decided projects running in a year.
 *
 * @since 0.1.0
 */
export interface YearCount {
  readonly year: number
  readonly count: number
  readonly projectIds: ReadonlyArray<string>
}

/**
 * Decided projects (approved, active, completed) per calendar year, from the first start year to the last end year
 * among them. A project with an open end counts up to the `asOf` year, or the last year otherwise seen; projects
 * without a start are left out.
 *
 * @since 0.1.0
 */
export const activePerYear = (workspace: Workspace, options: Options = {}): ReadonlyArray<YearCount> => {
  const dated = workspace.projects.filter((p) => decided.has(p.status) && p.period?.start !== undefined)
  if (dated.length === 0) return []
  const yearOf = (d: Period.PartialDate) => Number(d.slice(0, 4))
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const p of dated) {
    first = Math.min(first, yearOf(p.period!.start!))
    last = Math.max(last, yearOf(p.period!.end ?? p.period!.start!))
  }
  if (options.asOf !== undefined) last = Math.max(last, yearOf(options.asOf))
  const ids: Array<Array<string>> = Array.from({ length: last - first + 1 }, () => [])
  for (const p of dated) {
    const end = p.period!.end === undefined ? last : yearOf(p.period!.end)
    for (let year = yearOf(p.period!.start!); year <= Math.min(end, last); year++) ids[year - first]!.push(p.id)
  }
  const out: Array<YearCount> = ids.map((projectIds, i) => ({ year: first + i, count: projectIds.length, projectIds }))
  return out
}

/**
 * An idea or proposal that fits a call.
 *
 * @since 0.1.0
 */
export interface CallMatch {
  readonly projectId: string
  readonly callId: string
  readonly deadline: Period.PartialDate
  /** `open` when the call has opened by `asOf`, `upcoming` before; `unknown` without `asOf`. */
  readonly state: "open" | "upcoming" | "unknown"
  /** Days from `asOf` to the deadline's last day. */
  readonly daysLeft: number | undefined
  readonly matchedStrengthAreaIds: ReadonlyArray<string>
  readonly matchedGoalIds: ReadonlyArray<string>
  /** The call lists no eligible priorities: it is open to every idea. */
  readonly openToAll: boolean
}

/**
 * The idea-to-project pipeline ahead of calls: each idea or proposal is matched with every call whose deadline has
 * not passed (on `asOf`) and that lists one of its strength areas or goals (a goal through an effort counts) as
 * eligible, or lists none. Sorted by project, then deadline, then the number of matched priorities.
 *
 * @since 0.1.0
 */
export const callMatches = (workspace: Workspace, options: Options = {}): ReadonlyArray<CallMatch> => {
  const today = options.asOf === undefined ? undefined : Period.firstDay(options.asOf)
  const calls = workspace.calls.filter((c) => today === undefined || Period.lastDay(c.deadline) >= today)
  const out: Array<CallMatch> = []
  const effortGoal = goalsOfEfforts(workspace)
  for (const project of workspace.projects) {
    if (!prospective.has(project.status)) continue
    const areas = new Set(sharesWith(effortGoal, project, "strengthArea").map(([id]) => id))
    const goals = new Set(sharesWith(effortGoal, project, "goal").map(([id]) => id))
    const matches: Array<CallMatch> = []
    for (const call of calls) {
      const eligibleAreas = call.eligibleStrengthAreaIds ?? []
      const eligibleGoals = call.eligibleGoalIds ?? []
      const openToAll = eligibleAreas.length === 0 && eligibleGoals.length === 0
      const matchedStrengthAreaIds = eligibleAreas.filter((id) => areas.has(id))
      const matchedGoalIds = eligibleGoals.filter((id) => goals.has(id))
      if (!openToAll && matchedStrengthAreaIds.length === 0 && matchedGoalIds.length === 0) continue
      const state =
        today === undefined
          ? "unknown"
          : call.opens === undefined || Period.firstDay(call.opens) <= today
            ? "open"
            : "upcoming"
      matches.push({
        projectId: project.id,
        callId: call.id,
        deadline: call.deadline,
        state,
        daysLeft: today === undefined ? undefined : Period.lastDay(call.deadline) - today,
        matchedStrengthAreaIds,
        matchedGoalIds,
        openToAll
      })
    }
    matches.sort(
      (a, b) =>
        Period.lastDay(a.deadline) - Period.lastDay(b.deadline) ||
        b.matchedStrengthAreaIds.length +
          b.matchedGoalIds.length -
          (a.matchedStrengthAreaIds.length + a.matchedGoalIds.length)
    )
    out.push(...matches)
  }
  return out
}

/**
 * The whole portfolio analysis of a workspace, JSON-serialisable (what `innokraft workspace portfolio` prints).
 *
 * @since 0.1.0
 */
export interface Report {
  readonly asOf: Period.PartialDate | undefined
  readonly projectCounts: Readonly<Record<Status, number>>
  readonly coverage: Coverage
  readonly funding: ReadonlyArray<FundingTotals>
  readonly fundingsWithoutAmount: ReadonlyArray<string>
  readonly gaps: Gaps
  readonly perYear: ReadonlyArray<YearCount>
  readonly callMatches: ReadonlyArray<CallMatch>
}

/**
 * Runs every analysis of this module over a workspace.
 *
 * @example
 * ```ts
 * const report = Portfolio.analyse(workspace, { asOf: "2024-05-01" })
 * report.funding[0]?.byStrengthArea
 * ```
 * @since 0.1.0
 */
export const analyse = (workspace: Workspace, options: Options = {}): Report => {
  const projectCounts: Record<Status, number> = {
    idea: 0,
    proposal: 0,
    submitted: 0,
    approved: 0,
    active: 0,
    completed: 0,
    rejected: 0,
    withdrawn: 0,
    cancelled: 0
  }
  for (const p of workspace.projects) projectCounts[p.status]++
  const matrix = coverage(workspace, options)
  return {
    asOf: options.asOf,
    projectCounts,
    coverage: matrix,
    funding: fundingTotals(workspace),
    fundingsWithoutAmount: unknownAmounts(workspace),
    gaps: gaps(workspace, options, matrix),
    perYear: activePerYear(workspace, options),
    callMatches: callMatches(workspace, options)
  }
}

/**
 * Whether a record is filled in, i.e. not a placeholder (`placeholder: true` stands for something a source names
 * but that has not been filled in yet). Placeholders are shown as such and never counted.
 *
 * @since 0.1.0
 */
export const isFilledIn = (record: { readonly placeholder?: boolean | undefined }): boolean =>
  record.placeholder !== true
