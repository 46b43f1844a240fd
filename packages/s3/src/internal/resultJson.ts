/**
 * The layout of `result.json` (`Analysis.toJsonBytes`): the head (rca, mcp and the vectors) and the tail (dropped) are
 * written here, the density grid between them by `numbers`, in this thread or in a worker (`Analysis.runParallel`).
 */
import type { Analysis } from "../Analysis.js"
import type { Dropped, Grid, Vector } from "../Matrix.js"
import { bits, type Keys, keyOrder, keys, numbers, type Writer } from "./jsonText.js"

/** The encoded region and industry keys of one analysis. */
export interface Layout {
  readonly rows: Keys
  readonly columns: Keys
}

export const make = (labels: Pick<Grid<Float64Array>, "regions" | "industries">): Layout => ({
  rows: keys(labels.regions),
  columns: keys(labels.industries)
})

/**
 * A generous size in bytes of the whole `result.json`: two grids of numbers (shortest round-trip doubles are mostly
 * 17–19 characters, at most 24) and one of 0/1, with their keys; the vectors are small beside them.
 */
export const estimate = (layout: Layout): number => {
  const R = layout.rows.order.length
  const I = layout.columns.order.length
  const keys = layout.rows.bytes.length + R * (layout.columns.bytes.length + 2)
  return 3 * keys + R * I * (2 * 20 + 1) + (1 << 16)
}

const vectorText = (v: Vector): string => {
  const order = keyOrder(v.labels)
  const parts = new Array<string>(order.length)
  order.forEach((k, position) => {
    const x = v.values[k]!
    parts[position] =
      `${position === 0 ? "" : ","}${JSON.stringify(v.labels[k])}:${Number.isFinite(x) ? String(x) : "null"}`
  })
  return `{${parts.join("")}}`
}

/** `{"rca":…,"mcp":…,"diversity":…,…,"complexity_fc":…,"density":` */
export const head = (
  w: Writer,
  layout: Layout,
  a: Pick<Analysis, "rca" | "mcp" | "diversity" | "ubiquity" | "eci" | "fitness">
): void => {
  w.text('{"rca":')
  numbers(w, a.rca.values, layout.rows, layout.columns)
  w.text(',"mcp":')
  bits(w, a.mcp.values, layout.rows, layout.columns)
  w.text(
    `,"diversity":${vectorText(a.diversity)},"ubiquity":${vectorText(a.ubiquity)},"eci":${vectorText(
      a.eci.eci
    )},"pci":${vectorText(a.eci.pci)},"fitness":${vectorText(a.fitness.fitness)},"complexity_fc":${vectorText(
      a.fitness.complexity
    )},"density":`
  )
}

/** `,"dropped":{…}}` */
export const tail = (w: Writer, dropped: Dropped): void => {
  w.text(`,"dropped":${JSON.stringify({ regions: dropped.regions, industries: dropped.industries })}}`)
}
