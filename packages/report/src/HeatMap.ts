import { extent } from "d3-array"
import { scaleDiverging, scaleSequential } from "d3-scale"
import { interpolateRdBu } from "d3-scale-chromatic"
import type { Chart } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, hatchDefs, idFrom, root, text } from "./internal/Svg.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"
import { interpolator, type Sequential, textOn } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Heat map of a row × column table of numbers: normalised indicators by unit, location quotients by region and
 * industry, or a coverage matrix of goals × projects. Each cell shows its value as text; missing cells are hatched.
 *
 * @since 0.1.0
 */

/**
 * The colour scale: sequential (viridis/cividis) from the minimum to the maximum, or diverging (ColorBrewer RdBu,
 * colour-blind safe) around a midpoint such as LQ = 1.
 *
 * @since 0.1.0
 */
export type Scheme =
  | { readonly kind: "sequential"; readonly scheme?: Sequential; readonly domain?: readonly [number, number] }
  | { readonly kind: "diverging"; readonly midpoint: number; readonly domain?: readonly [number, number] }

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface HeatMapInput extends Frame {
  readonly lang: Lang
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  /** `values[r][c]`; `null` = missing. */
  readonly values: ReadonlyArray<ReadonlyArray<number | null>>
  readonly scheme?: Scheme
  readonly valueLabel: string
  /** Header of the row-label column in the table. */
  readonly rowLabel: string
  readonly digits?: number
  /** Leave cells equal to zero blank (a coverage matrix); the legend then shows a white swatch for 0. */
  readonly blankZero?: boolean
  readonly cellWidth?: number
}

/**
 * The colour of a value, as the legend shows it.
 *
 * @since 0.1.0
 */
