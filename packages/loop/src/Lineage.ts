import type { CycleDocument } from "./CycleDocument.js"
import { type Idea, isFinished, state } from "./Idea.js"
import { instantMs, strictInstantMs } from "./internal/schemas.js"
import { type ForwardStage, rank } from "./Stage.js"
import type { StageTransition } from "./StageTransition.js"
import { TransitionError } from "./TransitionError.js"

/**
 * The fields of an idea created by a merge or split; the rest is inherited.
 *
 * @since 0.1.0
 */
export interface NewIdea {
  readonly id: string
  readonly title: string
  readonly need: string
  readonly description?: string
  readonly subThemeId?: string
  /** Defaults to the team of the source idea(s). */
  readonly team?: ReadonlyArray<string>
  readonly tags?: ReadonlyArray<string>
  readonly originMeetingId?: string
}

/**
 * Who decided an operation, why and when.
 *
 * @since 0.1.0
 */
export interface Decision {
  readonly by: string
  readonly reason: string
  readonly at: string
}

const union = (lists: ReadonlyArray<ReadonlyArray<string>>): string[] => [...new Set(lists.flat())]

const refuse = (subject: string, from: string, to: string, reason: string): never => {
  throw new TransitionError(subject, from, to, reason, [])
}

const checkDecision = (subject: string, from: string, to: string, d: Decision, doc: CycleDocument, ids: string[]) => {
  if (d.by.trim() === "" || d.reason.trim() === "")
    refuse(subject, from, to, "it needs who decided it (by) and a reason")
  const at = strictInstantMs(d.at)
  if (Number.isNaN(at)) refuse(subject, from, to, `"${d.at}" is not an ISO date or date-time`)
  for (const t of doc.transitions) {
    if (ids.includes(t.ideaId) && instantMs(t.at) > at)
      refuse(subject, from, to, `${d.at} is before the last move of "${t.ideaId}"`)
  }
  if (doc.cycle.status === "closed") refuse(subject, from, to, `cycle "${doc.cycle.id}" is closed`)
}

const source = (doc: CycleDocument, id: string, to: string): Idea => {
  const idea = doc.ideas.find((i) => i.id === id)
  if (idea === undefined) return refuse(`idea "${id}"`, "(none)", to, `cycle "${doc.cycle.id}" has no such idea`)
  if (isFinished(idea)) return refuse(`idea "${id}"`, state(idea), to, `the idea is finished ("${state(idea)}")`)
  return idea
}

const freshId = (doc: CycleDocument, id: string, to: string) => {
  if (id.trim() === "" || id.trim() !== id)
    refuse(`idea "${id}"`, "(new)", to, "a new idea needs an id without surrounding spaces")
  if (doc.ideas.some((i) => i.id === id))
    refuse(`idea "${id}"`, "(new)", to, `cycle "${doc.cycle.id}" already has an idea "${id}"`)
}

const sideMove = (
  idea: Idea,
  to: "merged" | "split" | "carried_over",
  d: Decision,
  related: string[]
): StageTransition => ({
  ideaId: idea.id,
  from: state(idea),
  to,
  at: d.at,
  gate: null,
  decision: to.replace("_", " "),
  decidedBy: d.by,
  rationale: d.reason,
  relatedIdeaIds: related
})

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }

/**
 * Merges two or more unfinished ideas into a new one (Decidim's most-wanted missing feature, issue #1970). The
 * sources become `merged` with `mergedInto`, the new idea lists them in `mergedFrom` and inherits the union of their
 * teams, tags and strength areas. It starts at the *least* advanced stage among the sources, so no part of it skips a
 * gate it has not passed; supports are not inherited (a new idea collects its own). Every source gets a
 * {@link StageTransition} to `merged`. The input is never changed.
 *
 * @since 0.1.0
 */
