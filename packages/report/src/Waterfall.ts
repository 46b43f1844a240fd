import { extent } from "d3-array"
import { scaleBand, scaleLinear } from "d3-scale"
import type { Chart } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, legend, root, text, yAxis, yAxisLeft } from "./internal/Svg.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"
import { signed } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Waterfall chart: a start total, signed steps floating from the running total, and the end total — the
 * shift-share decomposition of employment change (national share, industry mix, regional competitive effect).
 *
 * @since 0.1.0
 */

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface WaterfallInput extends Frame {
  readonly lang: Lang
  /** The starting level (e.g. base-year employment); omit to start at 0. */
  readonly start?: { readonly label: string; readonly value: number }
  readonly steps: ReadonlyArray<{ readonly label: string; readonly value: number }>
  /** Label of the final total bar (start + Σ steps). */
  readonly endLabel: string
  readonly valueLabel: string
  readonly digits?: number
  readonly width?: number
}

/**
 * The bars: each with its lower and upper value and kind.
 *
 * @since 0.1.0
 */
export const bars = (
  input: WaterfallInput
): Array<{ label: string; from: number; to: number; value: number; kind: "total" | "up" | "down" }> => {
  const out: Array<{ label: string; from: number; to: number; value: number; kind: "total" | "up" | "down" }> = []
  let level = input.start?.value ?? 0
  if (input.start) out.push({ label: input.start.label, from: 0, to: level, value: level, kind: "total" })
  for (const s of input.steps) {
    out.push({ label: s.label, from: level, to: level + s.value, value: s.value, kind: s.value >= 0 ? "up" : "down" })
    level += s.value
  }
  out.push({ label: input.endLabel, from: 0, to: level, value: level, kind: "total" })
  return out
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: WaterfallInput): string => {
  const width = input.width ?? 640
  const height = 320
  const bs = bars(input)
  const digits = input.digits ?? 0
  const [lo, hi] = extent(bs.flatMap((b) => [b.from, b.to, 0])) as [number, number]
  const y = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([height - 60, 16])
    .nice()
  const left = yAxisLeft(y, input.lang, 80)
  const x = scaleBand<number>()
    .domain(bs.map((_, k) => k))
    .range([left, width - 16])
    .padding(0.25)
  let out = yAxis(y, left, width - 16, input.lang, input.valueLabel)
  const colour = { total: "#777777", up: signed.positive, down: signed.negative }
  bs.forEach((b, k) => {
    const x0 = x(k)!
    const top = y(Math.max(b.from, b.to))
    const h = Math.max(0.5, Math.abs(y(b.from) - y(b.to)))
    const v = formatNumber(b.value, input.lang, digits)
    const shown = b.kind === "total" ? v : b.value >= 0 ? `+${v}` : v
    out += el(
      "g",
      { class: `ik-step ik-${b.kind}` },
      el(
        "rect",
        { x: x0, y: top, width: x.bandwidth(), height: h, fill: colour[b.kind] },
        el("title", {}, esc(`${b.label}: ${shown}`))
      ),
      text(shown, { x: x0 + x.bandwidth() / 2, y: top - 4, "text-anchor": "middle", fill: "#111" }),
      text(b.label, {
        x: x0 + x.bandwidth() / 2,
        y: height - 44,
        "text-anchor": "middle",
        fill: "#111",
        "font-size": 11
      })
    )
    if (k < bs.length - 1) {
      const yl = y(b.kind === "total" ? b.to : b.to)
      out += leaf("line", {
        x1: x0 + x.bandwidth(),
        x2: x(k + 1)!,
        y1: yl,
        y2: yl,
        stroke: "#999",
        "stroke-dasharray": "2 2"
      })
    }
  })
  const y0 = y(0)
  out += leaf("line", { x1: left, x2: width - 16, y1: y0, y2: y0, stroke: "#333" })
  const lg = legend(
    [
      { label: words.total[input.lang], colour: colour.total },
      { label: input.lang === "sv" ? "Ökning" : "Increase", colour: colour.up },
      { label: input.lang === "sv" ? "Minskning" : "Decrease", colour: colour.down }
    ],
    left,
    height - 24,
    width - left - 20
  )
  return root("waterfall", input, width, height - 24 + lg.height + 4, out + lg.svg)
}

/**
 * The data table: every bar with its value and the running total.
 *
 * @since 0.1.0
 */
export const table = (input: WaterfallInput): string =>
  Table.render({
    caption: input.title,
    columns: [
      { label: "" },
      { label: input.valueLabel, numeric: true, digits: input.digits ?? 0 },
      { label: input.lang === "sv" ? "Ackumulerat" : "Running total", numeric: true, digits: input.digits ?? 0 }
    ],
    rows: bars(input).map((b) => [b.label, b.value, b.to]),
    lang: input.lang
  })

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: WaterfallInput): Chart => ({ svg: svg(input), table: table(input) })
