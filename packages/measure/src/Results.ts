import * as Build from "./Build.js"
import type { Data } from "./Data.js"
import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"
import type { Framework } from "./Framework.js"
import * as Impute from "./Impute.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"
import * as Spec from "./Spec.js"

/**
 * Scores relative to a reference unit's score, ×100 (the RIS "relative to the EU").
 *
 * @since 0.1.0
 */
export const relativeTo = (ds: DataSet, code: string, referenceUnit: string): Record<string, number | null> => {
  const ref = DS.get(ds, referenceUnit, code)
  if (ref === null) throw new MeasureError(referenceUnit, `the reference unit has no value for "${code}"`)
  const out: Record<string, number | null> = {}
  const x = DS.column(ds, code)
  ds.units.forEach((u, i) => {
    out[u] = Number.isNaN(x[i]!) ? null : (100 * x[i]!) / ref
  })
  return out
}

/**
 * Group thresholds in % of the reference: leader above `leader`, strong from `strong`, moderate from `moderate`,
 * emerging below (RIS defaults 125 / 100 / 70).
 *
 * @since 0.1.0
 */
export interface GroupThresholds {
  readonly leader: number
  readonly strong: number
  readonly moderate: number
}

/**
 * The RIS thresholds: Leader > 125, Strong 100–125, Moderate 70–100, Emerging < 70.
 *
 * @since 0.1.0
 */
export const risThresholds: GroupThresholds = { leader: 125, strong: 100, moderate: 70 }

/**
 * A unit's performance group, e.g. `{ group: "Strong", subgroup: "+", label: "Strong Innovator +" }`.
 *
 * @since 0.1.0
 */
export interface PerformanceGroup {
  readonly relative: number
  readonly group: "Leader" | "Strong" | "Moderate" | "Emerging"
  readonly subgroup: "+" | "" | "-"
  readonly label: string
}

/**
 * Assigns the RIS 12 performance groups from scores relative to the reference (×100): four groups by threshold,
 * each split into its top third "+", middle third and bottom third "−" by relative score (the tercile rule is the
 * documented reading of the RIS; see the methods doc §2.6). Units without a score are left out.
 *
 * @since 0.1.0
 */
export const performanceGroups = (
  relative: Readonly<Record<string, number | null>>,
  thresholds: GroupThresholds = risThresholds
): Record<string, PerformanceGroup> => {
  const groupOf = (r: number): PerformanceGroup["group"] =>
    r > thresholds.leader
      ? "Leader"
      : r >= thresholds.strong
        ? "Strong"
        : r >= thresholds.moderate
          ? "Moderate"
          : "Emerging"
  const members = new Map<PerformanceGroup["group"], Array<[string, number]>>()
  for (const [u, r] of Object.entries(relative)) {
    if (r === null) continue
    const g = groupOf(r)
    const list = members.get(g) ?? []
    list.push([u, r])
    members.set(g, list)
  }
  const names = {
    Leader: "Innovation Leader",
    Strong: "Strong Innovator",
    Moderate: "Moderate Innovator",
    Emerging: "Emerging Innovator"
  }
  const out: Record<string, PerformanceGroup> = {}
  for (const [g, list] of members) {
    list.sort((a, b) => b[1] - a[1])
    const m = list.length
    list.forEach(([u, r], k) => {
      const subgroup = k < m / 3 ? "+" : k >= (2 * m) / 3 ? "-" : ""
      out[u] = { relative: r, group: g, subgroup, label: subgroup ? `${names[g]} ${subgroup}` : names[g] }
    })
  }
  return out
}

/**
 * One indicator in a unit's profile.
 *
 * @since 0.1.0
 */
export interface Profile {
  readonly code: string
  readonly value: number
  readonly reference: number
  readonly difference: number
}

/**
 * A unit's relative strengths and weaknesses: the `count` indicators furthest above and below the reference (a
 * reference unit's values, or the mean over units when `reference` is omitted) in a normalised data set.
 *
 * @since 0.1.0
 */
