import { max } from "d3-array"
import { scaleLinear } from "d3-scale"
import { curveLinearClosed, lineRadial } from "d3-shape"
import type { Chart, Scale } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, legend, root, text } from "./internal/Svg.js"
import { formatNumber, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Radar (spider) chart of one unit's pillars against a reference: one spoke per axis, one closed polygon per
 * series. Missing values break the outline at that spoke instead of pulling it to the centre.
 *
 * @since 0.1.0
 */

/**
 * A series: a legend label and one value per axis.
 *
 * @since 0.1.0
 */
export interface Series {
  readonly label: string
  readonly values: ReadonlyArray<number | null>
}

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface RadarInput extends Frame {
  readonly lang: Lang
  readonly axes: ReadonlyArray<string>
  /** The first series is drawn filled (the unit), the others as outlines (references). */
  readonly series: ReadonlyArray<Series>
  /** Value at the rim (default: the largest value, rounded up to a nice number). */
  readonly max?: number
  readonly digits?: number
  readonly size?: number
}

/**
 * The radial scale: 0 at the centre, `max` (or the nice maximum of the data) at the rim.
 *
 * @since 0.1.0
 */
export const radius = (input: RadarInput, outer: number): Scale => radial(input, outer)

const radial = (input: RadarInput, outer: number) => {
  const top = input.max ?? max(input.series.flatMap((s) => s.values.filter((v): v is number => v !== null))) ?? 1
  return scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([0, outer])
    .nice()
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: RadarInput): string => {
  const size = input.size ?? 420
  const side = Math.min(200, 12 + Math.max(...input.axes.map((a) => a.length), 4) * 6.6)
  const width = size + 2 * side - 120
  const cx = width / 2
  const outer = size / 2 - 60
  const cy = outer + 30
  const r = radial(input, outer)
  const n = input.axes.length
  const angle = (k: number) => (2 * Math.PI * k) / n
  let grid = ""
  for (const t of r.ticks(4)) {
    if (t === 0) continue
    const pts = input.axes.map((_, k) => {
      const a = angle(k)
      return `${(cx + r(t) * Math.sin(a)).toFixed(2)},${(cy - r(t) * Math.cos(a)).toFixed(2)}`
    })
    grid += leaf("polygon", { points: pts.join(" "), fill: "none", stroke: "#ccc" })
    grid += text(formatNumber(t, input.lang, 0), { x: cx + 3, y: cy - r(t) - 2, fill: "#666", "font-size": 10 })
  }
  input.axes.forEach((label, k) => {
    const a = angle(k)
    const x = cx + outer * Math.sin(a)
    const y = cy - outer * Math.cos(a)
    grid += leaf("line", { x1: cx, y1: cy, x2: x, y2: y, stroke: "#bbb" })
    const lx = cx + (outer + 12) * Math.sin(a)
    const ly = cy - (outer + 12) * Math.cos(a)
    const anchor = Math.abs(Math.sin(a)) < 0.2 ? "middle" : Math.sin(a) > 0 ? "start" : "end"
    grid += text(label, { x: lx, y: ly + 4, "text-anchor": anchor, fill: "#111", class: "ik-axis-label" })
  })
  const line = lineRadial<number | null>()
    .angle((_, k) => angle(k))
    .radius((v) => r(v ?? 0))
    .defined((v) => v !== null && Number.isFinite(v))
    .curve(curveLinearClosed)
  let shapes = ""
  input.series.forEach((s, k) => {
    const colour = category(k === 0 ? 0 : k + 1)
    const d = line([...s.values]) ?? ""
    shapes += el(
      "g",
      { class: "ik-series", transform: `translate(${cx.toFixed(2)} ${cy.toFixed(2)})` },
      leaf("path", {
        d,
        fill: k === 0 ? colour : "none",
        "fill-opacity": k === 0 ? 0.25 : undefined,
        stroke: colour,
        "stroke-width": 2,
        "stroke-dasharray": k === 0 ? undefined : "5 3"
      }),
      ...s.values.map((v, j) =>
        v === null || !Number.isFinite(v)
          ? ""
          : el(
              "circle",
              { cx: r(v) * Math.sin(angle(j)), cy: -r(v) * Math.cos(angle(j)), r: 3, fill: colour },
              el("title", {}, esc(`${s.label} – ${input.axes[j]}: ${formatNumber(v, input.lang, input.digits ?? 1)}`))
            )
      )
    )
  })
  const lg = legend(
    input.series.map((s, k) => ({ label: s.label, colour: category(k === 0 ? 0 : k + 1) })),
    20,
    cy + outer + 30,
    width - 40
  )
  return root("radar", input, width, cy + outer + 30 + lg.height + 4, grid + shapes + lg.svg)
}

/**
 * The data table: one row per axis, one column per series.
 *
 * @since 0.1.0
 */
export const table = (input: RadarInput): string =>
  Table.render({
    caption: input.title,
    columns: [
      { label: "" },
      ...input.series.map((s) => ({ label: s.label, numeric: true, digits: input.digits ?? 1 }))
    ],
    rows: input.axes.map((a, k) => [a, ...input.series.map((s) => s.values[k] ?? null)]),
    lang: input.lang
  })

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: RadarInput): Chart => ({ svg: svg(input), table: table(input) })
