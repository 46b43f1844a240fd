import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Effect } from "effect"
import { exitCode, run } from "./Cli.js"

/** Resolves once everything written to `stream` so far has been handed to the system (or the stream has failed). */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()))

run(process.argv).pipe(
  Effect.provide(NodeContext.layer),
  NodeRuntime.runMain({
    disableErrorReporting: true,
    // Exit as soon as the output is flushed: letting the event loop drain would first tear down the heap, which
    // takes ~70 ms after a large analysis. Flushing first matters where pipes are asynchronous (macOS).
    teardown: (exit) => {
      const code = exitCode(exit)
      void Promise.all([flushed(process.stdout), flushed(process.stderr)]).then(() => process.exit(code))
    }
  })
)
