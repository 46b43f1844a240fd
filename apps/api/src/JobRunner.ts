import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import { Jobs } from "@innokraft/store"
import { Effect } from "effect"
import type { Compute } from "./Compute.js"
import type { Database } from "./Database.js"
import { ProblemError } from "./Problem.js"

/**
 * A server process's share of the job queue: it claims jobs from the database while its workers have room,
 * computes them on the pool, stores each result as its run, sends heartbeats (so that another process can take
 * over the job of a process that died) and stops a job that was cancelled.
 *
 * @since 0.1.0
 */
export interface JobRunner {
  /** This process's worker name in the jobs table. */
  readonly worker: string
  /** Looks for work now (after a job was queued through this process). */
  readonly wake: () => void
  /** Stops claiming; jobs under way are abandoned to the heartbeat rule. */
  readonly stop: () => void
}

/**
 * @since 0.1.0
 */
export interface JobRunnerOptions {
  /** Jobs computed at once by this process (the pool's threads). */
  readonly threads: number
  /** How often an idle runner looks for queued jobs. */
  readonly pollMs: number
  readonly claim: Jobs.ClaimOptions
}

/** The JSON a failed job keeps: the problem of its input, or a generic failure (the details go to the log). */
const reasonOf = (error: unknown) =>
  error instanceof ProblemError
    ? { status: error.status, detail: error.detail, ...(error.errors === undefined ? {} : { errors: error.errors }) }
    : { status: 500, detail: "The computation failed." }

/**
 * Starts claiming jobs.
 *
 * @since 0.1.0
 */
export const start = (db: Database, compute: Compute, options: JobRunnerOptions): JobRunner => {
  const worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const heartbeatMs = Math.max(50, Math.floor(options.claim.staleAfterMs / 3))
  let inFlight = 0
  let stopped = false
  let ticking = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const execute = async (job: Jobs.Job) => {
    const controller = new AbortController()
    const beat = setInterval(() => {
      db.run(Effect.flatMap(Jobs.Jobs, (j) => j.heartbeat(worker, job.id)))
        .then((status) => {
          // Cancelled, or given to another worker after a missed heartbeat: stop computing.
          if (status !== "running") controller.abort()
        })
        .catch(() => {})
    }, heartbeatMs)
    beat.unref()
    try {
      const result = await compute.run(null, { kind: job.kind, input: job.input }, controller.signal)
      await db.run(Effect.flatMap(Jobs.Jobs, (j) => j.complete(worker, job.id, result)))
    } catch (error) {
      if (!controller.signal.aborted) {
        await db.run(Effect.flatMap(Jobs.Jobs, (j) => j.fail(worker, job.id, reasonOf(error)))).catch(() => {})
      }
    } finally {
      clearInterval(beat)
    }
  }

  const tick = async () => {
    if (ticking || stopped) return
    ticking = true
    timer = undefined
    try {
      while (!stopped && inFlight < options.threads) {
        const job = await db
          .run(Effect.flatMap(Jobs.Jobs, (j) => j.claim(worker, options.claim)))
          .catch(() => undefined)
        if (job === undefined) break
        inFlight++
        void execute(job).finally(() => {
          inFlight--
          wake()
        })
      }
    } finally {
      ticking = false
    }
    if (!stopped && timer === undefined) {
      timer = setTimeout(tick, options.pollMs)
      timer.unref()
    }
  }

  const wake = () => {
    if (stopped || ticking) return
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    void tick()
  }

  void tick()
  return {
    worker,
    wake,
    stop: () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
    }
  }
}
