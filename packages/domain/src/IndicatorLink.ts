import { z } from "zod"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"

/**
 * An indicator-link id.
 *
 * @since 0.1.0
 */
export const IndicatorLinkId = Id.of("indicator link")

/**
 * @since 0.1.0
 */
export type IndicatorLinkId = z.infer<typeof IndicatorLinkId>

/**
 * What an indicator follows up.
 *
 * @since 0.1.0
 */
export const SubjectKind = z.enum(["strategy", "goal", "effort", "strengthArea"])

/**
 * @since 0.1.0
 */
export type SubjectKind = z.infer<typeof SubjectKind>

/**
 * A link from a strategy, goal, effort or strength area to an indicator that follows it up. `indicator` is the
 * indicator's key in the measurement model (e.g. an `@innokraft/measure` indicator key).
 *
 * @since 0.1.0
 */
export const IndicatorLink = z
  .object({
    id: IndicatorLinkId,
    indicator: z.string().min(1),
    subject: z.object({ kind: SubjectKind, id: Id.of("strategy, goal, effort or strength area") }),
    name: Label.optional(),
    ...recordFields
  })
  .meta({ id: "IndicatorLink", description: "A link from a goal or effort to an indicator." })

/**
 * @since 0.1.0
 */
export type IndicatorLink = z.infer<typeof IndicatorLink>
