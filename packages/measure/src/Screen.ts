import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"

/**
 * Options of {@link screen} (COINr `Screen`, `unit_screen = "byNA"`).
 *
 * @since 0.1.0
 */
export interface ScreenOptions {
  /** Minimum share of present indicator values a unit needs to be kept (COINr `dat_thresh`; default 2/3). */
  readonly minDataShare?: number
  /** Minimum share of non-zero values among the present ones (COINr `nonzero_thresh`); not checked when absent. */
  readonly minNonZeroShare?: number
  /** Units forced in (`true`) or out (`false`) whatever the rule says (COINr `Force`). */
  readonly force?: Readonly<Record<string, boolean>>
}

/**
 * The screened data set and the data availability of every unit.
 *
 * @since 0.1.0
 */
export interface ScreenResult {
  readonly data: DataSet
  readonly dataShare: Readonly<Record<string, number>>
  readonly nonZeroShare: Readonly<Record<string, number>>
  readonly removed: ReadonlyArray<string>
}

/**
 * Removes units with too little data: `share = 1 − missing / columns`, kept when `share ≥ minDataShare` (exactly
 * the threshold passes, as in COINr).
 *
 * @since 0.1.0
 */
export const screen = (ds: DataSet, options: ScreenOptions = {}): ScreenResult => {
  const thresh = options.minDataShare ?? 2 / 3
  const n = ds.units.length
  const m = ds.codes.length
  const keep: Array<number> = []
  const removed: Array<string> = []
  const dataShare: Record<string, number> = {}
  const nonZeroShare: Record<string, number> = {}
  for (let i = 0; i < n; i++) {
    let missing = 0
    let zeros = 0
    for (let j = 0; j < m; j++) {
      const v = ds.values[j * n + i]!
      if (Number.isNaN(v)) missing++
      else if (v === 0) zeros++
    }
    const share = 1 - missing / m
    const nz = 1 - zeros / (m - missing)
    const u = ds.units[i]!
    dataShare[u] = share
    nonZeroShare[u] = nz
    let ok = share >= thresh && (options.minNonZeroShare === undefined || nz >= options.minNonZeroShare)
    const forced = options.force?.[u]
    if (forced !== undefined) ok = forced
    if (ok) keep.push(i)
    else removed.push(u)
  }
  return { data: removed.length === 0 ? ds : DS.selectUnits(ds, keep), dataShare, nonZeroShare, removed }
}
