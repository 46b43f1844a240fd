import { z } from "zod"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { PartialDate, Period } from "./Period.js"
import { RegionId } from "./Region.js"

/**
 * A strategy id, e.g. `"vasterbotten-ris-2022"`.
 *
 * @since 0.1.0
 */
export const StrategyId = Id.of("strategy")

/**
 * @since 0.1.0
 */
export type StrategyId = z.infer<typeof StrategyId>

/**
 * The kind of strategy: regional development strategy (RUS), regional innovation strategy (RIS), research and
 * innovation strategy for smart specialisation (RIS3, also S3), a roadmap (färdplan) or a digital agenda.
 *
 * @since 0.1.0
 */
export const Kind = z.enum(["RUS", "RIS", "RIS3", "S3", "roadmap", "digital-agenda"])

/**
 * @since 0.1.0
 */
export type Kind = z.infer<typeof Kind>

/**
 * The lifecycle status: `draft → consultation (remiss) → adopted → superseded` (see `Lifecycle`).
 *
 * @since 0.1.0
 */
export const Status = z.enum(["draft", "consultation", "adopted", "superseded"])

/**
 * @since 0.1.0
 */
export type Status = z.infer<typeof Status>

/**
 * A published document of a strategy (the PDF in each language).
 *
 * @since 0.1.0
 */
export const Document = z.object({
  url: z.url(),
  /** BCP 47 language tag: `"sv"`, `"en"`. */
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { message: 'expected a language tag such as "sv"' }),
  title: z.string().optional()
})

/**
 * @since 0.1.0
 */
export type Document = z.infer<typeof Document>

/**
 * A strategy: vision, period, status, the body that adopted it and its parent (the RIS concretises a RUS priority).
 *
 * @since 0.1.0
 */
export const Strategy = z
  .object({
    id: StrategyId,
    /** The regions the strategy covers (several for macro-regional strategies). */
    regionIds: z.array(RegionId).min(1),
    kind: Kind,
    title: Label,
    period: Period.optional(),
    vision: Label.optional(),
    status: Status,
    /** The body that adopted it, e.g. "Regionala utvecklingsnämnden". */
    adoptedBy: z.string().optional(),
    adoptedAt: PartialDate.optional(),
    consultationDeadline: PartialDate.optional(),
    parentStrategyId: StrategyId.optional(),
    /** The priority of the parent strategy this one concretises, in the parent's words. */
    parentPriorityRef: z.string().optional(),
    documents: z.array(Document).optional(),
    ...recordFields
  })
  .meta({ id: "Strategy", description: "A regional strategy (RUS, RIS, RIS3, roadmap)." })

/**
 * @since 0.1.0
 */
export type Strategy = z.infer<typeof Strategy>

/**
 * Whether a strategy is current: every strategy that has not been superseded (drafts and strategies in
 * consultation included). Superseded strategies stay in the workspace for the record but are left out of current
 * counts.
 *
 * @since 0.1.0
 */
export const isCurrent = (strategy: Pick<Strategy, "status">): boolean => strategy.status !== "superseded"
