import { max } from "d3-array"
import { scaleBand, scaleLinear } from "d3-scale"
import { stack } from "d3-shape"
import type { Chart } from "./Figure.js"
import { el, esc } from "./internal/Html.js"
import { type Frame, hatchDefs, idFrom, legend, root, text, yAxis, yAxisLeft } from "./internal/Svg.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
import * as Suppress from "./Suppress.js"
import * as Table from "./Table.js"

/**
 * Stacked vertical bars: categories on x (years, places), one stacked segment per series (funding sources,
 * meeting types), totals on top. Non-negative values only (amounts and counts). With `suppressBelow`, small
 * segments and totals are hatched at a token height and labelled "<5".
 *
 * @since 0.1.0
 */

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface StackedBarsInput extends Frame {
  readonly lang: Lang
  readonly categories: ReadonlyArray<string>
  /** `values[k]` has one non-negative number per category. */
  readonly series: ReadonlyArray<{ readonly label: string; readonly values: ReadonlyArray<number> }>
  readonly valueLabel: string
  readonly categoryLabel: string
  readonly digits?: number
  readonly suppressBelow?: number
  readonly width?: number
}

/**
 * The stacked layout of d3-shape: for each series, [lower, upper] per category (suppressed segments take a token
 * height of 0 so they do not reveal their size).
 *
 * @since 0.1.0
 */
export const layers = (input: StackedBarsInput): Array<Array<readonly [number, number]>> =>
  stacked(input).map((layer) => layer.map((d) => [d[0], d[1]] as const))

const stacked = (input: StackedBarsInput) => {
  const rows = input.categories.map((_, c) => {
    const row: Record<string, number> = {}
    input.series.forEach((s, k) => {
      const v = Math.max(0, s.values[c] ?? 0)
      row[k] = input.suppressBelow !== undefined && Suppress.isSuppressed(v, input.suppressBelow) ? 0 : v
    })
    return row
  })
  return stack<Record<string, number>>().keys(input.series.map((_, k) => String(k)))(rows)
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: StackedBarsInput): string => {
  const width = input.width ?? 640
  const height = 320
  const layout = stacked(input)
  const top = max(layout.at(-1) ?? [], (d) => d[1]) ?? 0
  const y = scaleLinear()
    .domain([0, top > 0 ? top : 1])
    .range([height - 60, 16])
    .nice()
  const digits = input.digits ?? 0
  const left = yAxisLeft(y, input.lang, 80, 5, digits === 0)
  const x = scaleBand<number>()
    .domain(input.categories.map((_, k) => k))
    .range([left, width - 16])
    .padding(0.2)
  const hatch = idFrom("hatch", input.title)
  let out = hatchDefs(hatch) + yAxis(y, left, width - 16, input.lang, input.valueLabel, 5, digits === 0)
  const hidden = (v: number) => input.suppressBelow !== undefined && Suppress.isSuppressed(v, input.suppressBelow)
  input.categories.forEach((cat, c) => {
    const x0 = x(c)!
    let segs = ""
    let hiddenCount = 0
    layout.forEach((layer, k) => {
      const d = layer[c]!
      const raw = input.series[k]!.values[c] ?? 0
      if (hidden(raw)) hiddenCount++
      if (d[1] - d[0] <= 0) return
      segs += el(
        "rect",
        {
          x: x0,
          y: y(d[1]),
          width: x.bandwidth(),
          height: y(d[0]) - y(d[1]),
          fill: category(k),
          stroke: "#fff",
          "stroke-width": 0.5
        },
        el("title", {}, esc(`${cat} – ${input.series[k]!.label}: ${formatNumber(raw, input.lang, digits)}`))
      )
    })
    const total = input.series.reduce((t, s) => t + Math.max(0, s.values[c] ?? 0), 0)
    const yTop = y(layout.at(-1)?.[c]?.[1] ?? 0)
    if (hiddenCount > 0)
      segs += el(
        "rect",
        {
          x: x0,
          y: yTop - 8,
          width: x.bandwidth(),
          height: 8,
          fill: `url(#${hatch})`,
          stroke: "#777",
          "stroke-width": 0.5
        },
        el("title", {}, esc(`${cat}: <${input.suppressBelow}`))
      )
    // with a hidden segment the total would disclose it by subtraction: show only the visible lower bound
    const visible = layout.at(-1)?.[c]?.[1] ?? 0
    const label =
      hiddenCount > 0
        ? `≥${formatNumber(visible, input.lang, digits)}`
        : hidden(total)
          ? `<${input.suppressBelow}`
          : formatNumber(total, input.lang, digits)
    segs += text(label, {
      x: x0 + x.bandwidth() / 2,
      y: yTop - (hiddenCount > 0 ? 12 : 4),
      "text-anchor": "middle",
      fill: "#111",
      "font-size": 11
    })
    segs += text(cat, {
      x: x0 + x.bandwidth() / 2,
      y: height - 44,
      "text-anchor": "middle",
      fill: "#111",
      "font-size": 11
    })
    out += el("g", { class: "ik-stack" }, segs)
  })
  const lg = legend(
    input.series.map((s, k) => ({ label: s.label, colour: category(k) })),
    left,
    height - 26,
    width - left - 20
  )
  return root("stacked", input, width, height - 26 + lg.height + 4, out + lg.svg)
}

/**
 * The data table: one row per category, one column per series, and the total.
 *
 * @since 0.1.0
 */
export const table = (input: StackedBarsInput): string => {
  const digits = input.digits ?? 0
  const cell = (v: number): Table.Cell =>
    input.suppressBelow === undefined ? v : Suppress.count(v, input.suppressBelow)
  const totalCell = (c: number): Table.Cell => {
    const values = input.series.map((s) => Math.max(0, s.values[c] ?? 0))
    const total = values.reduce((t, v) => t + v, 0)
    if (input.suppressBelow === undefined) return total
    const below = input.suppressBelow
    if (!values.some((v) => Suppress.isSuppressed(v, below))) return cell(total)
    const visible = values.reduce((t, v) => (Suppress.isSuppressed(v, below) ? t : t + v), 0)
    return `≥${formatNumber(visible, input.lang, digits)}`
  }
  return Table.render({
    caption: input.title,
    columns: [
      { label: input.categoryLabel },
      ...input.series.map((s) => ({ label: s.label, numeric: true, digits })),
      { label: words.total[input.lang], numeric: true, digits }
    ],
    rows: input.categories.map((cat, c) => [cat, ...input.series.map((s) => cell(s.values[c] ?? 0)), totalCell(c)]),
    lang: input.lang
  })
}

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: StackedBarsInput): Chart => ({ svg: svg(input), table: table(input) })
