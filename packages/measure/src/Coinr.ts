import { Csv, CsvError } from "@innokraft/csv"
import type { Data } from "./Data.js"
import * as DataSet from "./DataSet.js"
import * as Framework from "./Framework.js"
import { MeasureError } from "./MeasureError.js"

/**
 * The texts of a COINr project: `iMeta` (one row per indicator, aggregate, group and denominator) and `iData` (one
 * row per unit, or per unit and `Time` for a panel), with the names used in error messages.
 *
 * @since 0.1.0
 */
export interface CoinrInput {
  readonly iMeta: string
  readonly iData: string
  readonly iMetaSource?: string
  readonly iDataSource?: string
  /** Level names from indicators upwards, as COINr's `new_coin(level_names = …)`. */
  readonly levelNames?: ReadonlyArray<string>
  /** How `iMeta` is written when not COINr's comma CSV, e.g. `{ delimiter: ";", decimal: "," }` (Swedish settings). */
  readonly iMetaFormat?: CsvFormat
  /** How `iData` is written when not COINr's comma CSV. */
  readonly iDataFormat?: CsvFormat
}

/**
 * The delimiter and decimal separator of a CSV text (`Csv.parse`'s options).
 *
 * @since 0.1.0
 */
export type CsvFormat = Pick<Csv.ParseOptions, "delimiter" | "decimal">

/**
 * A framework and its data, as read from a COINr project.
 *
 * @since 0.1.0
 */
export interface Project {
  readonly framework: Framework.Framework
  readonly data: Data
}

const fieldColumn: Record<string, string> = {
  code: "iCode",
  parent: "Parent",
  denominator: "Denominator",
  weight: "Weight",
  direction: "Direction",
  level: "Level",
  name: "iName",
  target: "Target"
}

const optional = (table: Csv.Table, r: number, c: number): string | null => {
  if (c < 0) return null
  const t = table.rows[r]![c]!.trim()
  return t === "" || t === "NA" ? null : t
}

/**
 * Reads COINr's `iMeta` + `iData` CSV texts (same columns and conventions as COINr's `new_coin`: `Level`, `iCode`,
 * `Parent`, `Direction`, `Weight`, `Type` ∈ Indicator | Aggregate | Group | Denominator | Other, optional `iName`,
 * `Unit`, `Target`, `Denominator`; iData with `uCode`, optional `uName` and `Time`, and one column per declared
 * code). Any problem is a `CsvError` naming the file, line, column and expectation.
 *
 * @example
 * ```ts
 * const { framework, data } = Coinr.fromCsv({ iMeta, iData, iMetaSource: "iMeta.csv", iDataSource: "iData.csv" })
 * ```
 * @since 0.1.0
 */
