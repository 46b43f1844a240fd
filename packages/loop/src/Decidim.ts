import type { Label } from "@innokraft/reference"
import type { Status as CycleStatus } from "./Cycle.js"
import type { CycleDocument } from "./CycleDocument.js"
import { type Idea, state } from "./Idea.js"
import { defaultProgress, statuses as outcomeStatuses, rollUp, statusLabels } from "./Outcome.js"
import type { State } from "./Stage.js"

/**
 * Decidim's proposal states (the code constant of decidim-proposals).
 *
 * @since 0.1.0
 */
export type ProposalState = "not_answered" | "evaluating" | "accepted" | "rejected" | "withdrawn"

/**
 * How an idea's state maps to a Decidim proposal state: a formulated problem is not yet answered; ideas on the path,
 * parked or carried over are being evaluated; implemented, company-formed and handed-over ideas are accepted;
 * dropped ones rejected; merged and split ones withdrawn (they live on in the ideas they became, listed in
 * `related_proposals`).
 *
 * @since 0.1.0
 */
export const proposalState: Readonly<Record<State, ProposalState>> = {
  problem_formulated: "not_answered",
  idea: "evaluating",
  concept: "evaluating",
  prototype: "evaluating",
  pilot: "evaluating",
  parked: "evaluating",
  carried_over: "evaluating",
  implemented: "accepted",
  company_formed: "accepted",
  handed_over: "accepted",
  dropped: "rejected",
  merged: "withdrawn",
  split: "withdrawn"
}

type I18n = Readonly<Record<string, string>>

/**
 * A Decidim-style participatory process export: the process with its steps (the cycle's phases), categories (the
 * sub-themes) and three components — proposals (ideas), meetings (with closing reports) and accountability results
 * (outcomes with progress and timeline). Field names follow Decidim's models and open-data exports (`start_date`,
 * `type_of_meeting`, `attendees_count`, `timeline_entries`, …); translatable fields are `{ locale: text }`.
 *
 * @since 0.1.0
 */
export interface ParticipatoryProcess {
  readonly slug: string
  readonly title: I18n
  readonly subtitle: I18n
  readonly synthetic: boolean
  readonly start_date: string | null
  readonly end_date: string | null
  readonly steps: ReadonlyArray<{
    readonly position: number
    readonly key: CycleStatus
    readonly title: I18n
    readonly start_date: string
    readonly end_date: string | null
    readonly active: boolean
  }>
  readonly categories: ReadonlyArray<{ readonly id: string; readonly name: I18n; readonly description: I18n }>
  readonly components: {
    readonly proposals: ReadonlyArray<Proposal>
    readonly meetings: ReadonlyArray<DecidimMeeting>
    readonly accountability: {
      readonly statuses: ReadonlyArray<{ readonly key: string; readonly name: I18n; readonly progress: number }>
      readonly results: ReadonlyArray<Result>
    }
  }
}

/**
 * A Decidim-style proposal (one idea), with the loop's stage history and lineage kept alongside.
 *
 * @since 0.1.0
 */
export interface Proposal {
  readonly id: string
  readonly title: I18n
  readonly body: I18n
  readonly category: { readonly id: string } | null
  readonly state: ProposalState
  readonly answer: I18n | null
  readonly supports: number
  readonly published_at: string
  readonly meeting_ids: ReadonlyArray<string>
  readonly tags: ReadonlyArray<string>
  readonly related_proposals: {
    readonly merged_into: string | null
    readonly merged_from: ReadonlyArray<string>
    readonly split_from: string | null
    readonly split_into: ReadonlyArray<string>
    readonly carried_over_from: { readonly cycleId: string; readonly ideaId: string } | null
    readonly carried_over_to: { readonly cycleId: string; readonly ideaId: string } | null
  }
  readonly loop_stage: State
  readonly stage_history: ReadonlyArray<{
    readonly from: State
    readonly to: State
    readonly at: string
    readonly gate: string | null
    readonly decided_by: string
    readonly rationale: string
  }>
}

/**
 * A Decidim-style meeting with its closing report.
 *
 * @since 0.1.0
 */
export interface DecidimMeeting {
  readonly id: string
  readonly title: I18n
  readonly start_time: string
  readonly end_time: string
  readonly address: string | null
  readonly municipality_code: string
  readonly type_of_meeting: "in_person" | "online" | "hybrid"
  readonly loop_meeting_type: string
  readonly category_ids: ReadonlyArray<string>
  readonly closed: boolean
  readonly closing_report: I18n | null
  readonly attendees_count: number | null
  readonly contributions_count: number | null
  readonly attending_organizations: string | null
  readonly proposal_ids: ReadonlyArray<string>
}

/**
 * A Decidim Accountability-style result (one outcome).
 *
 * @since 0.1.0
 */
export interface Result {
  readonly id: string
  readonly title: I18n
  readonly start_date: string | null
  readonly end_date: string | null
  readonly status: string
  readonly progress: number
  readonly weight: number | null
  readonly parent_id: string | null
  readonly proposal_ids: ReadonlyArray<string>
  readonly kind: string
  readonly owner: string
  readonly timeline_entries: ReadonlyArray<{
    readonly entry_date: string
    readonly title: I18n
    readonly description: I18n | null
    readonly progress: number
  }>
}

const text = (locale: string, value: string): I18n => ({ [locale]: value })
const label = (l: Label): I18n => ({ sv: l.sv, en: l.en })
const dateOnly = (instant: string) => instant.slice(0, 10)

