import * as Aggregate from "./Aggregate.js"
import type { Data } from "./Data.js"
import { periodIndex } from "./Data.js"
import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"
import { denominate } from "./Denominate.js"
import type { Framework } from "./Framework.js"
import * as Impute from "./Impute.js"
import * as S from "./internal/stats.js"
import { MeasureError } from "./MeasureError.js"
import * as Normalise from "./Normalise.js"
import * as Screen from "./Screen.js"
import * as Spec from "./Spec.js"
import * as Treat from "./Treat.js"

/**
 * The names of the data sets a build keeps, in pipeline order (COINr's `coin$Data`).
 *
 * @since 0.1.0
 */
export const stageNames = ["Raw", "Denominated", "Imputed", "Screened", "Treated", "Normalised", "Aggregated"] as const

/**
 * A stage name.
 *
 * @since 0.1.0
 */
export type StageName = (typeof stageNames)[number]

/**
 * The result of {@link build}: every intermediate data set, the ranks of the top-level index, and the reports of
 * the screening and treatment steps.
 *
 * @since 0.1.0
 */
export interface Build {
  readonly framework: Framework
  readonly spec: Spec.Spec
  readonly period: number
  readonly stages: Readonly<Partial<Record<StageName, DataSet>>> & { readonly Raw: DataSet }
  /** Rank of the top-level index per unit (1 = highest, ties share the lowest rank, missing = null). */
  readonly ranks: Readonly<Record<string, number | null>>
  /**
   * What went on with a warning, as COINr warns and goes on: an indicator that is constant and so missing after
   * normalisation (the aggregates above it leave it out). Empty when nothing was warned about.
   *
   * @since 0.2.0
   */
  readonly warnings: ReadonlyArray<Warning>
  readonly screening?: Screen.ScreenResult
  readonly treatment?: ReadonlyArray<Treat.ColumnReport>
  /** Key of the steps before normalisation, so a later build with the same steps can reuse them. */
  readonly prefixKey: string
}

/**
 * A warning of a build: the stage, the code it is about, and the message.
 *
 * @since 0.2.0
 */
export interface Warning {
  readonly stage: StageName
  readonly code: string
  readonly message: string
}

/**
 * Options of {@link build}.
 *
 * @since 0.1.0
 */
export interface BuildOptions {
  /** The period to build (default: the last one in the data). */
  readonly period?: number
  /** A previous build whose Raw…Treated stages are reused when its steps up to treatment are the same. */
  readonly reuse?: Build
}

/**
 * The ranks of one column, rank 1 = highest (COINr `rank(-x, ties.method = "min")`).
 *
 * @since 0.1.0
 */
export const ranksOf = (ds: DataSet, code: string): Record<string, number | null> => {
  const r = S.rank(DS.column(ds, code), true)
  const out: Record<string, number | null> = {}
  ds.units.forEach((u, i) => {
    out[u] = Number.isNaN(r[i]!) ? null : r[i]!
  })
  return out
}

/**
 * Runs the pipeline — denominate → impute → screen → treat → normalise → aggregate — in COINr's order, keeping
 * every intermediate data set. Each step runs only when the spec asks for it.
 *
 * @example
 * ```ts
 * const { framework, data } = Coinr.fromCsv({ iMeta, iData })
 * const result = Build.build(framework, data, { normalise: { method: "minmax", range: [0, 100] }, aggregate: { method: "amean" } })
 * Build.toJson(result).ranks
 * ```
 * @since 0.1.0
 */
