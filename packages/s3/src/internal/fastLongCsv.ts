import type { LongCsvOptions, Panel } from "../Matrix.js"

/**
 * The fast path of `Matrix.fromLongCsv` for the common case: no quotes, LF or CRLF line ends, every row with the
 * header's number of fields, valid values and no repeated cell. It scans the text once with `charCodeAt`, interns the
 * region and industry codes in Maps (consecutive rows usually repeat the region, which is compared in place without
 * slicing it) and parses plain integers digit by digit, so it allocates no row arrays and almost no strings.
 *
 * It returns `undefined` at the first thing it does not handle or that would be an error; the caller then runs the
 * general path (`Csv.parse`), which gives the result or the exact `CsvError`. So when it returns a panel, the panel is
 * the one the general path would return.
 */
export const fastLongCsv = (text: string, options: LongCsvOptions): Panel | undefined => {
  if (text.indexOf('"') >= 0) return undefined
  // a bare CR (not followed by LF) also ends a record in Csv.parse: leave such text to it
  for (let k = text.indexOf("\r"); k >= 0; k = text.indexOf("\r", k + 1)) {
    if (text.charCodeAt(k + 1) !== LF) return undefined
  }
  const delimiterText = options.delimiter ?? ","
  const delimiter = delimiterText.charCodeAt(0)
  const n = text.length
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  // header: the first line; a blank first line (skipped by Csv.parse) is left to the general path
  let end = text.indexOf("\n", i)
  if (end < 0) end = n
  const headerEnd = end > i && text.charCodeAt(end - 1) === CR ? end - 1 : end
  if (headerEnd === i) return undefined
  const header = text.slice(i, headerEnd).split(delimiterText)
  if (new Set(header).size !== header.length) return undefined
  i = end + 1
  const names = options.columns ?? {}
  const regionColumn = header.indexOf(names.region ?? "region")
  const industryColumn = header.indexOf(names.industry ?? "industry")
  const valueColumn = header.indexOf(names.value ?? "value")
  if (regionColumn < 0 || industryColumn < 0 || valueColumn < 0) return undefined
  const yearName = names.year === undefined ? "year" : names.year
  const yearColumn = yearName === null ? -1 : header.indexOf(yearName)
  if (yearColumn < 0 && typeof names.year === "string") return undefined
  const width = header.length
  const keepRegion = options.region
  const keepIndustry = options.industry
  const keepYear = options.year
  const zeroMissing = options.missing === "zero"

  // code → index, or −1 when the filter leaves it out (filters are called once per distinct code)
  const regionCode = new Map<string, number>()
  const industryCode = new Map<string, number>()
  const regions: Array<string> = []
  const industries: Array<string> = []
  const yearIndex = new Map<number, number>()
  const yearKept = new Map<number, boolean>()
  let capacity = Math.max(16, Math.ceil(n / 16))
  let cellRegion = new Int32Array(capacity)
  let cellIndustry = new Int32Array(capacity)
  let cellYear = new Int32Array(capacity)
  let cellValue = new Float64Array(capacity)
  let cells = 0
  let lastRegion = ""
  let lastRegionIndex = -2
  // start and end of the fields this reader needs, per line
  const starts = new Int32Array(width)
  const ends = new Int32Array(width)

  while (i < n) {
    // one line: [i, lineEnd), CR stripped
    let field = 0
    let fieldStart = i
    let j = i
    let c = 0
    for (; j < n; j++) {
      c = text.charCodeAt(j)
      if (c === delimiter) {
        if (field >= width) return undefined
        starts[field] = fieldStart
        ends[field] = j
        field++
        fieldStart = j + 1
      } else if (c === LF) break
    }
    let lineEnd = j
    if (lineEnd > i && text.charCodeAt(lineEnd - 1) === CR) lineEnd--
    const next = j + 1
    if (field === 0 && lineEnd === i) {
      i = next // blank line
      continue
    }
    if (field + 1 !== width) return undefined
    starts[field] = fieldStart
    ends[field] = lineEnd
    i = next

    // region and industry (filtered rows are skipped before anything else is checked, as in the general path)
    const rs = starts[regionColumn]!
    const re = ends[regionColumn]!
    let r: number
    if (re - rs === lastRegion.length && lastRegionIndex !== -2 && text.startsWith(lastRegion, rs)) {
      r = lastRegionIndex
    } else {
      const code = text.slice(rs, re)
      let known = regionCode.get(code)
      if (known === undefined) {
        if (code !== "" && keepRegion && !keepRegion(code)) known = -1
        else {
          known = code === "" ? -3 : regions.length
          if (code !== "") regions.push(code)
        }
        regionCode.set(code, known)
      }
      r = known
      lastRegion = code
      lastRegionIndex = known
    }
    if (r === -1) continue
    const industry = text.slice(starts[industryColumn]!, ends[industryColumn]!)
    let ind = industryCode.get(industry)
    if (ind === undefined) {
      if (industry !== "" && keepIndustry && !keepIndustry(industry)) ind = -1
      else {
        ind = industry === "" ? -3 : industries.length
        if (industry !== "") industries.push(industry)
      }
      industryCode.set(industry, ind)
    }
    if (ind === -1) continue
    let y = 0
    if (yearColumn >= 0) {
      const year = readNumber(text, starts[yearColumn]!, ends[yearColumn]!)
      if (year === undefined || year === null || !Number.isInteger(year)) return undefined
      let kept = yearKept.get(year)
      if (kept === undefined) {
        kept = keepYear ? keepYear(year) : true
        yearKept.set(year, kept)
      }
      if (!kept) continue
      let index = yearIndex.get(year)
      if (index === undefined) {
        index = yearIndex.size
        yearIndex.set(year, index)
      }
      y = index
    }
    // empty codes are errors of the general path (after the year check, as there)
    if (r === -3 || ind === -3) return undefined
    let value = readNumber(text, starts[valueColumn]!, ends[valueColumn]!)
    if (value === undefined) return undefined
    if (value === null) {
      if (!zeroMissing) return undefined
      value = 0
    }
    if (value < 0) return undefined
    if (cells === capacity) {
      capacity *= 2
      cellRegion = grow(cellRegion, capacity)
      cellIndustry = grow(cellIndustry, capacity)
      cellYear = grow(cellYear, capacity)
      const values = new Float64Array(capacity)
      values.set(cellValue)
      cellValue = values
    }
    cellRegion[cells] = r
    cellIndustry[cells] = ind
    cellYear[cells] = y
    cellValue[cells] = value
    cells++
  }
  // the general path numbers regions and industries in the order of the first row it keeps, and leaves out codes
  // whose rows were all skipped (e.g. by the industry or year filter)
  const regionLabels = renumber(regions, cells, cellRegion)
  const industryLabels = renumber(industries, cells, cellIndustry)
  const years: Array<number | null> = yearColumn >= 0 ? [...yearIndex.keys()] : [null]
  const order = years.map((_, k) => k)
  if (yearColumn >= 0) order.sort((a, b) => years[a]! - years[b]!)
  const slot = new Int32Array(order.length)
  order.forEach((k, position) => {
    slot[k] = position
  })
  const I = industryLabels.length
  const size = regionLabels.length * I
  const values = order.map(() => new Float64Array(size))
  const seen = order.map(() => new Uint8Array(size))
  for (let k = 0; k < cells; k++) {
    const y = slot[cellYear[k]!]!
    const cell = cellRegion[k]! * I + cellIndustry[k]!
    if (seen[y]![cell]) return undefined // the same cell twice: the general path names both lines
    seen[y]![cell] = 1
    values[y]![cell] = cellValue[k]!
  }
  return { regions: regionLabels, industries: industryLabels, years: order.map((k) => years[k]!), values }
}

