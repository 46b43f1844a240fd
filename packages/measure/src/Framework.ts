import { z } from "zod"
import { MeasureError } from "./MeasureError.js"

/**
 * A name in Swedish and English (the `Label` of `@innokraft/reference`).
 *
 * @since 0.1.0
 */
export const LabelSchema = z.object({ sv: z.string().min(1), en: z.string().min(1) })

/**
 * An indicator: a leaf of the framework (level 1).
 *
 * @since 0.1.0
 */
export const IndicatorSchema = z.object({
  code: z.string().min(1),
  name: LabelSchema,
  parent: z.string().min(1),
  weight: z.number().nonnegative().default(1),
  /** +1 when higher is better, −1 when lower is better. */
  direction: z.union([z.literal(1), z.literal(-1)]).default(1),
  unit: z.string().optional(),
  /** Code of a denominator the raw value is divided by in the `denominate` step. */
  denominator: z.string().min(1).nullable().default(null),
  source: z.string().optional(),
  /** input / output / outcome / … (free text, e.g. RIS or GII classes). */
  type: z.string().optional(),
  /** Target for distance-to-target normalisation, in the indicator's own units and direction. */
  target: z.number().nullable().default(null),
  /** Goalposts `[lo, hi, scale]` for goalpost normalisation. */
  goalposts: z.tuple([z.number(), z.number(), z.number()]).nullable().default(null)
})

/**
 * An aggregate: pillar, sub-index, index … at level 2 or above; the top node has `parent: null`.
 *
 * @since 0.1.0
 */
export const AggregateSchema = z.object({
  code: z.string().min(1),
  name: LabelSchema,
  level: z.number().int().min(2),
  parent: z.string().min(1).nullable(),
  weight: z.number().nonnegative().default(1)
})

/**
 * A unit-level column that is neither indicator nor aggregate: a group (county, size class …) or a denominator.
 *
 * @since 0.1.0
 */
export const AuxiliarySchema = z.object({
  code: z.string().min(1),
  name: LabelSchema,
  unit: z.string().optional()
})

/**
 * The framework as written by a user (JSON, a preset, or COINr's iMeta).
 *
 * @since 0.1.0
 */
export const FrameworkSchema = z.object({
  indicators: z.array(IndicatorSchema).min(1),
  aggregates: z.array(AggregateSchema).default([]),
  groups: z.array(AuxiliarySchema).default([]),
  denominators: z.array(AuxiliarySchema).default([]),
  /** Names of the levels, from indicators upwards, e.g. `["Indicator", "Pillar", "Sub-index", "Index"]`. */
  levelNames: z.array(z.string()).optional()
})

/** @since 0.1.0 */
export type FrameworkInput = z.input<typeof FrameworkSchema>
/** @since 0.1.0 */
export type Indicator = z.infer<typeof IndicatorSchema>
/** @since 0.1.0 */
export type Aggregate = z.infer<typeof AggregateSchema>

/**
 * A validated framework with its lineage: `levels[L - 1]` lists the codes at level L (indicators at level 1), and
 * `children` the ordered child codes of every aggregate.
 *
 * @since 0.1.0
 */
export interface Framework {
  readonly indicators: ReadonlyArray<Indicator>
  readonly aggregates: ReadonlyArray<Aggregate>
  readonly groups: ReadonlyArray<z.infer<typeof AuxiliarySchema>>
  readonly denominators: ReadonlyArray<z.infer<typeof AuxiliarySchema>>
  readonly levelNames: ReadonlyArray<string>
  readonly levels: ReadonlyArray<ReadonlyArray<string>>
  readonly children: ReadonlyMap<string, ReadonlyArray<string>>
  /** Weight of every node (indicator or aggregate) as given, not yet rescaled. */
  readonly weights: ReadonlyMap<string, number>
  /** Code of the single top node, or `null` when the framework has several roots. */
  readonly top: string | null
  readonly indicatorIndex: ReadonlyMap<string, Indicator>
}

const zodPath = (issue: { path: ReadonlyArray<PropertyKey> }): string =>
  issue.path.reduce<string>(
    (acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)),
    ""
  )

/**
 * Validates a framework: shapes (zod), unique codes, known parents and denominators, parents exactly one level up,
 * no cycles, no aggregate without children. Throws a {@link MeasureError} naming the field path.
 *
 * @example
 * ```ts
 * const fw = Framework.make({
 *   indicators: [{ code: "rd", name: { sv: "FoU", en: "R&D" }, parent: "Index" }],
 *   aggregates: [{ code: "Index", name: { sv: "Index", en: "Index" }, level: 2, parent: null }]
 * })
 * fw.levels // [["rd"], ["Index"]]
 * ```
 * @since 0.1.0
 */
