import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { join } from "node:path"

const main = join(import.meta.dirname, "../dist/main.js")
const bin = join(import.meta.dirname, "../bin/innokraft.js")

/** Runs the built `innokraft` binary as a user would and returns its real stdout, stderr and exit code. */
export const innokraft = (
  args: ReadonlyArray<string>,
  options: { cwd?: string; env?: Record<string, string | undefined> } = {}
) => {
  if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first (npm test does)`)
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    cwd: options.cwd,
    env: options.env ?? { ...process.env, NO_COLOR: "1" }
  })
  return { stdout: result.stdout, stderr: result.stderr, code: result.status }
}
