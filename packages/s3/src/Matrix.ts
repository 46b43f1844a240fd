import { Csv, CsvError } from "@innokraft/csv"
import { fastLongCsv } from "./internal/fastLongCsv.js"
import { MatrixError } from "./MatrixError.js"

/**
 * A region × industry matrix of non-negative counts (employment, firms, patents, exports), stored row-major:
 * `values[r * industries.length + i]` is region r, industry i. "Industry" stands for any activity column
 * (SNI/NACE code, technology class, product).
 *
 * @since 0.1.0
 */
export interface Matrix {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  readonly values: Float64Array
}

/**
 * A labelled region × industry grid of any typed array: `Matrix` for counts and location quotients,
 * `Grid<Uint8Array>` for the binary presence matrix M.
 *
 * @since 0.1.0
 */
export interface Grid<A extends Float64Array | Uint8Array> {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  readonly values: A
}

/**
 * A labelled vector, e.g. diversity per region or PCI per industry.
 *
 * @since 0.1.0
 */
export interface Vector {
  readonly labels: ReadonlyArray<string>
  readonly values: Float64Array
}

/**
 * Several years of the same regions and industries: `values[y]` is the matrix of `years[y]`. A matrix without a
 * year column is a panel with `years = [null]`.
 *
 * @since 0.1.0
 */
export interface Panel {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
  readonly years: ReadonlyArray<number | null>
  readonly values: ReadonlyArray<Float64Array>
}

/**
 * Rows and columns left out because their total is zero (their location quotients would be 0/0).
 *
 * @since 0.1.0
 */
export interface Dropped {
  readonly regions: ReadonlyArray<string>
  readonly industries: ReadonlyArray<string>
}

const checkLabels = (labels: ReadonlyArray<string>, what: string): void => {
  const seen = new Set<string>()
  for (const label of labels) {
    if (seen.has(label)) throw new MatrixError(`${what} label ${JSON.stringify(label)} appears twice`)
    seen.add(label)
  }
}

const checkValues = (regions: ReadonlyArray<string>, industries: ReadonlyArray<string>, values: Float64Array) => {
  const n = industries.length
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!
    if (!(v >= 0) || v === Number.POSITIVE_INFINITY) {
      throw new MatrixError(
        `region ${JSON.stringify(regions[Math.floor(k / n)])}, industry ${JSON.stringify(industries[k % n])}: expected a finite count ≥ 0, found ${v}`
      )
    }
  }
}

/**
 * A matrix from labels and row-major values (copied into a `Float64Array`). Throws a {@link MatrixError} for a size
 * mismatch, a repeated label or a negative, NaN or infinite value.
 *
 * @example
 * ```ts
 * const m = Matrix.make(["SE331", "SE321"], ["A", "B-E"], [10, 20, 30, 40])
 * ```
 * @since 0.1.0
 */
export const make = (
  regions: ReadonlyArray<string>,
  industries: ReadonlyArray<string>,
  values: ArrayLike<number>
): Matrix => {
  if (values.length !== regions.length * industries.length) {
    throw new MatrixError(
      `expected ${regions.length} × ${industries.length} = ${regions.length * industries.length} values, found ${values.length}`
    )
  }
  checkLabels(regions, "region")
  checkLabels(industries, "industry")
  const copy = Float64Array.from(values)
  checkValues(regions, industries, copy)
  return { regions: [...regions], industries: [...industries], values: copy }
}

/**
 * A matrix from an array of rows (one per region).
 *
 * @since 0.1.0
 */
export const fromRows = (
  regions: ReadonlyArray<string>,
  industries: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<number>>
): Matrix => {
  if (rows.length !== regions.length) {
    throw new MatrixError(`expected ${regions.length} rows, one per region, found ${rows.length}`)
  }
  rows.forEach((row, r) => {
    if (row.length !== industries.length) {
      throw new MatrixError(
        `row ${r + 1} (region ${JSON.stringify(regions[r])}): expected ${industries.length} values, found ${row.length}`
      )
    }
  })
  return make(regions, industries, rows.flat())
}

