import { Csv, CsvError } from "@innokraft/csv"
import * as DataSet from "./DataSet.js"
import type { Framework } from "./Framework.js"
import { MeasureError } from "./MeasureError.js"

/**
 * The input of a build: units × indicators × periods, with the unit-level denominators (per period) and group
 * columns (e.g. county, size class). `indicators[p]` and `denominators[p]` hold period `periods[p]`.
 *
 * @since 0.1.0
 */
export interface Data {
  readonly units: ReadonlyArray<string>
  readonly unitNames: ReadonlyArray<string | null>
  readonly periods: ReadonlyArray<number>
  readonly indicators: ReadonlyArray<DataSet.DataSet>
  readonly denominators: ReadonlyArray<DataSet.DataSet>
  /** Group column → one group value per unit (`null` when the unit has none). */
  readonly groups: Readonly<Record<string, ReadonlyArray<string | null>>>
}

/**
 * The index of a period, or a {@link MeasureError}; without a period, the last one.
 *
 * @since 0.1.0
 */
export const periodIndex = (data: Data, period?: number): number => {
  if (period === undefined) return data.periods.length - 1
  const p = data.periods.indexOf(period)
  if (p < 0) throw new MeasureError("period", `expected one of ${data.periods.join(", ")}, found ${period}`)
  return p
}

/**
 * Options for {@link fromLongCsv}.
 *
 * @since 0.1.0
 */
export interface LongCsvOptions {
  readonly source?: string
  readonly delimiter?: "," | ";" | "\t"
  /** The decimal separator: `"."` (default) or `","` for Swedish-locale exports (with `delimiter: ";"`). */
  readonly decimal?: Csv.Decimal
  /** When given, indicator codes must belong to it; codes that are framework denominators are stored as such. */
  readonly framework?: Framework
  /** Column names, defaults `unit`, `indicator`, `period`, `value`, `breakdown`. */
  readonly columns?: {
    readonly unit?: string
    readonly indicator?: string
    readonly period?: string
    readonly value?: string
    readonly breakdown?: string
  }
}

/**
 * Reads a long CSV with columns `unit, indicator, period, value` (and optionally `breakdown`, e.g. `women`/`men`:
 * a breakdown row is stored under the code `indicator.breakdown`). Empty, `NA`, `..` or `:` values are missing.
 * Errors name the source, line and column.
 *
 * @example
 * ```ts
 * const data = Data.fromLongCsv("unit,indicator,period,value\nSE33,rd,2017,152.3\n", { source: "obs.csv" })
 * data.periods // [2017]
 * ```
 * @since 0.1.0
 */
export const fromLongCsv = (text: string, options: LongCsvOptions = {}): Data => {
  const source = options.source ?? "<csv>"
  const table = Csv.parse(text, {
    source,
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.decimal ? { decimal: options.decimal } : {})
  })
  const names = options.columns ?? {}
  const cu = Csv.columnIndex(table, names.unit ?? "unit")
  const ci = Csv.columnIndex(table, names.indicator ?? "indicator")
  const cp = Csv.columnIndex(table, names.period ?? "period")
  const cv = Csv.columnIndex(table, names.value ?? "value")
  const cb = table.header.indexOf(names.breakdown ?? "breakdown")
  const fw = options.framework
  const denominatorCodes = new Set(fw?.denominators.map((d) => d.code) ?? [])
  const units = new Map<string, number>()
  const periods = new Set<number>()
  const indicatorCodes = new Map<string, number>()
  const denomCodes = new Map<string, number>()
  type Obs = { u: string; code: string; p: number; v: number; denom: boolean; line: number }
  const obs: Array<Obs> = []
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!
    const line = table.lines[r]!
    const u = row[cu]!.trim()
    if (u === "") throw new CsvError(source, line, table.header[cu], "expected a unit code, found an empty field")
    const base = row[ci]!.trim()
    const breakdown = cb >= 0 ? row[cb]!.trim() : ""
    const code = breakdown === "" ? base : `${base}.${breakdown}`
    const denom = denominatorCodes.has(base)
    if (fw && !denom && !fw.indicatorIndex.has(base)) {
      throw new CsvError(
        source,
        line,
        table.header[ci],
        `expected an indicator or denominator code of the framework, found "${base}"`
      )
    }
    const p = Number(row[cp]!.trim())
    if (!Number.isInteger(p))
      throw new CsvError(source, line, table.header[cp], `expected an integer period, found "${row[cp]}"`)
    const v = Csv.number(table, r, cv) ?? Number.NaN
    if (!units.has(u)) units.set(u, units.size)
    periods.add(p)
    const codes = denom ? denomCodes : indicatorCodes
    if (!codes.has(code)) codes.set(code, codes.size)
    obs.push({ u, code, p, v, denom, line })
  }
  const periodList = [...periods].sort((a, b) => a - b)
  const unitList = [...units.keys()]
  // With a framework, keep its indicator order and include every indicator (all-missing if absent).
  const indicatorList = fw
    ? [...fw.indicators.map((x) => x.code), ...[...indicatorCodes.keys()].filter((c) => !fw.indicatorIndex.has(c))]
    : [...indicatorCodes.keys()]
  const denomList = [...denomCodes.keys()]
  const indicators = periodList.map(() => DataSet.make(unitList, indicatorList))
  const denominators = periodList.map(() => DataSet.make(unitList, denomList))
  const iIndex = new Map(indicatorList.map((c, j) => [c, j]))
  const dIndex = new Map(denomList.map((c, j) => [c, j]))
  const pIndex = new Map(periodList.map((p, k) => [p, k]))
  const filled = new Set<string>()
  const n = unitList.length
  for (const o of obs) {
    const key = `${o.u}\u0000${o.code}\u0000${o.p}\u0000${o.denom}`
    if (filled.has(key)) {
      throw new CsvError(source, o.line, undefined, `a second value for unit "${o.u}", code "${o.code}", period ${o.p}`)
    }
    filled.add(key)
    const k = pIndex.get(o.p)!
    const ds = o.denom ? denominators[k]! : indicators[k]!
    const j = (o.denom ? dIndex : iIndex).get(o.code)!
    ds.values[j * n + units.get(o.u)!] = o.v
  }
  return {
    units: unitList,
    unitNames: unitList.map(() => null),
    periods: periodList,
    indicators,
    denominators,
    groups: {}
  }
}

/**
 * Data from one cross-section (a single period): indicator values, and optionally denominators and groups.
 *
 * @since 0.1.0
 */
export const fromDataSet = (
  indicators: DataSet.DataSet,
  options: {
    readonly period?: number
    readonly denominators?: DataSet.DataSet
    readonly groups?: Readonly<Record<string, ReadonlyArray<string | null>>>
  } = {}
): Data => ({
  units: indicators.units,
  unitNames: indicators.units.map(() => null),
  periods: [options.period ?? 0],
  indicators: [indicators],
  denominators: [options.denominators ?? DataSet.make(indicators.units, [])],
  groups: options.groups ?? {}
})
