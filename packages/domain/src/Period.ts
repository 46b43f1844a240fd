import { z } from "zod"

const datePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate()

const isValidDate = (text: string): boolean => {
  const m = datePattern.exec(text)
  if (!m) return false
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month)
}

/**
 * A calendar date at the precision the source gives: a year `"2022"`, a month `"2016-02"` or a day `"2020-01-01"`.
 * Sources often say "February 2016 – August 2019"; storing `"2016-02"` keeps that honest instead of inventing a day.
 *
 * @since 0.1.0
 */
export const PartialDate = z
  .string()
  .refine(isValidDate, { message: 'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" that exists in the calendar' })
  .describe('A date at the precision the source gives: "YYYY", "YYYY-MM" or "YYYY-MM-DD".')

/**
 * @since 0.1.0
 */
export type PartialDate = z.infer<typeof PartialDate>

/**
 * A time span, both ends inclusive. A missing `start` or `end` means "not known or open"; a year end such as `"2030"`
 * means to the end of that year.
 *
 * @since 0.1.0
 */
export const Period = z
  .object({
    start: PartialDate.optional(),
    end: PartialDate.optional()
  })
  .meta({ id: "Period", description: "A time span, both ends inclusive; a missing end is open or unknown." })

/**
 * @since 0.1.0
 */
export type Period = z.infer<typeof Period>

const parts = (date: PartialDate): [number, number | undefined, number | undefined] => {
  const m = datePattern.exec(date)
  if (!m) throw new RangeError(`Not a partial date: ${JSON.stringify(date)}`)
  return [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])]
}

const dayNumber = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day) / 86_400_000

/**
 * The first day a partial date can mean, as days since 1970-01-01: `"2016-02"` → 1 February 2016.
 *
 * @since 0.1.0
 */
export const firstDay = (date: PartialDate): number => {
  const [y, m, d] = parts(date)
  return dayNumber(y, m ?? 1, d ?? 1)
}

/**
 * The last day a partial date can mean, as days since 1970-01-01: `"2019-08"` → 31 August 2019.
 *
 * @since 0.1.0
 */
export const lastDay = (date: PartialDate): number => {
  const [y, m, d] = parts(date)
  const month = m ?? 12
  return dayNumber(y, month, d ?? daysInMonth(y, month))
}

/**
 * The first day of a period (days since 1970-01-01), or `-Infinity` when the start is open.
 *
 * @since 0.1.0
 */
export const startDay = (period: Period): number =>
  period.start === undefined ? Number.NEGATIVE_INFINITY : firstDay(period.start)

/**
 * The last day of a period (days since 1970-01-01), or `Infinity` when the end is open.
 *
 * @since 0.1.0
 */
export const endDay = (period: Period): number =>
  period.end === undefined ? Number.POSITIVE_INFINITY : lastDay(period.end)

/**
 * Whether the end does not come before the start (an open end is always consistent).
 *
 * @since 0.1.0
 */
export const isConsistent = (period: Period): boolean =>
  period.start === undefined || period.end === undefined || firstDay(period.start) <= lastDay(period.end)

/**
 * Whether `inner` lies within `outer` (open ends of `outer` contain everything on that side; an open end of
 * `inner` lies outside a closed end of `outer`).
 *
 * @since 0.1.0
 */
export const contains = (outer: Period, inner: Period): boolean =>
  startDay(outer) <= startDay(inner) && endDay(inner) <= endDay(outer)

/**
 * Whether a period overlaps a calendar year.
 *
 * @since 0.1.0
 */
export const overlapsYear = (period: Period, year: number): boolean =>
  startDay(period) <= dayNumber(year, 12, 31) && endDay(period) >= dayNumber(year, 1, 1)

/**
 * Whether a day (days since 1970-01-01) lies within a period.
 *
 * @since 0.1.0
 */
export const containsDay = (period: Period, day: number): boolean => startDay(period) <= day && day <= endDay(period)

/**
 * Days since 1970-01-01 of a JavaScript `Date` (UTC).
 *
 * @since 0.1.0
 */
export const dayOf = (date: Date): number =>
  Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000)

/**
 * The number of days of a closed period that fall in each calendar year, in year order. Open periods have no
 * finite split and give `undefined`.
 *
 * @example
 * ```ts
 * Period.daysPerYear({ start: "2016-02", end: "2017-01" }) // [[2016, 335], [2017, 31]]
 * ```
 * @since 0.1.0
 */
export const daysPerYear = (period: Period): ReadonlyArray<readonly [number, number]> | undefined => {
  if (period.start === undefined || period.end === undefined) return undefined
  const from = firstDay(period.start)
  const to = lastDay(period.end)
  if (to < from) return undefined
  const out: Array<readonly [number, number]> = []
  for (let year = parts(period.start)[0]; year <= parts(period.end)[0]; year++) {
    const a = Math.max(from, dayNumber(year, 1, 1))
    const b = Math.min(to, dayNumber(year, 12, 31))
    if (b >= a) out.push([year, b - a + 1])
  }
  return out
}

/**
 * A period as text for messages: `"2016-02 – 2019-08"`, `"2013 – (open)"`.
 *
 * @since 0.1.0
 */
export const format = (period: Period): string => `${period.start ?? "(open)"} – ${period.end ?? "(open)"}`
