import type * as Complexity from "./Complexity.js"
import { numbers, Writer } from "./internal/jsonText.js"
import * as ResultLayout from "./internal/resultJson.js"
import { assemble, complexity, parseOptions, specialise } from "./internal/stages.js"
import type * as Matrix from "./Matrix.js"
import * as Relatedness from "./Relatedness.js"
import type { ResultJson } from "./schema.js"

/**
 * Options of {@link analyse} (and of `innokraft s3 analyse`); every field is optional. A value of the wrong kind is a
 * `MatrixError` that names the option.
 *
 * @since 0.1.0
 */
export interface Options {
  /** The year to analyse when the input is a panel; default the latest. */
  readonly year?: number | undefined
  /** z-score convention of ECI: `"population"` (py-ecomplexity, default) or `"sample"` (R). */
  readonly eciSd?: "population" | "sample" | undefined
  /** Whether relatedness density counts the industry itself: `"include"` (py-ecomplexity, default) or `"exclude"` (EconGeo). */
  readonly densityDiagonal?: Relatedness.Diagonal | undefined
  /** RCA threshold for M, > 0; default 1. */
  readonly threshold?: number | undefined
  /** Fitness–complexity iterations in economiccomplexity's sense, a whole number ≥ 1; default 20. */
  readonly fitnessIterations?: number | undefined
}

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
  const s = specialise(input, parseOptions(options))
  const proximity = Relatedness.proximity(s.mcp)
  return assemble(s, complexity(s), proximity, Relatedness.density(s.mcp, proximity, s.options.densityDiagonal))
}

/**
 * The `result.json` type; its zod schema, for validating a file, is `ResultJson` of `@innokraft/s3/schema`.
 *
 * @since 0.1.0
 */
export type { ResultJson } from "./schema.js"

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
export const toJsonText = (analysis: Analysis): string => new TextDecoder().decode(toJsonBytes(analysis))

/**
 * An {@link Analysis} as the UTF-8 bytes of `result.json`: the text of {@link toJsonText} without decoding it, ready to
 * be written to a file (decoding 40 MB and encoding it again costs a tenth of a second).
 *
 * @example
 * ```ts
 * writeFileSync("result.json", Analysis.toJsonBytes(Analysis.analyse(panel)))
 * ```
 * @since 0.1.0
 */
export const toJsonBytes = (analysis: Analysis): Uint8Array => {
  const layout = ResultLayout.make(analysis.rca)
  const w = new Writer(ResultLayout.estimate(layout))
  ResultLayout.head(w, layout, analysis)
  numbers(w, analysis.density.values, layout.rows, layout.columns)
  ResultLayout.tail(w, analysis.dropped)
  return w.result()
}
