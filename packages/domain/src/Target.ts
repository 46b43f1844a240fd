import { z } from "zod"
import * as Id from "./Id.js"
import { IndicatorLinkId } from "./IndicatorLink.js"
import { recordFields } from "./internal/record.js"

/**
 * A target id.
 *
 * @since 0.1.0
 */
export const TargetId = Id.of("target")

/**
 * @since 0.1.0
 */
export type TargetId = z.infer<typeof TargetId>

/**
 * A target value of a linked indicator in a year.
 *
 * @since 0.1.0
 */
export const Target = z
  .object({
    id: TargetId,
    indicatorLinkId: IndicatorLinkId,
    year: z.int().min(1900).max(2200),
    value: z.number().finite(),
    unit: z.string().optional(),
    /** `true` for a target set for illustration (no body decided it); the reports say so beside it. */
    illustrative: z.boolean().optional(),
    ...recordFields
  })
  .meta({ id: "Target", description: "A target value of an indicator in a year." })

/**
 * @since 0.1.0
 */
export type Target = z.infer<typeof Target>
