import { libraryBuild } from "../../tsup.shared.js"

// The d3 modules are ESM-only: the ESM build imports them, the CJS build bundles them so that `require` works on
// Node 20 without `require(esm)`. Two configs so that each format gets its own treatment; only the first cleans.
export default [
  libraryBuild({ format: ["esm"] }),
  libraryBuild({ format: ["cjs"], clean: false, noExternal: [/^d3-/, /^internmap$/] })
]
