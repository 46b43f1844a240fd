/**
 * Migration of older workspace formats to the current one. Version 1 is the pre-release draft format: one `region`
 * object instead of a `regions` list, `priorities` instead of `strengthAreas`, and project links as three id lists
 * (`goalIds`, `effortIds`, `priorityIds`) without weights.
 */

export const currentVersion = 2 as const
export const formatName = "innokraft-workspace" as const

export type MigrationResult =
  | { readonly ok: true; readonly document: Record<string, unknown>; readonly from: number }
  | { readonly ok: false; readonly path: string; readonly expectation: string }

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const v1ToV2 = (doc: Record<string, unknown>): Record<string, unknown> => {
  const { region, priorities, projects, version: _version, ...rest } = doc
  const out: Record<string, unknown> = { ...rest, format: formatName, version: 2 }
  if (region !== undefined) out.regions = [region]
  if (priorities !== undefined) out.strengthAreas = priorities
  if (Array.isArray(projects)) {
    out.projects = projects.map((project: unknown) => {
      if (!isObject(project)) return project
      const { goalIds, effortIds, priorityIds, ...p } = project
      const links: Array<{ kind: string; id: unknown }> = []
      const add = (kind: string, ids: unknown) => {
        if (Array.isArray(ids)) for (const id of ids) links.push({ kind, id })
      }
      add("goal", goalIds)
      add("effort", effortIds)
      add("strengthArea", priorityIds)
      return links.length > 0 ? { ...p, links } : p
    })
  }
  return out
}

/** Brings a parsed JSON document to the current version, or says why it cannot. */
export const migrate = (doc: unknown): MigrationResult => {
  if (!isObject(doc)) return { ok: false, path: "(document)", expectation: "expected a JSON object" }
  if (doc.format !== undefined && doc.format !== formatName) {
    return {
      ok: false,
      path: "format",
      expectation: `expected "${formatName}", found ${JSON.stringify(doc.format)}`
    }
  }
  const version = doc.version
  if (typeof version !== "number" || !Number.isInteger(version)) {
    return {
      ok: false,
      path: "version",
      expectation: `expected a format version 1–${currentVersion}, found ${JSON.stringify(version)}`
    }
  }
  if (version > currentVersion) {
    return {
      ok: false,
      path: "version",
      expectation: `expected a format version 1–${currentVersion}, found ${version}: this document is newer than this @innokraft/domain`
    }
  }
  if (version < 1) {
    return {
      ok: false,
      path: "version",
      expectation: `expected a format version 1–${currentVersion}, found ${version}`
    }
  }
  let current = doc
  if (version === 1) current = v1ToV2(current)
  return { ok: true, document: current, from: version }
}
