import { Csv } from "@innokraft/csv"
import { MeasureError } from "./MeasureError.js"

/**
 * One data set of the pipeline (COINr's `coin$Data$<dset>`): units × codes, stored column by column in a
 * `Float64Array` (`values[j * units.length + i]` is unit i, code j). Missing values are `NaN`.
 *
 * @since 0.1.0
 */
export interface DataSet {
  readonly units: ReadonlyArray<string>
  readonly codes: ReadonlyArray<string>
  readonly values: Float64Array
}

/**
 * A data set from units, codes and (optionally) column-major values; missing values as `NaN`.
 *
 * @since 0.1.0
 */
export const make = (units: ReadonlyArray<string>, codes: ReadonlyArray<string>, values?: Float64Array): DataSet => {
  const size = units.length * codes.length
  if (values && values.length !== size) {
    throw new MeasureError(
      "values",
      `expected ${size} values (${units.length} units × ${codes.length} codes), found ${values.length}`
    )
  }
  return { units, codes, values: values ?? new Float64Array(size).fill(Number.NaN) }
}

/**
 * The column index of a code, or a {@link MeasureError}.
 *
 * @since 0.1.0
 */
export const codeIndex = (ds: DataSet, code: string): number => {
  const j = ds.codes.indexOf(code)
  if (j < 0) throw new MeasureError(code, `expected a code of the data set (${ds.codes.length} codes), found "${code}"`)
  return j
}

/**
 * A column as a subarray view (no copy): writes go through to the data set.
 *
 * @since 0.1.0
 */
export const column = (ds: DataSet, code: string): Float64Array => {
  const j = codeIndex(ds, code)
  const n = ds.units.length
  return ds.values.subarray(j * n, (j + 1) * n)
}

/**
 * One value, `null` when missing.
 *
 * @since 0.1.0
 */
export const get = (ds: DataSet, unit: string, code: string): number | null => {
  const i = ds.units.indexOf(unit)
  if (i < 0) throw new MeasureError(unit, `expected a unit code of the data set, found "${unit}"`)
  const v = ds.values[codeIndex(ds, code) * ds.units.length + i]!
  return Number.isNaN(v) ? null : v
}

/**
 * A data set with only the named codes, in that order (copied).
 *
 * @since 0.1.0
 */
export const select = (ds: DataSet, codes: ReadonlyArray<string>): DataSet => {
  const n = ds.units.length
  const out = new Float64Array(n * codes.length)
  codes.forEach((c, k) => {
    out.set(column(ds, c), k * n)
  })
  return { units: ds.units, codes: [...codes], values: out }
}

/**
 * A data set with only the units at the given row indices (copied).
 *
 * @since 0.1.0
 */
export const selectUnits = (ds: DataSet, rows: ReadonlyArray<number>): DataSet => {
  const n = ds.units.length
  const m = rows.length
  const out = new Float64Array(m * ds.codes.length)
  for (let j = 0; j < ds.codes.length; j++) for (let k = 0; k < m; k++) out[j * m + k] = ds.values[j * n + rows[k]!]!
  return { units: rows.map((r) => ds.units[r]!), codes: ds.codes, values: out }
}

/**
 * Two data sets side by side (same units, in the same order).
 *
 * @since 0.1.0
 */
export const bind = (a: DataSet, b: DataSet): DataSet => {
  if (a.units.length !== b.units.length || a.units.some((u, i) => b.units[i] !== u)) {
    throw new MeasureError("units", "expected both data sets to have the same units in the same order")
  }
  const out = new Float64Array(a.values.length + b.values.length)
  out.set(a.values)
  out.set(b.values, a.values.length)
  return { units: a.units, codes: [...a.codes, ...b.codes], values: out }
}

/**
 * The data set as `{ uCode: { code: number | null } }` — the JSON shape of the CLI's `results.json` stages.
 *
 * @since 0.1.0
 */
export const toRecords = (ds: DataSet): Record<string, Record<string, number | null>> => {
  const n = ds.units.length
  const out: Record<string, Record<string, number | null>> = {}
  ds.units.forEach((u, i) => {
    const row: Record<string, number | null> = {}
    ds.codes.forEach((c, j) => {
      const v = ds.values[j * n + i]!
      row[c] = Number.isFinite(v) ? v : null
    })
    out[u] = row
  })
  return out
}

/**
 * Reads a wide CSV (one row per unit, a unit column, one numeric column per code; `NA` or empty = missing), such
 * as COINr's exported data sets. Columns listed in `ignore` are skipped.
 *
 * @since 0.1.0
 */
export const fromWideCsv = (
  text: string,
  options: { readonly source?: string; readonly unitColumn?: string; readonly ignore?: ReadonlyArray<string> } = {}
): DataSet => {
  const table = Csv.parse(text, { source: options.source ?? "<csv>" })
  const unitColumn = Csv.columnIndex(table, options.unitColumn ?? "uCode")
  const ignore = new Set(options.ignore ?? [])
  const cols: Array<number> = []
  table.header.forEach((h, j) => {
    if (j !== unitColumn && !ignore.has(h)) cols.push(j)
  })
  const n = table.rows.length
  const values = new Float64Array(n * cols.length)
  cols.forEach((c, k) => {
    for (let i = 0; i < n; i++) values[k * n + i] = Csv.number(table, i, c) ?? Number.NaN
  })
  return { units: table.rows.map((r) => r[unitColumn]!), codes: cols.map((c) => table.header[c]!), values }
}
