import { Workspace } from "@innokraft/domain"
import { type CallerType, Kinds, Records } from "@innokraft/store"
import { Effect } from "effect"

/**
 * The workspace document of one organisation as the caller may see it (published records only for outsiders), or
 * `undefined` when it holds no region the caller may see.
 */
export const workspaceOf = (caller: CallerType, organisationId: string) =>
  Effect.gen(function* () {
    const records = yield* Records.Records
    const all = yield* records.all(caller, organisationId)
    const lists: Record<string, Array<unknown>> = {}
    const byKind = new Map(Object.entries(Kinds.workspace).map(([list, kind]) => [kind.name, list]))
    for (const r of all) {
      const list = byKind.get(r.kind)
      if (list === undefined) continue
      const bodies = lists[list] ?? []
      bodies.push(r.body)
      lists[list] = bodies
    }
    const [region] = (lists.regions ?? []) as Array<Workspace.Workspace["regions"][number]>
    if (region === undefined) return undefined
    const workspace: Workspace.Workspace = { ...Workspace.empty(region), ...(lists as Partial<Workspace.Workspace>) }
    return workspace
  })

/** The part of a workspace some strategies cover: those strategies, their goals, efforts and strength areas. */
export const forStrategies = (
  workspace: Workspace.Workspace,
  strategyIds: ReadonlyArray<string>
): Workspace.Workspace => {
  const ids = new Set(strategyIds)
  const goals = workspace.goals.filter((g) => ids.has(g.strategyId))
  const goalIds = new Set(goals.map((g) => g.id))
  const efforts = workspace.efforts.filter((e) => goalIds.has(e.goalId))
  const strengthAreas = workspace.strengthAreas.filter((a) => ids.has(a.strategyId))
  const subjects = new Set([
    ...[...ids].map((id) => `strategy:${id}`),
    ...[...goalIds].map((id) => `goal:${id}`),
    ...efforts.map((e) => `effort:${e.id}`),
    ...strengthAreas.map((a) => `strengthArea:${a.id}`)
  ])
  const indicatorLinks = workspace.indicatorLinks.filter((l) => subjects.has(`${l.subject.kind}:${l.subject.id}`))
  const linkIds = new Set(indicatorLinks.map((l) => l.id))
  return {
    ...workspace,
    strategies: workspace.strategies.filter((s) => ids.has(s.id)),
    goals,
    efforts,
    strengthAreas,
    indicatorLinks,
    targets: workspace.targets.filter((x) => linkIds.has(x.indicatorLinkId))
  }
}

/** The part of a workspace one strategy covers: that strategy, its goals, efforts and strength areas. */
export const forStrategy = (workspace: Workspace.Workspace, strategyId: string): Workspace.Workspace =>
  forStrategies(workspace, [strategyId])
