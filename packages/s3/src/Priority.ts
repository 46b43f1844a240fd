import { Prng } from "@innokraft/numerics"
import { dirichlet } from "./internal/random.js"
import { percentileRanks, quantile } from "./internal/stats.js"
import { MatrixError } from "./MatrixError.js"
import type { Scored as ScoredShape } from "./schema.js"

/**
 * The criteria of the priority score (s3-methods.md §9): critical mass, specialisation, dynamics, knowledge base,
 * relatedness density, complexity, and the expert-tagged societal-challenge fit.
 *
 * @since 0.1.0
 */
export const criteria = [
  "mass",
  "specialisation",
  "dynamics",
  "knowledge",
  "relatedness",
  "complexity",
  "challenge"
] as const

/**
 * One criterion of {@link criteria}.
 *
 * @since 0.1.0
 */
export type Criterion = (typeof criteria)[number]

/**
 * A candidate strength area: a set of industry codes (so it maps onto a `StrengthArea` of `@innokraft/domain`) with
 * the region's raw value of each criterion. Missing criteria are left out of that candidate's score (the remaining
 * weights are renormalised) and reported; a NaN value is a {@link MatrixError} naming the candidate and criterion, and
 * so is a candidate with no value of a criterion that has a positive weight (its score would be undefined).
 *
 * @since 0.1.0
 */
export interface Candidate {
  readonly name: string
  readonly industries: ReadonlyArray<string>
  /** Raw criterion values, e.g. mass = log(employment share), specialisation = LQ, dynamics = competitive effect per employee, challenge = 0/1/2 expert tag. */
  readonly values: Partial<Record<Criterion, number>>
}

/**
 * Options for {@link score}.
 *
 * @since 0.1.0
 */
export interface ScoreOptions {
  /** Weights per criterion (any non-negative numbers; normalised). Default equal weights for every criterion used. */
  readonly weights?: Partial<Record<Criterion, number>>
  /** Number of random weight draws (flat Dirichlet) for the rank ranges; default 1,000. */
  readonly draws?: number
  /** Seed of the draws; default 1. Same seed, same ranges. */
  readonly seed?: number
  /** Where the Balland quadrant lines are drawn: the `"median"` (default) or `"mean"` over the candidates. */
  readonly split?: "median" | "mean"
}

/**
 * Balland et al. (2019) quadrant of relatedness density (feasibility) × complexity (benefit), split at the median or
 * mean over the candidates.
 *
 * @since 0.1.0
 */
export type Quadrant = (typeof quadrants)[number]

/**
 * The four {@link Quadrant}s.
 *
 * @since 0.1.0
 */
export const quadrants = [
  "high relatedness, high complexity",
  "high relatedness, low complexity",
  "low relatedness, high complexity",
  "low relatedness, low complexity"
] as const

/**
 * A scored candidate: its score, rank, rank range under random weights, quadrant and label. The shape is the zod
 * schema `Scored` of `@innokraft/s3/schema` (for validating stored scores and describing APIs).
 *
 * @since 0.1.0
 */
export type Scored = ScoredShape

const rankOrder = (scores: Float64Array, names: ReadonlyArray<string>): Int32Array => {
  const order = Array.from({ length: scores.length }, (_, k) => k).sort(
    (a, b) => scores[b]! - scores[a]! || (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0)
  )
  const rank = new Int32Array(scores.length)
  order.forEach((k, position) => {
    rank[k] = position + 1
  })
  return rank
}

