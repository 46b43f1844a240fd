import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import { type Caller, isInside, member } from "./Caller.js"
import { requireMember } from "./internal/rights.js"
import { dialectOf, int, now, nullableString, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import type { Visibility } from "./Records.js"
import * as Runs from "./Runs.js"
import { Conflict, type Forbidden, type Invalid, NotFound } from "./StoreError.js"

/**
 * Where a job is: waiting, claimed by a worker, or finished one of three ways.
 *
 * @since 0.1.0
 */
export type JobStatus = "queued" | "running" | "done" | "failed" | "cancelled"

/**
 * A queued computation whose result becomes a run (`runId`) when it is done. Jobs live in the database, so that
 * every server process on it can take one; each job is claimed by one worker at a time.
 *
 * @since 0.1.0
 */
export interface Job {
  readonly id: string
  readonly organisationId: string
  readonly kind: Runs.RunKind
  readonly runId: string
  readonly status: JobStatus
  /** How many times a worker claimed it (more than 1 only after a worker died). */
  readonly attempts: number
  readonly worker?: string | undefined
  readonly visibility?: Visibility | undefined
  readonly input: unknown
  /** Why it failed (JSON, e.g. a problem with field paths). */
  readonly error?: unknown
  readonly createdAt: string
  readonly createdBy: string
  readonly startedAt?: string | undefined
  readonly finishedAt?: string | undefined
  readonly heartbeatAt?: string | undefined
}

/**
 * How a worker claims: at most `perOrganisation` running jobs of one organisation; a running job whose worker has
 * not sent a heartbeat for `staleAfterMs` goes back to the queue, or fails once it was claimed `maxAttempts` times.
 *
 * @since 0.1.0
 */
export interface ClaimOptions {
  readonly perOrganisation: number
  readonly staleAfterMs: number
  readonly maxAttempts: number
}

/**
 * @since 0.1.0
 */
export interface Service {
  /** Queues a computation in the caller's organisation (editor); `Conflict` when the run id is taken or queued. */
  readonly enqueue: (
    caller: Caller,
    job: {
      readonly kind: Runs.RunKind
      readonly runId: string
      readonly input: unknown
      readonly visibility?: Visibility | undefined
    }
  ) => Effect.Effect<Job, Forbidden | Invalid | Conflict | SqlError.SqlError>
  /** A job of the caller's organisation (members only; others get `NotFound`). */
  readonly get: (caller: Caller, id: string) => Effect.Effect<Job, NotFound | SqlError.SqlError>
  /** Cancels a queued or running job (editor); `Conflict` when it has finished. */
  readonly cancel: (
    caller: Caller,
    id: string
  ) => Effect.Effect<Job, Forbidden | NotFound | Conflict | SqlError.SqlError>
  /** Takes the oldest queued job for `worker`, first returning the jobs of dead workers to the queue. */
  readonly claim: (worker: string, options: ClaimOptions) => Effect.Effect<Job | undefined, SqlError.SqlError>
  /** Marks a running job as alive; answers its status (`cancelled` tells the worker to stop). */
  readonly heartbeat: (worker: string, id: string) => Effect.Effect<JobStatus | undefined, SqlError.SqlError>
  /**
   * Stores the result as the job's run (written by the job's creator) and marks the job done, in one transaction;
   * nothing happens when the job is no longer this worker's (cancelled, or reclaimed after a missed heartbeat).
   */
  readonly complete: (
    worker: string,
    id: string,
    result: unknown
  ) => Effect.Effect<Job | undefined, Forbidden | Invalid | Conflict | SqlError.SqlError>
  /** Marks this worker's running job failed with a JSON reason. */
  readonly fail: (worker: string, id: string, error: unknown) => Effect.Effect<Job | undefined, SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Jobs extends Context.Tag("@innokraft/store/Jobs")<Jobs, Service>() {}

const columns = `id, organisation_id, kind, run_id, status, attempts, worker, visibility, input, error, created_at,
  created_by, started_at, finished_at, heartbeat_at`

const toJob = (row: Record<string, unknown>): Job => ({
  id: String(row.id),
  organisationId: String(row.organisation_id),
  kind: row.kind as Runs.RunKind,
  runId: String(row.run_id),
  status: row.status as JobStatus,
  attempts: int(row.attempts),
  worker: nullableString(row.worker),
  visibility: nullableString(row.visibility) as Visibility | undefined,
  input: parseJson(row.input),
  error: row.error === null || row.error === undefined ? undefined : parseJson(row.error),
  createdAt: String(row.created_at),
  createdBy: String(row.created_by),
  startedAt: nullableString(row.started_at),
  finishedAt: nullableString(row.finished_at),
  heartbeatAt: nullableString(row.heartbeat_at)
})

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient | Runs.Runs> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const runs = yield* Runs.Runs
  const select = sql.unsafe(columns)

  const byId = (id: string) =>
    Effect.map(sql`SELECT ${select} FROM jobs WHERE id = ${id}`, (rows) =>
      rows[0] === undefined ? undefined : toJob(rows[0])
    )

  const enqueue: Service["enqueue"] = (caller, job) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "queueing a computation", "editor")
      const runId = yield* Validate.id("run", job.runId)
      const id = crypto.randomUUID()
      const at = now()
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const taken = yield* sql`SELECT id FROM runs WHERE organisation_id = ${who.organisationId} AND id = ${runId}
            UNION ALL SELECT run_id FROM jobs WHERE organisation_id = ${who.organisationId} AND run_id = ${runId}
              AND status IN ('queued', 'running')`
          if (taken.length > 0) {
            return yield* new Conflict({ entity: "run", id: runId, reason: "a run with this id exists or is queued" })
          }
          yield* sql`INSERT INTO jobs (id, organisation_id, kind, run_id, status, attempts, visibility, input,
              created_at, created_by)
            VALUES (${id}, ${who.organisationId}, ${job.kind}, ${runId}, 'queued', 0, ${job.visibility ?? null},
              ${JSON.stringify(job.input)}, ${at}, ${who.actor})`
          return (yield* byId(id))!
        })
      )
    })

  const get: Service["get"] = (caller, id) =>
    Effect.flatMap(byId(id), (job) =>
      job === undefined || !isInside(caller, job.organisationId)
        ? Effect.fail(new NotFound({ entity: "job", id }))
        : Effect.succeed(job)
    )

  const cancel: Service["cancel"] = (caller, id) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "cancelling a computation", "editor")
      const rows = yield* sql`UPDATE jobs SET status = 'cancelled', finished_at = ${now()}
        WHERE id = ${id} AND organisation_id = ${who.organisationId} AND status IN ('queued', 'running')
        RETURNING ${select}`
      if (rows[0] !== undefined) return toJob(rows[0])
      const job = yield* get(caller, id)
      return yield* new Conflict({ entity: "job", id, reason: `the job has already finished (${job.status})` })
    })

  const claim: Service["claim"] = (worker, options) =>
    Effect.gen(function* () {
      const at = now()
      const stale = new Date(Date.now() - options.staleAfterMs).toISOString()
      // A worker that stopped sending heartbeats died: its job runs again, or fails after maxAttempts claims.
      yield* sql`UPDATE jobs SET
          status = CASE WHEN attempts >= ${options.maxAttempts} THEN 'failed' ELSE 'queued' END,
          error = CASE WHEN attempts >= ${options.maxAttempts}
            THEN ${JSON.stringify({ detail: `the worker stopped answering ${options.maxAttempts} time(s)` })}
            ELSE NULL END,
          finished_at = CASE WHEN attempts >= ${options.maxAttempts} THEN ${at} ELSE NULL END,
          worker = NULL
        WHERE status = 'running' AND heartbeat_at <= ${stale}`
      // The oldest queued job of an organisation below its limit; on PostgreSQL, rows other workers are claiming
      // are skipped. The outer status check makes a claim exactly-once on both engines.
      const lock = dialectOf(sql) === "pg" ? sql.unsafe("FOR UPDATE SKIP LOCKED") : sql.unsafe("")
      const rows = yield* sql`UPDATE jobs SET status = 'running', worker = ${worker}, attempts = attempts + 1,
          started_at = ${at}, heartbeat_at = ${at}
        WHERE id = (
          SELECT j.id FROM jobs j WHERE j.status = 'queued'
            AND (SELECT count(*) FROM jobs r WHERE r.organisation_id = j.organisation_id AND r.status = 'running')
              < ${options.perOrganisation}
          ORDER BY j.created_at, j.id LIMIT 1 ${lock}
        ) AND status = 'queued'
        RETURNING ${select}`
      return rows[0] === undefined ? undefined : toJob(rows[0])
    })

  const heartbeat: Service["heartbeat"] = (worker, id) =>
    Effect.gen(function* () {
      yield* sql`UPDATE jobs SET heartbeat_at = ${now()} WHERE id = ${id} AND worker = ${worker}
        AND status = 'running'`
      return (yield* byId(id))?.status
    })

  const finish = (worker: string, id: string, status: "done" | "failed", error: unknown) =>
    Effect.map(
      sql`UPDATE jobs SET status = ${status}, finished_at = ${now()},
          error = ${error === undefined ? null : JSON.stringify(error)}
        WHERE id = ${id} AND worker = ${worker} AND status = 'running' RETURNING ${select}`,
      (rows) => (rows[0] === undefined ? undefined : toJob(rows[0]))
    )

  const complete: Service["complete"] = (worker, id, result) =>
    sql.withTransaction(
      Effect.gen(function* () {
        const job = yield* finish(worker, id, "done", undefined)
        if (job === undefined) return undefined
        // The run is written as the member who queued the job, as if the computation had answered at once.
        yield* runs.create(member(job.organisationId, "editor", job.createdBy), {
          id: job.runId,
          kind: job.kind,
          parameters: job.input,
          result,
          visibility: job.visibility
        })
        return job
      })
    )

  const fail: Service["fail"] = (worker, id, error) => finish(worker, id, "failed", error)

  return { enqueue, get, cancel, claim, heartbeat, complete, fail }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Jobs, never, SqlClient.SqlClient | Runs.Runs> = Layer.effect(Jobs, make)