export const build = (
  framework: Framework,
  data: Data,
  specInput: Spec.SpecInput,
  options: BuildOptions = {}
): Build => {
  const spec = Spec.parse(specInput)
  const p = periodIndex(data, options.period)
  const prefixKey = JSON.stringify([p, spec.denominate, spec.impute, spec.screen, spec.treat])
  const stages: Partial<Record<StageName, DataSet>> & { Raw: DataSet } = { Raw: data.indicators[p]! }
  let screening: Screen.ScreenResult | undefined
  let treatment: ReadonlyArray<Treat.ColumnReport> | undefined
  let current: DataSet
  const reuse = options.reuse
  if (reuse && reuse.prefixKey === prefixKey && reuse.framework === framework) {
    for (const name of ["Raw", "Denominated", "Imputed", "Screened", "Treated"] as const) {
      const s = reuse.stages[name]
      if (s) stages[name] = s
    }
    screening = reuse.screening
    treatment = reuse.treatment
    current = stages.Treated ?? stages.Screened ?? stages.Imputed ?? stages.Denominated ?? stages.Raw
  } else {
    current = stages.Raw
    const panelImpute = spec.impute.method === "locf" || spec.impute.method === "linear"
    if (spec.denominate) {
      current = denominate(framework, current, data.denominators[p]!)
      stages.Denominated = current
    }
    if (spec.impute.method !== "none") {
      if (panelImpute) {
        const panel = data.indicators.map((ds, k) =>
          spec.denominate ? denominate(framework, ds, data.denominators[k]!) : ds
        )
        current = Impute.imputePanel(panel, spec.impute.method as "locf" | "linear", data.periods)[p]!
      } else {
        const group = spec.impute.group
        let groups: ReadonlyArray<string | null> | undefined
        if (group !== undefined) {
          groups = data.groups[group]
          if (!groups) {
            throw new MeasureError(
              "impute.group",
              `expected one of the group columns ${
                Object.keys(data.groups)
                  .map((g) => `"${g}"`)
                  .join(", ") || "(none)"
              }, found "${group}"`
            )
          }
        }
        current = Impute.impute(current, spec.impute.method as Impute.Method, groups)
      }
      stages.Imputed = current
    }
    if (spec.screen) {
      screening = Screen.screen(current, {
        minDataShare: spec.screen.minDataShare,
        ...(spec.screen.minNonZeroShare === undefined ? {} : { minNonZeroShare: spec.screen.minNonZeroShare })
      })
      current = screening.data
      stages.Screened = current
    }
    if (spec.treat.method !== "none") {
      const t = Treat.treat(current, spec.treat)
      treatment = t.report
      current = t.data
      stages.Treated = current
    }
  }
  const warnings: Array<Warning> = []
  if (spec.normalise.method !== "none") {
    Normalise.checkUnits(current, spec.normalise)
    for (const c of Normalise.constantColumns(current, spec.normalise)) {
      warnings.push({
        stage: "Normalised",
        code: c.code,
        message: `${c.code} is constant (all ${c.units} units with a value have ${c.value}): ${c.method} gives no values, so the aggregates above it leave it out`
      })
    }
    current = Normalise.normalise(framework, current, spec.normalise)
    stages.Normalised = current
  }
  let ranks: Record<string, number | null> = {}
  if (spec.aggregate) {
    const agg: Aggregate.AggregateSpec = {
      method: spec.aggregate.method,
      ...(spec.aggregate.p === undefined ? {} : { p: spec.aggregate.p }),
      ...(spec.aggregate.datThreshold === undefined ? {} : { datThreshold: spec.aggregate.datThreshold }),
      ...(spec.aggregate.weights === undefined ? {} : { weights: spec.aggregate.weights }),
      ...(spec.aggregate.byLevel === undefined ? {} : { byLevel: spec.aggregate.byLevel })
    }
    current = Aggregate.aggregate(framework, current, agg)
    stages.Aggregated = current
    if (framework.top !== null) ranks = ranksOf(current, framework.top)
  }
  return {
    framework,
    spec,
    period: data.periods[p]!,
    stages,
    ranks,
    warnings,
    prefixKey,
    ...(screening ? { screening } : {}),
    ...(treatment ? { treatment } : {})
  }
}

/**
 * The JSON shape of the CLI's `results.json`: `{ stages: { Raw | Denominated | … : { uCode: { code: number | null } } },
 * ranks: { uCode: rank }, warnings: [{ stage, code, message }] }`; stages the spec skipped are omitted.
 *
 * @since 0.1.0
 */
export const toJson = (
  result: Build
): {
  stages: Partial<Record<StageName, Record<string, Record<string, number | null>>>>
  ranks: Record<string, number | null>
  warnings: Array<Warning>
} => {
  const stages: Partial<Record<StageName, Record<string, Record<string, number | null>>>> = {}
  for (const name of stageNames) {
    const s = result.stages[name]
    if (s) stages[name] = DS.toRecords(s)
  }
  return { stages, ranks: { ...result.ranks }, warnings: [...result.warnings] }
}
