import { innokraftProject } from "../../vitest.shared.js"

// The API suites run the app in process over real SQLite (and PostgreSQL), start the built server as a child process
// and drive Chromium: the files run one at a time, after the compute suites, with timeouts that allow for migrations,
// seeding and a server start on a busy machine.
export default innokraftProject("api", { fileParallelism: false, testTimeout: 60_000, hookTimeout: 120_000 })