/**
 * A transparent multi-criteria priority score for candidate strength areas: each criterion becomes a percentile rank
 * among the candidates (robust, no tuning), the score is their weighted mean with explicit, editable weights (equal
 * by default), and each rank comes with its median and 5–95 % range under random (seeded, flat Dirichlet) weights, so
 * one sees how much the ranking depends on the weighting. Also gives the Balland et al. (2019) relatedness ×
 * complexity quadrant and a simple strength/emerging label. The result is an auditable shortlist for the
 * entrepreneurial discovery process, not a decision.
 *
 * @example
 * ```ts
 * const ranked = Priority.score([
 *   { name: "Forest bioeconomy", industries: ["02", "16", "17"], values: { mass: -2.1, specialisation: 3.4, relatedness: 0.41, complexity: -0.2, challenge: 2 } },
 *   { name: "Life science", industries: ["21", "72"], values: { mass: -4.0, specialisation: 0.7, relatedness: 0.22, complexity: 1.3, challenge: 1 } }
 * ])
 * ```
 * @since 0.1.0
 */
export const score = (candidates: ReadonlyArray<Candidate>, options: ScoreOptions = {}): ReadonlyArray<Scored> => {
  const n = candidates.length
  if (n === 0) return []
  const names = candidates.map((c) => c.name)
  if (new Set(names).size !== n) throw new MatrixError("expected every candidate to have its own name")
  for (const c of candidates) {
    for (const [k, v] of Object.entries(c.values)) {
      if (!(criteria as ReadonlyArray<string>).includes(k)) {
        throw new MatrixError(`candidate ${JSON.stringify(c.name)}: unknown criterion ${JSON.stringify(k)}`)
      }
      if (v !== undefined && Number.isNaN(v)) {
        throw new MatrixError(
          `candidate ${JSON.stringify(c.name)}: criterion ${k}: expected a number, found NaN (leave a criterion out to mark it missing)`
        )
      }
    }
  }
  const used = criteria.filter((k) => candidates.some((c) => c.values[k] !== undefined))
  const weights = used.map((k) => options.weights?.[k] ?? (options.weights ? 0 : 1))
  for (const [k, w] of Object.entries(options.weights ?? {})) {
    if (!(criteria as ReadonlyArray<string>).includes(k))
      throw new MatrixError(`unknown criterion ${JSON.stringify(k)}`)
    if (!(w >= 0)) throw new MatrixError(`criterion ${k}: expected a weight ≥ 0, found ${w}`)
  }
  for (const c of candidates) {
    if (!used.some((k, j) => weights[j]! > 0 && c.values[k] !== undefined)) {
      const has = used.filter((k) => c.values[k] !== undefined)
      throw new MatrixError(
        `candidate ${JSON.stringify(c.name)}: expected a value of at least one criterion with a positive weight, found ${
          has.length === 0 ? "no criterion values" : `only ${has.join(", ")}`
        }`
      )
    }
  }
  // z[c][k]: percentile of criterion k for candidate c (NaN when missing)
  const z = used.map((k) => percentileRanks(candidates.map((c) => c.values[k] ?? Number.NaN)))
  const scoreWith = (w: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(n)
    for (let c = 0; c < n; c++) {
      let s = 0
      let total = 0
      for (let k = 0; k < used.length; k++) {
        const v = z[k]![c]!
        if (Number.isNaN(v)) continue
        s += w[k]! * v
        total += w[k]!
      }
      out[c] = total > 0 ? s / total : Number.NaN
    }
    return out
  }
  const scores = scoreWith(weights)
  const ranks = rankOrder(scores, names)
  const draws = options.draws ?? 1000
  const next = Prng.mulberry32(options.seed ?? 1)
  const w = new Float64Array(used.length)
  const drawn = candidates.map(() => new Float64Array(draws))
  for (let d = 0; d < draws; d++) {
    const r = rankOrder(scoreWith(dirichlet(next, used.length, w)), names)
    for (let c = 0; c < n; c++) drawn[c]![d] = r[c]!
  }
  const center = (values: ReadonlyArray<number>) => {
    const v = values.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
    if (v.length === 0) return Number.NaN
    return options.split === "mean" ? v.reduce((s, x) => s + x, 0) / v.length : quantile(v, 0.5)
  }
  const raw = (k: Criterion) => candidates.map((c) => c.values[k] ?? Number.NaN)
  const rdLine = center(raw("relatedness"))
  const cxLine = center(raw("complexity"))
  const massLine = center(raw("mass"))
  return candidates.map((candidate, c) => {
    const percentiles: Partial<Record<Criterion, number>> = {}
    const missing: Array<Criterion> = []
    used.forEach((k, j) => {
      if (Number.isNaN(z[j]![c]!)) missing.push(k)
      else percentiles[k] = z[j]![c]!
    })
    for (const k of criteria) if (!used.includes(k)) missing.push(k)
    const sorted = drawn[c]!.slice().sort()
    const rd = candidate.values.relatedness
    const cx = candidate.values.complexity
    const quadrant: Quadrant | null =
      rd === undefined || cx === undefined
        ? null
        : `${rd > rdLine ? "high" : "low"} relatedness, ${cx > cxLine ? "high" : "low"} complexity`
    const lq = candidate.values.specialisation
    const mass = candidate.values.mass
    const dyn = candidate.values.dynamics
    let label: Scored["label"] = null
    if (lq !== undefined && lq >= 1 && mass !== undefined && mass > massLine) label = "strength"
    else if (lq !== undefined && lq < 1 && rd !== undefined && rd > rdLine && dyn !== undefined && dyn > 0)
      label = "emerging"
    return {
      name: candidate.name,
      industries: candidate.industries,
      score: scores[c]!,
      rank: ranks[c]!,
      percentiles,
      rankRange: { median: quantile(sorted, 0.5), p5: quantile(sorted, 0.05), p95: quantile(sorted, 0.95) },
      quadrant,
      label,
      missing
    }
  })
}

