import type { Label } from "@innokraft/reference"
import { z } from "zod"
import { IdSchema, InstantSchema, LabelSchema } from "./internal/schemas.js"

/**
 * The phases of a one-year loop cycle (domain.md §8.4): the theme is set at the January launch, sub-themes and
 * problem formulations are collected, spring idea workshops, June prototyping workshops, autumn implementation
 * and business workshops, then reporting and closing.
 *
 * @since 0.1.0
 */
export type Status = "draft" | "themed" | "ideation" | "prototyping" | "implementation" | "reporting" | "closed"

/**
 * The cycle statuses in order.
 *
 * @since 0.1.0
 */
export const statuses: ReadonlyArray<Status> = [
  "draft",
  "themed",
  "ideation",
  "prototyping",
  "implementation",
  "reporting",
  "closed"
]

/**
 * Labels of the cycle statuses.
 *
 * @since 0.1.0
 */
export const statusLabels: Readonly<Record<Status, Label>> = {
  draft: { sv: "Utkast", en: "Draft" },
  themed: { sv: "Tema satt", en: "Themed" },
  ideation: { sv: "Idéverkstäder", en: "Ideation" },
  prototyping: { sv: "Utvecklingsverkstäder", en: "Prototyping" },
  implementation: { sv: "Genomförande", en: "Implementation" },
  reporting: { sv: "Rapportering", en: "Reporting" },
  closed: { sv: "Avslutad", en: "Closed" }
}

/**
 * The position of a status in the cycle, 0 for `draft` … 6 for `closed`.
 *
 * @since 0.1.0
 */
export const order = (status: Status): number => statuses.indexOf(status)

/**
 * A recorded move of the cycle from one status to the next.
 *
 * @since 0.1.0
 */
export const CycleTransitionSchema = z.object({
  from: z.enum(statuses as [Status, ...Status[]]),
  to: z.enum(statuses as [Status, ...Status[]]),
  at: InstantSchema,
  by: z.string().min(1),
  reason: z.string().min(1)
})

/**
 * A recorded move of the cycle.
 *
 * @since 0.1.0
 */
export type CycleTransition = z.infer<typeof CycleTransitionSchema>

/**
 * A loop cycle: one year, one theme. `theme` is required from `themed` on; `budget` is in `currency` (the Loop's
 * yearly budget is about EUR 1 million, domain.md §1.5).
 *
 * @since 0.1.0
 */
export const LoopCycleSchema = z.object({
  id: IdSchema,
  year: z.number().int().min(2000).max(2100),
  theme: LabelSchema.optional(),
  /** The launch event that fixes the theme, e.g. "Västerbotten på Grand Hôtel". */
  launchEvent: z.string().min(1).optional(),
  organiser: z.string().min(1),
  budget: z.object({ amount: z.number().nonnegative(), currency: z.enum(["EUR", "SEK"]) }).optional(),
  status: z.enum(statuses as [Status, ...Status[]]),
  history: z.array(CycleTransitionSchema).default([])
})

/**
 * A loop cycle.
 *
 * @since 0.1.0
 */
export type LoopCycle = z.infer<typeof LoopCycleSchema>

/**
 * The status after a status, or `null` after `closed`. A cycle only moves forward, one phase at a time.
 *
 * @since 0.1.0
 */
export const nextStatus = (status: Status): Status | null => statuses[order(status) + 1] ?? null