const LF = 10
const CR = 13

const grow = (a: Int32Array, capacity: number): Int32Array<ArrayBuffer> => {
  const out = new Int32Array(capacity)
  out.set(a)
  return out
}

/** Renumbers the codes 0, 1, … in the order of their first cell, rewriting the cell indices in place. */
const renumber = (codes: ReadonlyArray<string>, cells: number, index: Int32Array): Array<string> => {
  const map = new Int32Array(codes.length).fill(-1)
  const labels: Array<string> = []
  for (let k = 0; k < cells; k++) {
    const old = index[k]!
    let renumbered = map[old]!
    if (renumbered < 0) {
      renumbered = labels.length
      map[old] = renumbered
      labels.push(codes[old]!)
    }
    index[k] = renumbered
  }
  return labels
}

/**
 * A field as `Csv.number` reads it: a plain integer of up to 15 digits directly, anything else through the same rules
 * (trimmed; empty, `NA`, `..`, `:` or `NaN` is null). `undefined` when `Csv.number` would throw.
 */
const readNumber = (text: string, start: number, end: number): number | null | undefined => {
  const length = end - start
  if (length > 0 && length <= 15) {
    let v = 0
    let k = start
    for (; k < end; k++) {
      const d = text.charCodeAt(k) - 48
      if (d < 0 || d > 9) break
      v = v * 10 + d
    }
    if (k === end) return v
  }
  const trimmed = text.slice(start, end).trim()
  if (trimmed === "" || trimmed === "NA" || trimmed === ".." || trimmed === ":" || trimmed === "NaN") return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : undefined
}