export const fromCsv = (input: CoinrInput): Project => {
  const metaSource = input.iMetaSource ?? "iMeta.csv"
  const dataSource = input.iDataSource ?? "iData.csv"
  const meta = Csv.parse(input.iMeta, { ...input.iMetaFormat, source: metaSource })
  const col = (name: string) => Csv.columnIndex(meta, name)
  const cLevel = col("Level")
  const cCode = col("iCode")
  const cParent = col("Parent")
  const cDirection = col("Direction")
  const cWeight = col("Weight")
  const cType = col("Type")
  const cName = meta.header.indexOf("iName")
  const cUnit = meta.header.indexOf("Unit")
  const cTarget = meta.header.indexOf("Target")
  const cDenom = meta.header.indexOf("Denominator")
  const indicators: Array<unknown> = []
  const aggregates: Array<unknown> = []
  const groups: Array<{ code: string; name: { sv: string; en: string } }> = []
  const denominators: Array<{ code: string; name: { sv: string; en: string }; unit?: string }> = []
  const indicatorLines: Array<number> = []
  const aggregateLines: Array<number> = []
  const lineOf = new Map<string, number>()
  const typeOf = new Map<string, string>()
  for (let r = 0; r < meta.rows.length; r++) {
    const line = meta.lines[r]!
    const code = optional(meta, r, cCode)
    if (code === null) throw new CsvError(metaSource, line, "iCode", "expected a code, found an empty field")
    if (/^[0-9]/.test(code))
      throw new CsvError(metaSource, line, "iCode", `expected a code not starting with a digit, found "${code}"`)
    const type = optional(meta, r, cType)
    const name = optional(meta, r, cName) ?? code
    const label = { sv: name, en: name }
    const unit = optional(meta, r, cUnit)
    lineOf.set(code, line)
    typeOf.set(code, type ?? "")
    const numberAt = (c: number) => (c < 0 ? null : Csv.number(meta, r, c))
    if (type === "Indicator" || type === "Aggregate") {
      const level = numberAt(cLevel)
      if (level === null || !Number.isInteger(level) || level < 1) {
        throw new CsvError(metaSource, line, "Level", `expected an integer level ≥ 1 for ${type} "${code}"`)
      }
      if ((type === "Indicator") !== (level === 1)) {
        throw new CsvError(
          metaSource,
          line,
          "Level",
          `expected level ${type === "Indicator" ? "1 for an Indicator" : "≥ 2 for an Aggregate"}, found ${level}`
        )
      }
      const weight = numberAt(cWeight)
      if (weight === null || weight < 0)
        throw new CsvError(metaSource, line, "Weight", `expected a non-negative weight for "${code}"`)
      const parent = optional(meta, r, cParent)
      if (type === "Indicator") {
        const direction = numberAt(cDirection)
        if (direction !== 1 && direction !== -1) {
          throw new CsvError(
            metaSource,
            line,
            "Direction",
            `expected 1 or -1 for indicator "${code}", found ${direction}`
          )
        }
        if (parent === null) throw new CsvError(metaSource, line, "Parent", `expected a parent for indicator "${code}"`)
        indicators.push({
          code,
          name: label,
          parent,
          weight,
          direction,
          ...(unit === null ? {} : { unit }),
          denominator: optional(meta, r, cDenom),
          target: numberAt(cTarget)
        })
        indicatorLines.push(line)
      } else {
        aggregates.push({ code, name: label, level, parent, weight })
        aggregateLines.push(line)
      }
    } else if (type === "Group") {
      groups.push({ code, name: label })
    } else if (type === "Denominator") {
      denominators.push({ code, name: label, ...(unit === null ? {} : { unit }) })
    } else if (type !== "Other") {
      throw new CsvError(
        metaSource,
        line,
        "Type",
        `expected Indicator, Aggregate, Group, Denominator or Other, found "${type ?? "NA"}"`
      )
    }
  }
  let framework: Framework.Framework
  try {
    framework = Framework.make({
      indicators,
      aggregates,
      groups,
      denominators,
      ...(input.levelNames ? { levelNames: [...input.levelNames] } : {})
    })
  } catch (e) {
    if (!(e instanceof MeasureError)) throw e
    const m = /^(indicators|aggregates)\[(\d+)\]\.?(\w+)?/.exec(e.path)
    if (!m) throw new CsvError(metaSource, 1, undefined, e.message)
    const line = (m[1] === "indicators" ? indicatorLines : aggregateLines)[Number(m[2])] ?? 1
    throw new CsvError(metaSource, line, m[3] ? (fieldColumn[m[3]] ?? m[3]) : undefined, e.detail)
  }
  const data = readData(
    input.iData,
    { ...input.iDataFormat, source: dataSource },
    metaSource,
    framework,
    lineOf,
    typeOf
  )
  return { framework, data }
}

