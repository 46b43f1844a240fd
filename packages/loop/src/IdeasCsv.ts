import type { CycleDocument } from "./CycleDocument.js"
import { state } from "./Idea.js"
import type { ForwardStage } from "./Stage.js"

/**
 * The columns of the ideas CSV, in order.
 *
 * @since 0.1.0
 */
export const columns = [
  "cycle_id",
  "id",
  "title",
  "need",
  "stage",
  "status",
  "state",
  "sub_theme",
  "origin_meeting",
  "team_size",
  "tags",
  "strength_areas",
  "created_at",
  "reached_idea_at",
  "reached_concept_at",
  "reached_prototype_at",
  "reached_pilot_at",
  "reached_end_at",
  "merged_into",
  "merged_from",
  "split_from",
  "split_into",
  "carried_over_from",
  "carried_over_to",
  "drop_reason",
  "transitions",
  "history"
] as const

const field = (value: string): string => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

const reachedColumn: Partial<Record<ForwardStage, (typeof columns)[number]>> = {
  idea: "reached_idea_at",
  concept: "reached_concept_at",
  prototype: "reached_prototype_at",
  pilot: "reached_pilot_at",
  implemented: "reached_end_at",
  company_formed: "reached_end_at"
}

/**
 * The ideas of a cycle as RFC 4180 CSV (CRLF line ends, fields quoted when needed), one row per idea with its
 * lineage, the date it reached each stage and its whole stage history in one cell
 * (`2016-05-12 idea→concept [G1] jury: rationale | …`). Lists inside a cell are separated by `;`. Team members are
 * not listed, only the team size, so the file can be published.
 *
 * @since 0.1.0
 */
export const write = (doc: CycleDocument): string => {
  const trails = new Map<string, typeof doc.transitions>()
  for (const t of doc.transitions) {
    const trail = trails.get(t.ideaId)
    if (trail === undefined) trails.set(t.ideaId, [t])
    else trail.push(t)
  }
  const lines = [columns.join(",")]
  for (const idea of doc.ideas) {
    const trail = trails.get(idea.id) ?? []
    const reached: Partial<Record<(typeof columns)[number], string>> = {}
    for (const t of trail) {
      const column = reachedColumn[t.to as ForwardStage]
      if (column !== undefined && t.from !== "parked" && reached[column] === undefined) reached[column] = t.at
    }
    const row: Record<(typeof columns)[number], string> = {
      cycle_id: doc.cycle.id,
      id: idea.id,
      title: idea.title,
      need: idea.need,
      stage: idea.stage,
      status: idea.status,
      state: state(idea),
      sub_theme: idea.subThemeId ?? "",
      origin_meeting: idea.originMeetingId ?? "",
      team_size: String(idea.team.length),
      tags: idea.tags.join(";"),
      strength_areas: idea.strengthAreaIds.join(";"),
      created_at: idea.createdAt,
      reached_idea_at: reached.reached_idea_at ?? "",
      reached_concept_at: reached.reached_concept_at ?? "",
      reached_prototype_at: reached.reached_prototype_at ?? "",
      reached_pilot_at: reached.reached_pilot_at ?? "",
      reached_end_at: reached.reached_end_at ?? "",
      merged_into: idea.mergedInto ?? "",
      merged_from: (idea.mergedFrom ?? []).join(";"),
      split_from: idea.splitFrom ?? "",
      split_into: (idea.splitInto ?? []).join(";"),
      carried_over_from: idea.carriedOverFrom ? `${idea.carriedOverFrom.cycleId}/${idea.carriedOverFrom.ideaId}` : "",
      carried_over_to: idea.carriedOverTo ? `${idea.carriedOverTo.cycleId}/${idea.carriedOverTo.ideaId}` : "",
      drop_reason: idea.dropReason ?? "",
      transitions: String(trail.length),
      history: trail
        .map((t) => `${t.at} ${t.from}→${t.to}${t.gate === null ? "" : ` [${t.gate}]`} ${t.decidedBy}: ${t.rationale}`)
        .join(" | ")
    }
    lines.push(columns.map((c) => field(row[c])).join(","))
  }
  return `${lines.join("\r\n")}\r\n`
}
