import { defineConfig, type Options } from "tsup"

/** The build every published library shares: ESM + CJS, each with its own declarations, for Node 20. */
export const libraryBuild = (overrides: Options = {}) =>
  defineConfig({
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    ...overrides
  })
