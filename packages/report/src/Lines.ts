import { extent } from "d3-array"
import { scaleLinear } from "d3-scale"
import { line as d3line } from "d3-shape"
import type { Chart, Scale } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, legend, root, text, yAxis } from "./internal/Svg.js"
import { formatNumber, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Trend lines over periods: one line per series with markers, gaps where a value is missing, and an optional
 * horizontal reference (e.g. the EU average or a target).
 *
 * @since 0.1.0
 */

/**
 * A series: a label and one value per period (`null` = missing).
 *
 * @since 0.1.0
 */
export interface Series {
  readonly label: string
  readonly values: ReadonlyArray<number | null>
  /** Draw dashed (e.g. targets). */
  readonly dashed?: boolean
}

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface LinesInput extends Frame {
  readonly lang: Lang
  readonly periods: ReadonlyArray<number>
  readonly series: ReadonlyArray<Series>
  readonly valueLabel: string
  readonly periodLabel?: string
  readonly reference?: { readonly value: number; readonly label: string }
  readonly digits?: number
  readonly width?: number
  /** Include zero in the value axis (default false). */
  readonly zero?: boolean
}

/**
 * The scales: periods on x (their extent), values on y (their extent, the reference and optionally 0, nice).
 *
 * @since 0.1.0
 */
export const scales = (input: LinesInput, width: number, height: number): { x: Scale; y: Scale } =>
  axes(input, width, height)

const axes = (input: LinesInput, width: number, height: number) => {
  const values = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)))
  if (input.reference) values.push(input.reference.value)
  if (input.zero) values.push(0)
  const [lo, hi] = values.length > 0 ? (extent(values) as [number, number]) : [0, 1]
  const pad = lo === hi ? Math.max(1, Math.abs(lo) * 0.1) : 0
  const [p0, p1] = input.periods.length > 0 ? (extent(input.periods) as [number, number]) : [0, 1]
  return {
    x: scaleLinear()
      .domain([p0, p1 === p0 ? p0 + 1 : p1])
      .range([64, width - 130]),
    y: scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([height - 50, 14])
      .nice()
  }
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: LinesInput): string => {
  const width = input.width ?? 640
  const height = 300
  const { x, y } = axes(input, width, height)
  const digits = input.digits ?? 1
  const [y0] = y.range() as [number, number]
  let out = yAxis(y, 64, width - 130, input.lang, input.valueLabel)
  // periods are integers (years); ticks at every period up to 12, else the scale's own ticks
  const periodTicks = input.periods.length <= 12 ? input.periods : x.ticks(8).filter((t) => Number.isInteger(t))
  out += leaf("line", { x1: 64, x2: width - 130, y1: y0, y2: y0, stroke: "#333" })
  for (const p of periodTicks) {
    out += leaf("line", { x1: x(p), x2: x(p), y1: y0, y2: y0 + 4, stroke: "#333" })
    out += text(String(p), { x: x(p), y: y0 + 16, "text-anchor": "middle", fill: "#333" })
  }
  if (input.periodLabel)
    out += text(input.periodLabel, { x: (64 + width - 130) / 2, y: y0 + 34, "text-anchor": "middle", fill: "#111" })
  if (input.reference) {
    const yr = y(input.reference.value)
    out += leaf("line", {
      x1: 64,
      x2: width - 130,
      y1: yr,
      y2: yr,
      stroke: "#777",
      "stroke-dasharray": "4 3",
      class: "ik-reference"
    })
    out += text(input.reference.label, { x: width - 126, y: yr + 4, fill: "#555" })
  }
  const path = d3line<number | null>()
    .defined((v) => v !== null && Number.isFinite(v))
    .x((_, k) => x(input.periods[k]!))
    .y((v) => y(v ?? 0))
  input.series.forEach((s, k) => {
    const colour = category(k)
    let g = leaf("path", {
      d: path([...s.values]) ?? "",
      fill: "none",
      stroke: colour,
      "stroke-width": 2,
      "stroke-dasharray": s.dashed ? "6 4" : undefined
    })
    s.values.forEach((v, j) => {
      if (v === null || !Number.isFinite(v)) return
      g += el(
        "circle",
        { cx: x(input.periods[j]!), cy: y(v), r: 3, fill: colour },
        el("title", {}, esc(`${s.label} ${input.periods[j]}: ${formatNumber(v, input.lang, digits)}`))
      )
    })
    out += el("g", { class: "ik-line" }, g)
  })
  const lg = legend(
    input.series.map((s, k) => ({ label: s.label, colour: category(k) })),
    64,
    height,
    width - 80
  )
  return root("lines", input, width, height + lg.height + 4, out + lg.svg)
}

/**
 * The data table: one row per series, one column per period.
 *
 * @since 0.1.0
 */
export const table = (input: LinesInput): string =>
  Table.render({
    caption: input.title,
    columns: [
      { label: "" },
      ...input.periods.map((p) => ({ label: String(p), numeric: true, digits: input.digits ?? 1 }))
    ],
    rows: input.series.map((s) => [s.label, ...input.periods.map((_, k) => s.values[k] ?? null)]),
    lang: input.lang
  })

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: LinesInput): Chart => ({ svg: svg(input), table: table(input) })
