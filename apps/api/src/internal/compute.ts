import { CsvError } from "@innokraft/csv"
import { DocumentError, TransitionError } from "@innokraft/loop"
import { MeasureError } from "@innokraft/measure"
import { MatrixError } from "@innokraft/s3"
import { ZodError } from "zod"
import { fieldErrors, ProblemError } from "../Problem.js"

/** A problem path of the compute packages (`a.b[2].c`) as segments. */
export const pathOf = (path: string): ReadonlyArray<string | number> =>
  path
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p))

/**
 * Runs a computation on request input; the compute packages' input errors become 400 problems naming the field,
 * file line or column, and an illegal loop move a 409.
 */
export const guard = <A>(what: string, f: () => A): A => {
  try {
    return f()
  } catch (error) {
    if (error instanceof ProblemError) throw error
    if (error instanceof CsvError) {
      throw new ProblemError(400, error.message, [
        {
          path: [error.source, error.line, ...(error.column === undefined ? [] : [error.column])],
          message: error.detail
        }
      ])
    }
    if (error instanceof MeasureError) {
      throw new ProblemError(400, `${what}: ${error.message}`, [{ path: pathOf(error.path), message: error.detail }])
    }
    if (error instanceof DocumentError) {
      throw new ProblemError(
        400,
        `${what}: ${error.problems.length} problem(s) in the document`,
        error.problems.map((p) => ({ path: pathOf(String(p.path)), message: p.message }))
      )
    }
    if (error instanceof TransitionError) throw new ProblemError(409, error.message)
    if (error instanceof ZodError) throw new ProblemError(400, `${what}: invalid input`, fieldErrors(error))
    if (error instanceof MatrixError || error instanceof RangeError) {
      throw new ProblemError(400, `${what}: ${error.message}`)
    }
    throw error
  }
}
