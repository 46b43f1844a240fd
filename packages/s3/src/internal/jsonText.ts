/**
 * JSON text of labelled grids written into a growing byte buffer, for `Analysis.toJsonText`. The numbers of a row are
 * formatted by one `JSON.stringify` of a reused array of doubles (V8 writes them straight into its own buffer, the
 * same shortest round-trip text as `String(x)`, NaN and ±Infinity as `null`), and the keys are copied in between at
 * the commas. So no string is allocated per cell: a row costs one string, the whole text one decode at the end.
 */

const encoder = new TextEncoder()

/**
 * The order in which `JSON.stringify` writes the keys of an object built by inserting `labels` in order: keys that are
 * array indices ("0", "10", but not "010" or "-1") come first in ascending numeric order, the others keep their order.
 */
export const keyOrder = (labels: ReadonlyArray<string>): Int32Array => {
  const indices: Array<number> = []
  const names: Array<number> = []
  labels.forEach((label, k) => {
    const n = Number(label)
    if (Number.isInteger(n) && n >= 0 && n < 4294967295 && String(n) === label) indices.push(k)
    else names.push(k)
  })
  indices.sort((a, b) => Number(labels[a]) - Number(labels[b]))
  return Int32Array.from([...indices, ...names])
}

/** UTF-8 of `"key":` for each label in key order, the first without and the others with a leading comma. */
export interface Keys {
  readonly order: Int32Array
  readonly bytes: Uint8Array
  /** Key `position` is `bytes[start[position]] … bytes[start[position + 1] − 1]`. */
  readonly start: Int32Array
}

export const keys = (labels: ReadonlyArray<string>): Keys => {
  const order = keyOrder(labels)
  const texts = Array.from(order, (k, position) => `${position === 0 ? "" : ","}${JSON.stringify(labels[k])}:`)
  const encoded = texts.map((t) => encoder.encode(t))
  const start = new Int32Array(encoded.length + 1)
  for (let k = 0; k < encoded.length; k++) start[k + 1] = start[k]! + encoded[k]!.length
  const bytes = new Uint8Array(start[encoded.length]!)
  encoded.forEach((e, k) => {
    bytes.set(e, start[k]!)
  })
  return { order, bytes, start }
}

/** A growing UTF-8 byte buffer. */
export class Writer {
  bytes: Uint8Array
  length = 0

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(capacity)
  }

  ensure(n: number): void {
    if (this.length + n <= this.bytes.length) return
    const next = new Uint8Array(Math.max(2 * this.bytes.length, this.length + n))
    next.set(this.bytes.subarray(0, this.length))
    this.bytes = next
  }

  /** Writes a string (any text; ASCII is copied directly). */
  text(s: string): void {
    this.ensure(3 * s.length)
    const bytes = this.bytes
    let p = this.length
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k)
      if (c >= 128) {
        this.length = p
        const encoded = encoder.encode(s.slice(k))
        this.ensure(encoded.length)
        this.bytes.set(encoded, this.length)
        this.length += encoded.length
        return
      }
      bytes[p++] = c
    }
    this.length = p
  }

  /** Copies bytes in. */
  append(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.bytes.set(bytes, this.length)
    this.length += bytes.length
  }

  /** The bytes written (a view of the buffer, no copy). */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length)
  }
}

const COMMA = 44
const CLOSE_BRACKET = 93

const rowKey = (w: Writer, rows: Keys, q: number): void => {
  const from = rows.start[q]!
  const to = rows.start[q + 1]!
  w.ensure(to - from + 1)
  const out = w.bytes
  let p = w.length
  for (let k = from; k < to; k++) out[p++] = rows.bytes[k]!
  out[p++] = 123 // {
  w.length = p
}

/** `{"region":{"industry":0 or 1,…},…}` of a row-major 0/1 grid, keys in `JSON.stringify` order. */
export const bits = (w: Writer, values: Uint8Array, rows: Keys, columns: Keys): void => {
  const I = columns.order.length
  const { bytes: keyBytes, start: keyStart, order: columnOrder } = columns
  // a row with every value 0, copied and then patched: position → offset of its digit
  const template = new Uint8Array(keyBytes.length + I)
  const digit = new Int32Array(I)
  let t = 0
  for (let position = 0; position < I; position++) {
    for (let k = keyStart[position]!; k < keyStart[position + 1]!; k++) template[t++] = keyBytes[k]!
    digit[position] = t
    template[t++] = 48
  }
  w.text("{")
  for (let q = 0; q < rows.order.length; q++) {
    rowKey(w, rows, q)
    w.ensure(template.length + 1)
    const out = w.bytes
    const p = w.length
    out.set(template, p)
    const base = rows.order[q]! * I
    for (let position = 0; position < I; position++)
      if (values[base + columnOrder[position]!]) out[p + digit[position]!] = 49
    w.length = p + template.length
    out[w.length++] = 125 // }
  }
  w.text("}")
}

/**
 * `{"region":{"industry":value,…},…}` of a row-major grid of numbers, keys in `JSON.stringify` order, NaN and
 * ±Infinity as `null`.
 */
export const numbers = (w: Writer, values: Float64Array, rows: Keys, columns: Keys): void => {
  w.text("{")
  numberRows(w, values, rows, columns, 0, rows.order.length)
  w.text("}")
}

/** The rows at key positions `from` … `to − 1` of {@link numbers}, without the enclosing braces. */
export const numberRows = (
  w: Writer,
  values: Float64Array,
  rows: Keys,
  columns: Keys,
  from: number,
  to: number
): void => {
  const I = columns.order.length
  // one array of doubles reused for every row (filled with doubles first, so V8 keeps it unboxed)
  const buffer = Array.from({ length: I }, () => 0.5)
  const { bytes: keyBytes, start: keyStart, order: columnOrder } = columns
  const keyTotal = keyBytes.length
  for (let q = from; q < to; q++) {
    rowKey(w, rows, q)
    const base = rows.order[q]! * I
    for (let position = 0; position < I; position++) buffer[position] = values[base + columnOrder[position]!]!
    const text = JSON.stringify(buffer) // "[a,b,…]"
    w.ensure(keyTotal + text.length + 1)
    const out = w.bytes
    let p = w.length
    let c = 1
    for (let position = 0; position < I; position++) {
      const end = keyStart[position + 1]!
      for (let k = keyStart[position]!; k < end; k++) out[p++] = keyBytes[k]!
      for (let ch = text.charCodeAt(c++); ch !== COMMA && ch !== CLOSE_BRACKET; ch = text.charCodeAt(c++)) out[p++] = ch
    }
    out[p++] = 125 // }
    w.length = p
  }
}
