import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Period } from "./Period.js"
import { ProjectId } from "./Project.js"

/**
 * A funding id.
 *
 * @since 0.1.0
 */
export const FundingId = Id.of("funding")

/**
 * @since 0.1.0
 */
export type FundingId = z.infer<typeof FundingId>

/**
 * Where money comes from: EU funds (ERDF, ESF+, Interreg, Horizon Europe), national agencies (Vinnova,
 * Tillväxtverket), the regional growth appropriation (anslag 1:1), the region, municipalities, private money.
 *
 * @since 0.1.0
 */
export const Source = z.enum([
  "ERDF",
  "ESF+",
  "Interreg",
  "Horizon Europe",
  "Vinnova",
  "Tillväxtverket",
  "anslag-1-1",
  "regional",
  "municipal",
  "private",
  "other"
])

/**
 * @since 0.1.0
 */
export type Source = z.infer<typeof Source>

/**
 * The currencies amounts may be given in (ISO 4217). Totals are never summed across currencies.
 *
 * @since 0.1.0
 */
export const Currency = z.enum(["SEK", "EUR", "NOK", "DKK", "ISK", "USD", "GBP", "CHF"])

/**
 * @since 0.1.0
 */
export type Currency = z.infer<typeof Currency>

/**
 * A sum of money.
 *
 * @since 0.1.0
 */
export const Money = z.object({
  amount: z.number().finite().min(0, { message: "expected a non-negative amount" }),
  currency: Currency
})

/**
 * @since 0.1.0
 */
export type Money = z.infer<typeof Money>

/**
 * One funding decision for a project: source, programme, call, amount and currency, period. The amount may be
 * missing when a source names the funder but not the sum (then `currency` is optional too).
 *
 * @since 0.1.0
 */
export const Funding = z
  .object({
    id: FundingId,
    projectId: ProjectId,
    source: Source,
    funderId: ActorId.optional(),
    programme: z.string().min(1).optional(),
    /** The call's name as the funder writes it. */
    call: z.string().min(1).optional(),
    callId: Id.of("call").optional(),
    amount: z.number().finite().min(0, { message: "expected a non-negative amount" }).optional(),
    currency: Currency.optional(),
    /** The EU share of the amount, in percent. */
    euShare: z.number().min(0).max(100).optional(),
    /** The period the money covers; when missing, the project's period is used to split by year. */
    period: Period.optional(),
    ...recordFields
  })
  .meta({ id: "Funding", description: "A funding decision for a project." })

/**
 * @since 0.1.0
 */
export type Funding = z.infer<typeof Funding>
