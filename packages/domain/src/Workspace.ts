import { Municipality, Nuts, Sni } from "@innokraft/reference"
import { z } from "zod"
import { ActionPlan } from "./ActionPlan.js"
import { Actor } from "./Actor.js"
import { Call } from "./Call.js"
import { Contact } from "./Contact.js"
import { Effort } from "./Effort.js"
import { Funding } from "./Funding.js"
import { Goal } from "./Goal.js"
import { IndicatorLink } from "./IndicatorLink.js"
import { currentVersion, formatName, migrate } from "./internal/migrate.js"
import { Label } from "./Label.js"
import { MeetingPlace } from "./MeetingPlace.js"
import * as Period from "./Period.js"
import type { Phase } from "./Phase.js"
import { PhasedProgramme } from "./PhasedProgramme.js"
import * as Problem from "./Problem.js"
import { Project } from "./Project.js"
import { Region } from "./Region.js"
import { Source } from "./Source.js"
import { Strategy } from "./Strategy.js"
import { StrengthArea } from "./StrengthArea.js"
import { Target } from "./Target.js"

/**
 * The name in every workspace document's `format` field.
 *
 * @since 0.1.0
 */
export const format = formatName

/**
 * The current format version. Older versions are migrated by {@link parse}.
 *
 * @since 0.1.0
 */
export const version = currentVersion

/**
 * A region's whole strategy model in one document: regions, actors, strategies with goals, efforts and strength
 * areas, projects with funding, phased programmes, calls, meeting places, action plans, indicator links and targets, and — kept
 * apart — contacts (personal data). Every list may be omitted in JSON and defaults to empty.
 *
 * @since 0.1.0
 */
export const Workspace = z
  .object({
    format: z.literal(formatName),
    version: z.literal(currentVersion),
    title: Label.optional(),
    regions: z.array(Region).min(1, { message: "expected at least one region" }),
    actors: z.array(Actor).default([]),
    strategies: z.array(Strategy).default([]),
    goals: z.array(Goal).default([]),
    efforts: z.array(Effort).default([]),
    strengthAreas: z.array(StrengthArea).default([]),
    projects: z.array(Project).default([]),
    programmes: z.array(PhasedProgramme).default([]),
    fundings: z.array(Funding).default([]),
    calls: z.array(Call).default([]),
    meetingPlaces: z.array(MeetingPlace).default([]),
    actionPlans: z.array(ActionPlan).default([]),
    indicatorLinks: z.array(IndicatorLink).default([]),
    targets: z.array(Target).default([]),
    /** Personal data: people in roles. Left out of exports unless asked for. */
    contacts: z.array(Contact).default([]),
    sources: z.array(Source).optional(),
    note: z.string().optional()
  })
  .meta({ id: "Workspace", description: "A region's whole innovation-strategy model." })

/**
 * @since 0.1.0
 */
export type Workspace = z.infer<typeof Workspace>

/**
 * The result of {@link parse}: the workspace, or every problem found.
 *
 * @since 0.1.0
 */
export type ParseResult =
  | { readonly ok: true; readonly workspace: Workspace; readonly migratedFrom?: number }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem.Problem> }

/**
 * An empty workspace for one region, to build on.
 *
 * @since 0.1.0
 */
export const empty = (region: Region): Workspace => ({
  format: formatName,
  version: currentVersion,
  regions: [region],
  actors: [],
  strategies: [],
  goals: [],
  efforts: [],
  strengthAreas: [],
  projects: [],
  programmes: [],
  fundings: [],
  calls: [],
  meetingPlaces: [],
  actionPlans: [],
  indicatorLinks: [],
  targets: [],
  contacts: []
})

/**
 * Parses unknown JSON (e.g. `JSON.parse` of a file): migrates older format versions, checks the shape with zod and
 * then every rule of {@link validate}. Returns the workspace or all problems, each with its path.
 *
 * @example
 * ```ts
 * const result = Workspace.parse(JSON.parse(text))
 * if (!result.ok) for (const p of result.problems) console.error(p.message)
 * ```
 * @since 0.1.0
 */
