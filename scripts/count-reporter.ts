import type { Reporter, TestCase, TestModule } from "vitest/node"

/** Why a skipped test was skipped: the tag of the missing service, the note of `ctx.skip(note)`, or its mode. */
const reason = (test: TestCase): string => {
  const tags = test.project.config.tags ?? []
  const service = test.tags.map((name) => tags.find((tag) => tag.name === name)).find((tag) => tag?.skip === true)
  if (service !== undefined) return service.description ?? service.name
  const result = test.result()
  if (result.state === "skipped" && result.note !== undefined) return result.note
  return test.options.mode === "todo" ? "todo" : "skip or filter"
}

/**
 * Ends the run with the plain line CI reads: `tests: N passed, N failed, N skipped (reason: n, …)`, the skips
 * counted by reason so that none goes unnoticed.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    let passed = 0
    let failed = 0
    const skipped = new Map<string, number>()
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === "passed") passed++
        else if (state === "failed") failed++
        else skipped.set(reason(test), (skipped.get(reason(test)) ?? 0) + 1)
      }
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++
    }
    const total = [...skipped.values()].reduce((sum, n) => sum + n, 0)
    const reasons = [...skipped].map(([why, n]) => `${why}: ${n}`).join(", ")
    process.stdout.write(
      `\ntests: ${passed} passed, ${failed} failed, ${total} skipped${total > 0 ? ` (${reasons})` : ""}\n`
    )
  }
}
