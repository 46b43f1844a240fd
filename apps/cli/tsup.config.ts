import { defineConfig } from "tsup"

export default defineConfig({
  entry: ["src/main.ts"],
  format: ["esm"],
  dts: false,
  sourcemap: false,
  clean: true,
  target: "node20",
  // Bundled CommonJS dependencies (yaml, via @effect/cli) call require(): give the ESM bundle one.
  banner: {
    js: '#!/usr/bin/env node\nimport { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);'
  },
  // Effect's barrels cost ~0.8 s of start-up when loaded from node_modules; bundled and tree-shaken they do not.
  noExternal: [/^effect/, /^@effect\//, "picocolors"],
  treeshake: true
})
