/**
 * The JSON of one grid written by several threads: the rows are cut into blocks, each thread claims the next block
 * through a counter in shared memory until none is left and writes its blocks into its own buffer, and the blocks are
 * then put together in order. A thread that arrives late simply claims fewer blocks, so the work balances itself.
 */
import { type Keys, numberRows, Writer } from "./jsonText.js"

/** Rows per block: small enough to balance two threads, large enough that claiming costs nothing. */
export const BLOCK_ROWS = 16

/** One thread's blocks: its bytes, and for block b the offset `spans[2b]` (−1 if not its block) and length `spans[2b + 1]`. */
export interface Part {
  readonly bytes: Uint8Array
  readonly spans: Int32Array
}

/** Writes blocks claimed from `counter[0]` until every block is taken. */
export const claim = (values: Float64Array, rows: Keys, columns: Keys, counter: Int32Array): Part => {
  const R = rows.order.length
  const blocks = Math.ceil(R / BLOCK_ROWS)
  const spans = new Int32Array(2 * blocks).fill(-1)
  // about this thread's share: the buffer grows if it takes more
  const w = new Writer(Math.ceil((R * (columns.bytes.length + 20 * columns.order.length)) / 2) + 1024)
  for (let b = Atomics.add(counter, 0, 1); b < blocks; b = Atomics.add(counter, 0, 1)) {
    const start = w.length
    numberRows(w, values, rows, columns, b * BLOCK_ROWS, Math.min(R, (b + 1) * BLOCK_ROWS))
    spans[2 * b] = start
    spans[2 * b + 1] = w.length - start
  }
  return { bytes: w.result(), spans }
}

/** `{` + every block in order, from whichever part wrote it, + `}`. */
export const join = (w: Writer, parts: ReadonlyArray<Part>): void => {
  w.text("{")
  const blocks = parts[0]!.spans.length / 2
  for (let b = 0; b < blocks; b++) {
    const part = parts.find((p) => p.spans[2 * b]! >= 0)!
    const offset = part.spans[2 * b]!
    w.append(part.bytes.subarray(offset, offset + part.spans[2 * b + 1]!))
  }
  w.text("}")
}
