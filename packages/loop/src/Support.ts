import { z } from "zod"
import type { GateId } from "./Gate.js"
import { IdSchema, InstantSchema } from "./internal/schemas.js"

/**
 * A participant's support (vote) for an idea at a gate decided by participants — G1 may be a public vote or pitch,
 * counted as supports the way Decidim and CONSUL do (domain.md §8.4). One person supports an idea at most once per
 * gate; `weight` allows weighted ballots (default 1).
 *
 * @since 0.1.0
 */
export const SupportSchema = z.object({
  ideaId: IdSchema,
  gate: z.enum(["G0", "G1", "G2", "G3"] as [GateId, ...GateId[]]),
  /** Pseudonymous person reference. */
  person: IdSchema,
  at: InstantSchema,
  weight: z.number().positive().default(1)
})

/**
 * A support.
 *
 * @since 0.1.0
 */
export type Support = z.infer<typeof SupportSchema>
