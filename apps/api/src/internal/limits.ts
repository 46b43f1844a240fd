import { ProblemError } from "../Problem.js"
import type { MeasurementInput } from "./measure.js"
import type { S3Input } from "./s3.js"

/** The largest computations the server accepts (from the configuration). */
export interface Limits {
  /** Regions × industries of one S3 matrix. */
  readonly s3Cells: number
  /** Units × indicators × periods of a measurement's data. */
  readonly measureCells: number
  /** Runs of an uncertainty analysis. */
  readonly uncertaintyRuns: number
  /** Iterations of the fitness–complexity algorithm. */
  readonly fitnessIterations: number
}

const refuse = (setting: string, what: string, size: number, limit: number, path: ReadonlyArray<string>) =>
  new ProblemError(
    422,
    `${what} is ${size.toLocaleString("en")}, above this server's limit ${setting}=${limit.toLocaleString("en")}; make the request smaller.`,
    [{ path, message: `at most ${limit} (${setting})` }]
  )

/** The columns of a CSV text's header line (COINr's iData: one column per indicator). */
const csvShape = (text: string): { rows: number; columns: number } => {
  const header = text.slice(0, Math.max(0, text.indexOf("\n"))) || text
  let rows = 0
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) rows++
  return { rows, columns: header.split(/[,;\t]/).length }
}

/**
 * Throws 422 naming the limit when a measurement is larger than the server computes; else returns its work in
 * cell passes (cells × (1 + uncertainty runs)).
 */
export const checkMeasurement = (input: MeasurementInput, limits: Limits): number => {
  const runs = input.uncertainty?.runs ?? 0
  if (runs > limits.uncertaintyRuns) {
    throw refuse("MAX_UNCERTAINTY_RUNS", "The number of uncertainty runs", runs, limits.uncertaintyRuns, [
      "uncertainty",
      "runs"
    ])
  }
  const source = input.source
  let cells: number
  if (source.kind === "coinr") {
    const shape = csvShape(source.iData)
    cells = shape.rows * shape.columns
  } else {
    const codes = new Set<string>()
    for (const period of source.indicators) for (const unit of Object.values(period)) for (const c in unit) codes.add(c)
    cells = source.units.length * Math.max(1, codes.size) * source.periods.length
  }
  if (cells > limits.measureCells) {
    throw refuse("MAX_MEASURE_CELLS", "Units × indicators × periods", cells, limits.measureCells, ["source"])
  }
  return cells * (1 + runs)
}

/**
 * Throws 422 naming the limit when an S3 analysis is larger than the server computes; else returns its work in
 * cell passes (cells × (years + fitness iterations)).
 */
export const checkS3 = (input: S3Input, limits: Limits): number => {
  const cells = input.regions.length * input.industries.length
  if (cells > limits.s3Cells) {
    throw refuse("MAX_S3_CELLS", "Regions × industries", cells, limits.s3Cells, ["regions"])
  }
  const iterations = input.options?.fitnessIterations ?? 0
  if (iterations > limits.fitnessIterations) {
    throw refuse("MAX_FITNESS_ITERATIONS", "The fitness iterations", iterations, limits.fitnessIterations, [
      "options",
      "fitnessIterations"
    ])
  }
  return cells * (input.years.length + iterations)
}
