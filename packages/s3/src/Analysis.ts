import { z } from "zod"
import * as Complexity from "./Complexity.js"
import * as Fitness from "./Fitness.js"
import { bits, keyOrder, keys, numbers, Writer } from "./internal/jsonText.js"
import * as LocationQuotient from "./LocationQuotient.js"
import * as Matrix from "./Matrix.js"
import * as Relatedness from "./Relatedness.js"

/**
 * Options of {@link analyse} (and of `innokraft s3 analyse`).
 *
 * @since 0.1.0
 */
export const Options = z.object({
  /** The year to analyse when the input is a panel; default the latest. */
  year: z.number().int().optional(),
  /** z-score convention of ECI: `"population"` (py-ecomplexity, default) or `"sample"` (R). */
  eciSd: z.enum(["population", "sample"]).default("population"),
  /** Whether relatedness density counts the industry itself: `"include"` (py-ecomplexity, default) or `"exclude"` (EconGeo). */
  densityDiagonal: z.enum(["include", "exclude"]).default("include"),
  /** RCA threshold for M; default 1. */
  threshold: z.number().positive().default(1),
  /** Fitness–complexity iterations in economiccomplexity's sense; default 20. */
  fitnessIterations: z.number().int().min(1).default(20)
})

/**
 * Options of {@link analyse} as written by a caller (every field optional).
 *
 * @since 0.1.0
 */
export type Options = z.input<typeof Options>

/**
 * Everything {@link analyse} computes, as typed arrays with their labels.
 *
 * @since 0.1.0
 */
export interface Analysis {
  /** The year analysed (`null` for a matrix without years). */
  readonly year: number | null
  /** The matrix after dropping empty rows and columns. */
  readonly matrix: Matrix.Matrix
  readonly dropped: Matrix.Dropped
  readonly rca: Matrix.Matrix
  readonly mcp: Matrix.Grid<Uint8Array>
  readonly diversity: Matrix.Vector
  readonly ubiquity: Matrix.Vector
  readonly eci: Complexity.Eci
  readonly fitness: { readonly fitness: Matrix.Vector; readonly complexity: Matrix.Vector }
  readonly proximity: Relatedness.Square
  readonly density: Matrix.Grid<Float64Array>
  readonly warnings: ReadonlyArray<string>
}

/**
 * The whole standard S3 analysis of one region × industry matrix: drop empty rows and columns (reported), RCA/LQ, M,
 * diversity and ubiquity, ECI/PCI (eigenvector method), fitness–complexity, proximity and relatedness density — with
 * the peers' default conventions unless the options say otherwise. Convert with {@link toJson} for `result.json`.
 *
 * @example
 * ```ts
 * const panel = Matrix.fromLongCsv(text, { source: "matrix.csv" })
 * const result = Analysis.analyse(panel, { year: 2017, eciSd: "population", densityDiagonal: "include" })
 * const json = Analysis.toJson(result)
 * ```
 * @since 0.1.0
 */
export const analyse = (input: Matrix.Matrix | Matrix.Panel, options: Options = {}): Analysis => {
  const o = Options.parse(options)
  let year: number | null = null
  let m: Matrix.Matrix
  if ("years" in input) {
    m = Matrix.year(input, o.year)
    year = o.year ?? input.years[input.years.length - 1] ?? null
  } else {
    m = input
  }
  const { matrix, dropped } = Matrix.dropEmpty(m)
  const rca = LocationQuotient.of(matrix)
  const mcp = LocationQuotient.presence(matrix, { threshold: o.threshold })
  const eci = Complexity.eci(mcp, { sd: o.eciSd })
  const fitness = Fitness.of(mcp, { iterations: o.fitnessIterations })
  const proximity = Relatedness.proximity(mcp)
  const density = Relatedness.density(mcp, proximity, o.densityDiagonal)
  return {
    year,
    matrix,
    dropped,
    rca,
    mcp,
    diversity: LocationQuotient.diversity(mcp),
    ubiquity: LocationQuotient.ubiquity(mcp),
    eci,
    fitness,
    proximity,
    density,
    warnings: eci.warnings
  }
}

const nested = z.record(z.string(), z.record(z.string(), z.number().nullable()))
const flat = z.record(z.string(), z.number().nullable())

/**
 * The shape of `result.json` written by `innokraft s3 analyse`. NaN (e.g. the ECI of a region with diversity 0 when
 * the threshold is above 1) is written as `null`.
 *
 * @since 0.1.0
 */
