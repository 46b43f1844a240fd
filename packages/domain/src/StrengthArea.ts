import { z } from "zod"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { StrategyId } from "./Strategy.js"

/**
 * A strength-area id, e.g. `"vasternorrland-forest-based-bioeconomy"`. `@innokraft/loop` links ideas to these.
 *
 * @since 0.1.0
 */
export const StrengthAreaId = Id.of("strength area")

/**
 * @since 0.1.0
 */
export type StrengthAreaId = z.infer<typeof StrengthAreaId>

/**
 * The tier of a priority: a strength area (styrkeområde), a development area (utvecklingsområde, "(utv)"), a
 * challenge area (utmaningsområde), an enabling condition (förutsättning), or other.
 *
 * @since 0.1.0
 */
export const Tier = z.enum(["strength", "development", "challenge", "enabling", "other"])

/**
 * @since 0.1.0
 */
export type Tier = z.infer<typeof Tier>

/**
 * Eye@RIS3 category tags of a priority: NACE Rev. 2 economic domains (a section letter `"C"` or a division `"16"`),
 * NABS scientific domains, policy objectives, UN Sustainable Development Goals (1–17) and keywords.
 *
 * @since 0.1.0
 */
export const EyeRis3Tags = z.object({
  economicDomains: z
    .array(
      z.string().regex(/^(?:[A-U]|\d{2}(?:\.\d{1,2})?)$/, {
        message: 'expected a NACE Rev. 2 code: a section letter such as "C" or a division such as "16"'
      })
    )
    .default([]),
  scientificDomains: z.array(z.string().min(1)).default([]),
  policyObjectives: z.array(z.string().min(1)).default([]),
  sdgs: z.array(z.int().min(1).max(17)).default([]),
  keywords: z.array(z.string().min(1)).default([])
})

/**
 * @since 0.1.0
 */
export type EyeRis3Tags = z.infer<typeof EyeRis3Tags>

/**
 * The evidence that makes an area a strength: counts of firms, clusters and knowledge environments, and a note on
 * the comparative advantage.
 *
 * @since 0.1.0
 */
export const Evidence = z.object({
  firms: z.int().min(0).optional(),
  clusters: z.int().min(0).optional(),
  knowledgeEnvironments: z.int().min(0).optional(),
  comparativeAdvantageNote: z.string().optional()
})

/**
 * @since 0.1.0
 */
export type Evidence = z.infer<typeof Evidence>

/**
 * A strength area (styrkeområde) or S3 priority of a strategy.
 *
 * @since 0.1.0
 */
export const StrengthArea = z
  .object({
    id: StrengthAreaId,
    strategyId: StrategyId,
    name: Label,
    description: Label.optional(),
    tier: Tier,
    /** A grouping area, e.g. a tier heading in a strategy with many areas. */
    parentId: StrengthAreaId.optional(),
    /** The challenge the strategy pairs with the area (Västernorrland lists one per area). */
    challenges: Label.optional(),
    evidence: Evidence.optional(),
    eyeRis3: EyeRis3Tags.optional(),
    ...recordFields
  })
  .meta({ id: "StrengthArea", description: "A strength area (styrkeområde) or S3 priority." })

/**
 * @since 0.1.0
 */
export type StrengthArea = z.infer<typeof StrengthArea>
