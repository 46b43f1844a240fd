import type { FollowUp, IndicatorLink } from "@innokraft/domain"
import { Caller, Observations } from "@innokraft/store"
import { Effect } from "effect"

/**
 * The actual values of the series each indicator link follows: the stored observations of the organisation with the
 * link's indicator and unit, yearly periods ("2017") and no breakdown, by link id.
 *
 * Read as the system, for the links the caller may see: a published link publishes the follow-up of its own series
 * (and nothing else of the organisation's observations, which stay for members). A link without a unit follows no
 * stored series and gets no actuals.
 */
export const actualsOf = (organisationId: string, links: ReadonlyArray<IndicatorLink.IndicatorLink>) =>
  Effect.gen(function* () {
    const observations = yield* Observations.Observations
    const out: Record<string, Array<FollowUp.Point>> = {}
    for (const link of links) {
      out[link.id] = []
      if (link.unit === undefined) continue
      const columns = yield* observations.query(Caller.system("follow-up"), {
        organisationId,
        indicator: link.indicator,
        unit: link.unit
      })
      for (let i = 0; i < columns.value.length; i++) {
        const period = columns.period[i]!
        const value = columns.value[i]!
        if (/^\d{4}$/.test(period) && (columns.breakdown?.[i] ?? "") === "" && Number.isFinite(value))
          out[link.id]!.push({ year: Number(period), value })
      }
    }
    return out
  })
