/**
 * The stages of `Analysis.analyse`, shared with `Analysis.runParallel` of `@innokraft/s3/node`, which computes the
 * relatedness in a worker thread while this thread runs the complexity stage.
 */
import type { Analysis, Options } from "../Analysis.js"
import * as Complexity from "../Complexity.js"
import * as Fitness from "../Fitness.js"
import * as LocationQuotient from "../LocationQuotient.js"
import * as Matrix from "../Matrix.js"
import { MatrixError } from "../MatrixError.js"
import type { Square } from "../Relatedness.js"

/** The options of `Analysis.analyse` after parsing (defaults filled in). */
export interface ParsedOptions {
  readonly year: number | undefined
  readonly eciSd: "population" | "sample"
  readonly densityDiagonal: "include" | "exclude"
  readonly threshold: number
  readonly fitnessIterations: number
}

const choice = <A extends string>(name: string, value: unknown, choices: ReadonlyArray<A>, fallback: A): A => {
  if (value === undefined) return fallback
  if (!choices.includes(value as A)) {
    throw new MatrixError(
      `${name}: expected ${choices.map((c) => `"${c}"`).join(" or ")}, found ${JSON.stringify(value)}`
    )
  }
  return value as A
}

const number = (name: string, value: unknown, valid: (x: number) => boolean, expected: string): number | undefined => {
  if (value === undefined) return undefined
  if (typeof value !== "number" || !valid(value))
    throw new MatrixError(`${name}: expected ${expected}, found ${JSON.stringify(value)}`)
  return value
}

/** Checks the options of `Analysis.analyse` (they may come from JavaScript or JSON) and fills in the defaults. */
export const parseOptions = (options: Options): ParsedOptions => ({
  year: number("year", options.year, Number.isInteger, "a whole number"),
  eciSd: choice("eciSd", options.eciSd, ["population", "sample"], "population"),
  densityDiagonal: choice("densityDiagonal", options.densityDiagonal, ["include", "exclude"], "include"),
  threshold: number("threshold", options.threshold, (x) => x > 0 && Number.isFinite(x), "a number > 0") ?? 1,
  fitnessIterations:
    number(
      "fitnessIterations",
      options.fitnessIterations,
      (x) => Number.isInteger(x) && x >= 1,
      "a whole number ≥ 1"
    ) ?? 20
})

/** What the first stage gives the others. */
export interface Specialised {
  readonly options: ParsedOptions
  readonly year: number | null
  readonly matrix: Matrix.Matrix
  readonly dropped: Matrix.Dropped
  readonly rca: Matrix.Matrix
  readonly mcp: Matrix.Grid<Uint8Array>
}

/** The first stage: the year, empty rows and columns dropped, RCA and M. */
export const specialise = (input: Matrix.Matrix | Matrix.Panel, options: ParsedOptions): Specialised => {
  let year: number | null = null
  let m: Matrix.Matrix
  if ("years" in input) {
    m = Matrix.year(input, options.year)
    year = options.year ?? input.years[input.years.length - 1] ?? null
  } else {
    m = input
  }
  const { matrix, dropped } = Matrix.dropEmpty(m)
  const rca = LocationQuotient.of(matrix)
  const mcp = LocationQuotient.presence(matrix, { threshold: options.threshold })
  return { options, year, matrix, dropped, rca, mcp }
}

/** The second stage: ECI/PCI, fitness, diversity and ubiquity. */
export const complexity = (s: Specialised) => ({
  eci: Complexity.eci(s.mcp, { sd: s.options.eciSd }),
  fitness: Fitness.of(s.mcp, { iterations: s.options.fitnessIterations }),
  diversity: LocationQuotient.diversity(s.mcp),
  ubiquity: LocationQuotient.ubiquity(s.mcp)
})

/** The analysis from the stages and the relatedness (computed here or in a worker). */
export const assemble = (
  s: Specialised,
  c: ReturnType<typeof complexity>,
  proximity: Square,
  density: Matrix.Grid<Float64Array>
): Analysis => ({
  year: s.year,
  matrix: s.matrix,
  dropped: s.dropped,
  rca: s.rca,
  mcp: s.mcp,
  diversity: c.diversity,
  ubiquity: c.ubiquity,
  eci: c.eci,
  fitness: c.fitness,
  proximity,
  density,
  warnings: c.eci.warnings
})