export const strengthsAndWeaknesses = (
  normalised: DataSet,
  unit: string,
  options: { readonly reference?: string; readonly count?: number; readonly codes?: ReadonlyArray<string> } = {}
): { strengths: Array<Profile>; weaknesses: Array<Profile> } => {
  const codes = options.codes ?? normalised.codes
  const count = options.count ?? 3
  const rows: Array<Profile> = []
  for (const code of codes) {
    const value = DS.get(normalised, unit, code)
    const reference =
      options.reference === undefined
        ? S.mean(DS.column(normalised, code))
        : DS.get(normalised, options.reference, code)
    if (value === null || reference === null || Number.isNaN(reference)) continue
    rows.push({ code, value, reference, difference: value - reference })
  }
  const sorted = [...rows].sort((a, b) => b.difference - a.difference)
  return {
    strengths: sorted.filter((r) => r.difference > 0).slice(0, count),
    weaknesses: sorted
      .filter((r) => r.difference < 0)
      .reverse()
      .slice(0, count)
  }
}

/**
 * Scores over time with normalisation pooled over all units and periods (as the RIS does), relative to a reference
 * unit in a base period, and the change in percentage points between two periods.
 *
 * @since 0.1.0
 */
export interface Change {
  readonly periods: ReadonlyArray<number>
  /** `scores[unit][k]` is the top-level score in `periods[k]`. */
  readonly scores: Readonly<Record<string, ReadonlyArray<number | null>>>
  /** Scores ×100 relative to the reference unit in the base period (or the raw scores without a reference). */
  readonly relative: Readonly<Record<string, ReadonlyArray<number | null>>>
  /** `relative` in the last period minus the first, in percentage points. */
  readonly change: Readonly<Record<string, number | null>>
}

/**
 * Change over time: every period's data are stacked as units `unit@period`, so that treatment and normalisation
 * see all units × periods at once (RIS: min and max over all regions and all years), then aggregated. Panel
 * imputation (`locf`, `linear`) runs over time before stacking; cross-sectional steps run on the stacked set.
 *
 * @since 0.1.0
 */
export const changeOverTime = (
  framework: Framework,
  data: Data,
  specInput: Spec.SpecInput,
  options: { readonly reference?: string; readonly basePeriod?: number; readonly periods?: ReadonlyArray<number> } = {}
): Change => {
  const spec = Spec.parse(specInput)
  if (framework.top === null)
    throw new MeasureError("framework", "change over time needs a framework with one top node")
  const periods = options.periods ?? data.periods
  const ks = periods.map((p) => {
    const k = data.periods.indexOf(p)
    if (k < 0) throw new MeasureError("periods", `expected periods of the data, found ${p}`)
    return k
  })
  let panel = data.indicators
  let stackedSpec: Spec.SpecInput = spec
  if (spec.impute.method === "locf" || spec.impute.method === "linear") {
    const den = spec.denominate
      ? data.indicators.map(
          (ds, k) =>
            Build.build(
              framework,
              { ...data, indicators: [ds], denominators: [data.denominators[k]!], periods: [0] },
              {
                denominate: true,
                aggregate: null
              }
            ).stages.Denominated!
        )
      : data.indicators
    panel = Impute.imputePanel(den, spec.impute.method, data.periods)
    stackedSpec = { ...spec, denominate: false, impute: { method: "none" } }
  }
  const n = data.units.length
  const units = ks.flatMap((k) => data.units.map((u) => `${u}@${data.periods[k]}`))
  const stack = (sets: ReadonlyArray<DataSet>): DataSet => {
    const codes = sets[0]!.codes
    const values = new Float64Array(units.length * codes.length)
    codes.forEach((_, j) => {
      ks.forEach((k, t) => {
        values.set(sets[k]!.values.subarray(j * n, (j + 1) * n), j * units.length + t * n)
      })
    })
    return { units, codes, values }
  }
  const groups: Record<string, Array<string | null>> = {}
  for (const [g, vals] of Object.entries(data.groups)) groups[g] = ks.flatMap(() => [...vals])
  const stacked: Data = {
    units,
    unitNames: units.map(() => null),
    periods: [0],
    indicators: [stack(panel)],
    denominators: [stack(data.denominators)],
    groups
  }
  const result = Build.build(framework, stacked, stackedSpec)
  const agg = result.stages.Aggregated
  if (!agg) throw new MeasureError("aggregate", "change over time needs an aggregation step")
  const scores: Record<string, Array<number | null>> = {}
  for (const u of data.units) {
    scores[u] = periods.map((p) => (agg.units.includes(`${u}@${p}`) ? DS.get(agg, `${u}@${p}`, framework.top!) : null))
  }
  let base = 1
  let scale = 1
  if (options.reference !== undefined) {
    const bp = options.basePeriod ?? periods[0]!
    const b = scores[options.reference]?.[periods.indexOf(bp)]
    if (b === null || b === undefined)
      throw new MeasureError(options.reference, `the reference unit has no score in ${bp}`)
    base = b
    scale = 100
  }
  const relative: Record<string, Array<number | null>> = {}
  const change: Record<string, number | null> = {}
  for (const u of data.units) {
    const r = scores[u]!.map((s) => (s === null ? null : (scale * s) / base))
    relative[u] = r
    const first = r[0]
    const last = r[r.length - 1]
    change[u] = first === null || first === undefined || last === null || last === undefined ? null : last - first
  }
  return { periods, scores, relative, change }
}