export const parse = (json: unknown): ParseResult => {
  const migrated = migrate(json)
  if (!migrated.ok) {
    return { ok: false, problems: [Problem.make(migrated.path, "format", migrated.expectation)] }
  }
  const parsed = Workspace.safeParse(migrated.document)
  if (!parsed.success) return { ok: false, problems: Problem.fromZod(parsed.error) }
  const problems = validate(parsed.data)
  if (problems.length > 0) return { ok: false, problems }
  return migrated.from === currentVersion
    ? { ok: true, workspace: parsed.data }
    : { ok: true, workspace: parsed.data, migratedFrom: migrated.from }
}

type Path = ReadonlyArray<PropertyKey>

const collections = [
  ["regions", "region"],
  ["actors", "actor"],
  ["strategies", "strategy"],
  ["goals", "goal"],
  ["efforts", "effort"],
  ["strengthAreas", "strength area"],
  ["projects", "project"],
  ["programmes", "programme"],
  ["fundings", "funding"],
  ["calls", "call"],
  ["meetingPlaces", "meeting place"],
  ["actionPlans", "action plan"],
  ["indicatorLinks", "indicator link"],
  ["targets", "target"],
  ["contacts", "contact"]
] as const

type CollectionKey = (typeof collections)[number][0]

/**
 * Checks the rules a well-shaped workspace must also keep, and returns every problem (empty when valid):
 *
 * - ids are unique within each list;
 * - every reference points at a record that exists (regions, actors, strategies, goals, efforts, strength areas,
 *   projects, calls, indicator links, current phases), and parent chains have no cycles;
 * - periods end on or after they start; phases and fundings lie within their project's or programme's period; a
 *   target's year lies within its strategy's period; a call opens before its deadline;
 * - phases are numbered in order (1, 2, 3 … strictly increasing as listed) and dated phases follow each other;
 * - an amount has a currency (amounts are non-negative and currencies known by the schema);
 * - Swedish NUTS and municipality codes exist in `@innokraft/reference`, municipalities lie inside their region's
 *   NUTS area, zones are among the region's zones, and Eye@RIS3 economic domains are NACE sections or divisions.
 *
 * @since 0.1.0
 */