const readData = (
  text: string,
  options: Csv.ParseOptions & { readonly source: string },
  metaSource: string,
  framework: Framework.Framework,
  lineOf: ReadonlyMap<string, number>,
  typeOf: ReadonlyMap<string, string>
): Data => {
  const table = Csv.parse(text, options)
  const source = options.source
  const cU = Csv.columnIndex(table, "uCode")
  const cName = table.header.indexOf("uName")
  const cTime = table.header.indexOf("Time")
  table.header.forEach((h) => {
    if (h === "uCode" || h === "uName" || h === "Time") return
    const type = typeOf.get(h)
    if (type === undefined)
      throw new CsvError(source, 1, h, `expected every column to be declared in ${metaSource}; "${h}" is not`)
    if (type === "Aggregate")
      throw new CsvError(source, 1, h, `expected no aggregate codes in iData; "${h}" is an Aggregate in ${metaSource}`)
  })
  for (const x of framework.indicators) {
    if (!table.header.includes(x.code)) {
      throw new CsvError(
        metaSource,
        lineOf.get(x.code) ?? 1,
        "iCode",
        `indicator "${x.code}" has no column in ${source}`
      )
    }
  }
  for (const d of framework.denominators) {
    if (!table.header.includes(d.code)) {
      throw new CsvError(
        metaSource,
        lineOf.get(d.code) ?? 1,
        "iCode",
        `denominator "${d.code}" has no column in ${source}`
      )
    }
  }
  const units: Array<string> = []
  const unitNames: Array<string | null> = []
  const unitIndex = new Map<string, number>()
  const periods: Array<number> = []
  const rowUnit: Array<number> = []
  const rowPeriod: Array<number> = []
  const groupCols = framework.groups.map((g) => ({ code: g.code, c: table.header.indexOf(g.code) }))
  const groupValues: Record<string, Array<string | null>> = {}
  for (const g of groupCols) groupValues[g.code] = []
  const seen = new Set<string>()
  for (let r = 0; r < table.rows.length; r++) {
    const line = table.lines[r]!
    const u = table.rows[r]![cU]!.trim()
    if (u === "" || u === "NA") throw new CsvError(source, line, "uCode", "expected a unit code, found an empty field")
    if (/^[0-9]/.test(u))
      throw new CsvError(source, line, "uCode", `expected a unit code not starting with a digit, found "${u}"`)
    let t = 0
    if (cTime >= 0) {
      const v = Csv.number(table, r, cTime)
      if (v === null || !Number.isInteger(v))
        throw new CsvError(source, line, "Time", `expected an integer time, found "${table.rows[r]![cTime]}"`)
      t = v
    }
    const key = `${u}\u0000${t}`
    if (seen.has(key))
      throw new CsvError(source, line, "uCode", `unit "${u}" appears twice${cTime >= 0 ? ` for Time ${t}` : ""}`)
    seen.add(key)
    if (!unitIndex.has(u)) {
      unitIndex.set(u, units.length)
      units.push(u)
      unitNames.push(optional(table, r, cName))
      for (const g of groupCols) groupValues[g.code]!.push(optional(table, r, g.c))
    }
    if (!periods.includes(t)) periods.push(t)
    rowUnit.push(unitIndex.get(u)!)
    rowPeriod.push(t)
  }
  periods.sort((a, b) => a - b)
  const indicatorCodes = framework.indicators.map((x) => x.code)
  const denomCodes = framework.denominators.map((d) => d.code)
  const indicators = periods.map(() => DataSet.make(units, indicatorCodes))
  const denominators = periods.map(() => DataSet.make(units, denomCodes))
  const n = units.length
  const fill = (sets: Array<DataSet.DataSet>, codes: Array<string>) => {
    codes.forEach((code, j) => {
      const c = table.header.indexOf(code)
      for (let r = 0; r < table.rows.length; r++) {
        const v = Csv.number(table, r, c)
        sets[periods.indexOf(rowPeriod[r]!)]!.values[j * n + rowUnit[r]!] = v ?? Number.NaN
      }
    })
  }
  fill(indicators, indicatorCodes)
  fill(denominators, denomCodes)
  return { units, unitNames, periods, indicators, denominators, groups: groupValues }
}
