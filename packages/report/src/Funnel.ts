import { max } from "d3-array"
import { scaleLinear } from "d3-scale"
import type { Chart } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, hatchDefs, idFrom, root, text } from "./internal/Svg.js"
import { formatNumber, formatPercent, type Lang } from "./Lang.js"
import { category } from "./Palette.js"
import * as Suppress from "./Suppress.js"
import * as Table from "./Table.js"

/**
 * Funnel: centred bars, one per stage (needs → ideas → prototypes → implementations → outcomes), each with its
 * count and its share of the first stage. With `suppressBelow`, small counts are shown as "<5" and drawn at a
 * fixed token width with a hatch, so the bar does not disclose the number.
 *
 * @since 0.1.0
 */

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface FunnelInput extends Frame {
  readonly lang: Lang
  readonly stages: ReadonlyArray<{ readonly label: string; readonly count: number }>
  readonly countLabel: string
  /** Suppress counts 1…n−1 (e.g. 5 when the counts are people). */
  readonly suppressBelow?: number
  readonly width?: number
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: FunnelInput): string => {
  const width = input.width ?? 640
  const rowH = 40
  const left = 180
  const right = width - 90
  const w = scaleLinear()
    .domain([0, max(input.stages, (s) => s.count) || 1])
    .range([0, right - left])
  const cx = (left + right) / 2
  const hatch = idFrom("hatch", input.title)
  const first = input.stages[0]?.count ?? 0
  let out = hatchDefs(hatch)
  input.stages.forEach((s, k) => {
    const y = 8 + k * rowH
    const hidden = input.suppressBelow !== undefined && Suppress.isSuppressed(s.count, input.suppressBelow)
    const bw = hidden ? 16 : Math.max(s.count > 0 ? 2 : 0, w(s.count))
    const shown = hidden ? `<${input.suppressBelow}` : formatNumber(s.count, input.lang, 0)
    const share = hidden || first === 0 || k === 0 ? "" : ` (${formatPercent(s.count / first, input.lang)})`
    out += el(
      "g",
      { class: "ik-stage" },
      el(
        "rect",
        {
          x: cx - bw / 2,
          y,
          width: bw,
          height: rowH - 8,
          fill: hidden ? `url(#${hatch})` : category(0),
          "fill-opacity": hidden ? undefined : 1 - k * (0.5 / Math.max(1, input.stages.length - 1)),
          stroke: hidden ? "#777" : "none"
        },
        el("title", {}, esc(`${s.label}: ${shown}`))
      ),
      text(s.label, { x: left - 10, y: y + rowH / 2, "text-anchor": "end", fill: "#111" }),
      text(`${shown}${share}`, { x: right + 6, y: y + rowH / 2, fill: "#111", class: "ik-value" })
    )
    if (k > 0) out += leaf("line", { x1: left, x2: right, y1: y - 4, y2: y - 4, stroke: "#eee" })
  })
  return root("funnel", input, width, 8 + input.stages.length * rowH + 8, out)
}

/**
 * The data table: stage, count (or "<5") and share of the first stage.
 *
 * @since 0.1.0
 */
export const table = (input: FunnelInput): string => {
  const first = input.stages[0]?.count ?? 0
  return Table.render({
    caption: input.title,
    columns: [
      { label: "" },
      { label: input.countLabel, numeric: true, digits: 0 },
      { label: input.lang === "sv" ? "Andel av första steget" : "Share of first stage", numeric: true }
    ],
    rows: input.stages.map((s) => {
      const hidden = input.suppressBelow !== undefined && Suppress.isSuppressed(s.count, input.suppressBelow)
      return [
        s.label,
        hidden ? `<${input.suppressBelow}` : s.count,
        hidden || first === 0 ? null : formatPercent(s.count / first, input.lang)
      ]
    }),
    lang: input.lang
  })
}

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: FunnelInput): Chart => ({ svg: svg(input), table: table(input) })
