import { Csv } from "@innokraft/csv"
import type { LongCsvOptions, Panel } from "../Matrix.js"

/**
 * The fast path of `Matrix.fromLongCsv` for the common case: no quotes, LF or CRLF line ends, every row with the
 * header's number of fields, valid values and no repeated cell. It scans the text once with `charCodeAt`, hashing each
 * field's char codes on the way, so a region or industry code is found in a small hash table without slicing it (only
 * a new code is sliced); the region, which consecutive rows usually repeat, is first compared with the last one; plain
 * integers are parsed digit by digit. So it allocates no row arrays and almost no strings.
 *
 * It returns `undefined` at the first thing it does not handle or that would be an error; the caller then runs the
 * general path (`Csv.parse`), which gives the result or the exact `CsvError`. So when it returns a panel, the panel is
 * the one the general path would return.
 */
export const fastLongCsv = (text: string, options: LongCsvOptions): Panel | undefined => {
  if (text.indexOf('"') >= 0) return undefined
  // a bare CR (not followed by LF) also ends a record in Csv.parse: leave such text to it. So below, a CR always ends
  // a line and is followed by its LF.
  for (let k = text.indexOf("\r"); k >= 0; k = text.indexOf("\r", k + 1)) {
    if (text.charCodeAt(k + 1) !== LF) return undefined
  }
  const delimiterText = options.delimiter ?? ","
  const decimal = options.decimal ?? "."
  // a comma as both delimiter and decimal separator is an error of the general path
  if (decimal === "," && delimiterText === ",") return undefined
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
  // one column named for two roles (e.g. region and industry) is left to the general path: below, a field has one role
  const roles = [regionColumn, industryColumn, valueColumn, yearColumn]
  if (new Set(roles).size !== roles.length) return undefined
  const lastField = header.length - 1
  const keepYear = options.year
  const zeroMissing = options.missing === "zero"

  const regions = new Codes(options.region)
  const industries = new Codes(options.industry)
  const yearIndex = new Map<number, number>()
  const yearKept = new Map<number, boolean>()
  const cells = new Cells(Math.max(16, Math.ceil(n / 16)), yearColumn >= 0)
  // the region last looked up, and its code's char codes (a typed array is cheaper to compare against than the text)
  let lastRegion = -1
  let lastRegionLength = 0
  let lastRegionChars = new Uint16Array(64)

  while (i < n) {
    // one line from i; a blank one is skipped, as by Csv.parse
    let c = text.charCodeAt(i)
    if (c === LF || c === CR) {
      i += c === CR ? 2 : 1
      continue
    }
    // the ids of the line's codes, its value if a plain integer, and the bounds of its value and year
    let region = 0
    let industry = 0
    let digits = 0
    let plain = false
    let valueStart = 0
    let valueEnd = 0
    let yearStart = 0
    let yearEnd = 0
    let field = 0
    let j = i
    for (; ; field++, j++) {
      const start = j
      if (field === regionColumn && lastRegion >= 0) {
        // consecutive rows usually repeat the region: compare it in place with the last one looked up
        let k = 0
        while (k < lastRegionLength && text.charCodeAt(start + k) === lastRegionChars[k]) k++
        j = start + k
        c = text.charCodeAt(j)
        if (k === lastRegionLength && (c === delimiter || c === LF || c === CR || j === n)) {
          region = lastRegion
          if (j === n || c !== delimiter) break
          if (field === lastField) return undefined
          continue
        }
        j = start
      } else if (field === valueColumn) {
        // a plain integer is read on the way; anything else is left to readNumber below
        for (; j < n; j++) {
          c = text.charCodeAt(j)
          const digit = c - 48
          if (digit < 0 || digit > 9) break
          digits = digits * 10 + digit
        }
        plain = j > start && j - start <= 15
      }
      // the hash packs up to four chars below 256 into its bytes (rotated in, so longer codes mix all theirs in): for
      // such a code it is the code itself and the table needs no comparison of chars
      let hash = 0
      let wide = 0
      for (; j < n; j++) {
        c = text.charCodeAt(j)
        if (c === delimiter || c === LF || c === CR) break
        hash = ((hash << 8) | (hash >>> 24)) ^ c
        wide |= c
        plain = false
      }
      if (field === regionColumn) {
        region = regions.id(text, start, j, hash, wide)
        lastRegion = region
        lastRegionLength = j - start
        if (lastRegionLength > lastRegionChars.length) lastRegionChars = new Uint16Array(2 * lastRegionLength)
        for (let k = 0; k < lastRegionLength; k++) lastRegionChars[k] = text.charCodeAt(start + k)
      } else if (field === industryColumn) industry = industries.id(text, start, j, hash, wide)
      else if (field === valueColumn) {
        valueStart = start
        valueEnd = j
      } else if (field === yearColumn) {
        yearStart = start
        yearEnd = j
      }
      if (j === n || c !== delimiter) break
      if (field === lastField) return undefined
    }
    if (field !== lastField) return undefined
    i = j === n ? n : c === CR ? j + 2 : j + 1

    // filtered rows are skipped before anything else is checked, and a filter is asked only about a code of a row the
    // general path would ask it about (the region's code first)
    let r = regions.state[region]!
    if (r === UNCHECKED) r = regions.check(region)
    if (r === FILTERED) continue
    let ind = industries.state[industry]!
    if (ind === UNCHECKED) ind = industries.check(industry)
    if (ind === FILTERED) continue
    let y = 0
    if (yearColumn >= 0) {
      const year = readNumber(text, yearStart, yearEnd, decimal)
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
    if (r === EMPTY || ind === EMPTY) return undefined
    let value = plain ? digits : readNumber(text, valueStart, valueEnd, decimal)
    if (value === undefined) return undefined
    if (value === null) {
      if (!zeroMissing) return undefined
      value = 0
    }
    if (value < 0) return undefined
    // the general path numbers regions and industries in the order of the first row it keeps
    if (r === UNNUMBERED) r = regions.number(region)
    if (ind === UNNUMBERED) ind = industries.number(industry)
    if (!cells.add(r, ind, y, value)) return undefined
  }
  return cells.panel(regions.labels, industries.labels, yearColumn >= 0 ? [...yearIndex.keys()] : [null])
}

const LF = 10
const CR = 13

/** The states of a code that is not (yet) a label number: see {@link Codes}. */
const UNNUMBERED = -1
const FILTERED = -2
const EMPTY = -3
const UNCHECKED = -4

/**
 * The distinct codes of one column, each with an id in order of appearance, in an open-addressing hash table keyed by
 * the hash of the code's char codes (computed by the caller while it scans the field).
 */
class Codes {
  private readonly codes: Array<string> = []
  /**
   * Per id: UNCHECKED until the filter is asked about it, then FILTERED or UNNUMBERED until a row with it is kept, then
   * its label number; EMPTY for the empty code (which the filter is not asked about).
   */
  readonly state: Array<number> = []
  readonly labels: Array<string> = []
  // the char codes of the codes one after the other, code `id` at [offsets[id], offsets[id + 1]): comparing against a
  // typed array is cheaper than against the text
  private chars = new Uint16Array(4096)
  private readonly offsets: Array<number> = [0]
  // the table: per slot, id + 1 (0 for a free slot), hash and length
  private slots = new Int32Array(1024)
  private hashes = new Int32Array(1024)
  private lengths = new Int32Array(1024)
  private mask = 1023
  private shift = 22 // 32 − log2(slots.length)

  constructor(private readonly keep: ((code: string) => boolean) | undefined) {}

  /**
   * The id of the code text[start, end), whose hash is `hash` and whose char codes or'ed together are `wide`; a new
   * code is added.
   */
  id(text: string, start: number, end: number, hash: number, wide: number): number {
    const length = end - start
    // up to four chars below 256 are the hash itself
    const exact = length <= 4 && wide < 256
    for (let s = this.slot(hash); ; s = (s + 1) & this.mask) {
      const entry = this.slots[s]!
      if (entry === 0) break
      if (this.hashes[s] === hash && this.lengths[s] === length && (exact || this.at(entry - 1, text, start))) {
        return entry - 1
      }
    }
    const code = text.slice(start, end)
    const id = this.codes.length
    this.codes.push(code)
    this.state.push(code === "" ? EMPTY : this.keep ? UNCHECKED : UNNUMBERED)
    let offset = this.offsets[id]!
    if (offset + length > this.chars.length) {
      const chars = new Uint16Array(2 * (offset + length))
      chars.set(this.chars)
      this.chars = chars
    }
    for (let k = start; k < end; k++) this.chars[offset++] = text.charCodeAt(k)
    this.offsets.push(offset)
    if (2 * this.codes.length > this.slots.length) this.rehash()
    this.insert(id, hash, length)
    return id
  }

  /** Whether the text from `start` begins with code `id`. */
  private at(id: number, text: string, start: number): boolean {
    const end = this.offsets[id + 1]!
    for (let k = this.offsets[id]!, j = start; k < end; k++, j++) {
      if (this.chars[k] !== text.charCodeAt(j)) return false
    }
    return true
  }

  /** Asks the filter about code `id`: its state is then FILTERED or UNNUMBERED. */
  check(id: number): number {
    const state = this.keep!(this.codes[id]!) ? UNNUMBERED : FILTERED
    this.state[id] = state
    return state
  }

  /** Gives the code its label number, the next one. */
  number(id: number): number {
    const label = this.labels.length
    this.labels.push(this.codes[id]!)
    this.state[id] = label
    return label
  }

  /**
   * The first slot to probe: Fibonacci hashing takes the top bits of hash × 2³²/φ, since the low bits of the hashes
   * of codes like I100, I101, … are consecutive and would cluster.
   */
  private slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift
  }

  private insert(id: number, hash: number, length: number): void {
    let s = this.slot(hash)
    while (this.slots[s] !== 0) s = (s + 1) & this.mask
    this.slots[s] = id + 1
    this.hashes[s] = hash
    this.lengths[s] = length
  }

  /** Doubles the table, so it stays at most half full. */
  private rehash(): void {
    const { slots, hashes, lengths } = this
    this.slots = new Int32Array(2 * slots.length)
    this.hashes = new Int32Array(2 * slots.length)
    this.lengths = new Int32Array(2 * slots.length)
    this.mask = this.slots.length - 1
    this.shift--
    for (let s = 0; s < slots.length; s++) {
      if (slots[s] !== 0) this.insert(slots[s]! - 1, hashes[s]!, lengths[s]!)
    }
  }
}

