import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { Pool } from "../src/index.js"

const caller = new URL("caller.ts", pathToFileURL(`${import.meta.dirname}/fixtures/`)).href

type Task = { op: "square"; n: number } | { op: "throw" } | { op: "exit" } | { op: "spin" }

describe("Pool", () => {
  const pool = Pool.make<Task, number>(caller, "./pool", { size: 2, maxQueue: 3 })
  afterAll(() => pool.close())

  it("runs tasks on at most `size` workers and queues the rest", async () => {
    const results = Promise.all([1, 2, 3, 4].map((n) => pool.run({ op: "square", n })))
    expect(pool.running()).toBe(2)
    expect(pool.queued()).toBe(2)
    expect(await results).toEqual([1, 4, 9, 16])
    expect(pool.running()).toBe(0)
  }, 60_000)

  it("refuses a task when the queue is full", async () => {
    const controller = new AbortController()
    const busy = [0, 1, 2, 3, 4].map(() => pool.run({ op: "spin" }, { signal: controller.signal }).catch((e) => e))
    await expect(pool.run({ op: "square", n: 2 })).rejects.toBeInstanceOf(Pool.QueueFull)
    controller.abort()
    for (const error of await Promise.all(busy)) expect((error as Error).name).toBe("AbortError")
    expect(pool.running() + pool.queued()).toBe(0)
    // The terminated workers were replaced.
    expect(await pool.run({ op: "square", n: 5 })).toBe(25)
  }, 60_000)

  it("passes a task's error and survives a worker that dies", async () => {
    await expect(pool.run({ op: "throw" })).rejects.toThrow("the task failed on purpose")
    await expect(pool.run({ op: "exit" })).rejects.toThrow("exited with code 3")
    expect(await pool.run({ op: "square", n: 3 })).toBe(9)
  }, 60_000)
})
