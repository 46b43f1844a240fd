import { z } from "@hono/zod-openapi"
import type { Jobs } from "@innokraft/store"

const bases = { measurement: "/v1/measure/runs", s3: "/v1/s3/analyses" } as const

/** A job as the API shows it: never its input (the run's parameters once it is done). */
export const jobView = (job: Jobs.Job) => ({
  id: job.id,
  kind: job.kind,
  runId: job.runId,
  status: job.status,
  attempts: job.attempts,
  createdAt: job.createdAt,
  startedAt: job.startedAt ?? null,
  finishedAt: job.finishedAt ?? null,
  error: job.error ?? null,
  run: job.status === "done" ? `${bases[job.kind]}/${encodeURIComponent(job.runId)}` : null
})

export const JobView = z
  .object({
    id: z.string(),
    kind: z.enum(["measurement", "s3"]),
    runId: z.string(),
    status: z.enum(["queued", "running", "done", "failed", "cancelled"]),
    attempts: z
      .number()
      .int()
      .openapi({ description: "Claims by a worker (2 or more: a worker died and it ran again)" }),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    error: z.unknown().openapi({ description: "Why it failed: a problem (status, detail, errors with field paths)" }),
    run: z.string().nullable().openapi({ description: "The stored run, once done" })
  })
  .openapi("Job")
