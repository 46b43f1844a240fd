import * as Build from "../Build.js"
import type { Data } from "../Data.js"
import type { Framework } from "../Framework.js"
import { MeasureError } from "../MeasureError.js"
import { seeded } from "../Random.js"
import * as Spec from "../Spec.js"
import type { Assumptions } from "../Uncertainty.js"
import * as S from "./stats.js"

export interface Evaluator {
  readonly names: ReadonlyArray<string>
  readonly units: ReadonlyArray<string>
  readonly nominal: Float64Array
  /**
   * Ranks of the nominal units for one point of the unit hypercube (one value in [0, 1) per input). A build that
   * fails with a {@link MeasureError} (e.g. the geometric mean over a zero) gives missing ranks, as a failed
   * regeneration gives NA in COINr, and is counted in `failures`.
   */
  readonly evaluate: (u: ArrayLike<number>) => Float64Array
  readonly failures: { count: number; first: string | undefined }
}

const pick = <T>(options: ReadonlyArray<T>, u: number): T =>
  options[Math.min(options.length - 1, Math.floor(u * options.length))]!

export const evaluator = (
  framework: Framework,
  data: Data,
  specInput: Spec.SpecInput,
  assumptions: Assumptions,
  seed: number,
  period?: number
): Evaluator => {
  const spec = Spec.parse(specInput)
  const top = framework.top
  if (top === null) throw new Error("uncertainty analysis needs a framework with one top node")
  const opts = period === undefined ? {} : { period }
  const nominalBuild = Build.build(framework, data, spec, opts)
  const units = nominalBuild.stages.Aggregated!.units
  const unitIndex = new Map(units.map((u, i) => [u, i]))
  const nominal = Float64Array.from(units, (u) => nominalBuild.ranks[u] ?? Number.NaN)
  const names: Array<string> = []
  const apply: Array<(s: Spec.Spec, u: number) => Spec.Spec> = []
  if (assumptions.weights) {
    const { noise, levels } = assumptions.weights
    const weightSets = assumptions.weights.sets ?? 1000
    const lv = levels ?? framework.levels.map((_, i) => i + 1).filter((l) => l >= 2 && l < framework.levels.length)
    const codes = lv.flatMap((l) => [...(framework.levels[l - 1] ?? [])])
    const next = seeded(seed ^ 0x5bd1e995)
    const sets: Array<Record<string, number>> = []
    for (let k = 0; k < weightSets; k++) {
      const w: Record<string, number> = { ...(spec.aggregate?.weights ?? {}) }
      for (const c of codes) w[c] = (w[c] ?? framework.weights.get(c) ?? 1) * (1 + noise * (2 * next() - 1))
      sets.push(w)
    }
    names.push("weights")
    apply.push((s, u) => ({ ...s, aggregate: { ...(s.aggregate ?? { method: "amean" }), weights: pick(sets, u) } }))
  }
  if (assumptions.impute) {
    const alts = assumptions.impute.map((a) => Spec.parse({ impute: a }).impute)
    names.push("impute")
    apply.push((s, u) => ({ ...s, impute: pick(alts, u) }))
  }
  if (assumptions.treat) {
    const alts = assumptions.treat.map((a) => Spec.parse({ treat: a }).treat)
    names.push("treat")
    apply.push((s, u) => ({ ...s, treat: pick(alts, u) }))
  }
  if (assumptions.normalise) {
    const alts = assumptions.normalise.map((a) => Spec.parse({ normalise: a }).normalise)
    names.push("normalise")
    apply.push((s, u) => ({ ...s, normalise: pick(alts, u) }))
  }
  if (assumptions.aggregate) {
    const alts = assumptions.aggregate
    names.push("aggregate")
    apply.push((s, u) => ({ ...s, aggregate: { ...(s.aggregate ?? { method: "amean" }), method: pick(alts, u) } }))
  }
  const cache = new Map<string, Build.Build>([[nominalBuild.prefixKey, nominalBuild]])
  const failures: { count: number; first: string | undefined } = { count: 0, first: undefined }
  const evaluate = (u: ArrayLike<number>): Float64Array => {
    let s = spec
    for (let k = 0; k < apply.length; k++) s = apply[k]!(s, u[k]!)
    const key = JSON.stringify([s.denominate, s.impute, s.screen, s.treat])
    const reuse = cache.get(key)
    const out = new Float64Array(units.length).fill(Number.NaN)
    let b: Build.Build
    try {
      b = Build.build(framework, data, s, reuse ? { ...opts, reuse } : opts)
    } catch (e) {
      if (!(e instanceof MeasureError)) throw e
      failures.count++
      failures.first ??= e.message
      return out
    }
    if (!reuse) cache.set(key, b)
    const agg = b.stages.Aggregated!
    const r = S.rank(
      agg.values.subarray(agg.codes.indexOf(top) * agg.units.length, (agg.codes.indexOf(top) + 1) * agg.units.length),
      true
    )
    agg.units.forEach((unit, i) => {
      const j = unitIndex.get(unit)
      if (j !== undefined) out[j] = r[i]!
    })
    return out
  }
  return { names, units, nominal, evaluate, failures }
}

/**
 * Runs `from` … `to − 1` of an uncertainty analysis into `out` (`(r − from) · units` onwards). Run r takes the
 * uniforms r·d … r·d + d − 1 of the seeded stream, so any contiguous block of runs gives the same ranks as the
 * whole sequence — the single-threaded run and every worker share this function.
 */
export const runBlock = (
  ev: Evaluator,
  seed: number,
  from: number,
  to: number,
  out: Float64Array,
  onRun?: (r: number) => void
): void => {
  const next = seeded(seed)
  const n = ev.units.length
  const d = ev.names.length
  for (let k = from * d; k > 0; k--) next()
  const u = new Float64Array(d)
  for (let r = from; r < to; r++) {
    for (let k = 0; k < d; k++) u[k] = next()
    out.set(ev.evaluate(u), (r - from) * n)
    onRun?.(r)
  }
}