export const colourScale = (input: HeatMapInput): ((v: number) => string) & { domain(): Array<number> } => {
  const values = input.values.flat().filter((v): v is number => v !== null && Number.isFinite(v))
  const [lo, hi] = values.length > 0 ? (extent(values) as [number, number]) : [0, 1]
  const scheme = input.scheme ?? { kind: "sequential" }
  if (scheme.kind === "diverging") {
    const m = scheme.midpoint
    const [a, b] = scheme.domain ?? [Math.min(lo, m), Math.max(hi, m)]
    const span = Math.max(m - a, b - m) || 1
    // symmetric around the midpoint so that equal distances get equal colour strength
    return scaleDiverging((t: number) => interpolateRdBu(0.1 + 0.8 * t)).domain([m - span, m, m + span])
  }
  const [a, b] = scheme.domain ?? [lo, hi === lo ? lo + 1 : hi]
  return scaleSequential(interpolator(scheme.scheme ?? "viridis")).domain([a, b])
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: HeatMapInput): string => {
  const digits = input.digits ?? 1
  const colour = colourScale(input)
  // column labels longer than 32 characters and row labels longer than the label margin are shortened in the
  // chart (the table has them in full); 7.2 px per character at 12 px is generous, so no label is clipped
  const short = (c: string) => (c.length > 32 ? `${c.slice(0, 31)}…` : c)
  const longestCol = Math.max(4, ...input.columns.map((c) => short(c).length))
  const rowChars = 34
  const fitRow = (r: string) => (r.length > rowChars ? `${r.slice(0, rowChars - 1)}…` : r)
  const longestRow = Math.max(4, ...input.rows.map((r) => fitRow(r).length))
  const left = 12 + longestRow * 7.2
  const cw = input.cellWidth ?? Math.max(34, Math.min(64, 9 * (formatNumber(-888.8, input.lang, digits).length + 1)))
  const ch = 22
  const top = 14 + longestCol * 7.2 * 0.72
  const hatch = idFrom("hatch", input.title)
  let out = hatchDefs(hatch)
  input.columns.forEach((c, j) => {
    const x = left + j * cw + cw / 2
    out += text(short(c), {
      x,
      y: top - 6,
      transform: `rotate(-45 ${x.toFixed(2)} ${(top - 6).toFixed(2)})`,
      fill: "#111",
      class: "ik-col"
    })
  })
  input.rows.forEach((r, i) => {
    const y = top + i * ch
    out += text(fitRow(r), { x: left - 6, y: y + ch / 2 + 4, "text-anchor": "end", fill: "#111", class: "ik-row" })
    input.columns.forEach((c, j) => {
      const v = input.values[i]?.[j] ?? null
      const x = left + j * cw
      const blank = v === null || !Number.isFinite(v) || (input.blankZero === true && v === 0)
      const fill = blank ? (v === null ? `url(#${hatch})` : "#ffffff") : colour(v)
      const label = v === null ? words.missing[input.lang] : formatNumber(v, input.lang, digits)
      out += el(
        "g",
        { class: "ik-cell" },
        el(
          "rect",
          { x, y, width: cw - 1, height: ch - 1, fill, stroke: blank ? "#ddd" : "none" },
          el("title", {}, esc(`${r} – ${c}: ${label}`))
        ),
        blank
          ? ""
          : text(label, {
              x: x + cw / 2,
              y: y + ch / 2 + 4,
              "text-anchor": "middle",
              fill: textOn(fill),
              "font-size": 10.5
            })
      )
    })
  })
  const bottom = top + input.rows.length * ch + 12
  const grad = idFrom("grad", input.title)
  // The ramp spans the coloured cells (a diverging scale's symmetric domain may reach values that cannot occur, e.g.
  // LQ < 0); blank zeros are not on the ramp but have a white swatch of their own. When every coloured cell has one
  // value, the ramp runs from it to the top of the scale's domain instead of from a number to itself.
  const blankZeros = input.blankZero === true && input.values.flat().some((v) => v === 0)
  const present = input.values
    .flat()
    .filter((v): v is number => v !== null && Number.isFinite(v) && !(input.blankZero === true && v === 0))
  const [e0, e1] = present.length > 0 ? (extent(present) as [number, number]) : [Number.NaN, Number.NaN]
  const domainTop = colour.domain().at(-1)!
  const [d0, d1] =
    e0 < e1
      ? [e0, e1]
      : Number.isFinite(e0)
        ? [e0, domainTop > e0 ? domainTop : e0 + 1]
        : [colour.domain()[0]!, domainTop]
  const stops = Array.from({ length: 11 }, (_, k) => {
    const v = d0 + ((d1 - d0) * k) / 10
    return leaf("stop", { offset: `${k * 10}%`, "stop-color": colour(v) })
  })
  const rampWidth = Math.min(240, Math.max(160, input.columns.length * cw))
  const swatches = [
    ...(blankZeros
      ? [{ fill: "#ffffff", label: `${formatNumber(0, input.lang, 0)} (${words.blank[input.lang]})` }]
      : []),
    ...(input.values.flat().some((v) => v === null)
      ? [{ fill: `url(#${hatch})`, label: words.missing[input.lang] }]
      : [])
  ]
  // no coloured cell (a coverage matrix of zeros): no ramp, only the swatches of what the cells are
  const ramp =
    present.length === 0
      ? []
      : [
          el("defs", {}, el("linearGradient", { id: grad }, ...stops)),
          leaf("rect", {
            x: left,
            y: bottom + 16,
            width: rampWidth,
            height: 10,
            fill: `url(#${grad})`,
            stroke: "#555",
            "stroke-width": 0.5
          }),
          text(formatNumber(d0, input.lang, digits), { x: left, y: bottom + 40, fill: "#333" }),
          text(formatNumber(d1, input.lang, digits), {
            x: left + rampWidth,
            y: bottom + 40,
            "text-anchor": "end",
            fill: "#333"
          })
        ]
  const legendSvg = el(
    "g",
    { class: "ik-legend" },
    text(input.valueLabel, { x: left, y: bottom + 10, fill: "#111" }),
    ...ramp,
    ...swatches.map((sw, k) =>
      el(
        "g",
        {},
        leaf("rect", {
          x: left + rampWidth + 20,
          y: bottom + 14 + k * 18,
          width: 14,
          height: 14,
          fill: sw.fill,
          stroke: "#555",
          "stroke-width": 0.5
        }),
        text(sw.label, { x: left + rampWidth + 39, y: bottom + 25 + k * 18, fill: "#111" })
      )
    )
  )
  // rotated column labels reach up and to the right of their column
  const labelReach = longestCol * 7.2 * 0.72
  const width = Math.max(left + input.columns.length * cw + labelReach, left + rampWidth + 150)
  return root("heatmap", input, width, bottom + Math.max(48, 34 + swatches.length * 18), out + legendSvg)
}

/**
 * The data table: one row per row label, one column per column label.
 *
 * @since 0.1.0
 */
export const table = (input: HeatMapInput): string =>
  Table.render({
    caption: input.title,
    columns: [
      { label: input.rowLabel },
      ...input.columns.map((c) => ({ label: c, numeric: true, digits: input.digits ?? 1 }))
    ],
    rows: input.rows.map((r, i) => [r, ...input.columns.map((_, j) => input.values[i]?.[j] ?? null)]),
    lang: input.lang
  })

/**
 * The chart and its table.
 *
 * @since 0.1.0
 */
export const render = (input: HeatMapInput): Chart => ({ svg: svg(input), table: table(input) })
