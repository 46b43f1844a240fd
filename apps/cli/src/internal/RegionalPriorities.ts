import { Analysis, Matrix, Priority, ShiftShare } from "@innokraft/s3"

/** A candidate strength area: a named set of industry codes, with an optional expert-tagged challenge fit. */
export interface Area {
  readonly name: string
  readonly industries: ReadonlyArray<string>
  readonly challenge?: number
}

export interface RegionalPrioritiesInput {
  readonly panel: Matrix.Panel
  readonly region: string
  readonly year?: number | undefined
  /** Base year for the dynamics criterion (competitive effect from shift-share). */
  readonly base?: number | undefined
  /** A row of the panel used as the reference economy instead of the sum of the regions. */
  readonly reference?: string | undefined
  /** Default: every industry is a candidate. */
  readonly areas?: ReadonlyArray<Area> | undefined
  readonly weights?: Partial<Record<Priority.Criterion, number>> | undefined
  readonly seed?: number | undefined
}

/** Thrown for input that names a region, year or reference the panel does not have. */
export class PrioritiesInputError extends Error {}

/** Splits one year's matrix into the analysed regions and, when asked, the reference row. */
export const splitReference = (m: Matrix.Matrix, reference: string | undefined) => {
  if (reference === undefined) return { regions: m, reference: undefined }
  const k = m.regions.indexOf(reference)
  if (k < 0) throw new PrioritiesInputError(`--reference-region: "${reference}" is not a region of the file`)
  const I = m.industries.length
  return {
    regions: Matrix.select(m, { regions: m.regions.filter((r) => r !== reference) }),
    reference: m.values.slice(k * I, (k + 1) * I)
  }
}

/** The matrix of one year, with the flag that asked for it named in the error. */
export const yearOf = (panel: Matrix.Panel, year: number, flag: string): Matrix.Matrix => {
  try {
    return Matrix.year(panel, year)
  } catch (error) {
    throw new PrioritiesInputError(`${flag}: ${(error as Error).message}`)
  }
}

/**
 * Everything a region's priority scoring rests on, computed once: the analysis of the year, the shift-share from the
 * base year when given, and the scored candidate areas.
 */
export const regionalPriorities = (input: RegionalPrioritiesInput) => {
  const { panel, region } = input
  const year = input.year ?? panel.years[panel.years.length - 1] ?? null
  const current = splitReference(year === null ? Matrix.year(panel) : yearOf(panel, year, "--year"), input.reference)
  const m = current.regions
  const r = m.regions.indexOf(region)
  if (r < 0) throw new PrioritiesInputError(`--region: "${region}" is not a region of the file`)
  const I = m.industries.length
  const analysis = Analysis.analyse(m, {})
  const ar = analysis.matrix.regions.indexOf(region)
  const AI = analysis.matrix.industries.length
  // The analysis may drop all-zero industries; align its per-industry vectors with the matrix's.
  const align = (labels: ReadonlyArray<string>, values: ArrayLike<number>, offset = 0) =>
    Float64Array.from(m.industries, (code) => {
      const k = labels.indexOf(code)
      return k < 0 ? Number.NaN : values[offset + k]!
    })
  let shiftShare: ShiftShare.Decomposition | undefined
  let dynamics: { competitive: Float64Array; base: Float64Array } | undefined
  if (input.base !== undefined) {
    const base = splitReference(yearOf(panel, input.base, "--base"), input.reference)
    shiftShare = ShiftShare.classic(
      base.regions,
      m,
      base.reference && current.reference ? { base: base.reference, end: current.reference } : undefined
    )
    dynamics = {
      competitive: shiftShare.competitive.slice(r * I, (r + 1) * I),
      base: base.regions.values.slice(r * I, (r + 1) * I)
    }
  }
  const areas = input.areas ?? m.industries.map((code): Area => ({ name: code, industries: [code] }))
  const referenceRow =
    current.reference ??
    Float64Array.from(m.industries, (_, i) => m.regions.reduce((s, _r, k) => s + m.values[k * I + i]!, 0))
  const data = {
    industries: m.industries,
    region: m.values.slice(r * I, (r + 1) * I),
    reference: referenceRow,
    pci: align(analysis.eci.pci.labels, analysis.eci.pci.values),
    ...(ar < 0 ? {} : { density: align(analysis.matrix.industries, analysis.density.values, ar * AI) }),
    ...(dynamics ?? {})
  }
  const candidates = areas.map((a) => ({
    name: a.name,
    industries: a.industries,
    values: {
      ...Priority.criteriaOf(a.industries, data),
      ...(a.challenge === undefined ? {} : { challenge: a.challenge })
    }
  }))
  const scored = Priority.score(candidates, {
    seed: input.seed ?? 1,
    ...(input.weights ? { weights: input.weights } : {})
  })
  return { year, analysis, shiftShare, scored }
}
