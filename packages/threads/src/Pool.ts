import { parentPort, type Worker } from "node:worker_threads"
import * as ScriptWorker from "./ScriptWorker.js"

/**
 * A bounded pool of worker threads running one script: at most `size` tasks run at once, at most `maxQueue` wait.
 *
 * @since 0.1.0
 */
export interface Pool<I, O> {
  /**
   * Runs one task on an idle worker, or queues it. Rejects with {@link QueueFull} when the queue is full, with an
   * `AbortError` when `signal` aborts (a running task's worker is terminated and replaced), and with the worker's
   * error when the task throws or the worker dies.
   */
  readonly run: (input: I, options?: { readonly signal?: AbortSignal | undefined }) => Promise<O>
  /** Tasks running now. */
  readonly running: () => number
  /** Tasks waiting for a worker. */
  readonly queued: () => number
  /** Terminates every worker; queued tasks are rejected. */
  readonly close: () => Promise<void>
}

/**
 * The error of a task refused because the pool's queue is full.
 *
 * @since 0.1.0
 */
export class QueueFull extends Error {
  override readonly name = "QueueFull"
  constructor(readonly maxQueue: number) {
    super(`the worker pool's queue is full (${maxQueue} tasks wait)`)
  }
}

interface Task<I, O> {
  readonly id: number
  readonly input: I
  readonly signal: AbortSignal | undefined
  readonly resolve: (value: O) => void
  readonly reject: (error: unknown) => void
  readonly onAbort: () => void
}

interface Slot {
  readonly worker: Worker
  task: Task<unknown, unknown> | undefined
}

type Reply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { id: number; ok: false; error: string }

const abortError = () => new DOMException("The task was aborted.", "AbortError")

/**
 * A pool over the worker script `script` (a path without extension relative to the calling module, started by
 * {@link ScriptWorker.start}, so the built `.js` or the `.ts` source). The script answers tasks with
 * {@link serve}. Workers start on demand and are replaced when they die or a running task is aborted; idle workers
 * do not keep the process alive.
 *
 * @example
 * ```ts
 * const pool = Pool.make<Job, Result>(import.meta.url, "./worker", { size: 2, maxQueue: 100 })
 * const result = await pool.run(job, { signal })
 * ```
 * @since 0.1.0
 */
export const make = <I, O>(
  caller: string,
  script: string,
  options: { readonly size: number; readonly maxQueue: number }
): Pool<I, O> => {
  const slots: Array<Slot> = []
  const queue: Array<Task<I, O>> = []
  let next = 0
  let closed = false

  const finish = (slot: Slot) => {
    slot.task?.signal?.removeEventListener("abort", slot.task.onAbort)
    slot.task = undefined
    slot.worker.unref()
    dispatch()
  }

  const retire = (slot: Slot, error: unknown) => {
    const index = slots.indexOf(slot)
    if (index < 0) return
    slots.splice(index, 1)
    const task = slot.task
    slot.task = undefined
    void slot.worker.terminate()
    if (task !== undefined) {
      task.signal?.removeEventListener("abort", task.onAbort)
      task.reject(error)
    }
    dispatch()
  }

  const spawn = (): Slot => {
    const worker = ScriptWorker.start(caller, script)
    const slot: Slot = { worker, task: undefined }
    worker.on("message", (reply: Reply) => {
      const task = slot.task
      if (task === undefined || reply.id !== task.id) return
      if (reply.ok) task.resolve(reply.value as never)
      else task.reject(new Error(reply.error))
      finish(slot)
    })
    worker.on("error", (error) => retire(slot, error))
    worker.on("exit", (code) => retire(slot, new Error(`the worker exited with code ${code}`)))
    slots.push(slot)
    return slot
  }

  const dispatch = () => {
    while (queue.length > 0) {
      const slot = slots.find((s) => s.task === undefined) ?? (slots.length < options.size ? spawn() : undefined)
      if (slot === undefined) return
      const task = queue.shift()!
      slot.task = task as Task<unknown, unknown>
      slot.worker.ref()
      slot.worker.postMessage({ id: task.id, input: task.input })
    }
  }

  const run: Pool<I, O>["run"] = (input, runOptions) =>
    new Promise<O>((resolve, reject) => {
      const signal = runOptions?.signal
      if (closed) return reject(new Error("the worker pool is closed"))
      if (signal?.aborted) return reject(abortError())
      if (queue.length >= options.maxQueue) return reject(new QueueFull(options.maxQueue))
      const task: Task<I, O> = {
        id: next++,
        input,
        signal,
        resolve,
        reject,
        onAbort: () => {
          const waiting = queue.indexOf(task)
          if (waiting >= 0) {
            queue.splice(waiting, 1)
            reject(abortError())
            return
          }
          const slot = slots.find((s) => s.task === task)
          if (slot !== undefined) retire(slot, abortError())
        }
      }
      signal?.addEventListener("abort", task.onAbort, { once: true })
      queue.push(task)
      dispatch()
    })

  return {
    run,
    running: () => slots.filter((s) => s.task !== undefined).length,
    queued: () => queue.length,
    close: async () => {
      closed = true
      for (const task of queue.splice(0)) task.reject(new Error("the worker pool is closed"))
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()))
    }
  }
}

/**
 * The worker side of a {@link Pool}: answers each task with `handle(input)`; a thrown error is sent back as its
 * message (so a handler that needs typed errors returns them as values).
 *
 * @example
 * ```ts
 * // src/worker.ts
 * Pool.serve((job: Job) => compute(job))
 * ```
 * @since 0.1.0
 */
export const serve = <I, O>(handle: (input: I) => O | Promise<O>): void => {
  const port = parentPort
  if (port === null) throw new Error("Pool.serve runs in a worker thread started by Pool.make")
  port.on("message", async ({ id, input }: { id: number; input: I }) => {
    try {
      port.postMessage({ id, ok: true, value: await handle(input) })
    } catch (error) {
      port.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) })
    }
  })
}