/**
 * Options for {@link fromLongCsv}.
 *
 * @since 0.1.0
 */
export interface LongCsvOptions {
  /** Label for error messages, usually the file path. Default `"<csv>"`. */
  readonly source?: string
  readonly delimiter?: "," | ";" | "\t"
  /** The decimal separator: `"."` (default) or `","` for Swedish-locale exports (with `delimiter: ";"`). */
  readonly decimal?: Csv.Decimal
  /** Column names. Defaults: `region`, `industry`, `value`, and `year` if the header has it. */
  readonly columns?: {
    readonly region?: string
    readonly industry?: string
    readonly value?: string
    /** `null` to ignore a year column; a missing year column means a single-year matrix. */
    readonly year?: string | null
  }
  /** Keep only the regions for which this returns true (e.g. NUTS 3 codes, no Extra-Regio `SEZZZ`); may be called once per code rather than once per row. */
  readonly region?: (code: string) => boolean
  /** Keep only the industries for which this returns true (e.g. leave out a `TOTAL` column). */
  readonly industry?: (code: string) => boolean
  /** Keep only these years. */
  readonly year?: (year: number) => boolean
  /** What an empty or `..` value means: an error (default) or a zero. */
  readonly missing?: "error" | "zero"
}

/**
 * Reads long CSV text — one row per cell: `region,industry,value[,year]` — into a {@link Panel}. Cells that are not in
 * the file are 0. Regions, industries and years keep the order of first appearance (years are sorted). Every problem
 * is a `CsvError` from `@innokraft/csv` naming the source, line and column: a missing column, a value that is not a
 * number, a negative value, a year that is not an integer, or the same cell twice.
 *
 * This parses text; reading the file is the caller's job, so it runs in browsers too.
 *
 * @example
 * ```ts
 * const panel = Matrix.fromLongCsv(text, {
 *   source: "empers.csv",
 *   columns: { region: "nuts_code", industry: "nace_group", value: "persons" },
 *   region: (code) => code.length === 5 && !code.startsWith("SEZ"),
 *   industry: (code) => code !== "TOTAL"
 * })
 * const m2017 = Matrix.year(panel, 2017)
 * ```
 * @since 0.1.0
 */
