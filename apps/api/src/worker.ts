// The API's compute worker: measurement builds (with their uncertainty runs) and S3 analyses, off the event loop.
// Started by Compute.ts through @innokraft/threads' Pool; input errors come back as problems, not exceptions.
import { Pool } from "@innokraft/threads"
import type { Task, TaskResult } from "./Compute.js"
import { guard } from "./internal/compute.js"
import * as Measure from "./internal/measure.js"
import * as S3 from "./internal/s3.js"
import { ProblemError } from "./Problem.js"

Pool.serve((task: Task): TaskResult => {
  try {
    const result =
      task.kind === "measurement"
        ? guard("the measurement", () => {
            const input = task.input as Measure.MeasurementInput
            return Measure.summary(Measure.compute(input), input.reference)
          })
        : guard("the S3 analysis", () => {
            const input = task.input as S3.S3Input
            return S3.toResult(input, S3.compute(input))
          })
    return { ok: true, result }
  } catch (error) {
    if (error instanceof ProblemError) {
      return { ok: false, status: error.status, detail: error.detail, errors: error.errors }
    }
    throw error
  }
})