export const merge = (
  doc: CycleDocument,
  options: Decision & { readonly ideas: ReadonlyArray<string>; readonly into: NewIdea }
): CycleDocument => {
  const subject = `ideas ${options.ideas.map((i) => `"${i}"`).join(", ")}`
  if (new Set(options.ideas).size !== options.ideas.length || options.ideas.length < 2) {
    refuse(subject, "(several)", "merged", "a merge needs at least two different ideas")
  }
  const sources = options.ideas.map((id) => source(doc, id, "merged"))
  checkDecision(subject, "(several)", "merged", options, doc, [...options.ideas])
  freshId(doc, options.into.id, "merged")
  let stage: ForwardStage = sources[0]!.stage
  for (const s of sources) if (rank(s.stage) < rank(stage)) stage = s.stage
  const subThemes = new Set(sources.map((s) => s.subThemeId))
  const subThemeId = options.into.subThemeId ?? (subThemes.size === 1 ? sources[0]!.subThemeId : undefined)
  const merged: Idea = {
    id: options.into.id,
    title: options.into.title,
    need: options.into.need,
    description: options.into.description ?? "",
    team: options.into.team ? [...options.into.team] : union(sources.map((s) => s.team)),
    createdAt: options.at,
    stage,
    status: "active",
    tags: options.into.tags ? [...options.into.tags] : union(sources.map((s) => s.tags)),
    strengthAreaIds: union(sources.map((s) => s.strengthAreaIds)),
    mergedFrom: [...options.ideas],
    ...optional("subThemeId", subThemeId),
    ...optional("originMeetingId", options.into.originMeetingId)
  }
  const ids = new Set(options.ideas)
  return {
    ...doc,
    ideas: [
      ...doc.ideas.map((i): Idea => (ids.has(i.id) ? { ...i, status: "merged", mergedInto: merged.id } : i)),
      merged
    ],
    transitions: [...doc.transitions, ...sources.map((s) => sideMove(s, "merged", options, [merged.id]))]
  }
}

/**
 * Splits an unfinished idea into two or more new ideas at the same stage. The source becomes `split` with
 * `splitInto`; each child has `splitFrom` and inherits the source's team (unless given), tags, sub-theme and
 * strength areas. The input is never changed.
 *
 * @since 0.1.0
 */
export const split = (
  doc: CycleDocument,
  options: Decision & { readonly idea: string; readonly into: ReadonlyArray<NewIdea> }
): CycleDocument => {
  const subject = `idea "${options.idea}"`
  const src = source(doc, options.idea, "split")
  const ids = options.into.map((c) => c.id)
  if (ids.length < 2 || new Set(ids).size !== ids.length) {
    refuse(subject, state(src), "split", "a split needs at least two new ideas with different ids")
  }
  checkDecision(subject, state(src), "split", options, doc, [src.id])
  for (const id of ids) freshId(doc, id, "split")
  const children = options.into.map(
    (c): Idea => ({
      id: c.id,
      title: c.title,
      need: c.need,
      description: c.description ?? "",
      team: c.team ? [...c.team] : [...src.team],
      createdAt: options.at,
      stage: src.stage,
      status: "active",
      tags: c.tags ? [...c.tags] : [...src.tags],
      strengthAreaIds: [...src.strengthAreaIds],
      splitFrom: src.id,
      ...optional("subThemeId", c.subThemeId ?? src.subThemeId),
      ...optional("originMeetingId", c.originMeetingId ?? src.originMeetingId)
    })
  )
  return {
    ...doc,
    ideas: [
      ...doc.ideas.map((i): Idea => (i.id === src.id ? { ...i, status: "split", splitInto: ids } : i)),
      ...children
    ],
    transitions: [...doc.transitions, sideMove(src, "split", options, ids)]
  }
}

/**
 * Carries unfinished ideas (active on the path, or parked) of one cycle into the next. In the old cycle each idea
 * becomes `carried_over` with `carriedOverTo`; the new cycle gets a copy at the same stage, `active`, with
 * `carriedOverFrom` (sub-theme and origin meeting belong to the old cycle and are not copied). `ideas` defaults to
 * every unfinished idea; `id` renames the copies (default: the same id). The old cycle must have reached
 * `implementation` and not be closed; the new cycle must be a later year and not closed. Inputs are never changed.
 *
 * @since 0.1.0
 */
