import type { CycleDocument } from "./CycleDocument.js"
import * as Gate from "./Gate.js"
import type { Idea } from "./Idea.js"
import { instantMs } from "./internal/schemas.js"
import type { ForwardStage } from "./Stage.js"

/**
 * Tie-break rules, applied in the order given after the score; `id` (code-unit order of the idea id) is always
 * appended last so that every ranking is total and reproducible.
 *
 * - `earliest-created`: the idea created first wins
 * - `most-supports`: the idea with more participant support (summed weights) at the same gate wins
 * - `id`: the smaller id wins
 *
 * @since 0.1.0
 */
export type TieBreak = "earliest-created" | "most-supports" | "id"

/**
 * One idea's place in a ranking. `rank` is unique (1 = best) after the tie-break; `tiedWith` lists the ideas that
 * had exactly the same score, so a reader sees where the stated rule decided.
 *
 * @since 0.1.0
 */
export interface Ranked {
  readonly ideaId: string
  readonly score: number
  readonly rank: number
  readonly tiedWith: ReadonlyArray<string>
}

/**
 * A ranking of the ideas at a gate, with the method and the tie-break rules used.
 *
 * @since 0.1.0
 */
export interface Ranking {
  readonly gate: Gate.GateId
  readonly method: "jury" | "supports"
  readonly tieBreak: ReadonlyArray<TieBreak>
  readonly ranking: ReadonlyArray<Ranked>
}

/**
 * One juror's score for one idea on one criterion.
 *
 * @since 0.1.0
 */
export interface JuryScore {
  readonly ideaId: string
  readonly juror: string
  readonly criterion: string
  readonly value: number
}

const fromStage: Readonly<Record<Gate.GateId, ForwardStage>> = {
  G0: "problem_formulated",
  G1: "idea",
  G2: "prototype",
  G3: "pilot"
}

/**
 * The ideas waiting at a gate: active ideas at the stage the gate leads out of.
 *
 * @since 0.1.0
 */
export const candidates = (doc: CycleDocument, gate: Gate.GateId): ReadonlyArray<Idea> =>
  doc.ideas.filter((i) => i.status === "active" && i.stage === fromStage[gate])

const supportTotals = (doc: CycleDocument, gate: Gate.GateId): Map<string, number> => {
  const totals = new Map<string, number>()
  for (const s of doc.supports) if (s.gate === gate) totals.set(s.ideaId, (totals.get(s.ideaId) ?? 0) + s.weight)
  return totals
}

const rankIdeas = (
  doc: CycleDocument,
  gate: Gate.GateId,
  ideas: ReadonlyArray<Idea>,
  scores: Float64Array,
  tieBreak: ReadonlyArray<TieBreak>
): Ranked[] => {
  const rules: TieBreak[] = [...tieBreak.filter((r) => r !== "id"), "id"]
  const supports = supportTotals(doc, gate)
  const order = ideas.map((_, k) => k)
  order.sort((a, b) => {
    const d = scores[b]! - scores[a]!
    if (d !== 0) return d
    const x = ideas[a]!
    const y = ideas[b]!
    for (const rule of rules) {
      const c =
        rule === "earliest-created"
          ? instantMs(x.createdAt) - instantMs(y.createdAt)
          : rule === "most-supports"
            ? (supports.get(y.id) ?? 0) - (supports.get(x.id) ?? 0)
            : x.id < y.id
              ? -1
              : x.id > y.id
                ? 1
                : 0
      if (c !== 0) return c
    }
    return 0
  })
  return order.map((k, position) => ({
    ideaId: ideas[k]!.id,
    score: scores[k]!,
    rank: position + 1,
    tiedWith: ideas.filter((_other, j) => j !== k && scores[j] === scores[k]).map((other) => other.id)
  }))
}

const resolve = (doc: CycleDocument, gate: Gate.GateId, ids: ReadonlyArray<string> | undefined): Idea[] => {
  if (ids === undefined) return [...candidates(doc, gate)]
  return ids.map((id) => {
    const idea = doc.ideas.find((i) => i.id === id)
    if (idea === undefined) throw new Error(`Scoring at ${gate}: cycle "${doc.cycle.id}" has no idea "${id}"`)
    return idea
  })
}

