import type { Label } from "@innokraft/reference"
import { z } from "zod"
import { IdSchema, InstantSchema, instantMs } from "./internal/schemas.js"

/**
 * What an idea became (domain.md §8.3).
 *
 * @since 0.1.0
 */
export type Kind =
  | "service"
  | "product"
  | "process"
  | "smart-object"
  | "method"
  | "company"
  | "project-application"
  | "policy-change"

/**
 * Outcome kinds.
 *
 * @since 0.1.0
 */
export const kinds: ReadonlyArray<Kind> = [
  "service",
  "product",
  "process",
  "smart-object",
  "method",
  "company",
  "project-application",
  "policy-change"
]

/**
 * Where an outcome stands. Interreg's headline "up to 37 new products, services or processes in different stages of
 * implementation" is a count of outcomes by status.
 *
 * @since 0.1.0
 */
export type Status = "planned" | "in-implementation" | "implemented" | "discontinued"

/**
 * Outcome statuses in order.
 *
 * @since 0.1.0
 */
export const statuses: ReadonlyArray<Status> = ["planned", "in-implementation", "implemented", "discontinued"]

/**
 * Labels of the outcome statuses.
 *
 * @since 0.1.0
 */
export const statusLabels: Readonly<Record<Status, Label>> = {
  planned: { sv: "Planerad", en: "Planned" },
  "in-implementation": { sv: "Under genomförande", en: "In implementation" },
  implemented: { sv: "Genomförd", en: "Implemented" },
  discontinued: { sv: "Avbruten", en: "Discontinued" }
}

/**
 * The progress a status implies when no progress entry is recorded (Decidim's Status carries a default progress the
 * same way): planned 0, in implementation 50, implemented 100, discontinued 0.
 *
 * @since 0.1.0
 */
export const defaultProgress: Readonly<Record<Status, number>> = {
  planned: 0,
  "in-implementation": 50,
  implemented: 100,
  discontinued: 0
}

/**
 * A dated step of an outcome with its progress in percent (Decidim's timeline entry plus a progress figure).
 *
 * @since 0.1.0
 */
export const ProgressEntrySchema = z.object({
  date: InstantSchema,
  title: z.string().min(1),
  description: z.string().optional(),
  progress: z.number().min(0).max(100)
})

/**
 * A progress entry.
 *
 * @since 0.1.0
 */
export type ProgressEntry = z.infer<typeof ProgressEntrySchema>

/**
 * An outcome of the loop, modelled on Decidim Accountability's Result: kind, status, owner, a progress timeline,
 * an optional parent and an optional weight for the parent's roll-up.
 *
 * @since 0.1.0
 */
export const OutcomeSchema = z.object({
  id: IdSchema,
  ideaId: IdSchema,
  title: z.string().min(1),
  kind: z.enum(kinds as [Kind, ...Kind[]]),
  status: z.enum(statuses as [Status, ...Status[]]),
  owner: z.string().min(1),
  parentId: IdSchema.optional(),
  weight: z.number().min(0).optional(),
  progress: z.array(ProgressEntrySchema).default([]),
  /** `@innokraft/domain` Project id when the outcome is carried by a project. */
  projectId: IdSchema.optional()
})

/**
 * An outcome.
 *
 * @since 0.1.0
 */
export type Outcome = z.infer<typeof OutcomeSchema>

/**
 * The own progress of an outcome: the latest progress entry's percentage, or the status's
 * {@link defaultProgress} when there is none. An implemented outcome is always 100.
 *
 * @since 0.1.0
 */
export const ownProgress = (outcome: Outcome): number => {
  if (outcome.status === "implemented") return 100
  let latest: ProgressEntry | undefined
  for (const entry of outcome.progress) {
    if (latest === undefined || instantMs(entry.date) >= instantMs(latest.date)) latest = entry
  }
  return latest?.progress ?? defaultProgress[outcome.status]
}

/**
 * The progress of every outcome with parents rolled up from their children, exactly like Decidim Accountability's
 * `Result#update_progress!`: when the children carry weights (not all missing, and — if there is more than one
 * child — none equal to 1), a parent's progress is Σ progress × weight (a missing weight counting as 1); otherwise
 * it is the plain average of the children's progress. Children are rolled up before their parents, so deep trees
 * work; an outcome without children keeps its {@link ownProgress}. A cycle in `parentId` is an error.
 *
 * @example
 * ```ts
 * // two children at 100 % and 40 % weighted 0.25 and 0.75 → parent 55 %
 * ```
 * @since 0.1.0
 */
export const rollUp = (outcomes: ReadonlyArray<Outcome>): ReadonlyMap<string, number> => {
  const children = new Map<string, Outcome[]>()
  for (const o of outcomes) {
    if (o.parentId === undefined) continue
    const list = children.get(o.parentId) ?? []
    list.push(o)
    children.set(o.parentId, list)
  }
  const result = new Map<string, number>()
  const visiting = new Set<string>()
  const visit = (o: Outcome): number => {
    const done = result.get(o.id)
    if (done !== undefined) return done
    if (visiting.has(o.id)) throw new Error(`Outcome ${JSON.stringify(o.id)} is its own ancestor through parentId`)
    visiting.add(o.id)
    const kids = children.get(o.id)
    let progress: number
    if (kids === undefined || kids.length === 0) {
      progress = ownProgress(o)
    } else {
      const values = new Float64Array(kids.length)
      for (let i = 0; i < kids.length; i++) values[i] = visit(kids[i]!)
      const weights = kids.map((k) => k.weight)
      const weighted = !weights.every((w) => w === undefined) && (kids.length === 1 || weights.every((w) => w !== 1))
      let sum = 0
      for (let i = 0; i < kids.length; i++) sum += weighted ? values[i]! * (weights[i] ?? 1) : values[i]!
      progress = weighted ? sum : sum / kids.length
    }
    visiting.delete(o.id)
    result.set(o.id, progress)
    return progress
  }
  for (const o of outcomes) visit(o)
  return result
}