/**
 * Raw criterion values of a candidate area from per-industry data of one region: critical mass = ln of the area's
 * share of regional employment; specialisation = the area's LQ, `(Σ_a x_ri / x_r·) / (Σ_a X_·i / X_··)`
 * (employment-weighted over its industries); dynamics = the shift-share competitive effect per base-year employee
 * (missing when the area had no base-year activity); relatedness and complexity = the mean over the area's industries. Industries not in `industries` are a
 * {@link MatrixError}.
 *
 * @since 0.1.0
 */
export const criteriaOf = (
  area: ReadonlyArray<string>,
  data: {
    readonly industries: ReadonlyArray<string>
    /** The region's counts per industry. */
    readonly region: ArrayLike<number>
    /** Reference (national) counts per industry. */
    readonly reference: ArrayLike<number>
    /** Competitive effect per industry (e.g. a row of `ShiftShare.classic(...).competitive`) and base-year counts. */
    readonly competitive?: ArrayLike<number>
    readonly base?: ArrayLike<number>
    readonly density?: ArrayLike<number>
    readonly pci?: ArrayLike<number>
  }
): Partial<Record<Criterion, number>> => {
  const index = area.map((code) => {
    const k = data.industries.indexOf(code)
    if (k < 0) throw new MatrixError(`unknown industry ${JSON.stringify(code)} in a candidate area`)
    return k
  })
  const sum = (x: ArrayLike<number>, ks: ReadonlyArray<number>) => ks.reduce((s, k) => s + x[k]!, 0)
  const all = data.industries.map((_, k) => k)
  const regionTotal = sum(data.region, all)
  const referenceTotal = sum(data.reference, all)
  const x = sum(data.region, index)
  const out: Partial<Record<Criterion, number>> = {
    mass: Math.log(x / regionTotal),
    specialisation: x / regionTotal / (sum(data.reference, index) / referenceTotal)
  }
  // no base-year activity in the area: no growth rate, so dynamics stays missing
  if (data.competitive && data.base && sum(data.base, index) > 0) {
    out.dynamics = sum(data.competitive, index) / sum(data.base, index)
  }
  if (data.density) out.relatedness = sum(data.density, index) / index.length
  if (data.pci) out.complexity = sum(data.pci, index) / index.length
  return out
}
