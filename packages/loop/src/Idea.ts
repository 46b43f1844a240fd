import { z } from "zod"
import { IdSchema, InstantSchema } from "./internal/schemas.js"
import { type ForwardStage, forward, isEnd, type SideState, type State, side } from "./Stage.js"

/**
 * Where an idea came from in an earlier cycle.
 *
 * @since 0.1.0
 */
export const CarriedOverFromSchema = z.object({ cycleId: IdSchema, ideaId: IdSchema })

/**
 * An idea of the loop. It starts from a need (behov) — required, since ideas must start from a need to become a
 * service or product (domain.md §1.6). `stage` is the furthest forward stage reached and never goes back;
 * `status` is `active` while the idea moves along the path, otherwise its side state. Lineage: `mergedInto` /
 * `mergedFrom`, `splitFrom` / `splitInto`, `carriedOverFrom` (previous cycle) / `carriedOverTo` (next cycle).
 *
 * @since 0.1.0
 */
export const IdeaSchema = z.object({
  id: IdSchema,
  title: z.string().min(1),
  need: z.string().min(1),
  description: z.string().default(""),
  subThemeId: IdSchema.optional(),
  /** Pseudonymous person references of the team. */
  team: z.array(IdSchema).default([]),
  originMeetingId: IdSchema.optional(),
  createdAt: InstantSchema,
  stage: z.enum(forward as [ForwardStage, ...ForwardStage[]]),
  status: z.enum(["active", ...side] as ["active", ...SideState[]]),
  /** Why the idea was dropped; required when `status` is `dropped`. */
  dropReason: z.string().min(1).optional(),
  tags: z.array(z.string().min(1)).default([]),
  strengthAreaIds: z.array(IdSchema).default([]),
  mergedInto: IdSchema.optional(),
  mergedFrom: z.array(IdSchema).optional(),
  splitFrom: IdSchema.optional(),
  splitInto: z.array(IdSchema).optional(),
  carriedOverFrom: CarriedOverFromSchema.optional(),
  carriedOverTo: CarriedOverFromSchema.optional(),
  /** The project the idea was handed over to (`@innokraft/domain` Project id). */
  handedOverTo: IdSchema.optional()
})

/**
 * An idea.
 *
 * @since 0.1.0
 */
export type Idea = z.infer<typeof IdeaSchema>

/**
 * The state of an idea: its stage while active, otherwise its side state.
 *
 * @since 0.1.0
 */
export const state = (idea: Pick<Idea, "stage" | "status">): State =>
  idea.status === "active" ? idea.stage : idea.status

/**
 * Whether an idea is finished in its cycle: it reached the end of the path or left it for good (merged, split,
 * dropped, handed over, carried over). Active and parked ideas are unfinished.
 *
 * @since 0.1.0
 */
export const isFinished = (idea: Pick<Idea, "stage" | "status">): boolean =>
  idea.status === "active" ? isEnd(idea.stage) : idea.status !== "parked"
