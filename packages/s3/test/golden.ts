import { readFileSync } from "node:fs"
import { join } from "node:path"

/** Shared data folder (outside the repository). */
export const shared = join(import.meta.dirname, "../../../../shared/data")

export const readShared = (path: string): string => readFileSync(join(shared, path), "utf8")

export interface Expected {
  readonly rca: Record<string, Record<string, number>>
  readonly mcp: Record<string, Record<string, number>>
  readonly diversity: Record<string, number>
  readonly ubiquity: Record<string, number>
  readonly eci: Record<string, number>
  readonly pci: Record<string, number>
  readonly fitness: Record<string, number>
  readonly complexity_fc: Record<string, number>
  readonly proximity?: Record<string, Record<string, number>>
  readonly density?: Record<string, Record<string, number>>
}

export const expected = (name: string): Expected => JSON.parse(readShared(`s3-reference/expected-${name}.json`))

/** Largest absolute difference between a computed record and the expected one, over the expected keys. */
export const maxDiff = (actual: Readonly<Record<string, number>>, wanted: Readonly<Record<string, number>>): number => {
  let max = 0
  const keys = Object.keys(wanted)
  if (keys.length !== Object.keys(actual).length) return Number.POSITIVE_INFINITY
  for (const key of keys) {
    const a = actual[key]
    if (a === undefined) return Number.POSITIVE_INFINITY
    const d = Math.abs(a - wanted[key]!)
    if (!(d <= max)) max = d
  }
  return max
}

export const maxDiff2 = (
  actual: Readonly<Record<string, Readonly<Record<string, number>>>>,
  wanted: Readonly<Record<string, Readonly<Record<string, number>>>>
): number => {
  let max = 0
  if (Object.keys(wanted).length !== Object.keys(actual).length) return Number.POSITIVE_INFINITY
  for (const key of Object.keys(wanted)) {
    const row = actual[key]
    if (row === undefined) return Number.POSITIVE_INFINITY
    max = Math.max(max, maxDiff(row, wanted[key]!))
  }
  return max
}
