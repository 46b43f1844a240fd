import type { Csv } from "@innokraft/csv"

/** Reads a JSON-stat 2.0 dataset (what the SCB and Eurostat APIs return) as a long table: one column per dimension
 * (category codes) plus `value`. Missing values (`null` or absent in a sparse `value` object) are empty fields. */
export const toTable = (json: unknown, source: string): Csv.Table => {
  const fail = (detail: string): never => {
    throw new Error(`${source}: not a JSON-stat 2.0 dataset: ${detail}`)
  }
  const doc = json as Record<string, unknown>
  if (typeof doc !== "object" || doc === null) fail("expected a JSON object")
  const dataset =
    (doc.class === "collection" ? undefined : doc) ?? fail('a "collection" holds several datasets; export one')
  if (dataset.class !== "dataset") fail(`expected "class": "dataset", found ${JSON.stringify(dataset.class)}`)
  const ids = dataset.id as ReadonlyArray<string> | undefined
  const sizes = dataset.size as ReadonlyArray<number> | undefined
  const dimensions = dataset.dimension as Record<string, { category?: { index?: unknown } }> | undefined
  if (!Array.isArray(ids) || !Array.isArray(sizes) || ids.length !== sizes.length || !dimensions) {
    fail('expected "id" and "size" arrays of equal length and a "dimension" object')
  }
  const codes = ids!.map((id, d) => {
    const index = dimensions![id]?.category?.index
    let list: Array<string>
    if (Array.isArray(index)) list = index.map(String)
    else if (index && typeof index === "object") {
      list = []
      for (const [code, position] of Object.entries(index as Record<string, number>)) list[position] = code
    } else {
      // A dimension of one category may omit the index and give only a label.
      const labels = (dimensions![id] as { category?: { label?: Record<string, string> } })?.category?.label
      list = labels ? Object.keys(labels) : fail(`dimension "${id}" has no category index`)
    }
    if (list.length !== sizes![d]) fail(`dimension "${id}" has ${list.length} categories but size says ${sizes![d]}`)
    return list
  })
  const total = sizes!.reduce((a, b) => a * b, 1)
  const raw = dataset.value
  const valueAt: (k: number) => unknown = Array.isArray(raw)
    ? (k) => raw[k]
    : raw && typeof raw === "object"
      ? (k) => (raw as Record<string, unknown>)[k]
      : fail('expected "value" as an array or an object')
  if (Array.isArray(raw) && raw.length !== total) fail(`"value" has ${raw.length} entries, the sizes give ${total}`)
  const rows: Array<Array<string>> = []
  const lines: Array<number> = []
  const position = new Array<number>(ids!.length).fill(0)
  for (let k = 0; k < total; k++) {
    const v = valueAt(k)
    rows.push([...position.map((p, d) => codes[d]![p]!), v === null || v === undefined ? "" : String(v)])
    lines.push(k + 1)
    // Row-major order: the last dimension varies fastest.
    for (let d = ids!.length - 1; d >= 0; d--) {
      if (++position[d]! < sizes![d]!) break
      position[d] = 0
    }
  }
  return { source, header: [...ids!, "value"], rows, lines }
}
