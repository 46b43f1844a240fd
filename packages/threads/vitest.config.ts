import { innokraftProject } from "../../vitest.shared.js"

// Each test starts a worker thread (through tsx for TypeScript scripts, ~1 s on a busy core): run the file after the
// compute suites, with a timeout that allows for a slow start.
export default innokraftProject("threads", { fileParallelism: false, testTimeout: 30_000 })
