import { innokraftProject } from "../../vitest.shared.js"

// Every sign-in costs an scrypt hash (tens of milliseconds, more on a loaded machine) and the browser tests drive
// Chromium: generous limits, which are not time measurements.
export default innokraftProject("web", { testTimeout: 60_000, hookTimeout: 120_000 })
