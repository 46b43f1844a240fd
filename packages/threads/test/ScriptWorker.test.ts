import { once } from "node:events"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { ScriptWorker } from "../src/index.js"

const fixtures = pathToFileURL(`${import.meta.dirname}/fixtures/`)

describe("ScriptWorker.start", () => {
  it("runs the TypeScript script next to a .ts caller through tsx", async () => {
    const worker = ScriptWorker.start(new URL("caller.ts", fixtures).href, "./echo", { workerData: { n: 7 } })
    const [message] = await once(worker, "message")
    expect(message).toEqual({ square: 49, execArgv: ["--conditions=@innokraft/source"] })
    await worker.terminate()
  })

  it("runs the built .js script next to a .js caller with Node's default options", async () => {
    const worker = ScriptWorker.start(new URL("caller.js", fixtures).href, "./echo", { workerData: { n: 6 } })
    const [message] = await once(worker, "message")
    expect(message).toEqual({ square: 36, built: true, execArgv: [] })
    await worker.terminate()
  })

  it("reports a missing script as the worker's error", async () => {
    const worker = ScriptWorker.start(new URL("caller.js", fixtures).href, "./missing")
    const [error] = await once(worker, "error")
    expect(String(error)).toMatch(/missing\.js/)
  })
})
