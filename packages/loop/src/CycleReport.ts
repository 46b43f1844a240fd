import { Municipality } from "@innokraft/reference"
import type { Status as CycleStatus } from "./Cycle.js"
import type { CycleDocument, Zones } from "./CycleDocument.js"
import { state } from "./Idea.js"
import { DAY_MS, instantMs } from "./internal/schemas.js"
import { type Count, suppress } from "./internal/suppress.js"
import { types as meetingTypes, type Type } from "./Meeting.js"
import { kinds, statuses as outcomeStatuses, rollUp } from "./Outcome.js"
import {
  ageBands,
  consentedDemographics,
  type Demographics,
  genders,
  type Helix,
  helices,
  type Role,
  roles
} from "./Participation.js"
import { type ForwardStage, rank, type State, states } from "./Stage.js"

export type { Count } from "./internal/suppress.js"

/**
 * A published breakdown of consented people: the total and one count per value, `null` where suppressed, and the
 * keys that were suppressed.
 *
 * @since 0.1.0
 */
export interface Breakdown {
  readonly total: Count
  readonly cells: Readonly<Record<string, Count>>
  readonly suppressed: ReadonlyArray<string>
}

/**
 * Time spent in one state, over the closed intervals (ended by a later transition).
 *
 * @since 0.1.0
 */
export interface StageTime {
  readonly intervals: number
  readonly medianDays: number | null
  readonly meanDays: number | null
}

/**
 * The funnel: how many ideas reached each forward stage. Every idea is counted exactly once per stage it reached
 * (its furthest stage and every stage before it); `implemented` and `companiesFormed` are the two alternative ends.
 * Ideas created by a merge, a split or a carry-over are idea records of their own and counted like the others;
 * `fromLineage` says how many there are.
 *
 * @since 0.1.0
 */
export interface Funnel {
  readonly needs: number
  readonly ideas: number
  readonly concepts: number
  readonly prototypes: number
  readonly pilots: number
  readonly implemented: number
  readonly companiesFormed: number
  readonly fromLineage: { readonly merged: number; readonly split: number; readonly carriedIn: number }
  readonly outcomes: {
    readonly total: number
    readonly byKind: Readonly<Record<string, number>>
    readonly byStatus: Readonly<Record<string, number>>
  }
}

/**
 * One row of the meetings cross-tabulation: a municipality (SCB code and short name), its number of meetings and
 * that number split by meeting type. Meeting counts are not personal data and are not suppressed.
 *
 * @since 0.1.0
 */
export interface MunicipalityMeetings {
  readonly code: string
  readonly name: string
  readonly count: number
  readonly byType: Readonly<Record<Type, number>>
}

/**
 * A cycle report: plain JSON, safe to publish. Counts of people by demographic come only from consented records and
 * are small-cell suppressed; counts of meetings, ideas, outcomes and organisations are not about persons' traits
 * and are published as they are.
 *
 * @since 0.1.0
 */
export interface Report {
  readonly cycle: {
    readonly id: string
    readonly year: number
    readonly theme: { readonly sv: string; readonly en: string } | null
    readonly status: CycleStatus
    readonly synthetic: boolean
    readonly budget: { readonly amount: number; readonly currency: string } | null
  }
  readonly participants: {
    /** Distinct pseudonymous persons. */
    readonly unique: number
    /** Person–meeting participations. */
    readonly participations: number
    readonly byRole: Readonly<Record<Role, number>>
    /** Sum of the attendee counts in the meetings' closing reports (may include people not registered). */
    readonly reportedAttendance: number
  }
  readonly organisations: {
    readonly total: number
    readonly byHelix: Readonly<Record<Helix, number>>
    readonly publicSector: number
    readonly companies: number
  }
  readonly meetings: {
    readonly total: number
    readonly byType: Readonly<Record<Type, number>>
    readonly byMunicipality: ReadonlyArray<{ readonly code: string; readonly name: string; readonly count: number }>
    /**
     * Meetings by type × municipality: the rows of `byMunicipality` (same order, same `count`), each with its
     * meetings of every type (zeros included). Each row's `byType` sums to its `count`, and the rows summed by type
     * give `byType`. Meetings are events, not people, so these counts are published as they are, without small-cell
     * suppression; figures about participants stay suppressed under `inclusion`.
     */
    readonly byTypeAndMunicipality: ReadonlyArray<MunicipalityMeetings>
    readonly byMode: Readonly<Record<string, number>>
  }
  readonly funnel: Funnel
  readonly ideasByState: Readonly<Record<State, number>>
  readonly timeInStage: Readonly<Record<State, StageTime>>
  readonly outcomeProgress: ReadonlyArray<{
    readonly id: string
    readonly kind: string
    readonly status: string
    readonly progress: number
  }>
  readonly inclusion: {
    readonly threshold: number
    /** Persons with at least one consented record. */
    readonly consentedPersons: Count
    readonly gender: Breakdown
    readonly ageBand: Breakdown
    readonly newcomer: Breakdown
    readonly municipality: Breakdown
    /** `null` when no zone mapping is given. */
    readonly zone: Breakdown | null
    readonly zoneSource: string | null
  }
}