const stepTitles: Readonly<Record<CycleStatus, Label>> = {
  draft: { sv: "Utkast", en: "Draft" },
  themed: { sv: "Tema", en: "Theme set" },
  ideation: { sv: "Idéverkstäder", en: "Idea workshops" },
  prototyping: { sv: "Utvecklingsverkstäder", en: "Prototyping workshops" },
  implementation: { sv: "Genomförande", en: "Implementation" },
  reporting: { sv: "Rapportering", en: "Reporting" },
  closed: { sv: "Avslutad", en: "Closed" }
}

/**
 * Exports a cycle as a Decidim-style participatory process (plain JSON). Free-text fields that are not bilingual in
 * the loop (idea titles and needs, meeting titles, reports) are given under `locale` (default `"en"`). Person
 * references are not exported: proposals carry no authors, only counts.
 *
 * @since 0.1.0
 */
export const toParticipatoryProcess = (
  doc: CycleDocument,
  options: { readonly slug?: string; readonly locale?: string } = {}
): ParticipatoryProcess => {
  const locale = options.locale ?? "en"
  const history = doc.cycle.history
  const steps = history.map((h, k) => ({
    position: k,
    key: h.to,
    title: label(stepTitles[h.to]),
    start_date: dateOnly(h.at),
    end_date: history[k + 1] === undefined ? null : dateOnly(history[k + 1]!.at),
    active: k === history.length - 1
  }))
  const supports = new Map<string, number>()
  for (const s of doc.supports) supports.set(s.ideaId, (supports.get(s.ideaId) ?? 0) + s.weight)
  const trails = new Map<string, typeof doc.transitions>()
  for (const t of doc.transitions) {
    const trail = trails.get(t.ideaId)
    if (trail === undefined) trails.set(t.ideaId, [t])
    else trail.push(t)
  }
  const meetingsOf = (idea: Idea) => {
    const ids = new Set<string>(idea.originMeetingId === undefined ? [] : [idea.originMeetingId])
    for (const m of doc.meetings) if (m.closingReport?.linkedIdeaIds.includes(idea.id)) ids.add(m.id)
    return [...ids]
  }
  const progress = rollUp(doc.outcomes)
  return {
    slug: options.slug ?? doc.cycle.id,
    title: doc.cycle.theme === undefined ? text(locale, doc.cycle.id) : label(doc.cycle.theme),
    subtitle: text(locale, `${doc.cycle.organiser} — ${doc.cycle.year}`),
    synthetic: doc.synthetic,
    start_date: steps[0]?.start_date ?? null,
    end_date: doc.cycle.status === "closed" ? (steps.at(-1)?.start_date ?? null) : null,
    steps,
    categories: doc.subThemes.map((s) => ({
      id: s.id,
      name: label(s.title),
      description: text(locale, s.problemFormulation)
    })),
    components: {
      proposals: doc.ideas.map((idea) => {
        const trail = trails.get(idea.id) ?? []
        const last = trail.at(-1)
        return {
          id: idea.id,
          title: text(locale, idea.title),
          body: text(locale, idea.description === "" ? idea.need : `${idea.need}\n\n${idea.description}`),
          category: idea.subThemeId === undefined ? null : { id: idea.subThemeId },
          state: proposalState[state(idea)],
          answer: last === undefined ? null : text(locale, last.rationale),
          supports: supports.get(idea.id) ?? 0,
          published_at: idea.createdAt,
          meeting_ids: meetingsOf(idea),
          tags: [...idea.tags],
          related_proposals: {
            merged_into: idea.mergedInto ?? null,
            merged_from: [...(idea.mergedFrom ?? [])],
            split_from: idea.splitFrom ?? null,
            split_into: [...(idea.splitInto ?? [])],
            carried_over_from: idea.carriedOverFrom ?? null,
            carried_over_to: idea.carriedOverTo ?? null
          },
          loop_stage: state(idea),
          stage_history: trail.map((t) => ({
            from: t.from,
            to: t.to,
            at: t.at,
            gate: t.gate,
            decided_by: t.decidedBy,
            rationale: t.rationale
          }))
        }
      }),
      meetings: doc.meetings.map((m) => ({
        id: m.id,
        title: text(locale, m.title),
        start_time: m.date,
        end_time: m.endDate ?? m.date,
        address: m.place ?? null,
        municipality_code: m.municipality,
        type_of_meeting: m.mode === "in-person" ? "in_person" : m.mode,
        loop_meeting_type: m.type,
        category_ids: [...m.subThemeIds],
        closed: m.closingReport !== undefined,
        closing_report: m.closingReport === undefined ? null : text(locale, m.closingReport.report),
        attendees_count: m.closingReport?.attendeeCount ?? null,
        contributions_count: m.closingReport?.contributionsCount ?? null,
        attending_organizations:
          m.closingReport === undefined ? null : m.closingReport.attendingOrganisations.join(", "),
        proposal_ids: [...(m.closingReport?.linkedIdeaIds ?? [])]
      })),
      accountability: {
        statuses: outcomeStatuses.map((s) => ({ key: s, name: label(statusLabels[s]), progress: defaultProgress[s] })),
        results: doc.outcomes.map((o) => {
          const dates = o.progress.map((p) => dateOnly(p.date)).sort()
          return {
            id: o.id,
            title: text(locale, o.title),
            start_date: dates[0] ?? null,
            end_date: o.status === "implemented" || o.status === "discontinued" ? (dates.at(-1) ?? null) : null,
            status: o.status,
            progress: progress.get(o.id) ?? 0,
            weight: o.weight ?? null,
            parent_id: o.parentId ?? null,
            proposal_ids: [o.ideaId],
            kind: o.kind,
            owner: o.owner,
            timeline_entries: [...o.progress]
              .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
              .map((p) => ({
                entry_date: dateOnly(p.date),
                title: text(locale, p.title),
                description: p.description === undefined ? null : text(locale, p.description),
                progress: p.progress
              }))
          }
        })
      }
    }
  }
}
