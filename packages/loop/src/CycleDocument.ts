import { z } from "zod"
import { LoopCycleSchema } from "./Cycle.js"
import { DocumentError, type Problem } from "./DocumentError.js"
import { IdeaSchema, state } from "./Idea.js"
import { formatPath } from "./internal/path.js"
import { instantMs, MunicipalityCodeSchema } from "./internal/schemas.js"
import { MeetingSchema } from "./Meeting.js"
import { OutcomeSchema } from "./Outcome.js"
import { ParticipationSchema } from "./Participation.js"
import { StageTransitionSchema } from "./StageTransition.js"
import { SubThemeSchema } from "./SubTheme.js"
import { SupportSchema } from "./Support.js"

/**
 * The format tag of a cycle document.
 *
 * @since 0.1.0
 */
export const FORMAT = "innokraft-loop-cycle"

/**
 * A zone mapping of municipalities (e.g. `inland` / `coast`). Which municipalities count as inland is a policy
 * choice of each region (domain.md §7), so the mapping is data with its source, never built in.
 *
 * @since 0.1.0
 */
export const ZonesSchema = z.object({
  /** Where the classification comes from, e.g. a region's decision or an agency's classification. */
  source: z.string().min(1),
  /** Municipality code → zone name. */
  municipalities: z.record(z.string(), z.string().min(1)).superRefine((map, ctx) => {
    for (const code of Object.keys(map)) {
      const result = MunicipalityCodeSchema.safeParse(code)
      if (!result.success) ctx.addIssue({ code: "custom", path: [code], message: result.error.issues[0]!.message })
    }
  })
})

/**
 * A zone mapping.
 *
 * @since 0.1.0
 */
export type Zones = z.infer<typeof ZonesSchema>

/**
 * One cycle of the loop as a single JSON document: the cycle, its sub-themes, meetings, participations, ideas,
 * the stage-transition audit trail, outcomes and supports. `synthetic: true` marks made-up data.
 *
 * @since 0.1.0
 */
export const CycleDocumentSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  synthetic: z.boolean().default(false),
  cycle: LoopCycleSchema,
  subThemes: z.array(SubThemeSchema).default([]),
  meetings: z.array(MeetingSchema).default([]),
  participations: z.array(ParticipationSchema).default([]),
  ideas: z.array(IdeaSchema).default([]),
  transitions: z.array(StageTransitionSchema).default([]),
  outcomes: z.array(OutcomeSchema).default([]),
  supports: z.array(SupportSchema).default([]),
  zones: ZonesSchema.optional()
})

/**
 * A cycle document.
 *
 * @since 0.1.0
 */
export type CycleDocument = z.infer<typeof CycleDocumentSchema>

/**
 * The result of {@link parse}: the typed document, or every problem with its path.
 *
 * @since 0.1.0
 */
export type ParseResult =
  | { readonly ok: true; readonly document: CycleDocument }
  | { readonly ok: false; readonly problems: ReadonlyArray<Problem> }

const duplicates = (
  problems: Problem[],
  collection: string,
  items: ReadonlyArray<{ id: string }>
): ReadonlySet<string> => {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push({ path: `${collection}[${i}].id`, message: `duplicate id "${item.id}"` })
    seen.add(item.id)
  })
  return seen
}

/**
 * The consistency problems of a document that already matches {@link CycleDocumentSchema}: duplicate ids, dangling
 * references, lineage that does not match on both sides, status fields that contradict each other, and a
 * transition trail that does not chain (each move starts where the previous one ended, in time order, and the last
 * one ends in the idea's current state).
 *
 * @since 0.1.0
 */