/**
 * The kept cells in reading order, compactly, since memory written for the first time is slow: region and industry
 * packed in one int, and the values as int32 while all are (counts usually are), so about 8 bytes a cell.
 */
class Cells {
  count = 0
  // a cell's key is region << shift | industry, with 2^shift above every industry so far
  private shift = 8
  private regions = 0 // 1 + the highest region so far
  private keys: Int32Array
  private years: Int32Array // empty without a year column
  private counts: Int32Array
  private values: Float64Array | undefined // instead of counts, from the first value that is not an int32

  constructor(
    private capacity: number,
    withYear: boolean
  ) {
    this.keys = new Int32Array(capacity)
    this.years = new Int32Array(withYear ? capacity : 0)
    this.counts = new Int32Array(capacity)
  }

  /** Adds a cell; false (leave it to the general path) if the keys would need more than 31 bits. */
  add(region: number, industry: number, year: number, value: number): boolean {
    if (region >= this.regions) {
      if (region >= 2 ** (31 - this.shift)) return false
      this.regions = region + 1
    }
    if (industry >>> this.shift !== 0 && !this.widen(industry)) return false
    if (this.count === this.capacity) this.grow()
    const k = this.count++
    this.keys[k] = (region << this.shift) | industry
    if (this.years.length > 0) this.years[k] = year
    // Object.is, as -0 is a value of its own (the general path keeps it)
    if (this.values !== undefined) this.values[k] = value
    else if (Object.is(value, value | 0)) this.counts[k] = value
    else {
      this.values = Float64Array.from(this.counts)
      this.values[k] = value
      this.counts = new Int32Array(0)
    }
    return true
  }