/**
 * One unit of a {@link compare}: the top index and its rank in the nominal and the alternative build, and the rank
 * shift (positive = the alternative ranks the unit better).
 *
 * @since 0.2.0
 */
export interface RankComparison {
  readonly unit: string
  readonly nominal: number | null
  readonly alternative: number | null
  readonly nominalRank: number | null
  readonly alternativeRank: number | null
  readonly shift: number | null
}

/**
 * A what-if: the ranks of an alternative build (other weights or methods) against the nominal one, unit by unit, with
 * the mean absolute rank shift over the units ranked in both (COINr `compare_coins`, and the output of its
 * sensitivity analysis). Units in only one build have nulls on the other side.
 *
 * @example
 * ```ts
 * const nominal = Build.build(framework, data, spec)
 * const whatIf = Build.build(framework, data, { ...spec, aggregate: { method: "amean", weights: { Conn: 2 } } })
 * Results.compare(nominal, whatIf).meanAbsoluteShift
 * ```
 * @since 0.2.0
 */
export const compare = (
  nominal: Build.Build,
  alternative: Build.Build
): { code: string; units: Array<RankComparison>; meanAbsoluteShift: number | null } => {
  const code = nominal.framework.top
  if (code === null || alternative.framework.top !== code) {
    throw new MeasureError("framework", "expected two builds of frameworks with the same single top node")
  }
  const a = nominal.stages.Aggregated
  const b = alternative.stages.Aggregated
  if (a === undefined || b === undefined) {
    throw new MeasureError("aggregate", "expected both builds to aggregate, to compare their index")
  }
  const units = [...new Set([...a.units, ...b.units])]
  const value = (ds: DataSet, unit: string) => (ds.units.includes(unit) ? DS.get(ds, unit, code) : null)
  let sum = 0
  let count = 0
  const rows = units.map((unit) => {
    const nominalRank = nominal.ranks[unit] ?? null
    const alternativeRank = alternative.ranks[unit] ?? null
    const shift = nominalRank !== null && alternativeRank !== null ? nominalRank - alternativeRank : null
    if (shift !== null) {
      sum += Math.abs(shift)
      count++
    }
    return { unit, nominal: value(a, unit), alternative: value(b, unit), nominalRank, alternativeRank, shift }
  })
  return { code, units: rows, meanAbsoluteShift: count === 0 ? null : sum / count }
}
