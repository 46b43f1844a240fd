import type { ScaleLinear } from "d3-scale"
import { formatNumber, type Lang } from "../Lang.js"
import { el, esc, leaf } from "./Html.js"

/** A short stable id from text (FNV-1a), so equal inputs give equal output and ids stay unique per chart. */
export const idFrom = (prefix: string, ...parts: ReadonlyArray<string>): string => {
  let h = 0x811c9dc5
  for (const part of parts) {
    for (let k = 0; k < part.length; k++) {
      h ^= part.charCodeAt(k)
      h = Math.imul(h, 0x01000193) >>> 0
    }
    h ^= 0x1f
  }
  return `${prefix}-${h.toString(36)}`
}

/** The smallest share of its natural width a chart is drawn at on screen (12 px text → 9 px). */
export const minScale = 0.75

/** The common header of every chart. */
export interface Frame {
  readonly title: string
  readonly description: string
}

/**
 * The `<svg>` root: `role="img"`, `<title>` and `<desc>` first, referenced by `aria-labelledby`; scalable through
 * the viewBox, with a maximum width of its natural size and a minimum of three quarters of it (text stays at 9 px
 * or more on a phone; the figure scrolls sideways instead, see `Figure`).
 */
export const root = (kind: string, frame: Frame, width: number, height: number, body: string): string => {
  const id = idFrom(kind, frame.title, frame.description)
  return el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      class: `ik-chart ik-${kind}`,
      viewBox: `0 0 ${Math.round(width)} ${Math.round(height)}`,
      width: Math.round(width),
      height: Math.round(height),
      role: "img",
      "aria-labelledby": `${id}-t ${id}-d`,
      style: `min-width: ${Math.round(width * minScale)}px`,
      "font-family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      "font-size": 12
    },
    el("title", { id: `${id}-t` }, esc(frame.title)),
    el("desc", { id: `${id}-d` }, esc(frame.description)),
    body
  )
}

/** Text with escaped content. */
export const text = (content: string, a: Readonly<Record<string, string | number | undefined>>): string =>
  el("text", a, esc(content))

/** Ticks of a linear scale with locale formatting. */
export const ticks = (
  scale: ScaleLinear<number, number>,
  count: number,
  lang: Lang,
  integer = false
): Array<[number, string]> => {
  // counts get whole-number ticks only
  const t = scale.ticks(count).filter((v) => !integer || Number.isInteger(v))
  const step = t.length > 1 ? Math.abs(t[1]! - t[0]!) : 1
  const digits = step >= 1 ? 0 : Math.min(6, Math.ceil(-Math.log10(step)))
  return t.map((v) => [v, formatNumber(v, lang, digits)])
}

/**
 * Where a vertical axis must stand so that its tick labels (≈ 7 px per character at 12 px) end clear of the rotated
 * axis title at x = 14: at least `min`.
 */
export const yAxisLeft = (
  scale: ScaleLinear<number, number>,
  lang: Lang,
  min: number,
  count = 5,
  integer = false
): number => Math.max(min, 30 + Math.max(0, ...ticks(scale, count, lang, integer).map(([, s]) => s.length)) * 7)

/** A horizontal axis at `y` with grid lines up to `top`. */
export const xAxis = (
  scale: ScaleLinear<number, number>,
  y: number,
  top: number,
  lang: Lang,
  label: string,
  count = 6,
  integer = false
): string => {
  const [x0, x1] = scale.range() as [number, number]
  let out = leaf("line", { x1: x0, x2: x1, y1: y, y2: y, stroke: "#333" })
  for (const [v, s] of ticks(scale, count, lang, integer)) {
    const x = scale(v)
    out += leaf("line", { x1: x, x2: x, y1: top, y2: y, stroke: "#ddd" })
    out += leaf("line", { x1: x, x2: x, y1: y, y2: y + 4, stroke: "#333" })
    out += text(s, { x, y: y + 16, "text-anchor": "middle", fill: "#333" })
  }
  if (label) out += text(label, { x: (x0 + x1) / 2, y: y + 34, "text-anchor": "middle", fill: "#111" })
  return el("g", { class: "ik-axis ik-axis-x" }, out)
}

/** A vertical axis at `x` with grid lines up to `right`. */
export const yAxis = (
  scale: ScaleLinear<number, number>,
  x: number,
  right: number,
  lang: Lang,
  label: string,
  count = 5,
  integer = false
): string => {
  const [y0, y1] = scale.range() as [number, number]
  let out = leaf("line", { x1: x, x2: x, y1: y0, y2: y1, stroke: "#333" })
  for (const [v, s] of ticks(scale, count, lang, integer)) {
    const y = scale(v)
    out += leaf("line", { x1: x, x2: right, y1: y, y2: y, stroke: "#ddd" })
    out += leaf("line", { x1: x - 4, x2: x, y1: y, y2: y, stroke: "#333" })
    out += text(s, { x: x - 7, y: y + 4, "text-anchor": "end", fill: "#333" })
  }
  if (label) {
    const cy = (y0 + y1) / 2
    out += text(label, {
      x: 14,
      y: cy,
      transform: `rotate(-90 14 ${Math.round(cy)})`,
      "text-anchor": "middle",
      fill: "#111"
    })
  }
  return el("g", { class: "ik-axis ik-axis-y" }, out)
}

/** One legend entry. */
export interface Swatch {
  readonly label: string
  readonly colour: string
  /** Drawn as a hatched box (no data). */
  readonly hatched?: boolean
}

/** The hatch pattern used for "no data". */
export const hatchDefs = (id: string): string =>
  el(
    "defs",
    {},
    el(
      "pattern",
      { id, width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" },
      leaf("rect", { width: 6, height: 6, fill: "#f2f2f2" }),
      leaf("line", { x1: 0, y1: 0, x2: 0, y2: 6, stroke: "#999", "stroke-width": 2 })
    )
  )

/** A categorical legend laid out in rows from (x, y), wrapping at `width`; returns the markup and its height. */
export const legend = (
  swatches: ReadonlyArray<Swatch>,
  x: number,
  y: number,
  width: number,
  hatchId?: string
): { svg: string; height: number } => {
  let cx = x
  let cy = y
  let out = ""
  for (const s of swatches) {
    const w = 22 + s.label.length * 6.6 + 14
    if (cx + w > x + width && cx > x) {
      cx = x
      cy += 18
    }
    out += el(
      "g",
      { class: "ik-legend-item" },
      leaf("rect", {
        x: cx,
        y: cy,
        width: 14,
        height: 14,
        fill: s.hatched && hatchId ? `url(#${hatchId})` : s.colour,
        stroke: "#555",
        "stroke-width": 0.5
      }),
      text(s.label, { x: cx + 19, y: cy + 11.5, fill: "#111" })
    )
    cx += w
  }
  return { svg: el("g", { class: "ik-legend" }, out), height: cy - y + 18 }
}
