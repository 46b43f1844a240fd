#!/usr/bin/env node
// A committed entry so that npm links the `innokraft` bin even before the first build (toolchain.md §10 #15).
import { existsSync } from "node:fs"

const main = new URL("../dist/main.js", import.meta.url)
if (!existsSync(main)) {
  process.stderr.write("innokraft: the CLI is not built yet; run `npm run build` in the repository first.\n")
  process.exit(1)
}
await import(main.href)