export const fromLongCsv = (text: string, options: LongCsvOptions = {}): Panel => {
  const fast = fastLongCsv(text, options)
  if (fast !== undefined) return fast
  const table = Csv.parse(text, {
    ...(options.source === undefined ? {} : { source: options.source }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.decimal === undefined ? {} : { decimal: options.decimal })
  })
  const names = options.columns ?? {}
  const regionColumn = Csv.columnIndex(table, names.region ?? "region")
  const industryColumn = Csv.columnIndex(table, names.industry ?? "industry")
  const valueColumn = Csv.columnIndex(table, names.value ?? "value")
  const yearName = names.year === undefined ? "year" : names.year
  const yearColumn =
    yearName === null
      ? -1
      : names.year === undefined
        ? table.header.indexOf(yearName)
        : Csv.columnIndex(table, yearName)
  const keepRegion = options.region
  const keepIndustry = options.industry
  const keepYear = options.year
  const zeroMissing = options.missing === "zero"

  const regionIndex = new Map<string, number>()
  const industryIndex = new Map<string, number>()
  const yearIndex = new Map<number, number>()
  const n = table.rows.length
  const cellRegion = new Int32Array(n)
  const cellIndustry = new Int32Array(n)
  const cellYear = new Int32Array(n)
  const cellRow = new Int32Array(n)
  const cellValue = new Float64Array(n)
  let cells = 0
  for (let row = 0; row < n; row++) {
    const fields = table.rows[row]!
    const region = fields[regionColumn]!
    const industry = fields[industryColumn]!
    if (keepRegion && !keepRegion(region)) continue
    if (keepIndustry && !keepIndustry(industry)) continue
    let y = 0
    if (yearColumn >= 0) {
      const year = Csv.number(table, row, yearColumn)
      if (year === null || !Number.isInteger(year)) {
        throw new CsvError(table.source, table.lines[row]!, table.header[yearColumn], "expected an integer year")
      }
      if (keepYear && !keepYear(year)) continue
      let index = yearIndex.get(year)
      if (index === undefined) {
        index = yearIndex.size
        yearIndex.set(year, index)
      }
      y = index
    }
    if (region === "") {
      throw new CsvError(table.source, table.lines[row]!, table.header[regionColumn], "expected a region code")
    }
    if (industry === "") {
      throw new CsvError(table.source, table.lines[row]!, table.header[industryColumn], "expected an industry code")
    }
    let value = Csv.number(table, row, valueColumn)
    if (value === null) {
      if (!zeroMissing) {
        throw new CsvError(
          table.source,
          table.lines[row]!,
          table.header[valueColumn],
          `expected a count, found ${JSON.stringify(fields[valueColumn])} (pass missing: "zero" to read it as 0)`
        )
      }
      value = 0
    }
    if (value < 0) {
      throw new CsvError(
        table.source,
        table.lines[row]!,
        table.header[valueColumn],
        `expected a count ≥ 0, found ${value}`
      )
    }
    let r = regionIndex.get(region)
    if (r === undefined) {
      r = regionIndex.size
      regionIndex.set(region, r)
    }
    let i = industryIndex.get(industry)
    if (i === undefined) {
      i = industryIndex.size
      industryIndex.set(industry, i)
    }
    cellRegion[cells] = r
    cellIndustry[cells] = i
    cellYear[cells] = y
    cellRow[cells] = row
    cellValue[cells] = value
    cells++
  }
  const regions = [...regionIndex.keys()]
  const industries = [...industryIndex.keys()]
  const years: Array<number | null> = yearColumn >= 0 ? [...yearIndex.keys()] : [null]
  const order = years.map((_, k) => k)
  if (yearColumn >= 0) order.sort((a, b) => years[a]! - years[b]!)
  const slot = new Int32Array(order.length)
  order.forEach((k, position) => {
    slot[k] = position
  })
  const size = regions.length * industries.length
  const values = order.map(() => new Float64Array(size))
  const seen = order.map(() => new Int32Array(size).fill(-1))
  for (let c = 0; c < cells; c++) {
    const y = slot[cellYear[c]!]!
    const k = cellRegion[c]! * industries.length + cellIndustry[c]!
    const previous = seen[y]![k]!
    if (previous >= 0) {
      const row = cellRow[c]!
      throw new CsvError(
        table.source,
        table.lines[row]!,
        undefined,
        `region ${JSON.stringify(regions[cellRegion[c]!])}, industry ${JSON.stringify(industries[cellIndustry[c]!])}${
          yearColumn >= 0 ? `, year ${years[cellYear[c]!]}` : ""
        } appears again (first on line ${table.lines[previous]})`
      )
    }
    seen[y]![k] = cellRow[c]!
    values[y]![k] = cellValue[c]!
  }
  return { regions, industries, years: order.map((k) => years[k]!), values }
}

/**
 * The matrix of one year of a panel; without a year, the only or the latest year. Throws a {@link MatrixError}
 * listing the years the panel has.
 *
 * @since 0.1.0
 */
export const year = (panel: Panel, y?: number): Matrix => {
  let k = panel.years.length - 1
  if (y !== undefined) {
    k = panel.years.indexOf(y)
    if (k < 0) {
      throw new MatrixError(
        panel.years.every((year) => year === null)
          ? `expected no year: the input has no year column, found ${y}`
          : `expected one of the years ${panel.years.join(", ")}, found ${y}`
      )
    }
  }
  return { regions: panel.regions, industries: panel.industries, values: panel.values[k]! }
}

/**
 * Row (region) totals X_r·.
 *
 * @since 0.1.0
 */
export const regionTotals = (m: Matrix): Float64Array => {
  const I = m.industries.length
  const out = new Float64Array(m.regions.length)
  for (let r = 0; r < out.length; r++) {
    let s = 0
    for (let i = 0; i < I; i++) s += m.values[r * I + i]!
    out[r] = s
  }
  return out
}

/**
 * Column (industry) totals X_·i.
 *
 * @since 0.1.0
 */
