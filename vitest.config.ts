import { existsSync } from "node:fs"
import { defineConfig } from "vitest/config"

/** Where the browser tests find Chromium (Debian's package; `.ci/run` installs it). */
export const chromiumPath = "/usr/bin/chromium"

export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
    reporters: ["default", "./scripts/count-reporter.ts"],
    // Tests that need a service carry its tag; without the service they are registered, skipped, and counted by
    // the description below in the closing line of scripts/count-reporter.ts (projects inherit these tags).
    tags: [
      {
        name: "postgresql",
        description: "no PostgreSQL (INNOKRAFT_TEST_PG_URL not set)",
        // biome-ignore lint/suspicious/noUndeclaredEnvVars: read by vitest, which turbo does not run
        skip: !process.env.INNOKRAFT_TEST_PG_URL
      },
      {
        name: "chromium",
        description: `no Chromium at ${chromiumPath}`,
        skip: !existsSync(chromiumPath)
      }
    ]
  }
})