export const check = (doc: CycleDocument): ReadonlyArray<Problem> => {
  const problems: Problem[] = []
  const subThemes = duplicates(problems, "subThemes", doc.subThemes)
  const meetings = duplicates(problems, "meetings", doc.meetings)
  duplicates(problems, "participations", doc.participations)
  const ideas = duplicates(problems, "ideas", doc.ideas)
  const outcomes = duplicates(problems, "outcomes", doc.outcomes)
  const byId = new Map(doc.ideas.map((idea) => [idea.id, idea]))
  const missing = (path: string, kind: string, id: string) =>
    problems.push({ path, message: `no ${kind} with id "${id}" in this document` })

  doc.meetings.forEach((m, i) => {
    m.subThemeIds.forEach((s, j) => {
      if (!subThemes.has(s)) missing(`meetings[${i}].subThemeIds[${j}]`, "sub-theme", s)
    })
    m.closingReport?.linkedIdeaIds.forEach((s, j) => {
      if (!ideas.has(s)) missing(`meetings[${i}].closingReport.linkedIdeaIds[${j}]`, "idea", s)
    })
    if (m.endDate !== undefined && instantMs(m.endDate) < instantMs(m.date)) {
      problems.push({ path: `meetings[${i}].endDate`, message: "ends before it starts" })
    }
  })
  doc.participations.forEach((p, i) => {
    if (!meetings.has(p.meetingId)) missing(`participations[${i}].meetingId`, "meeting", p.meetingId)
  })
  doc.ideas.forEach((idea, i) => {
    const at = `ideas[${i}]`
    if (idea.subThemeId !== undefined && !subThemes.has(idea.subThemeId)) {
      missing(`${at}.subThemeId`, "sub-theme", idea.subThemeId)
    }
    if (idea.originMeetingId !== undefined && !meetings.has(idea.originMeetingId)) {
      missing(`${at}.originMeetingId`, "meeting", idea.originMeetingId)
    }
    if ((idea.status === "merged") !== (idea.mergedInto !== undefined)) {
      problems.push({ path: `${at}.mergedInto`, message: 'is set exactly when status is "merged"' })
    }
    if (idea.mergedInto !== undefined) {
      const target = byId.get(idea.mergedInto)
      if (target === undefined) missing(`${at}.mergedInto`, "idea", idea.mergedInto)
      else if (!(target.mergedFrom ?? []).includes(idea.id)) {
        problems.push({
          path: `${at}.mergedInto`,
          message: `idea "${target.id}" does not list "${idea.id}" in mergedFrom`
        })
      }
    }
    idea.mergedFrom?.forEach((s, j) => {
      if (byId.get(s)?.mergedInto !== idea.id) {
        problems.push({ path: `${at}.mergedFrom[${j}]`, message: `idea "${s}" is not merged into "${idea.id}"` })
      }
    })
    if ((idea.status === "split") !== (idea.splitInto !== undefined)) {
      problems.push({ path: `${at}.splitInto`, message: 'is set exactly when status is "split"' })
    }
    idea.splitInto?.forEach((s, j) => {
      if (byId.get(s)?.splitFrom !== idea.id) {
        problems.push({ path: `${at}.splitInto[${j}]`, message: `idea "${s}" is not split from "${idea.id}"` })
      }
    })
    if (idea.splitFrom !== undefined && !(byId.get(idea.splitFrom)?.splitInto ?? []).includes(idea.id)) {
      problems.push({
        path: `${at}.splitFrom`,
        message: `idea "${idea.splitFrom}" does not list "${idea.id}" in splitInto`
      })
    }
    if (idea.status === "dropped" && idea.dropReason === undefined) {
      problems.push({ path: `${at}.dropReason`, message: "a dropped idea needs a reason" })
    }
    if ((idea.status === "carried_over") !== (idea.carriedOverTo !== undefined)) {
      problems.push({ path: `${at}.carriedOverTo`, message: 'is set exactly when status is "carried_over"' })
    }
  })
  const trail = new Map<string, { index: number; to: string; at: number }>()
  doc.transitions.forEach((t, i) => {
    if (!ideas.has(t.ideaId)) {
      missing(`transitions[${i}].ideaId`, "idea", t.ideaId)
      return
    }
    if (t.meetingId !== undefined && !meetings.has(t.meetingId))
      missing(`transitions[${i}].meetingId`, "meeting", t.meetingId)
    const previous = trail.get(t.ideaId)
    const at = instantMs(t.at)
    if (previous !== undefined) {
      if (previous.to !== t.from) {
        problems.push({
          path: `transitions[${i}].from`,
          message: `idea "${t.ideaId}" was in "${previous.to}" after transitions[${previous.index}], not "${t.from}"`
        })
      }
      if (at < previous.at) {
        problems.push({ path: `transitions[${i}].at`, message: `is earlier than transitions[${previous.index}].at` })
      }
    }
    trail.set(t.ideaId, { index: i, to: t.to, at })
  })
  doc.ideas.forEach((idea, i) => {
    const last = trail.get(idea.id)
    if (last !== undefined && last.to !== state(idea)) {
      problems.push({
        path: `ideas[${i}]`,
        message: `is in state "${state(idea)}" but its last transition (transitions[${last.index}]) ends in "${last.to}"`
      })
    }
  })
  doc.outcomes.forEach((o, i) => {
    if (!ideas.has(o.ideaId)) missing(`outcomes[${i}].ideaId`, "idea", o.ideaId)
    if (o.parentId !== undefined && !outcomes.has(o.parentId)) missing(`outcomes[${i}].parentId`, "outcome", o.parentId)
  })
  const parents = new Map(doc.outcomes.map((o) => [o.id, o.parentId]))
  doc.outcomes.forEach((o, i) => {
    const seen = new Set<string>([o.id])
    let p = o.parentId
    while (p !== undefined) {
      if (seen.has(p)) {
        problems.push({ path: `outcomes[${i}].parentId`, message: "parent chain loops back to itself" })
        break
      }
      seen.add(p)
      p = parents.get(p)
    }
  })
  const votes = new Set<string>()
  doc.supports.forEach((s, i) => {
    if (!ideas.has(s.ideaId)) missing(`supports[${i}].ideaId`, "idea", s.ideaId)
    const key = `${s.ideaId}\u0000${s.gate}\u0000${s.person}`
    if (votes.has(key)) {
      problems.push({
        path: `supports[${i}]`,
        message: `person "${s.person}" already supports idea "${s.ideaId}" at ${s.gate}`
      })
    }
    votes.add(key)
  })
  return problems
}

/**
 * Parses unknown JSON into a typed, consistent cycle document, or returns every problem with its path (schema
 * problems first; consistency problems only once the shape is right).
 *
 * @example
 * ```ts
 * const result = CycleDocument.parse(JSON.parse(text))
 * if (!result.ok) for (const p of result.problems) console.error(`${p.path}: ${p.message}`)
 * ```
 * @since 0.1.0
 */
export const parse = (input: unknown): ParseResult => {
  const parsed = CycleDocumentSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
    }
  }
  const problems = check(parsed.data)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, document: parsed.data }
}

/**
 * Like {@link parse} but throws a {@link DocumentError} listing the problems.
 *
 * @since 0.1.0
 */
export const decode = (input: unknown, source?: string): CycleDocument => {
  const result = parse(input)
  if (!result.ok) throw new DocumentError(result.problems, source)
  return result.document
}

/**
 * The JSON Schema of a cycle document (draft 2020-12), for editors and other languages.
 *
 * @since 0.1.0
 */
export const jsonSchema = (): Record<string, unknown> =>
  z.toJSONSchema(CycleDocumentSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>