export const ResultJson = z.object({
  rca: nested,
  mcp: z.record(z.string(), z.record(z.string(), z.union([z.literal(0), z.literal(1)]))),
  diversity: flat,
  ubiquity: flat,
  eci: flat,
  pci: flat,
  fitness: flat,
  complexity_fc: flat,
  density: nested,
  dropped: z.object({ regions: z.array(z.string()), industries: z.array(z.string()) })
})

/**
 * The `result.json` type.
 *
 * @since 0.1.0
 */
export type ResultJson = z.infer<typeof ResultJson>

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null)

const vector = (v: Matrix.Vector): Record<string, number | null> => {
  const out: Record<string, number | null> = {}
  v.labels.forEach((label, k) => {
    out[label] = finite(v.values[k]!)
  })
  return out
}

const grid = <A extends Float64Array | Uint8Array>(
  g: Matrix.Grid<A>
): Record<string, Record<string, number | null>> => {
  const I = g.industries.length
  const out: Record<string, Record<string, number | null>> = {}
  g.regions.forEach((region, r) => {
    const row: Record<string, number | null> = {}
    for (let i = 0; i < I; i++) row[g.industries[i]!] = finite(g.values[r * I + i]!)
    out[region] = row
  })
  return out
}

/**
 * An {@link Analysis} as the `result.json` object:
 * `{ rca, mcp, diversity, ubiquity, eci, pci, fitness, complexity_fc, density, dropped }`, keyed by region and
 * industry labels. `JSON.stringify` it to write the file.
 *
 * @since 0.1.0
 */
export const toJson = (analysis: Analysis): ResultJson => ({
  rca: grid(analysis.rca),
  mcp: grid(analysis.mcp) as Record<string, Record<string, 0 | 1>>,
  diversity: vector(analysis.diversity),
  ubiquity: vector(analysis.ubiquity),
  eci: vector(analysis.eci.eci),
  pci: vector(analysis.eci.pci),
  fitness: vector(analysis.fitness.fitness),
  complexity_fc: vector(analysis.fitness.complexity),
  density: grid(analysis.density),
  dropped: { regions: [...analysis.dropped.regions], industries: [...analysis.dropped.industries] }
})

const vectorText = (v: Matrix.Vector): string => {
  const order = keyOrder(v.labels)
  const parts = new Array<string>(order.length)
  order.forEach((k, position) => {
    const x = v.values[k]!
    parts[position] =
      `${position === 0 ? "" : ","}${JSON.stringify(v.labels[k])}:${Number.isFinite(x) ? String(x) : "null"}`
  })
  return `{${parts.join("")}}`
}

/**
 * An {@link Analysis} as the `result.json` text, equal to `JSON.stringify(toJson(analysis))` (same keys in the same
 * order, same numbers, NaN as `null`) but written straight from the typed arrays into one byte buffer, without an object per region or a
 * string per cell: several times faster and with a fraction of the memory for large matrices. (A label `"__proto__"` is
 * written as a key here, while `toJson` cannot hold it as an own key.)
 *
 * @example
 * ```ts
 * const text = Analysis.toJsonText(Analysis.analyse(Matrix.fromLongCsv(csv)))
 * ```
 * @since 0.1.0
 */
export const toJsonText = (analysis: Analysis): string => {
  const rows = keys(analysis.rca.regions)
  const columns = keys(analysis.rca.industries)
  const buffer = Array.from({ length: analysis.rca.industries.length }, () => 0.5)
  const w = new Writer()
  w.ensure(analysis.rca.values.length * 40)
  w.text('{"rca":')
  numbers(w, analysis.rca.values, rows, columns, buffer)
  w.text(',"mcp":')
  bits(w, analysis.mcp.values, rows, columns)
  w.text(
    `,"diversity":${vectorText(analysis.diversity)},"ubiquity":${vectorText(analysis.ubiquity)},"eci":${vectorText(
      analysis.eci.eci
    )},"pci":${vectorText(analysis.eci.pci)},"fitness":${vectorText(analysis.fitness.fitness)},"complexity_fc":${vectorText(
      analysis.fitness.complexity
    )},"density":`
  )
  numbers(w, analysis.density.values, rows, columns, buffer)
  w.text(
    `,"dropped":${JSON.stringify({ regions: analysis.dropped.regions, industries: analysis.dropped.industries })}}`
  )
  return w.toString()
}
