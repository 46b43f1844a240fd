import { libraryBuild } from "../../tsup.shared.js"

// `schema` is the zod schema of result.json, a subpath so that the computations load without zod. `node` is the
// Node-only subpath (`@innokraft/s3/node`); its worker thread runs dist/internal/worker.{js,cjs},
// located from `import.meta.url` (shimmed in the CJS build).
export default libraryBuild({
  entry: ["src/index.ts", "src/node.ts", "src/schema.ts", "src/internal/worker.ts"],
  dts: { entry: ["src/index.ts", "src/node.ts", "src/schema.ts"] },
  shims: true
})