  /** The panel of the cells (years sorted), or `undefined` if a cell repeats. */
  panel(regions: Array<string>, industries: Array<string>, years: Array<number | null>): Panel | undefined {
    const order = years.map((_, k) => k)
    if (years.length > 1) order.sort((a, b) => years[a]! - years[b]!)
    const slot = new Int32Array(order.length)
    order.forEach((k, position) => {
      slot[k] = position
    })
    const I = industries.length
    const size = regions.length * I
    const values = order.map(() => new Float64Array(size))
    const seen = order.map(() => new Uint8Array(size))
    // made before the loops: code optimised while in a loop lacks feedback for what follows it, and this object
    // literal after them made that code be thrown away on every call
    const panel = { regions, industries, years: order.map((k) => years[k]!), values }
    const { keys, shift, count, counts, years: cellYears, values: doubles } = this
    const mask = (1 << shift) - 1
    // a repeated cell is left to the general path, which names both lines
    if (order.length === 1 && doubles === undefined) {
      // the common case, one year of counts, in a loop of its own: a few per cent faster overall
      const seenHere = seen[0]!
      const valuesHere = values[0]!
      for (let k = 0; k < count; k++) {
        const cell = (keys[k]! >>> shift) * I + (keys[k]! & mask)
        if (seenHere[cell]) return undefined
        seenHere[cell] = 1
        valuesHere[cell] = counts[k]!
      }
      return panel
    }
    for (let k = 0; k < count; k++) {
      const y = cellYears.length > 0 ? slot[cellYears[k]!]! : 0
      const cell = (keys[k]! >>> shift) * I + (keys[k]! & mask)
      if (seen[y]![cell]) return undefined
      seen[y]![cell] = 1
      values[y]![cell] = doubles === undefined ? counts[k]! : doubles[k]!
    }
    return panel
  }