/**
 * Options of {@link report}.
 *
 * @since 0.1.0
 */
export interface Options {
  /** Counts under this are suppressed: a whole number ≥ 1 (a `RangeError` otherwise). Default 5. */
  readonly threshold?: number
  /** Zone mapping for the inland/coast breakdown. Default: the document's `zones`. */
  readonly zones?: Zones
}

const normalise = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase()

const zeros = <K extends string>(keys: ReadonlyArray<K>): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

/**
 * The consented demographics of each person: for every field, the last value stated in a consented record (in
 * document order). Records without consent are never read.
 */
const personDemographics = (doc: CycleDocument): Map<string, Demographics> => {
  const people = new Map<string, Demographics>()
  for (const p of doc.participations) {
    if (p.consent?.given !== true) continue
    const d = consentedDemographics(p)
    const known = people.get(p.person) ?? {}
    people.set(p.person, { ...known, ...(d ?? {}) })
  }
  return people
}

const breakdown = (
  values: ReadonlyArray<string | undefined>,
  keys: ReadonlyArray<string>,
  threshold: number
): Breakdown => {
  const counts = new Map<string, number>(keys.map((k) => [k, 0]))
  counts.set("not-stated", 0)
  for (const v of values) {
    const key = v ?? "not-stated"
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return suppress([...counts.entries()], threshold)
}

const stageTimes = (doc: CycleDocument): Record<State, StageTime> => {
  const durations = new Map<State, number[]>()
  const byIdea = new Map<string, typeof doc.transitions>()
  for (const t of doc.transitions) {
    const list = byIdea.get(t.ideaId) ?? []
    list.push(t)
    byIdea.set(t.ideaId, list)
  }
  for (const idea of doc.ideas) {
    const trail = byIdea.get(idea.id)
    if (trail === undefined) continue
    let since = instantMs(idea.createdAt)
    for (const t of trail) {
      const at = instantMs(t.at)
      const list = durations.get(t.from) ?? []
      list.push((at - since) / DAY_MS)
      durations.set(t.from, list)
      since = at
    }
  }
  const out = {} as Record<State, StageTime>
  for (const s of states) {
    const list = durations.get(s) ?? []
    if (list.length === 0) {
      out[s] = { intervals: 0, medianDays: null, meanDays: null }
      continue
    }
    const values = Float64Array.from(list).sort()
    let sum = 0
    for (let i = 0; i < values.length; i++) sum += values[i]!
    const mid = values.length >> 1
    const median = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
    out[s] = { intervals: values.length, medianDays: median, meanDays: sum / values.length }
  }
  return out
}

/**
 * The report of one cycle (a pure function of the document): participants, organisations by helix, meetings by type,
 * by municipality and by type × municipality (meeting counts are not about people and are not suppressed), the idea
 * funnel, ideas by state, time in stage, outcome progress (rolled up like Decidim
 * Accountability) and inclusion by gender, age band, newcomer status, municipality and zone — the last only from
 * consented records and with small-cell suppression (counts under `threshold`, default 5, are `null`).
 *
 * @example
 * ```ts
 * const r = CycleReport.report(Example.walkthrough())
 * r.funnel.concepts // ideas that passed G1
 * r.inclusion.gender.cells.woman // a number, or null when suppressed
 * ```
 * @since 0.1.0
 */
export const report = (doc: CycleDocument, options: Options = {}): Report => {
  const threshold = options.threshold ?? 5
  // a threshold under 1 would publish every small count: suppression is not optional
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`threshold: expected a whole number of 1 or more, found ${threshold}`)
  }
  const zones = options.zones ?? doc.zones
  const persons = new Set(doc.participations.map((p) => p.person))
  const byRole = zeros(roles)
  for (const p of doc.participations) byRole[p.role]++
  const organisations = new Map<string, Helix>()
  for (const p of doc.participations) {
    if (p.organisation === undefined) continue
    const key = normalise(p.organisation)
    if (!organisations.has(key)) organisations.set(key, p.helix)
  }
  const byHelix = zeros(helices)
  for (const helix of organisations.values()) byHelix[helix]++
  const byType = zeros(meetingTypes)
  const byMode: Record<string, number> = { "in-person": 0, online: 0, hybrid: 0 }
  const byMunicipality = new Map<string, number>()
  const crossTab = new Map<string, Record<Type, number>>()
  let reportedAttendance = 0
  for (const m of doc.meetings) {
    byType[m.type]++
    byMode[m.mode] = (byMode[m.mode] ?? 0) + 1
    byMunicipality.set(m.municipality, (byMunicipality.get(m.municipality) ?? 0) + 1)
    const row = crossTab.get(m.municipality) ?? zeros(meetingTypes)
    row[m.type]++
    crossTab.set(m.municipality, row)
    reportedAttendance += m.closingReport?.attendeeCount ?? 0
  }
  const reached = (stage: ForwardStage) => doc.ideas.filter((i) => rank(i.stage) >= rank(stage)).length
  const municipalities = [...byMunicipality.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, count]) => ({ code, name: Municipality.parse(code).name, count }))
  const ideasByState = zeros(states)
  for (const idea of doc.ideas) ideasByState[state(idea)]++
  const outcomeKinds = zeros(kinds)
  const outcomeStates = zeros(outcomeStatuses)
  for (const o of doc.outcomes) {
    outcomeKinds[o.kind]++
    outcomeStates[o.status]++
  }
  const progress = rollUp(doc.outcomes)
  const people = personDemographics(doc)
  const demographics = [...people.values()]
  const consented = suppress([["consented", people.size]], threshold)
  const zoneOf = (code: string | undefined) =>
    code === undefined ? undefined : (zones?.municipalities[code] ?? "unzoned")
  const zoneNames = zones === undefined ? [] : [...new Set(Object.values(zones.municipalities))].sort()
  return {
    cycle: {
      id: doc.cycle.id,
      year: doc.cycle.year,
      theme: doc.cycle.theme ?? null,
      status: doc.cycle.status,
      synthetic: doc.synthetic,
      budget: doc.cycle.budget ?? null
    },
    participants: {
      unique: persons.size,
      participations: doc.participations.length,
      byRole,
      reportedAttendance
    },
    organisations: {
      total: organisations.size,
      byHelix,
      publicSector: byHelix.public,
      companies: byHelix.business
    },
    meetings: {
      total: doc.meetings.length,
      byType,
      byMunicipality: municipalities,
      byTypeAndMunicipality: municipalities.map((m) => ({ ...m, byType: crossTab.get(m.code) ?? zeros(meetingTypes) })),
      byMode
    },
    funnel: {
      needs: reached("problem_formulated"),
      ideas: reached("idea"),
      concepts: reached("concept"),
      prototypes: reached("prototype"),
      pilots: reached("pilot"),
      implemented: doc.ideas.filter((i) => i.stage === "implemented").length,
      companiesFormed: doc.ideas.filter((i) => i.stage === "company_formed").length,
      fromLineage: {
        merged: doc.ideas.filter((i) => i.mergedFrom !== undefined).length,
        split: doc.ideas.filter((i) => i.splitFrom !== undefined).length,
        carriedIn: doc.ideas.filter((i) => i.carriedOverFrom !== undefined).length
      },
      outcomes: { total: doc.outcomes.length, byKind: outcomeKinds, byStatus: outcomeStates }
    },
    ideasByState,
    timeInStage: stageTimes(doc),
    outcomeProgress: doc.outcomes.map((o) => ({
      id: o.id,
      kind: o.kind,
      status: o.status,
      progress: progress.get(o.id) ?? 0
    })),
    inclusion: {
      threshold,
      consentedPersons: consented.total,
      gender: breakdown(
        demographics.map((d) => d.gender),
        genders,
        threshold
      ),
      ageBand: breakdown(
        demographics.map((d) => d.ageBand),
        ageBands,
        threshold
      ),
      newcomer: breakdown(
        demographics.map((d) => (d.newcomer === undefined ? undefined : d.newcomer ? "newcomer" : "not-newcomer")),
        ["newcomer", "not-newcomer"],
        threshold
      ),
      municipality: breakdown(
        demographics.map((d) => d.municipality),
        [...new Set(demographics.flatMap((d) => (d.municipality === undefined ? [] : [d.municipality])))].sort(),
        threshold
      ),
      zone:
        zones === undefined
          ? null
          : breakdown(
              demographics.map((d) => zoneOf(d.municipality)),
              [...zoneNames, "unzoned"],
              threshold
            ),
      zoneSource: zones?.source ?? null
    }
  }
}

