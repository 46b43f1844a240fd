import { z } from "zod"
import { ActorId } from "./Actor.js"
import { Source as FundingSource, Money } from "./Funding.js"
import { GoalId } from "./Goal.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import * as Period from "./Period.js"
import { PartialDate } from "./Period.js"
import { StrengthAreaId } from "./StrengthArea.js"

/**
 * A call id.
 *
 * @since 0.1.0
 */
export const CallId = Id.of("call")

/**
 * @since 0.1.0
 */
export type CallId = z.infer<typeof CallId>

/**
 * A funding call: who funds, when it opens, the deadline, and which priorities (strength areas, goals) are eligible.
 * A call that lists no eligible priorities is open to all.
 *
 * @since 0.1.0
 */
export const Call = z
  .object({
    id: CallId,
    title: Label,
    source: FundingSource,
    funderId: ActorId.optional(),
    programme: z.string().min(1).optional(),
    opens: PartialDate.optional(),
    deadline: PartialDate,
    eligibleStrengthAreaIds: z.array(StrengthAreaId).optional(),
    eligibleGoalIds: z.array(GoalId).optional(),
    budget: Money.optional(),
    url: z.url().optional(),
    ...recordFields
  })
  .meta({ id: "Call", description: "A funding call with its deadline and eligible priorities." })

/**
 * @since 0.1.0
 */
export type Call = z.infer<typeof Call>

/**
 * Where a call stands on a day (an ISO date `"2026-12-03"`), derived from its dates: `upcoming` before it opens,
 * `open` from its opening (or, without one, any day) up to and including its deadline, `closed` after it.
 *
 * @example
 * ```ts
 * Call.statusOn({ ...call, opens: "2026-01", deadline: "2026-03-15" }, "2026-02-01") // "open"
 * ```
 * @since 0.2.0
 */
export const statusOn = (call: Pick<Call, "opens" | "deadline">, day: string): "upcoming" | "open" | "closed" => {
  const today = Period.firstDay(day)
  if (call.opens !== undefined && today < Period.firstDay(call.opens)) return "upcoming"
  return today > Period.lastDay(call.deadline) ? "closed" : "open"
}