  /** Makes room in the keys for `industry`, rewriting the keys so far. */
  private widen(industry: number): boolean {
    const shift = 32 - Math.clz32(industry)
    if (this.regions > 2 ** (31 - shift)) return false
    const mask = (1 << this.shift) - 1
    for (let k = 0; k < this.count; k++) {
      const key = this.keys[k]!
      this.keys[k] = ((key >>> this.shift) << shift) | (key & mask)
    }
    this.shift = shift
    return true
  }

  private grow(): void {
    this.capacity *= 2
    this.keys = grown(this.keys, this.capacity)
    this.years = grown(this.years, this.capacity)
    this.counts = grown(this.counts, this.capacity)
    if (this.values !== undefined) {
      const values = new Float64Array(this.capacity)
      values.set(this.values)
      this.values = values
    }
  }
}

/** A copy of `a` with room for `capacity`, or `a` itself if empty (an array not in use). */
const grown = (a: Int32Array, capacity: number): Int32Array => {
  if (a.length === 0) return a
  const out = new Int32Array(capacity)
  out.set(a)
  return out
}

/**
 * A field as `Csv.number` reads it: a plain integer of up to 15 digits directly, anything else by `Csv.parseNumber`
 * with the file's decimal separator. `undefined` when `Csv.number` would throw.
 */
const readNumber = (text: string, start: number, end: number, decimal: Csv.Decimal): number | null | undefined => {
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
  return Csv.parseNumber(text.slice(start, end), decimal)
}