export const make = (input: unknown): Framework => {
  const parsed = FrameworkSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new MeasureError(zodPath(issue) || "framework", issue.message)
  }
  const { indicators, aggregates, groups, denominators } = parsed.data
  const seen = new Map<string, string>()
  const claim = (code: string, path: string) => {
    const before = seen.get(code)
    if (before !== undefined) throw new MeasureError(path, `duplicate code "${code}" (also at ${before})`)
    seen.set(code, path)
  }
  indicators.forEach((x, i) => {
    claim(x.code, `indicators[${i}].code`)
  })
  aggregates.forEach((x, i) => {
    claim(x.code, `aggregates[${i}].code`)
  })
  groups.forEach((x, i) => {
    claim(x.code, `groups[${i}].code`)
  })
  denominators.forEach((x, i) => {
    claim(x.code, `denominators[${i}].code`)
  })
  const aggregateByCode = new Map(aggregates.map((a) => [a.code, a]))
  const denominatorCodes = new Set(denominators.map((d) => d.code))
  const children = new Map<string, Array<string>>(aggregates.map((a) => [a.code, []]))
  indicators.forEach((x, i) => {
    const parent = aggregateByCode.get(x.parent)
    if (!parent) {
      throw new MeasureError(
        `indicators[${i}].parent`,
        `expected the code of an aggregate, found "${x.parent}" (an orphan indicator)`
      )
    }
    if (parent.level !== 2) {
      throw new MeasureError(
        `indicators[${i}].parent`,
        `expected a level-2 aggregate, "${x.parent}" is at level ${parent.level}`
      )
    }
    if (x.denominator !== null && !denominatorCodes.has(x.denominator)) {
      throw new MeasureError(
        `indicators[${i}].denominator`,
        `expected one of the denominators ${[...denominatorCodes].map((d) => `"${d}"`).join(", ") || "(none declared)"}, found "${x.denominator}"`
      )
    }
    children.get(x.parent)!.push(x.code)
  })
  const maxLevel = aggregates.reduce((m, a) => Math.max(m, a.level), 1)
  const roots: Array<string> = []
  aggregates.forEach((a, i) => {
    if (a.parent === null) {
      roots.push(a.code)
      return
    }
    if (a.parent === a.code)
      throw new MeasureError(`aggregates[${i}].parent`, `"${a.code}" is its own parent (a cycle)`)
    const parent = aggregateByCode.get(a.parent)
    if (!parent)
      throw new MeasureError(`aggregates[${i}].parent`, `expected the code of an aggregate, found "${a.parent}"`)
    if (parent.level !== a.level + 1) {
      // A parent at a lower or equal level is the only way a cycle can form, so name it.
      const what = parent.level <= a.level ? " (this makes a cycle or a level inversion)" : ""
      throw new MeasureError(
        `aggregates[${i}].parent`,
        `expected a parent at level ${a.level + 1}, "${a.parent}" is at level ${parent.level}${what}`
      )
    }
    children.get(a.parent)!.push(a.code)
  })
  aggregates.forEach((a, i) => {
    if (children.get(a.code)!.length === 0)
      throw new MeasureError(`aggregates[${i}]`, `aggregate "${a.code}" has no children`)
  })
  if (aggregates.length > 0 && roots.length === 0)
    throw new MeasureError("aggregates", "expected a top node with parent null")
  const levels: Array<Array<string>> = [indicators.map((x) => x.code)]
  for (let level = 2; level <= maxLevel; level++) {
    const codes = aggregates.filter((a) => a.level === level).map((a) => a.code)
    if (codes.length === 0) throw new MeasureError("aggregates", `expected at least one aggregate at level ${level}`)
    levels.push(codes)
  }
  for (const r of roots) {
    const level = aggregateByCode.get(r)!.level
    if (level !== maxLevel)
      throw new MeasureError(`aggregates`, `"${r}" has no parent but is at level ${level} < ${maxLevel}`)
  }
  const weights = new Map<string, number>()
  for (const x of indicators) weights.set(x.code, x.weight)
  for (const a of aggregates) weights.set(a.code, a.weight)
  const levelNames =
    parsed.data.levelNames ??
    levels.map((_, i) => (i === 0 ? "Indicator" : i === levels.length - 1 ? "Index" : `Level ${i + 1}`))
  return {
    indicators,
    aggregates,
    groups,
    denominators,
    levelNames,
    levels,
    children,
    weights,
    top: roots.length === 1 ? roots[0]! : null,
    indicatorIndex: new Map(indicators.map((x) => [x.code, x]))
  }
}

/**
 * The indicator with this code, or a {@link MeasureError} listing close codes.
 *
 * @since 0.1.0
 */
export const indicator = (framework: Framework, code: string): Indicator => {
  const found = framework.indicatorIndex.get(code)
  if (!found) throw new MeasureError(code, `expected an indicator code of the framework, found "${code}"`)
  return found
}

/**
 * The level of a code: 1 for indicators, the aggregate's level otherwise.
 *
 * @since 0.1.0
 */
export const levelOf = (framework: Framework, code: string): number => {
  for (let l = 0; l < framework.levels.length; l++) if (framework.levels[l]!.includes(code)) return l + 1
  throw new MeasureError(code, `expected a code of the framework, found "${code}"`)
}

/**
 * All indicator codes below a node (the node itself if it is an indicator).
 *
 * @since 0.1.0
 */
export const indicatorsUnder = (framework: Framework, code: string): Array<string> => {
  const kids = framework.children.get(code)
  if (!kids) return framework.indicatorIndex.has(code) ? [code] : []
  return kids.flatMap((k) => indicatorsUnder(framework, k))
}
