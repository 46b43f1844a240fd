import { Project } from "@innokraft/domain"
import type { Label } from "@innokraft/reference"
import type { CycleDocument } from "./CycleDocument.js"
import { DocumentError } from "./DocumentError.js"
import { formatPath } from "./internal/path.js"
import { advance } from "./Lifecycle.js"

/**
 * What the strategy side supplies when an idea becomes a project: the project's id and title (domain ids are
 * lower-case slugs), and optionally its coordinator, the goals and efforts it serves and the calls it aims at.
 *
 * @since 0.1.0
 */
export interface ProjectSpec {
  readonly id: string
  readonly title: Label
  readonly purpose?: Label
  readonly coordinatorId?: string
  readonly partnerIds?: ReadonlyArray<string>
  readonly goalIds?: ReadonlyArray<string>
  readonly effortIds?: ReadonlyArray<string>
  readonly callIds?: ReadonlyArray<string>
  /** Default `"idea"`: a project idea ahead of a funding call. */
  readonly status?: Project.Status
}

/**
 * Hands an unfinished idea over to a project — the step that closes the loop back to the strategy and its funding
 * calls. The idea moves to `handed_over` through {@link Lifecycle.advance} (so the move is checked and recorded as a
 * {@link StageTransition}) and gets `handedOverTo`; the result also holds a new `@innokraft/domain` Project, validated
 * by its schema, linked to the idea's strength areas and its sub-theme's (union), to the given goals and efforts,
 * and carrying a reference back to the cycle and idea. A spec the domain schema refuses throws a
 * {@link DocumentError} naming the fields; an illegal move a {@link TransitionError}. The input is never changed.
 *
 * @since 0.1.0
 */
export const toProject = (
  doc: CycleDocument,
  options: {
    readonly idea: string
    readonly project: ProjectSpec
    readonly by: string
    readonly reason: string
    readonly at: string
  }
): { readonly document: CycleDocument; readonly project: Project.Project } => {
  const moved = advance(doc, {
    idea: options.idea,
    to: "handed_over",
    by: options.by,
    reason: options.reason,
    at: options.at
  })
  const idea = moved.ideas.find((i) => i.id === options.idea)!
  const subTheme = doc.subThemes.find((s) => s.id === idea.subThemeId)
  const strengthAreas = [...new Set([...idea.strengthAreaIds, ...(subTheme?.strengthAreaIds ?? [])])]
  const spec = options.project
  const links = [
    ...(spec.goalIds ?? []).map((id) => ({ kind: "goal" as const, id })),
    ...(spec.effortIds ?? []).map((id) => ({ kind: "effort" as const, id })),
    ...strengthAreas.map((id) => ({ kind: "strengthArea" as const, id }))
  ]
  const candidate = {
    id: spec.id,
    title: spec.title,
    status: spec.status ?? "idea",
    ...(spec.purpose !== undefined ? { purpose: spec.purpose } : {}),
    ...(spec.coordinatorId !== undefined ? { coordinatorId: spec.coordinatorId } : {}),
    ...(spec.partnerIds !== undefined ? { partnerIds: [...spec.partnerIds] } : {}),
    ...(spec.callIds !== undefined ? { callIds: [...spec.callIds] } : {}),
    ...(links.length > 0 ? { links } : {}),
    externalRefs: [{ system: "other" as const, value: `innokraft-loop:${doc.cycle.id}/${idea.id}` }],
    note: `${doc.synthetic ? "SYNTHETIC example data. " : ""}Handed over from Innovation Loop cycle ${doc.cycle.id} (${doc.cycle.year}), idea ${idea.id} "${idea.title}". Need: ${idea.need}`
  }
  const parsed = Project.Project.safeParse(candidate)
  if (!parsed.success) {
    throw new DocumentError(
      parsed.error.issues.map((issue) => ({ path: `project.${formatPath(issue.path)}`, message: issue.message })),
      `handover of idea "${idea.id}"`
    )
  }
  return {
    document: {
      ...moved,
      ideas: moved.ideas.map((i) => (i.id === idea.id ? { ...i, handedOverTo: parsed.data.id } : i))
    },
    project: parsed.data
  }
}