export const validate = (workspace: Workspace): ReadonlyArray<Problem.Problem> => {
  const problems: Array<Problem.Problem> = []
  const report = (path: Path, rule: Problem.Rule, expectation: string) => {
    problems.push(Problem.make(path, rule, expectation))
  }

  const ids = new Map<CollectionKey, Set<string>>()
  for (const [key, kind] of collections) {
    const seen = new Map<string, number>()
    const list: ReadonlyArray<{ id: string }> = workspace[key]
    list.forEach((record, i) => {
      const first = seen.get(record.id)
      if (first !== undefined) {
        report(
          [key, i, "id"],
          "duplicate-id",
          `expected a unique ${kind} id, but "${record.id}" is also ${key}[${first}]`
        )
      } else seen.set(record.id, i)
    })
    ids.set(key, new Set(seen.keys()))
  }

  const ref = (path: Path, key: CollectionKey, id: string | undefined) => {
    if (id === undefined) return
    if (!ids.get(key)!.has(id)) {
      const kind = collections.find(([k]) => k === key)![1]
      const article = /^[aeiou]/.test(kind) ? "an" : "a"
      report(path, "unknown-reference", `expected the id of ${article} ${kind} in "${key}", found "${id}"`)
    }
  }
  const refs = (path: Path, key: CollectionKey, list: ReadonlyArray<string> | undefined) => {
    list?.forEach((id, i) => {
      ref([...path, i], key, id)
    })
  }
  const period = (path: Path, p: Period.Period | undefined) => {
    if (p !== undefined && !Period.isConsistent(p)) {
      report(path, "period-order", `expected the end on or after the start, found ${Period.format(p)}`)
    }
  }
  const municipality = (path: Path, code: string | undefined) => {
    if (code !== undefined && !Municipality.isCode(code)) {
      report(path, "unknown-code", `expected a Swedish municipality code such as "2480" (Umeå), found "${code}"`)
    }
  }
  const phases = (
    path: Path,
    list: ReadonlyArray<Phase> | undefined,
    current: string | undefined,
    outer?: Period.Period
  ) => {
    const phaseIds = new Set<string>()
    let previousOrder = 0
    let previousEnd = Number.NEGATIVE_INFINITY
    list?.forEach((phase, i) => {
      if (phaseIds.has(phase.id)) {
        report([...path, "phases", i, "id"], "duplicate-id", `expected a unique phase id, but "${phase.id}" repeats`)
      }
      phaseIds.add(phase.id)
      if (phase.order <= previousOrder) {
        report(
          [...path, "phases", i, "order"],
          "phase-order",
          `expected phases listed in increasing order, found order ${phase.order} after ${previousOrder}`
        )
      }
      previousOrder = Math.max(previousOrder, phase.order)
      if (phase.period !== undefined) {
        period([...path, "phases", i, "period"], phase.period)
        if (Period.isConsistent(phase.period)) {
          const start = Period.startDay(phase.period)
          if (start <= previousEnd) {
            report(
              [...path, "phases", i, "period"],
              "phase-order",
              `expected the phase to start after the previous phase ends, found ${Period.format(phase.period)}`
            )
          }
          if (Period.endDay(phase.period) > previousEnd) previousEnd = Period.endDay(phase.period)
          if (outer !== undefined && Period.isConsistent(outer) && !Period.contains(outer, phase.period)) {
            report(
              [...path, "phases", i, "period"],
              "period-outside",
              `expected a period within ${Period.format(outer)}, found ${Period.format(phase.period)}`
            )
          }
        }
      }
    })
    if (current !== undefined && !phaseIds.has(current)) {
      report(
        [...path, "currentPhaseId"],
        "unknown-reference",
        `expected the id of one of its phases, found "${current}"`
      )
    }
  }
  const noCycle = <T extends { id: string }>(
    key: CollectionKey,
    list: ReadonlyArray<T>,
    parent: (t: T) => string | undefined,
    field: string
  ) => {
    const byId = new Map(list.map((t) => [t.id, t]))
    list.forEach((record, i) => {
      const seen = new Set<string>([record.id])
      let next = parent(record)
      while (next !== undefined) {
        if (seen.has(next)) {
          report(
            [key, i, field],
            "cycle",
            `expected a parent chain without cycles, but "${record.id}" leads back to "${next}"`
          )
          break
        }
        seen.add(next)
        const n = byId.get(next)
        next = n === undefined ? undefined : parent(n)
      }
    })
  }

  workspace.regions.forEach((region, i) => {
    const swedish = region.country === "SE"
    if (swedish && !Nuts.isCode(region.nutsCode)) {
      report(
        ["regions", i, "nutsCode"],
        "unknown-code",
        `expected a Swedish NUTS code such as "SE331", found "${region.nutsCode}"`
      )
    }
    const counties =
      swedish && Nuts.isCode(region.nutsCode) ? new Set(Nuts.counties(region.nutsCode).map((c) => c.code)) : undefined
    const zones = new Set(region.zones ?? [])
    region.municipalities.forEach((m, j) => {
      const path = ["regions", i, "municipalities", j]
      if (!Municipality.isCode(m.code)) {
        municipality([...path, "code"], m.code)
      } else if (counties !== undefined && !counties.has(Municipality.get(m.code).county)) {
        report(
          [...path, "code"],
          "municipality-outside-region",
          `expected a municipality inside ${region.nutsCode}, found "${m.code}" (${Municipality.get(m.code).name})`
        )
      }
      if (m.zone !== undefined && !zones.has(m.zone)) {
        report(
          [...path, "zone"],
          "unknown-zone",
          `expected one of the region's zones [${[...zones].map((z) => `"${z}"`).join(", ")}], found "${m.zone}"`
        )
      }
    })
  })

  workspace.actors.forEach((actor, i) => {
    municipality(["actors", i, "municipality"], actor.municipality)
  })

  workspace.strategies.forEach((s, i) => {
    refs(["strategies", i, "regionIds"], "regions", s.regionIds)
    ref(["strategies", i, "parentStrategyId"], "strategies", s.parentStrategyId)
    period(["strategies", i, "period"], s.period)
  })
  noCycle("strategies", workspace.strategies, (s) => s.parentStrategyId, "parentStrategyId")

  workspace.goals.forEach((g, i) => {
    ref(["goals", i, "strategyId"], "strategies", g.strategyId)
  })
  workspace.efforts.forEach((e, i) => {
    ref(["efforts", i, "goalId"], "goals", e.goalId)
    refs(["efforts", i, "leadActorIds"], "actors", e.leadActorIds)
  })
  workspace.strengthAreas.forEach((a, i) => {
    ref(["strengthAreas", i, "strategyId"], "strategies", a.strategyId)
    ref(["strengthAreas", i, "parentId"], "strengthAreas", a.parentId)
    a.eyeRis3?.economicDomains.forEach((code, j) => {
      const known = /^[A-U]$/.test(code) ? Sni.isSection(code) : Sni.isDivision(code.slice(0, 2))
      if (!known) {
        report(
          ["strengthAreas", i, "eyeRis3", "economicDomains", j],
          "unknown-code",
          `expected a NACE Rev. 2 section or division known to SNI 2007, found "${code}"`
        )
      }
    })
  })
  noCycle("strengthAreas", workspace.strengthAreas, (a) => a.parentId, "parentId")

  const linkTarget = { goal: "goals", effort: "efforts", strengthArea: "strengthAreas" } as const
  workspace.projects.forEach((p, i) => {
    ref(["projects", i, "coordinatorId"], "actors", p.coordinatorId)
    refs(["projects", i, "partnerIds"], "actors", p.partnerIds)
    refs(["projects", i, "callIds"], "calls", p.callIds)
    p.links?.forEach((link, j) => {
      ref(["projects", i, "links", j, "id"], linkTarget[link.kind], link.id)
    })
    period(["projects", i, "period"], p.period)
    phases(["projects", i], p.phases, p.currentPhaseId, p.period)
  })

  workspace.programmes.forEach((p, i) => {
    ref(["programmes", i, "ownerId"], "actors", p.ownerId)
    refs(["programmes", i, "funderIds"], "actors", p.funderIds)
    refs(["programmes", i, "projectIds"], "projects", p.projectIds)
    period(["programmes", i, "period"], p.period)
    phases(["programmes", i], p.phases, p.currentPhaseId, p.cyclic ? undefined : p.period)
  })

  const projectById = new Map(workspace.projects.map((p) => [p.id, p]))
  workspace.fundings.forEach((f, i) => {
    ref(["fundings", i, "projectId"], "projects", f.projectId)
    ref(["fundings", i, "funderId"], "actors", f.funderId)
    ref(["fundings", i, "callId"], "calls", f.callId)
    if (f.amount !== undefined && f.currency === undefined) {
      report(
        ["fundings", i, "currency"],
        "amount-currency",
        `expected a currency for the amount ${f.amount}, found none`
      )
    }
    period(["fundings", i, "period"], f.period)
    const project = projectById.get(f.projectId)
    if (
      f.period !== undefined &&
      project?.period !== undefined &&
      Period.isConsistent(f.period) &&
      Period.isConsistent(project.period) &&
      !Period.contains(project.period, f.period)
    ) {
      report(
        ["fundings", i, "period"],
        "period-outside",
        `expected a period within its project's ${Period.format(project.period)}, found ${Period.format(f.period)}`
      )
    }
  })

  workspace.calls.forEach((c, i) => {
    ref(["calls", i, "funderId"], "actors", c.funderId)
    refs(["calls", i, "eligibleStrengthAreaIds"], "strengthAreas", c.eligibleStrengthAreaIds)
    refs(["calls", i, "eligibleGoalIds"], "goals", c.eligibleGoalIds)
    if (c.opens !== undefined && Period.firstDay(c.opens) > Period.lastDay(c.deadline)) {
      report(
        ["calls", i, "opens"],
        "period-order",
        `expected the call to open on or before its deadline ${c.deadline}, found ${c.opens}`
      )
    }
  })

  workspace.meetingPlaces.forEach((m, i) => {
    ref(["meetingPlaces", i, "ownerId"], "actors", m.ownerId)
    municipality(["meetingPlaces", i, "municipality"], m.municipality)
    period(["meetingPlaces", i, "active"], m.active)
  })

  workspace.actionPlans.forEach((plan, i) => {
    ref(["actionPlans", i, "ownerId"], "actors", plan.ownerId)
    ref(["actionPlans", i, "projectId"], "projects", plan.projectId)
    refs(["actionPlans", i, "strategyIds"], "strategies", plan.strategyIds)
    period(["actionPlans", i, "period"], plan.period)
    const code = plan.policyInstrument?.nutsCode
    if (code !== undefined && !Nuts.isCode(code)) {
      report(
        ["actionPlans", i, "policyInstrument", "nutsCode"],
        "unknown-code",
        `expected a Swedish NUTS code such as "SE33" (Övre Norrland), found "${code}"`
      )
    }
    const seen = new Map<string, number>()
    plan.actions.forEach((action, j) => {
      const path = ["actionPlans", i, "actions", j]
      const first = seen.get(action.id)
      if (first !== undefined) {
        report(
          [...path, "id"],
          "duplicate-id",
          `expected a unique action id, but "${action.id}" is also actions[${first}]`
        )
      } else seen.set(action.id, j)
      refs([...path, "actorIds"], "actors", action.actorIds)
      period([...path, "timeframe"], action.timeframe)
    })
  })

  const subjectTarget = {
    strategy: "strategies",
    goal: "goals",
    effort: "efforts",
    strengthArea: "strengthAreas"
  } as const
  workspace.indicatorLinks.forEach((l, i) => {
    ref(["indicatorLinks", i, "subject", "id"], subjectTarget[l.subject.kind], l.subject.id)
  })

  const strategyOf = strategyResolver(workspace)
  const linkById = new Map(workspace.indicatorLinks.map((l) => [l.id, l]))
  workspace.targets.forEach((t, i) => {
    ref(["targets", i, "indicatorLinkId"], "indicatorLinks", t.indicatorLinkId)
    const link = linkById.get(t.indicatorLinkId)
    const strategy = link === undefined ? undefined : strategyOf(link.subject.kind, link.subject.id)
    if (
      strategy?.period !== undefined &&
      Period.isConsistent(strategy.period) &&
      !Period.overlapsYear(strategy.period, t.year)
    ) {
      report(
        ["targets", i, "year"],
        "period-outside",
        `expected a year within strategy "${strategy.id}" ${Period.format(strategy.period)}, found ${t.year}`
      )
    }
  })

  workspace.contacts.forEach((c, i) => {
    ref(["contacts", i, "actorId"], "actors", c.actorId)
  })

  return problems
}