/**
 * Ranks ideas at a gate by participant supports (summed support weights at that gate, Decidim/CONSUL style).
 * `ideas` defaults to the {@link candidates} of the gate. Ties are broken by `tieBreak` (default
 * `["earliest-created"]`), then by id.
 *
 * @since 0.1.0
 */
export const bySupports = (
  doc: CycleDocument,
  gate: Gate.GateId,
  options: { readonly ideas?: ReadonlyArray<string>; readonly tieBreak?: ReadonlyArray<TieBreak> } = {}
): Ranking => {
  const ideas = resolve(doc, gate, options.ideas)
  const totals = supportTotals(doc, gate)
  const scores = new Float64Array(ideas.length)
  ideas.forEach((idea, k) => {
    scores[k] = totals.get(idea.id) ?? 0
  })
  const tieBreak = [...(options.tieBreak ?? ["earliest-created"]), "id" as const].filter(
    (r, k, all) => all.indexOf(r) === k
  )
  return { gate, method: "supports", tieBreak, ranking: rankIdeas(doc, gate, ideas, scores, tieBreak) }
}

/**
 * Ranks ideas at a gate by jury scores: for each criterion the mean over the jurors who scored it, then the
 * weighted mean over the criteria (weights normalised to sum 1). `criteria` defaults to the gate's own
 * ({@link Gate.all}). Every idea must be scored on every criterion by at least one juror, and every score must name
 * a known idea and criterion — otherwise an error says which. Ties are broken by `tieBreak` (default
 * `["most-supports", "earliest-created"]`), then by id.
 *
 * @since 0.1.0
 */
export const byJury = (
  doc: CycleDocument,
  gate: Gate.GateId,
  scores: ReadonlyArray<JuryScore>,
  options: {
    readonly ideas?: ReadonlyArray<string>
    readonly criteria?: ReadonlyArray<Gate.Criterion>
    readonly tieBreak?: ReadonlyArray<TieBreak>
  } = {}
): Ranking => {
  const ideas = resolve(doc, gate, options.ideas)
  const criteria = options.criteria ?? Gate.get(gate).criteria
  const weightSum = criteria.reduce((s, c) => s + c.weight, 0)
  if (!(weightSum > 0)) throw new Error(`Scoring at ${gate}: criterion weights must sum to more than 0`)
  const ideaIndex = new Map(ideas.map((idea, k) => [idea.id, k]))
  const criterionIndex = new Map(criteria.map((c, k) => [c.key, k]))
  const n = ideas.length
  const m = criteria.length
  const sums = new Float64Array(n * m)
  const counts = new Float64Array(n * m)
  for (const s of scores) {
    const i = ideaIndex.get(s.ideaId)
    const c = criterionIndex.get(s.criterion)
    if (i === undefined) throw new Error(`Scoring at ${gate}: juror "${s.juror}" scored "${s.ideaId}", not a candidate`)
    if (c === undefined) {
      throw new Error(
        `Scoring at ${gate}: unknown criterion "${s.criterion}" (criteria: ${criteria.map((x) => x.key).join(", ")})`
      )
    }
    sums[i * m + c]! += s.value
    counts[i * m + c]! += 1
  }
  const totals = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let total = 0
    for (let c = 0; c < m; c++) {
      const count = counts[i * m + c]!
      if (count === 0) {
        throw new Error(`Scoring at ${gate}: idea "${ideas[i]!.id}" has no score on criterion "${criteria[c]!.key}"`)
      }
      total += (criteria[c]!.weight / weightSum) * (sums[i * m + c]! / count)
    }
    totals[i] = total
  }
  const tieBreak = [...(options.tieBreak ?? ["most-supports", "earliest-created"]), "id" as const].filter(
    (r, k, all) => all.indexOf(r) === k
  )
  return { gate, method: "jury", tieBreak, ranking: rankIdeas(doc, gate, ideas, totals, tieBreak) }
}

/**
 * The ids of the best `n` ideas of a ranking, in rank order — the "strongest contributions sent on".
 *
 * @since 0.1.0
 */
export const select = (ranking: Ranking, n: number): ReadonlyArray<string> =>
  ranking.ranking.slice(0, Math.max(0, n)).map((r) => r.ideaId)
