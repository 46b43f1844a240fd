import { defineConfig } from "tsup"

export default defineConfig({
  // worker.ts is the compute pool's script, started from dist/worker.js next to the bundle.
  entry: ["src/main.ts", "src/index.ts", "src/worker.ts"],
  format: ["esm"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "node20"
})
