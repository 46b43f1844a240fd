/**
 * Compressed sparse rows of a 0/1 matrix: the column indices of the ones of row r are
 * `index[start[r]] … index[start[r + 1] − 1]`. Used for the presence matrix M and its transpose, so every product with M
 * costs O(non-zeros), not O(rows × columns).
 */
export interface Sparse {
  readonly rows: number
  readonly columns: number
  readonly start: Int32Array
  readonly index: Int32Array
}

/** The rows of a dense row-major 0/1 matrix, keeping only the rows and columns whose mask entry is 1 (re-indexed). */
export const fromDense = (
  values: Uint8Array,
  rows: number,
  columns: number,
  rowMap: Int32Array,
  columnMap: Int32Array
): { readonly byRow: Sparse; readonly byColumn: Sparse } => {
  // rowMap[r] / columnMap[i] = new index, or −1 to leave out
  let nRows = 0
  let nColumns = 0
  for (let r = 0; r < rows; r++) if (rowMap[r]! >= 0) nRows++
  for (let i = 0; i < columns; i++) if (columnMap[i]! >= 0) nColumns++
  const rowStart = new Int32Array(nRows + 1)
  const columnCount = new Int32Array(nColumns + 1)
  let nnz = 0
  for (let r = 0; r < rows; r++) {
    const rr = rowMap[r]!
    if (rr < 0) continue
    const base = r * columns
    for (let i = 0; i < columns; i++) {
      const ii = columnMap[i]!
      if (values[base + i] !== 0 && ii >= 0) {
        nnz++
        columnCount[ii + 1]!++
      }
    }
    rowStart[rr + 1] = nnz
  }
  // rowMap is assumed increasing in r, so rowStart is filled in order
  const rowIndex = new Int32Array(nnz)
  for (let i = 0; i < nColumns; i++) columnCount[i + 1]! += columnCount[i]!
  const columnStart = columnCount.slice()
  const columnIndex = new Int32Array(nnz)
  const cursor = columnCount.slice(0, nColumns)
  let k = 0
  for (let r = 0; r < rows; r++) {
    const rr = rowMap[r]!
    if (rr < 0) continue
    const base = r * columns
    for (let i = 0; i < columns; i++) {
      const ii = columnMap[i]!
      if (values[base + i] !== 0 && ii >= 0) {
        rowIndex[k++] = ii
        columnIndex[cursor[ii]!++] = rr
      }
    }
  }
  return {
    byRow: { rows: nRows, columns: nColumns, start: rowStart, index: rowIndex },
    byColumn: { rows: nColumns, columns: nRows, start: columnStart, index: columnIndex }
  }
}

/** y = S x for a 0/1 sparse S (y has S.rows entries). */
export const multiply = (s: Sparse, x: Float64Array, y: Float64Array): void => {
  const { start, index } = s
  for (let r = 0; r < s.rows; r++) {
    let sum = 0
    const end = start[r + 1]!
    for (let k = start[r]!; k < end; k++) sum += x[index[k]!]!
    y[r] = sum
  }
}

/** Identity maps of a given length (keep everything). */
export const identityMap = (n: number): Int32Array => {
  const map = new Int32Array(n)
  for (let i = 0; i < n; i++) map[i] = i
  return map
}