export const industryTotals = (m: Matrix): Float64Array => {
  const I = m.industries.length
  const out = new Float64Array(I)
  for (let r = 0; r < m.regions.length; r++) for (let i = 0; i < I; i++) out[i]! += m.values[r * I + i]!
  return out
}

/**
 * The sub-matrix of the given regions and industries, in the order given. Unknown labels are a {@link MatrixError}.
 *
 * @since 0.1.0
 */
export const select = (
  m: Matrix,
  which: { readonly regions?: ReadonlyArray<string>; readonly industries?: ReadonlyArray<string> }
): Matrix => {
  const pick = (labels: ReadonlyArray<string>, wanted: ReadonlyArray<string> | undefined, what: string) => {
    if (!wanted) return labels.map((_, k) => k)
    const index = new Map(labels.map((l, k) => [l, k]))
    return wanted.map((l) => {
      const k = index.get(l)
      if (k === undefined) throw new MatrixError(`unknown ${what} ${JSON.stringify(l)}`)
      return k
    })
  }
  const rows = pick(m.regions, which.regions, "region")
  const columns = pick(m.industries, which.industries, "industry")
  const I = m.industries.length
  const values = new Float64Array(rows.length * columns.length)
  rows.forEach((r, rr) => {
    columns.forEach((i, ii) => {
      values[rr * columns.length + ii] = m.values[r * I + i]!
    })
  })
  return { regions: rows.map((r) => m.regions[r]!), industries: columns.map((i) => m.industries[i]!), values }
}

/**
 * Drops the regions and industries whose total is zero and reports them. Location quotients of such rows and columns
 * are 0/0, so every later step needs them gone; they are never silently turned into NaN or 0. Returns the matrix
 * itself when nothing is dropped.
 *
 * @since 0.1.0
 */
export const dropEmpty = (m: Matrix): { readonly matrix: Matrix; readonly dropped: Dropped } => {
  const rowTotals = regionTotals(m)
  const columnTotals = industryTotals(m)
  const regions: Array<string> = []
  const industries: Array<string> = []
  m.regions.forEach((l, r) => {
    if (rowTotals[r] === 0) regions.push(l)
  })
  m.industries.forEach((l, i) => {
    if (columnTotals[i] === 0) industries.push(l)
  })
  if (regions.length === 0 && industries.length === 0) return { matrix: m, dropped: { regions, industries } }
  const matrix = select(m, {
    regions: m.regions.filter((_, r) => rowTotals[r] !== 0),
    industries: m.industries.filter((_, i) => columnTotals[i] !== 0)
  })
  return { matrix, dropped: { regions, industries } }
}

/**
 * The value of one cell by labels.
 *
 * @since 0.1.0
 */
export const get = <A extends Float64Array | Uint8Array>(grid: Grid<A>, region: string, industry: string): number => {
  const r = grid.regions.indexOf(region)
  const i = grid.industries.indexOf(industry)
  if (r < 0) throw new MatrixError(`unknown region ${JSON.stringify(region)}`)
  if (i < 0) throw new MatrixError(`unknown industry ${JSON.stringify(industry)}`)
  return grid.values[r * grid.industries.length + i]!
}

/**
 * A grid as nested records `{ region: { industry: value } }` (the JSON shape of `result.json`).
 *
 * @since 0.1.0
 */
export const toRecords = <A extends Float64Array | Uint8Array>(
  grid: Grid<A>
): Record<string, Record<string, number>> => {
  const I = grid.industries.length
  const out: Record<string, Record<string, number>> = {}
  grid.regions.forEach((region, r) => {
    const row: Record<string, number> = {}
    for (let i = 0; i < I; i++) row[grid.industries[i]!] = grid.values[r * I + i]!
    out[region] = row
  })
  return out
}

/**
 * A vector as a record `{ label: value }`.
 *
 * @since 0.1.0
 */
export const toRecord = (vector: Vector): Record<string, number> => {
  const out: Record<string, number> = {}
  vector.labels.forEach((label, k) => {
    out[label] = vector.values[k]!
  })
  return out
}