/** Finds the strategy a goal, effort, strength area or strategy belongs to. */
const strategyResolver = (workspace: Workspace) => {
  const strategies = new Map(workspace.strategies.map((s) => [s.id, s]))
  const goals = new Map(workspace.goals.map((g) => [g.id, g]))
  const efforts = new Map(workspace.efforts.map((e) => [e.id, e]))
  const areas = new Map(workspace.strengthAreas.map((a) => [a.id, a]))
  return (kind: "strategy" | "goal" | "effort" | "strengthArea", id: string): Strategy | undefined => {
    switch (kind) {
      case "strategy":
        return strategies.get(id)
      case "goal": {
        const g = goals.get(id)
        return g === undefined ? undefined : strategies.get(g.strategyId)
      }
      case "effort": {
        const e = efforts.get(id)
        const g = e === undefined ? undefined : goals.get(e.goalId)
        return g === undefined ? undefined : strategies.get(g.strategyId)
      }
      case "strengthArea": {
        const a = areas.get(id)
        return a === undefined ? undefined : strategies.get(a.strategyId)
      }
    }
  }
}

/**
 * The workspace without personal data (its `contacts` emptied), for publishing.
 *
 * @since 0.1.0
 */
export const withoutPersonalData = (workspace: Workspace): Workspace => ({ ...workspace, contacts: [] })