/**
 * The headline figures compared year over year.
 *
 * @since 0.1.0
 */
export const headline = [
  "uniqueParticipants",
  "participations",
  "organisations",
  "publicSector",
  "companies",
  "meetings",
  "needs",
  "ideas",
  "concepts",
  "prototypes",
  "pilots",
  "implemented",
  "companiesFormed",
  "outcomes",
  "outcomesImplemented",
  "consentedPersons",
  "women",
  "inland"
] as const

/**
 * A headline figure.
 *
 * @since 0.1.0
 */
export type Headline = (typeof headline)[number]

/**
 * One cycle's row of a year-over-year comparison: the value of every headline figure and its change from the
 * previous cycle given (absolute and relative; `null` when either value is suppressed or the previous is 0).
 *
 * @since 0.1.0
 */
export interface YearRow {
  readonly year: number
  readonly cycleId: string
  readonly values: Readonly<Record<Headline, Count>>
  readonly change: Readonly<
    Record<Headline, { readonly absolute: number | null; readonly relative: number | null }>
  > | null
}

const headlineValues = (r: Report): Record<Headline, Count> => ({
  uniqueParticipants: r.participants.unique,
  participations: r.participants.participations,
  organisations: r.organisations.total,
  publicSector: r.organisations.publicSector,
  companies: r.organisations.companies,
  meetings: r.meetings.total,
  needs: r.funnel.needs,
  ideas: r.funnel.ideas,
  concepts: r.funnel.concepts,
  prototypes: r.funnel.prototypes,
  pilots: r.funnel.pilots,
  implemented: r.funnel.implemented,
  companiesFormed: r.funnel.companiesFormed,
  outcomes: r.funnel.outcomes.total,
  outcomesImplemented: r.funnel.outcomes.byStatus.implemented ?? 0,
  consentedPersons: r.inclusion.consentedPersons,
  women: r.inclusion.gender.cells.woman ?? null,
  inland: r.inclusion.zone?.cells.inland ?? null
})

