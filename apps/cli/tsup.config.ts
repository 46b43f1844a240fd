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
  // The store and the (private) API are bundled too: they share the CLI's copy of effect, and the API is not published
  // on its own. Native and driver modules stay outside.
  noExternal: [/^effect/, /^@effect\//, "picocolors", "@innokraft/store", "@innokraft/api", "@innokraft/web"],
  external: ["better-sqlite3", "pg"],
  treeshake: true,
  esbuildOptions(options) {
    // @effect/cli's YAML/TOML/INI parsers for config files, which innokraft does not use (see NoConfigFormats.ts)
    const none = "./src/internal/NoConfigFormats.ts"
    options.alias = { ...options.alias, yaml: none, toml: none, ini: none }
  }
})
