import { libraryBuild } from "../../tsup.shared.js"

// `node` is the Node-only subpath (`@innokraft/measure/node`); its worker threads run dist/internal/worker.{js,cjs},
// located from `import.meta.url` (shimmed in the CJS build).
export default libraryBuild({
  entry: ["src/index.ts", "src/node.ts", "src/internal/worker.ts"],
  dts: { entry: ["src/index.ts", "src/node.ts"] },
  shims: true
})
