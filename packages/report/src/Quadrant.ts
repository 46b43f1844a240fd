import { extent, max, median } from "d3-array"
import { scaleLinear, scaleSqrt } from "d3-scale"
import type { Chart } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, legend, root, text, xAxis, yAxis } from "./internal/Svg.js"
import { formatNumber, type Label, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * The relatedness × complexity bubble chart of Balland, Boschma, Crespo & Rigby (2019, *Regional Studies*
 * 53(9)): candidate activities of a region placed by relatedness density (x, feasibility) and complexity (y,
 * benefit), bubble area by size (e.g. employment), split into four quadrants at the median (or mean) of the
 * candidates. Upper right = low risk, high benefit.
 *
 * @since 0.1.0
 */

/**
 * One bubble.
 *
 * @since 0.1.0
 */
export interface Point {
  readonly label: string
  readonly x: number
  readonly y: number
  /** Bubble area is proportional to size (default 1). */
  readonly size?: number
  /** Drawn in the second colour and labelled (e.g. activities the region already specialises in). */
  readonly highlight?: boolean
}

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface QuadrantInput extends Frame {
  readonly lang: Lang
  readonly points: ReadonlyArray<Point>
  readonly xLabel: string
  readonly yLabel: string
  readonly sizeLabel?: string
  /** Where the quadrant lines go: the median (default) or mean of the points, or given values. */
  readonly split?: "median" | "mean" | { readonly x: number; readonly y: number }
  /** Legend labels of ordinary and highlighted points. */
  readonly pointLabels?: { readonly normal: string; readonly highlight: string }
  /** Label every point (default: all when there are at most 15, else the highlighted ones and 12 in the upper right). */
  readonly labelAll?: boolean
  readonly digits?: number
  readonly width?: number
}

/**
 * The four quadrants, numbered as in the methods doc (§1.8).
 *
 * @since 0.1.0
 */
export const quadrantLabels: Readonly<Record<1 | 2 | 3 | 4, Label>> = {
  1: { sv: "Låg risk, hög nytta", en: "Low risk, high benefit" },
  2: { sv: "Låg risk, låg nytta", en: "Low risk, low benefit" },
  3: { sv: "Hög risk, hög nytta", en: "High risk, high benefit" },
  4: { sv: "Hög risk, låg nytta", en: "High risk, low benefit" }
}

/**
 * The split point of the quadrants.
 *
 * @since 0.1.0
 */
export const splitOf = (input: QuadrantInput): { x: number; y: number } => {
  const s = input.split ?? "median"
  if (typeof s === "object") return s
  const xs = input.points.map((p) => p.x)
  const ys = input.points.map((p) => p.y)
  const f = s === "median" ? median : (a: Array<number>) => a.reduce((t, v) => t + v, 0) / a.length
  return { x: f(xs) ?? 0, y: f(ys) ?? 0 }
}

/**
 * The quadrant (1–4) of a point: at or above the split counts as high.
 *
 * @since 0.1.0
 */
export const quadrantOf = (point: { x: number; y: number }, split: { x: number; y: number }): 1 | 2 | 3 | 4 => {
  const hx = point.x >= split.x
  const hy = point.y >= split.y
  return hx ? (hy ? 1 : 2) : hy ? 3 : 4
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: QuadrantInput): string => {
  const width = input.width ?? 640
  const height = 440
  const pts = input.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
  const split = splitOf({ ...input, points: pts })
  const [x0, x1] = pts.length ? (extent([...pts.map((p) => p.x), split.x]) as [number, number]) : [0, 1]
  const [y0, y1] = pts.length ? (extent([...pts.map((p) => p.y), split.y]) as [number, number]) : [0, 1]
  const x = scaleLinear()
    .domain([x0, x1 === x0 ? x0 + 1 : x1])
    .range([70, width - 20])
    .nice()
  const y = scaleLinear()
    .domain([y0, y1 === y0 ? y0 + 1 : y1])
    .range([height - 70, 40])
    .nice()
  const r = scaleSqrt()
    .domain([0, max(pts, (p) => p.size ?? 1) ?? 1])
    .range([0, 18])
  let out = xAxis(x, height - 70, 40, input.lang, input.xLabel)
  out += yAxis(y, 70, width - 20, input.lang, input.yLabel)
  const sx = x(split.x)
  const sy = y(split.y)
  out += leaf("line", { x1: sx, x2: sx, y1: 40, y2: height - 70, stroke: "#555", "stroke-dasharray": "6 4" })
  out += leaf("line", { x1: 70, x2: width - 20, y1: sy, y2: sy, stroke: "#555", "stroke-dasharray": "6 4" })
  const q = quadrantLabels
  // the quadrant names sit outside the plot (above it and under the axis title) so they never cover a bubble
  const corner = (k: 1 | 2 | 3 | 4, x: number, yy: number, anchor: "start" | "end") =>
    text(q[k][input.lang], {
      x,
      y: yy,
      "text-anchor": anchor,
      fill: "#444",
      "font-weight": "bold",
      class: "ik-quadrant"
    })
  out += corner(3, 70, 28, "start") + corner(1, width - 20, 28, "end")
  out += corner(4, 70, height - 12, "start") + corner(2, width - 20, height - 12, "end")
  // large bubbles first so small ones stay visible on top
  const order = [...pts].sort((a, b) => (b.size ?? 1) - (a.size ?? 1))
  const upperRight = pts
    .filter((p) => quadrantOf(p, split) === 1)
    .sort((a, b) => b.x + b.y - (a.x + a.y))
    .slice(0, 12)
  const labelled = new Set(
    (input.labelAll ?? pts.length <= 15) ? pts : [...pts.filter((p) => p.highlight), ...upperRight]
  )
  const digits = input.digits ?? 2
  for (const p of order) {
    const colour = p.highlight ? category(1) : category(0)
    out += el(
      "circle",
      {
        cx: x(p.x),
        cy: y(p.y),
        r: Math.max(2.5, r(p.size ?? 1)),
        fill: colour,
        "fill-opacity": 0.6,
        stroke: colour,
        class: "ik-bubble"
      },
      el(
        "title",
        {},
        esc(`${p.label}: ${formatNumber(p.x, input.lang, digits)}; ${formatNumber(p.y, input.lang, digits)}`)
      )
    )
  }
  // labels are nudged down until they clear the ones already placed (a greedy pass in y order)
  const placed: Array<{ x0: number; x1: number; y: number }> = []
  const byY = pts.filter((p) => labelled.has(p)).sort((a, b) => y(a.y) - y(b.y))
  for (const p of byY) {
    // labels of points in the right third go to the left of the bubble so they stay inside the frame
    const toLeft = x(p.x) > 70 + (width - 90) * 0.66
    const offset = Math.max(2.5, r(p.size ?? 1)) + 3
    const label = p.label.length > 28 ? `${p.label.slice(0, 27)}…` : p.label
    const w = label.length * 6
    const lx = toLeft ? x(p.x) - offset : x(p.x) + offset
    const box = { x0: toLeft ? lx - w : lx, x1: toLeft ? lx : lx + w, y: y(p.y) + 4 }
    while (placed.some((q) => q.x0 < box.x1 && box.x0 < q.x1 && Math.abs(q.y - box.y) < 12)) box.y += 12
    placed.push(box)
    out += text(label, {
      x: lx,
      "text-anchor": toLeft ? "end" : "start",
      y: box.y,
      stroke: "#ffffff",
      "stroke-width": 3,
      "paint-order": "stroke",
      fill: "#111",
      "font-size": 10.5,
      class: "ik-point-label"
    })
  }
  const labels = input.pointLabels
  const lg = labels
    ? legend(
        [
          { label: labels.normal, colour: category(0) },
          { label: labels.highlight, colour: category(1) }
        ],
        70,
        height + 4,
        width - 90
      )
    : { svg: "", height: 0 }
  return root("quadrant", input, width, height + 8 + lg.height, out + lg.svg)
}

/**
 * The data table: every point with x, y, size and quadrant, sorted by quadrant then by x + y.
 *
 * @since 0.1.0
 */
export const table = (input: QuadrantInput): string => {
  const split = splitOf(input)
  const digits = input.digits ?? 2
  const rows = input.points
    .map((p) => ({ p, q: quadrantOf(p, split) }))
    .sort((a, b) => a.q - b.q || b.p.x + b.p.y - (a.p.x + a.p.y))
  const columns: Array<Table.Column> = [
    { label: "" },
    { label: input.xLabel, numeric: true, digits },
    { label: input.yLabel, numeric: true, digits }
  ]
  if (input.sizeLabel) columns.push({ label: input.sizeLabel, numeric: true, digits: 0 })
  columns.push({ label: input.lang === "sv" ? "Kvadrant" : "Quadrant" })
  return Table.render({
    caption: input.title,
    columns,
    rows: rows.map(({ p, q }) => [
      p.label,
      p.x,
      p.y,
      ...(input.sizeLabel ? [p.size ?? null] : []),
      `${q}: ${quadrantLabels[q][input.lang]}`
    ]),
    lang: input.lang
  })
}

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: QuadrantInput): Chart => ({ svg: svg(input), table: table(input) })
