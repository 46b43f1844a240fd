import { currentVersion, migrate as migrateDocument } from "./internal/migrate.js"
import * as Problem from "./Problem.js"
import * as Workspace from "./Workspace.js"

/**
 * Options of {@link toJson}.
 *
 * @since 0.1.0
 */
export interface ExportOptions {
  /** Keep `contacts` (personal data). Default `false`: they are left out. */
  readonly includePersonalData?: boolean
  /** Indentation passed to `JSON.stringify`; default 2. */
  readonly indent?: number
}

/**
 * A workspace as JSON text in the current format version. Contacts (personal data) are left out unless asked for.
 *
 * @since 0.1.0
 */
export const toJson = (workspace: Workspace.Workspace, options: ExportOptions = {}): string => {
  const doc = options.includePersonalData ? workspace : Workspace.withoutPersonalData(workspace)
  return `${JSON.stringify({ ...doc, format: Workspace.format, version: Workspace.version }, null, options.indent ?? 2)}\n`
}

/**
 * Reads workspace JSON text of any supported format version: JSON syntax errors, an unknown format or version, shape
 * problems and rule problems all come back as problems with paths (see `Workspace.parse`).
 *
 * @since 0.1.0
 */
export const fromJson = (text: string): Workspace.ParseResult => {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      problems: [
        Problem.make([], "json", `expected JSON text: ${error instanceof Error ? error.message : String(error)}`)
      ]
    }
  }
  return Workspace.parse(json)
}

/**
 * The format versions this package reads; older ones are migrated. Version 1 is the pre-release draft format (a
 * single `region`, `priorities` for strength areas, project links as `goalIds` / `effortIds` / `priorityIds`).
 *
 * @since 0.1.0
 */
export const supportedVersions: ReadonlyArray<number> = Array.from({ length: currentVersion }, (_, i) => i + 1)

/**
 * Brings a parsed document of an older format version to the current one without checking it further, or returns
 * the problem that prevents it.
 *
 * @since 0.1.0
 */
export const migrate = (
  json: unknown
):
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly from: number }
  | { readonly ok: false; readonly problem: Problem.Problem } => {
  const result = migrateDocument(json)
  return result.ok ? result : { ok: false, problem: Problem.make(result.path, "format", result.expectation) }
}
