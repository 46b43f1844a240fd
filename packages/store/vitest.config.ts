import { innokraftProject } from "../../vitest.shared.js"

// The store suites share one PostgreSQL server and SQLite files, and Fault.test.ts starts importing child processes:
// run their files one after another, after the compute suites, with timeouts for migrations on a busy machine.
export default innokraftProject("store", { fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000 })
