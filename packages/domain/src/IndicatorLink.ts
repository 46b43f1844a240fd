import { z } from "zod"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { Source } from "./Source.js"

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
 * indicator's key in the measurement model (e.g. an `@innokraft/measure` indicator key or the column of an imported
 * series); `unit`, `seriesSource` and `baseline` say which series it follows and where the targets start from (see
 * `FollowUp`).
 *
 * @since 0.1.0
 */
export const IndicatorLink = z
  .object({
    id: IndicatorLinkId,
    indicator: z.string().min(1),
    subject: z.object({ kind: SubjectKind, id: Id.of("strategy, goal, effort or strength area") }),
    name: Label.optional(),
    /**
     * The region or unit whose series the link follows, as the observations name it (a NUTS code such as `"SE33"`
     * for a NUTS 2 series, an SCB code for a municipality). Without it the link has no series to read actuals from.
     */
    unit: z.string().min(1).optional(),
    /** Where the series comes from, e.g. Eurostat's dataset `rd_e_gerdreg`. */
    seriesSource: Source.optional(),
    /** The unit of measure of the values, e.g. "euro per invånare" / "EUR per inhabitant". */
    measure: Label.optional(),
    /** The value the targets start from: the series' value in a year. */
    baseline: z.object({ year: z.int().min(1900).max(2200), value: z.number().finite() }).optional(),
    ...recordFields
  })
  .meta({ id: "IndicatorLink", description: "A link from a goal or effort to an indicator." })

/**
 * @since 0.1.0
 */
export type IndicatorLink = z.infer<typeof IndicatorLink>
