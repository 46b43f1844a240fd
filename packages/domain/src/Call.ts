import { z } from "zod"
import { ActorId } from "./Actor.js"
import { Source as FundingSource, Money } from "./Funding.js"
import { GoalId } from "./Goal.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
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
