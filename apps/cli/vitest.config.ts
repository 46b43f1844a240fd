import { innokraftProject } from "../../vitest.shared.js"

// Each test starts the built CLI one or more times (0.5–1 s per start on an idle core, several times that on a busy
// one), so the timeout allows for a dozen starts under load; the files run one at a time, after the compute suites,
// so that their child processes do not compete with each other for the cores.
export default innokraftProject("cli", { fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 })
