import { z } from "zod"
import { IdSchema, LabelSchema } from "./internal/schemas.js"

/**
 * A sub-theme (undertema) of the cycle's theme with its problem formulation, proposed by a challenge owner — a
 * regional public or private actor (domain.md §1.3, §1.6).
 *
 * @since 0.1.0
 */
export const SubThemeSchema = z.object({
  id: IdSchema,
  title: LabelSchema,
  problemFormulation: z.string().min(1),
  proposedBy: z.object({
    actor: z.string().min(1),
    helix: z.enum(["public", "business", "academia", "civil-society", "citizens"])
  }),
  /** Ids of the strategy's strength areas (`@innokraft/domain`) the sub-theme links to. */
  strengthAreaIds: z.array(IdSchema).default([])
})

/**
 * A sub-theme.
 *
 * @since 0.1.0
 */
export type SubTheme = z.infer<typeof SubThemeSchema>