/**
 * Compares cycle reports year over year, sorted by year (two reports of the same year are an error). Suppressed
 * figures stay `null` and so do their changes: a comparison never un-suppresses a cell.
 *
 * @since 0.1.0
 */
export const compare = (reports: ReadonlyArray<Report>): ReadonlyArray<YearRow> => {
  const sorted = [...reports].sort((a, b) => a.cycle.year - b.cycle.year)
  sorted.forEach((r, k) => {
    if (k > 0 && sorted[k - 1]!.cycle.year === r.cycle.year) {
      throw new Error(`Two cycle reports for ${r.cycle.year}: "${sorted[k - 1]!.cycle.id}" and "${r.cycle.id}"`)
    }
  })
  let previous: Record<Headline, Count> | null = null
  return sorted.map((r) => {
    const values = headlineValues(r)
    let change: YearRow["change"] = null
    if (previous !== null) {
      const before: Record<Headline, Count> = previous
      change = Object.fromEntries(
        headline.map((h) => {
          const a = before[h]
          const b = values[h]
          const absolute = a === null || b === null ? null : b - a
          return [h, { absolute, relative: absolute === null || a === 0 || a === null ? null : absolute / a }]
        })
      ) as Record<Headline, { absolute: number | null; relative: number | null }>
    }
    previous = values
    return { year: r.cycle.year, cycleId: r.cycle.id, values, change }
  })
}
