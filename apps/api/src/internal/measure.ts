import { z } from "@hono/zod-openapi"
import { Build, Coherence, Coinr, type Data, DataSet, Framework, Results, Spec, Uncertainty } from "@innokraft/measure"

const Label = z.object({ sv: z.string().min(1), en: z.string().min(1) })
const Cell = z.number().nullable()
const Records = z.record(z.string(), z.record(z.string(), Cell))

/** A framework and panel data as JSON: `indicators[p][unit][code]` is the value of period `periods[p]`. */
const JsonSource = z.object({
  kind: z.literal("json"),
  framework: z.unknown().openapi({ description: "A @innokraft/measure framework (indicators, aggregates, …)" }),
  units: z.array(z.string().min(1)).min(1),
  unitNames: z.array(z.string().nullable()).optional(),
  periods: z.array(z.number().int()).min(1),
  indicators: z.array(Records),
  denominators: z.array(Records).optional(),
  groups: z.record(z.string(), z.array(z.string().nullable())).optional()
})

/** COINr's iMeta and iData CSV texts. */
const CoinrSource = z.object({ kind: z.literal("coinr"), iMeta: z.string().min(1), iData: z.string().min(1) })

/**
 * The body of `POST /v1/measure/runs`, kept as the run's parameters so that the run can be recomputed.
 */
export const MeasurementInput = z
  .object({
    id: z.string().min(1).max(120),
    title: Label.optional(),
    visibility: z.enum(["public", "organisation"]).optional(),
    source: z.discriminatedUnion("kind", [JsonSource, CoinrSource]),
    spec: z.unknown().openapi({ description: "A @innokraft/measure build spec (denominate, impute, … aggregate)" }),
    period: z.number().int().optional(),
    uncertainty: z
      .object({
        runs: z.number().int().min(1).max(2000),
        seed: z.number().int().optional(),
        assumptions: z.record(z.string(), z.unknown())
      })
      .optional(),
    /** The reference unit of the RIS-style performance groups (default: the unit mean). */
    reference: z.string().optional()
  })
  .openapi("MeasurementInput")

export type MeasurementInput = z.infer<typeof MeasurementInput>

/** A column-major data set from `{ unit: { code: value } }`. */
const dataSet = (units: ReadonlyArray<string>, codes: ReadonlyArray<string>, records: z.infer<typeof Records>) => {
  const values = new Float64Array(units.length * codes.length).fill(Number.NaN)
  codes.forEach((code, c) => {
    units.forEach((unit, u) => {
      const v = records[unit]?.[code]
      if (typeof v === "number") values[c * units.length + u] = v
    })
  })
  return DataSet.make(units, codes, values)
}

/** The framework and data of an input (throws `MeasureError` or `CsvError` with the field or file position). */
export const project = (input: MeasurementInput): { framework: Framework.Framework; data: Data.Data } => {
  const source = input.source
  if (source.kind === "coinr") {
    return Coinr.fromCsv({ iMeta: source.iMeta, iData: source.iData, iMetaSource: "iMeta", iDataSource: "iData" })
  }
  const framework = Framework.make(source.framework)
  const codes = framework.levels[0]!
  const denominatorCodes = framework.denominators.map((d) => d.code)
  const data: Data.Data = {
    units: source.units,
    unitNames: source.unitNames ?? source.units.map(() => null),
    periods: source.periods,
    indicators: source.periods.map((_, p) => dataSet(source.units, codes, source.indicators[p] ?? {})),
    denominators: source.periods.map((_, p) => dataSet(source.units, denominatorCodes, source.denominators?.[p] ?? {})),
    groups: source.groups ?? {}
  }
  return { framework, data }
}

/** The JSON source of a framework and data (for storing a run computed from files). */
export const toJsonSource = (framework: Framework.Framework, data: Data.Data): z.infer<typeof JsonSource> => ({
  kind: "json",
  framework: {
    indicators: framework.indicators,
    aggregates: framework.aggregates,
    groups: framework.groups,
    denominators: framework.denominators,
    levelNames: framework.levelNames
  },
  units: [...data.units],
  unitNames: [...data.unitNames],
  periods: [...data.periods],
  indicators: data.indicators.map((ds) => DataSet.toRecords(ds)),
  denominators: data.denominators.map((ds) => DataSet.toRecords(ds)),
  groups: Object.fromEntries(Object.entries(data.groups).map(([k, v]) => [k, [...v]]))
})

/** A computed run: the build with every stage and, when asked for, the uncertainty analysis. */
export interface Computed {
  readonly build: Build.Build
  readonly uncertainty?: Uncertainty.UncertaintyResult
}

/** Runs the pipeline (and the uncertainty analysis). Throws `MeasureError`/`CsvError` on bad input. */
export const compute = (input: MeasurementInput): Computed => {
  const { framework, data } = project(input)
  const spec = Spec.parse(input.spec ?? {}, "spec")
  const options = input.period === undefined ? {} : { period: input.period }
  const build = Build.build(framework, data, spec, options)
  if (input.uncertainty === undefined) return { build }
  const uncertainty = Uncertainty.run(framework, data, input.spec as Spec.SpecInput, {
    runs: input.uncertainty.runs,
    ...(input.uncertainty.seed === undefined ? {} : { seed: input.uncertainty.seed }),
    ...(input.period === undefined ? {} : { period: input.period }),
    assumptions: input.uncertainty.assumptions as Uncertainty.Assumptions
  })
  return { build, uncertainty }
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** Performance groups of the top index relative to a reference unit, or to the mean of the units. */
export const groups = (build: Build.Build, reference: string | undefined) => {
  const top = build.framework.top
  const aggregated = build.stages.Aggregated
  if (top === null || aggregated === undefined) return {}
  const column = DataSet.column(aggregated, top)
  let relative: Record<string, number | null>
  if (reference !== undefined) {
    relative = Results.relativeTo(aggregated, top, reference)
  } else {
    let sum = 0
    let n = 0
    for (const v of column) {
      if (!Number.isNaN(v)) {
        sum += v
        n++
      }
    }
    const mean = sum / n
    relative = Object.fromEntries(aggregated.units.map((u, i) => [u, finite((column[i]! / mean) * 100)]))
  }
  return Results.performanceGroups(relative)
}

/** Coherence of every aggregate (Cronbach's alpha, first component share, child correlations). */
export const coherence = (build: Build.Build) => {
  const aggregated = build.stages.Aggregated
  if (aggregated === undefined) return []
  return Coherence.byGroup(build.framework, aggregated).map((g) => ({
    code: g.code,
    children: g.children,
    alpha: finite(g.alpha),
    firstComponentShare: finite(g.firstComponentShare),
    childCorrelations: g.childCorrelations.map(finite)
  }))
}

/** The stored result of a run: every stage, ranks, groups, coherence and the uncertainty statistics. */
export const summary = (computed: Computed, reference: string | undefined) => ({
  period: computed.build.period,
  top: computed.build.framework.top,
  ...Build.toJson(computed.build),
  groups: groups(computed.build, reference),
  coherence: coherence(computed.build),
  uncertainty: computed.uncertainty === undefined ? null : computed.uncertainty.stats,
  /** Uncertainty runs whose build failed (left out of the statistics, as COINr's NA regenerations). */
  uncertaintyFailed: computed.uncertainty === undefined ? null : computed.uncertainty.failed
})
