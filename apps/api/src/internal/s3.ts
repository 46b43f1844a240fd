import { z } from "@hono/zod-openapi"
import { Analysis, Matrix, Priority, ShiftShare } from "@innokraft/s3"

const Label = z.object({ sv: z.string().min(1), en: z.string().min(1) })
const Row = z.array(z.number())

/**
 * The body of `POST /v1/s3/analyses`, kept as the run's parameters: a region × industry panel (`values[y]` is the
 * row-major matrix of `years[y]`), the analysis options, the focus region, the shift-share years with the national
 * rows, and the candidate areas to score (default: every industry on its own).
 */
export const S3Input = z
  .object({
    id: z.string().min(1).max(120),
    title: Label.optional(),
    visibility: z.enum(["public", "organisation"]).optional(),
    regions: z.array(z.string().min(1)).min(1),
    industries: z.array(z.string().min(1)).min(1),
    years: z.array(z.number().int()).min(1),
    values: z.array(Row).min(1),
    /** National counts per industry, one row per year (default: the column totals of the panel). */
    national: z.array(Row).optional(),
    options: z
      .object({
        year: z.number().int().optional(),
        eciSd: z.enum(["population", "sample"]).optional(),
        densityDiagonal: z.enum(["include", "exclude"]).optional(),
        threshold: z.number().positive().optional(),
        fitnessIterations: z.number().int().min(1).max(1000).optional()
      })
      .optional(),
    focus: z.string().min(1),
    shiftShare: z.object({ base: z.number().int(), end: z.number().int() }).optional(),
    candidates: z.array(z.object({ name: z.string().min(1), industries: z.array(z.string()).min(1) })).optional(),
    regionNames: z.record(z.string(), z.string()).optional(),
    industryNames: z.record(z.string(), z.string()).optional()
  })
  .openapi("S3Input")

export type S3Input = z.infer<typeof S3Input>

/** Everything computed for an S3 run (typed arrays; see {@link toResult} for JSON). */
export interface Computed {
  readonly analysis: Analysis.Analysis
  readonly shiftShare?: ShiftShare.Decomposition
  readonly shiftShareYears?: readonly [number, number]
  readonly priorities: ReadonlyArray<Priority.Scored>
}

const yearIndex = (input: S3Input, year: number): number => {
  const k = input.years.indexOf(year)
  if (k < 0) throw new RangeError(`expected one of the years ${input.years.join(", ")}, found ${year}`)
  return k
}

/** Runs the analysis, the shift-share and the priority scores. Throws `MatrixError`/`RangeError` on bad input. */
export const compute = (input: S3Input): Computed => {
  if (input.values.length !== input.years.length) {
    throw new RangeError(`expected one matrix per year (${input.years.length}), found ${input.values.length}`)
  }
  const matrices = input.values.map((v) => Matrix.make(input.regions, input.industries, v))
  const panel: Matrix.Panel = {
    regions: input.regions,
    industries: input.industries,
    years: input.years,
    values: matrices.map((m) => m.values)
  }
  const analysis = Analysis.analyse(panel, input.options ?? {})
  const year = analysis.year ?? input.years[input.years.length - 1]!
  const national = (y: number): Float64Array => {
    const row = input.national?.[yearIndex(input, y)]
    if (row === undefined) return Matrix.industryTotals(matrices[yearIndex(input, y)]!)
    if (row.length !== input.industries.length) {
      throw new RangeError(`expected ${input.industries.length} national values per year, found ${row.length}`)
    }
    return Float64Array.from(row)
  }
  const r = input.regions.indexOf(input.focus)
  if (r < 0) throw new RangeError(`expected the focus region to be one of the regions, found "${input.focus}"`)
  const I = input.industries.length
  let shiftShare: ShiftShare.Decomposition | undefined
  if (input.shiftShare !== undefined) {
    const { base, end } = input.shiftShare
    shiftShare = ShiftShare.classic(matrices[yearIndex(input, base)]!, matrices[yearIndex(input, end)]!, {
      base: national(base),
      end: national(end)
    })
  }
  const current = matrices[yearIndex(input, year)]!
  const dr = analysis.density.regions.indexOf(input.focus)
  const pciOf = new Map(analysis.eci.pci.labels.map((l, k) => [l, analysis.eci.pci.values[k]!]))
  const density = input.industries.map((code) => {
    const i = analysis.density.industries.indexOf(code)
    return dr < 0 || i < 0 ? Number.NaN : analysis.density.values[dr * analysis.density.industries.length + i]!
  })
  const pci = input.industries.map((code) => pciOf.get(code) ?? Number.NaN)
  const candidates = input.candidates ?? input.industries.map((code) => ({ name: code, industries: [code] }))
  const baseRow =
    shiftShare === undefined
      ? undefined
      : matrices[yearIndex(input, input.shiftShare!.base)]!.values.subarray(r * I, (r + 1) * I)
  const scored = Priority.score(
    candidates.map((c) => ({
      name: c.name,
      industries: c.industries,
      values: Priority.criteriaOf(c.industries, {
        industries: input.industries,
        region: current.values.subarray(r * I, (r + 1) * I),
        reference: national(year),
        ...(shiftShare === undefined || baseRow === undefined
          ? {}
          : { competitive: shiftShare.competitive.subarray(r * I, (r + 1) * I), base: baseRow }),
        density,
        pci
      })
    }))
  )
  return {
    analysis,
    ...(shiftShare === undefined
      ? {}
      : { shiftShare, shiftShareYears: [input.shiftShare!.base, input.shiftShare!.end] as const }),
    priorities: scored
  }
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null)

/** The stored result: the analysis as `result.json`, the focus region's shift-share totals and the priorities. */
export const toResult = (input: S3Input, computed: Computed) => {
  let shiftShare = null
  if (computed.shiftShare !== undefined) {
    const totals = ShiftShare.byRegion(computed.shiftShare)
    const r = totals.change.labels.indexOf(input.focus)
    shiftShare = {
      years: computed.shiftShareYears,
      region: input.focus,
      change: finite(totals.change.values[r]!),
      nationalShare: finite(totals.nationalShare.values[r]!),
      industryMix: finite(totals.industryMix.values[r]!),
      competitive: finite(totals.competitive.values[r]!)
    }
  }
  return {
    year: computed.analysis.year,
    focus: input.focus,
    analysis: Analysis.toJson(computed.analysis),
    shiftShare,
    priorities: computed.priorities.map((p) => ({
      ...p,
      score: finite(p.score)
    }))
  }
}
