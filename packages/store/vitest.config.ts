import { innokraftProject } from "../../vitest.shared.js"

// The store suites share one PostgreSQL server and SQLite files: run their files one after another.
export default innokraftProject("store", { fileParallelism: false, testTimeout: 30_000, hookTimeout: 60_000 })
