import type { IndicatorLink } from "./IndicatorLink.js"
import type { Target } from "./Target.js"
import type { Workspace } from "./Workspace.js"

/**
 * Results-based follow-up of indicator links against their targets: where the latest actual value stands on the
 * straight path from the baseline to each target.
 *
 * **The rule.** For a target `(T, V_T)` and a baseline `(Y_0, V_0)`, the path expects `E(y) = V_0 + (V_T − V_0) ·
 * (y − Y_0) / (T − Y_0)` in year `y`. The latest actual `(Y_a, V_a)` with `Y_0 ≤ Y_a ≤ T` gives the share of the
 * expected progress made, `r = (V_a − V_0) / (E(Y_a) − V_0)`: 1 means exactly on the path, above 1 ahead of it, 0 no
 * change, below 0 a move away from the target (the sign works for falling targets too). The status is **on track**
 * when `r ≥ onTrack` (default 0.9), **at risk** when `r ≥ atRisk` (default 0.5), else **off track**. When no
 * progress is expected yet (`Y_a = Y_0`) or the target equals the baseline (hold the level), the actual is on track
 * when it is on the target's side of the baseline or at it, else off track. **No data** when the link has no
 * baseline, or no actual lies between the baseline year and the target year.
 *
 * @since 0.1.0
 */

/**
 * The status of a target year.
 *
 * @since 0.1.0
 */
export type Status = "on-track" | "at-risk" | "off-track" | "no-data"

/**
 * The statuses in order from best to worst.
 *
 * @since 0.1.0
 */
export const statuses: ReadonlyArray<Status> = ["on-track", "at-risk", "off-track", "no-data"]

/**
 * The shares of the expected progress at or above which a target is on track, and at risk.
 *
 * @since 0.1.0
 */
export interface Thresholds {
  readonly onTrack: number
  readonly atRisk: number
}

/**
 * The default thresholds: on track from 90 % of the expected progress, at risk from 50 %.
 *
 * @since 0.1.0
 */
export const defaultThresholds: Thresholds = { onTrack: 0.9, atRisk: 0.5 }

/**
 * A value of a series in a year.
 *
 * @since 0.1.0
 */
export interface Point {
  readonly year: number
  readonly value: number
}

/**
 * One target of a link with its status.
 *
 * @since 0.1.0
 */
export interface TargetStatus {
  readonly year: number
  readonly value: number
  readonly illustrative: boolean
  readonly status: Status
  /** The actual the status was judged on (the latest between the baseline year and the target year). */
  readonly actual: Point | null
  /** The path's value in the actual's year. */
  readonly expected: number | null
  /** The share of the expected progress made (`r`); `null` when no progress is expected yet or there is no data. */
  readonly progress: number | null
}

/**
 * The follow-up of one indicator link.
 *
 * @since 0.1.0
 */
export interface LinkFollowUp {
  readonly link: IndicatorLink
  readonly baseline: Point | null
  /** The actual values in year order (missing values left out). */
  readonly actuals: ReadonlyArray<Point>
  readonly latest: Point | null
  readonly targets: ReadonlyArray<TargetStatus>
}

const side = (value: number, baseline: number, target: number): boolean =>
  target >= baseline ? value >= baseline : value <= baseline

/**
 * The status of one target, by the rule above. Throws a `RangeError` when the thresholds are not `0 ≤ atRisk ≤
 * onTrack`.
 *
 * @example
 * ```ts
 * // Övre Norrland's business R&D: 275.7 EUR per inhabitant in 2015, 250.0 in 2017; a target of 300 in 2025
 * FollowUp.status({ year: 2015, value: 275.7 }, { year: 2025, value: 300 }, [{ year: 2017, value: 250 }])
 * // { status: "off-track", progress: -5.29 (to two decimals), expected: 280.56, … }
 * ```
 * @since 0.1.0
 */
export const status = (
  baseline: Point | null,
  target: Point,
  actuals: ReadonlyArray<Point>,
  thresholds: Thresholds = defaultThresholds
): Omit<TargetStatus, "illustrative"> => {
  if (!(thresholds.atRisk >= 0 && thresholds.atRisk <= thresholds.onTrack))
    throw new RangeError(
      `follow-up thresholds: expected 0 ≤ atRisk ≤ onTrack, found atRisk ${thresholds.atRisk} and onTrack ${thresholds.onTrack}`
    )
  const base = { year: target.year, value: target.value }
  if (baseline === null) return { ...base, status: "no-data", actual: null, expected: null, progress: null }
  const within = actuals
    .filter((a) => Number.isFinite(a.value) && a.year >= baseline.year && a.year <= target.year)
    .sort((a, b) => a.year - b.year)
  const actual = within.at(-1)
  if (actual === undefined) return { ...base, status: "no-data", actual: null, expected: null, progress: null }
  const span = target.year - baseline.year
  const expected =
    span <= 0 ? target.value : baseline.value + ((target.value - baseline.value) * (actual.year - baseline.year)) / span
  const step = expected - baseline.value
  if (step === 0) {
    const ok = side(actual.value, baseline.value, target.value)
    return { ...base, status: ok ? "on-track" : "off-track", actual, expected, progress: null }
  }
  const progress = (actual.value - baseline.value) / step
  const judged: Status =
    progress >= thresholds.onTrack ? "on-track" : progress >= thresholds.atRisk ? "at-risk" : "off-track"
  return { ...base, status: judged, actual, expected, progress }
}

/**
 * The follow-up of every indicator link of a workspace: its baseline, its actual values (read by `actualsOf`, e.g.
 * from stored observations of the link's indicator and unit) and the status of each of its targets.
 *
 * @since 0.1.0
 */
export const followUp = (
  workspace: Pick<Workspace, "indicatorLinks" | "targets">,
  actualsOf: (link: IndicatorLink) => ReadonlyArray<Point>,
  thresholds: Thresholds = defaultThresholds
): ReadonlyArray<LinkFollowUp> =>
  workspace.indicatorLinks.map((link) => {
    const actuals = actualsOf(link)
      .filter((a) => Number.isFinite(a.value))
      .slice()
      .sort((a, b) => a.year - b.year)
    const baseline = link.baseline ?? null
    const targets = workspace.targets
      .filter((t: Target) => t.indicatorLinkId === link.id)
      .sort((a, b) => a.year - b.year)
      .map((t) => ({ ...status(baseline, t, actuals, thresholds), illustrative: t.illustrative === true }))
    return { link, baseline, actuals, latest: actuals.at(-1) ?? null, targets }
  })