export const carryOver = (
  from: CycleDocument,
  to: CycleDocument,
  options: Decision & { readonly ideas?: ReadonlyArray<string>; readonly id?: (idea: Idea) => string }
): { readonly from: CycleDocument; readonly to: CycleDocument } => {
  const subject = `cycle "${from.cycle.id}"`
  if (to.cycle.year <= from.cycle.year) {
    refuse(subject, from.cycle.status, "carried_over", `cycle "${to.cycle.id}" (${to.cycle.year}) is not a later year`)
  }
  if (!["implementation", "reporting"].includes(from.cycle.status)) {
    refuse(subject, from.cycle.status, "carried_over", "ideas are carried over during implementation or reporting")
  }
  if (to.cycle.status === "closed")
    refuse(subject, from.cycle.status, "carried_over", `cycle "${to.cycle.id}" is closed`)
  const chosen = options.ideas ?? from.ideas.filter((i) => !isFinished(i)).map((i) => i.id)
  const sources = chosen.map((id) => source(from, id, "carried_over"))
  checkDecision(subject, from.cycle.status, "carried_over", options, from, [...chosen])
  const rename = options.id ?? ((idea: Idea) => idea.id)
  const copies = sources.map(
    (s): Idea => ({
      id: rename(s),
      title: s.title,
      need: s.need,
      description: s.description,
      team: [...s.team],
      createdAt: options.at,
      stage: s.stage,
      status: "active",
      tags: [...s.tags],
      strengthAreaIds: [...s.strengthAreaIds],
      carriedOverFrom: { cycleId: from.cycle.id, ideaId: s.id }
    })
  )
  const newIds = copies.map((c) => c.id)
  if (new Set(newIds).size !== newIds.length) refuse(subject, from.cycle.status, "carried_over", "the new ids collide")
  for (const id of newIds) freshId(to, id, "carried_over")
  const target = new Map(sources.map((s, k) => [s.id, newIds[k]!]))
  return {
    from: {
      ...from,
      ideas: from.ideas.map((i): Idea => {
        const ideaId = target.get(i.id)
        return ideaId === undefined
          ? i
          : { ...i, status: "carried_over", carriedOverTo: { cycleId: to.cycle.id, ideaId } }
      }),
      transitions: [
        ...from.transitions,
        ...sources.map((s) => sideMove(s, "carried_over", options, [target.get(s.id)!]))
      ]
    },
    to: { ...to, ideas: [...to.ideas, ...copies] }
  }
}

/**
 * An idea in a cycle, as lineage crosses cycles.
 *
 * @since 0.1.0
 */
export interface Ref {
  readonly cycleId: string
  readonly ideaId: string
}

/**
 * The lineage of an idea across any number of cycle documents: every ancestor (ideas it was merged from, split from
 * or carried over from, transitively) and every descendant (merged into, split into, carried over to), each in
 * breadth-first order without repeats. References to documents not given are still listed but not followed.
 *
 * @since 0.1.0
 */
export const trace = (
  docs: ReadonlyArray<CycleDocument>,
  of: Ref
): { readonly ancestors: ReadonlyArray<Ref>; readonly descendants: ReadonlyArray<Ref> } => {
  const key = (r: Ref) => `${r.cycleId}\u0000${r.ideaId}`
  const ideas = new Map<string, Idea>()
  for (const d of docs) for (const i of d.ideas) ideas.set(key({ cycleId: d.cycle.id, ideaId: i.id }), i)
  const walk = (step: (r: Ref, idea: Idea) => Ref[]): Ref[] => {
    const out: Ref[] = []
    const seen = new Set([key(of)])
    const queue: Ref[] = [of]
    while (queue.length > 0) {
      const r = queue.shift()!
      const idea = ideas.get(key(r))
      if (idea === undefined) continue
      for (const n of step(r, idea)) {
        if (seen.has(key(n))) continue
        seen.add(key(n))
        out.push(n)
        queue.push(n)
      }
    }
    return out
  }
  const local = (r: Ref, ids: ReadonlyArray<string> | undefined) =>
    (ids ?? []).map((ideaId) => ({ cycleId: r.cycleId, ideaId }))
  return {
    ancestors: walk((r, i) => [
      ...local(r, i.mergedFrom),
      ...local(r, i.splitFrom === undefined ? [] : [i.splitFrom]),
      ...(i.carriedOverFrom ? [i.carriedOverFrom] : [])
    ]),
    descendants: walk((r, i) => [
      ...local(r, i.mergedInto === undefined ? [] : [i.mergedInto]),
      ...local(r, i.splitInto),
      ...(i.carriedOverTo ? [i.carriedOverTo] : [])
    ])
  }
}
