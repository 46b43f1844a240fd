import type { Runs } from "@innokraft/store"
import { Pool } from "@innokraft/threads"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import { type FieldError, ProblemError } from "./Problem.js"

/**
 * One computation for the worker pool: the POST body of a measurement run or an S3 analysis (already validated).
 *
 * @since 0.1.0
 */
export interface Task {
  readonly kind: Runs.RunKind
  readonly input: unknown
}

/**
 * A computation's outcome as the worker sends it: the stored result, or the problem its input has.
 *
 * @since 0.1.0
 */
export type TaskResult =
  | { readonly ok: true; readonly result: unknown }
  | {
      readonly ok: false
      readonly status: ContentfulStatusCode
      readonly detail: string
      readonly errors?: ReadonlyArray<FieldError> | undefined
    }

/**
 * The server's computations off the event loop: a bounded pool of worker threads with a queue, and a limit of
 * computations per organisation at once, so that one tenant cannot occupy every worker.
 *
 * @since 0.1.0
 */
export interface Compute {
  /**
   * Computes on a worker; a problem of the input is thrown as a {@link ProblemError} (400), a full queue or an
   * organisation at its limit as 503 or 429 with `Retry-After`. Jobs pass no organisation: the database's queue
   * keeps them to the limit.
   */
  readonly run: (organisationId: string | null, task: Task, signal?: AbortSignal) => Promise<unknown>
  readonly close: () => Promise<void>
}

/**
 * The pool's size and limits.
 *
 * @since 0.1.0
 */
export interface ComputeOptions {
  /** Worker threads (default: 1; the event loop keeps the other core). */
  readonly threads: number
  /** Computations waiting for a worker before new ones are refused with 503. */
  readonly maxQueue: number
  /** Computations of one organisation running or waiting at once before new ones are refused with 429. */
  readonly perOrganisation: number
}

const outcomeOf = (outcome: TaskResult): unknown => {
  if (!outcome.ok) throw new ProblemError(outcome.status, outcome.detail, outcome.errors)
  return outcome.result
}

/**
 * Starts the pool (workers start on the first computation).
 *
 * @since 0.1.0
 */
export const make = (options: ComputeOptions): Compute => {
  const pool = Pool.make<Task, TaskResult>(import.meta.url, "./worker", {
    size: options.threads,
    maxQueue: options.maxQueue
  })
  const active = new Map<string, number>()
  return {
    run: async (organisationId, task, signal) => {
      if (organisationId === null) return outcomeOf(await pool.run(task, { signal }))
      const mine = active.get(organisationId) ?? 0
      if (mine >= options.perOrganisation) {
        throw new ProblemError(
          429,
          `The organisation already has ${mine} computations running or waiting (the limit is ${options.perOrganisation}); try again when one has finished.`,
          undefined,
          { "retry-after": "5" }
        )
      }
      active.set(organisationId, mine + 1)
      try {
        const outcome = await pool.run(task, { signal }).catch((error: unknown) => {
          if (error instanceof Pool.QueueFull) {
            throw new ProblemError(503, `The server is busy: ${error.message}; try again later.`, undefined, {
              "retry-after": "10"
            })
          }
          throw error
        })
        return outcomeOf(outcome)
      } finally {
        const left = (active.get(organisationId) ?? 1) - 1
        if (left === 0) active.delete(organisationId)
        else active.set(organisationId, left)
      }
    },
    close: () => pool.close()
  }
}
