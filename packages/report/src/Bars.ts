import { extent } from "d3-array"
import { scaleBand, scaleLinear } from "d3-scale"
import type { Chart, Scale } from "./Figure.js"
import { el, esc, leaf } from "./internal/Html.js"
import { type Frame, legend, root, type Swatch, text, xAxis } from "./internal/Svg.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"
import { category, signed } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Ranked horizontal bar chart: one bar per unit, coloured by group (e.g. the RIS performance groups), with optional
 * uncertainty intervals as whiskers and a reference line (e.g. the EU = 100). Units without a value are listed in
 * the table and named under the chart, never drawn as zero.
 *
 * @since 0.1.0
 */

/**
 * One bar.
 *
 * @since 0.1.0
 */
export interface Bar {
  readonly label: string
  readonly value: number | null
  /** Key of a {@link Group}. */
  readonly group?: string
  /** Low and high end of an interval in the value's unit. */
  readonly interval?: readonly [number, number]
  /** The reader's own unit: drawn with a heavy outline and a bold label (the table marks it too, in its label). */
  readonly highlight?: boolean
}

/**
 * A group: key, legend label and colour.
 *
 * @since 0.1.0
 */
export interface Group {
  readonly key: string
  readonly label: string
  readonly colour: string
}

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface BarsInput extends Frame {
  readonly lang: Lang
  /** Axis label of the values. */
  readonly valueLabel: string
  /** Header of the label column in the table (e.g. "Region"). */
  readonly categoryLabel: string
  readonly bars: ReadonlyArray<Bar>
  /** Groups in legend order; bars without a group use the first Okabe–Ito colour. */
  readonly groups?: ReadonlyArray<Group>
  /** Default "descending" (rank 1 on top). */
  readonly sort?: "descending" | "ascending" | "none"
  readonly reference?: { readonly value: number; readonly label: string }
  /** Decimals in labels and table (default 1). */
  readonly digits?: number
  /** Width in px (default 640). */
  readonly width?: number
  /** "bars" (default) or "dots": a dot at the value, e.g. a rank with its interval. */
  readonly marks?: "bars" | "dots"
  /** Text before the list of units without a value (default "No data"; e.g. "Suppressed (<5)"). */
  readonly missingLabel?: string
  /** What the table shows for a unit without a value (default an en dash; e.g. "<5" for suppressed counts). */
  readonly missingCell?: string
}

/**
 * Where each bar goes.
 *
 * @since 0.1.0
 */
export interface Layout {
  readonly x: Scale
  readonly rows: ReadonlyArray<{
    readonly bar: Bar & { readonly value: number }
    readonly y: number
    readonly height: number
    readonly colour: string
  }>
  readonly missing: ReadonlyArray<Bar>
  readonly width: number
  readonly height: number
  readonly left: number
  readonly top: number
}

const rowHeight = 22

