import { defaultServerConditions } from "vite"
import { defineProject, type ViteUserConfig } from "vitest/config"

/** The export condition that points every `@innokraft/*` import at its TypeScript source, so tests need no build. */
const conditions = ["@innokraft/source", ...defaultServerConditions]

/**
 * The vitest project every workspace uses. File-based projects do not inherit the root `resolve`, so each one
 * calls this (toolchain.md §9.1).
 */
export const innokraftProject = (name: string, test: NonNullable<ViteUserConfig["test"]> = {}) =>
  defineProject({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      name,
      include: ["test/**/*.test.ts"],
      // Compute tests run in process; the slowest (property tests with hundreds of runs, the README's numbers) take
      // about a second on an idle core and up to 4–5 s on a core shared with a dozen busy processes: 30 s keeps them
      // from timing out on a busy machine, and suites that start processes or workers state more.
      testTimeout: 30_000,
      ...test
    }
  })