/** A label shortened with an ellipsis to fit `width` px (≈ 7.2 px per character at 12 px, generous); the table has it in full. */
const fit = (label: string, width: number): string => {
  const max = Math.max(4, Math.floor(width / 7.2))
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`
}

/**
 * The scales and bar positions: the value domain covers 0, every value, every interval end and the reference,
 * rounded outwards to nice ticks.
 *
 * @since 0.1.0
 */
export const layout = (input: BarsInput): Layout => geometry(input)

const geometry = (input: BarsInput) => {
  const width = input.width ?? 640
  const present = input.bars.filter((b): b is Bar & { value: number } => b.value !== null && Number.isFinite(b.value))
  const missing = input.bars.filter((b) => b.value === null || !Number.isFinite(b.value))
  const sort = input.sort ?? "descending"
  const sorted =
    sort === "none"
      ? present
      : [...present].sort((a, b) => (sort === "descending" ? b.value - a.value : a.value - b.value))
  const longest = Math.max(4, ...input.bars.map((b) => b.label.length))
  const left = Math.min(260, 12 + longest * 7.2)
  const top = 10
  const right = width - 56
  const values = [0, ...sorted.flatMap((b) => [b.value, ...(b.interval ?? [])])]
  if (input.reference) values.push(input.reference.value)
  const [lo, hi] = extent(values) as [number, number]
  const x = scaleLinear()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .range([left, right])
    .nice()
  const band = scaleBand<number>()
    .domain(sorted.map((_, k) => k))
    .range([top, top + sorted.length * rowHeight])
    .padding(0.2)
  const colours = new Map((input.groups ?? []).map((g) => [g.key, g.colour]))
  const rows = sorted.map((bar, k) => ({
    bar,
    y: band(k)!,
    height: band.bandwidth(),
    colour: (bar.group !== undefined ? colours.get(bar.group) : undefined) ?? category(0)
  }))
  return { x, rows, missing, width, height: top + sorted.length * rowHeight, left, top }
}

/** Greedy word wrap at `chars` characters per line (a word longer than a line gets a line of its own). */
const wrap = (s: string, chars: number): Array<string> => {
  const lines: Array<string> = []
  let line = ""
  for (const word of s.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > chars) {
      lines.push(line)
      line = word
    } else line = line === "" ? word : `${line} ${word}`
  }
  if (line !== "") lines.push(line)
  return lines
}

/**
 * The SVG of the chart.
 *
 * @since 0.1.0
 */
export const svg = (input: BarsInput): string => {
  const l = geometry(input)
  const digits = input.digits ?? 1
  const x0 = l.x(0)
  let body = ""
  for (const r of l.rows) {
    const xv = l.x(r.bar.value)
    const v = formatNumber(r.bar.value, input.lang, digits)
    const group = input.groups?.find((g) => g.key === r.bar.group)
    body += el(
      "g",
      { class: (input.marks ?? "bars") === "dots" ? "ik-bar ik-dot" : "ik-bar" },
      (input.marks ?? "bars") === "dots"
        ? el(
            "circle",
            {
              cx: xv,
              cy: r.y + r.height / 2,
              r: r.bar.highlight ? 7 : 5,
              fill: r.colour,
              stroke: "#111",
              "stroke-width": r.bar.highlight ? 2.5 : 0.6
            },
            el("title", {}, esc(`${r.bar.label}: ${v}${group ? ` (${group.label})` : ""}`))
          )
        : el(
            "rect",
            {
              x: Math.min(x0, xv),
              y: r.y,
              width: Math.max(0.5, Math.abs(xv - x0)),
              height: r.height,
              fill: r.colour,
              stroke: r.bar.highlight ? "#000" : "#333",
              "stroke-width": r.bar.highlight ? 2.5 : 0.4
            },
            el("title", {}, esc(`${r.bar.label}: ${v}${group ? ` (${group.label})` : ""}`))
          ),
      text(fit(r.bar.label, l.left - 12), {
        x: l.left - 6,
        y: r.y + r.height / 2 + 4,
        "text-anchor": "end",
        fill: "#111",
        "font-weight": r.bar.highlight ? 700 : undefined
      })
    )
    if (r.bar.interval) {
      const [a, b] = r.bar.interval
      const cy = r.y + r.height / 2
      body += el(
        "g",
        { class: "ik-interval", stroke: "#111", "stroke-width": 1.4 },
        leaf("line", { x1: l.x(a), x2: l.x(b), y1: cy, y2: cy }),
        leaf("line", { x1: l.x(a), x2: l.x(a), y1: cy - 4, y2: cy + 4 }),
        leaf("line", { x1: l.x(b), x2: l.x(b), y1: cy - 4, y2: cy + 4 })
      )
    }
    // negative values are labelled just right of the zero line, clear of the category labels
    const end = r.bar.value < 0 ? x0 : Math.max(xv, r.bar.interval ? l.x(r.bar.interval[1]) : xv)
    body += text(v, { x: end + 4, y: r.y + r.height / 2 + 4, fill: "#111", class: "ik-value" })
  }
  if (input.reference) {
    const xr = l.x(input.reference.value)
    body += el(
      "g",
      { class: "ik-reference" },
      leaf("line", {
        x1: xr,
        x2: xr,
        y1: l.top - 6,
        y2: l.height + 2,
        stroke: signed.neutral,
        "stroke-dasharray": "4 3",
        "stroke-width": 1.5
      })
    )
  }
  const axisY = l.height + 4
  const axis = xAxis(l.x, axisY, l.top, input.lang, input.valueLabel, 6, digits === 0)
  let bottom = axisY + 44
  let extra = ""
  const swatches: Array<Swatch> = (input.groups ?? [])
    .filter((g) => l.rows.some((r) => r.bar.group === g.key))
    .map((g) => ({ label: g.label, colour: g.colour }))
  if (input.reference) swatches.push({ label: input.reference.label, colour: "#ffffff" })
  if (swatches.length > 0) {
    const lg = legend(swatches, l.left, bottom, l.width - l.left - 10)
    extra += lg.svg
    bottom += lg.height + 6
  }
  if (l.missing.length > 0) {
    // the list of missing bars wraps inside the chart instead of running off its right edge
    const note = `${input.missingLabel ?? words.missing[input.lang]}: ${l.missing.map((b) => b.label).join(", ")}`
    const lines = wrap(note, Math.max(20, Math.floor((l.width - l.left - 10) / 6.6)))
    lines.forEach((line, k) => {
      extra += text(line, { x: l.left, y: bottom + 10 + k * 15, fill: "#333", class: "ik-missing" })
    })
    bottom += 5 + lines.length * 15
  }
  return root("bars", input, l.width, bottom, axis + body + extra)
}

/**
 * The data table: label, value, interval and group, in the chart's order, missing values last.
 *
 * @since 0.1.0
 */
export const table = (input: BarsInput): string => {
  const l = layout(input)
  const digits = input.digits ?? 1
  const hasInterval = input.bars.some((b) => b.interval !== undefined)
  const hasGroup = input.bars.some((b) => b.group !== undefined)
  const groupLabel = (key: string | undefined) => input.groups?.find((g) => g.key === key)?.label ?? key ?? null
  const columns: Array<Table.Column> = [
    { label: input.categoryLabel },
    { label: input.valueLabel, numeric: true, digits }
  ]
  if (hasInterval) columns.push({ label: words.interval[input.lang], numeric: true })
  if (hasGroup) columns.push({ label: words.group[input.lang] })
  const row = (b: Bar): Array<Table.Cell> => {
    const cells: Array<Table.Cell> = [b.label, b.value ?? input.missingCell ?? null]
    if (hasInterval)
      cells.push(
        b.interval
          ? `${formatNumber(b.interval[0], input.lang, digits)} – ${formatNumber(b.interval[1], input.lang, digits)}`
          : null
      )
    if (hasGroup) cells.push(groupLabel(b.group))
    return cells
  }
  return Table.render({
    caption: input.title,
    columns,
    rows: [...l.rows.map((r) => row(r.bar)), ...l.missing.map(row)],
    lang: input.lang
  })
}

/**
 * The chart and its table.
 *
 * @example
 * ```ts
 * const chart = Bars.render({ title: "Index", description: "…", lang: "en", valueLabel: "Score",
 *   categoryLabel: "Region", bars: [{ label: "Övre Norrland", value: 41.2 }] })
 * chart.svg // "<svg …"
 * ```
 * @since 0.1.0
 */
export const render = (input: BarsInput): Chart => ({ svg: svg(input), table: table(input) })
