import { interpolateCividis, interpolateViridis } from "d3-scale-chromatic"

/**
 * Colour-blind-safe palettes: Okabe–Ito for categories, viridis and cividis (d3-scale-chromatic) for sequences,
 * and a blue–vermillion pair for signed values. Every chart also carries its numbers as text and in a table, so
 * colour is never the only channel.
 *
 * @since 0.1.0
 */

/**
 * The eight Okabe–Ito colours (Okabe & Ito 2008), black last.
 *
 * @since 0.1.0
 */
export const okabeIto: ReadonlyArray<string> = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000"
]

/**
 * The k-th categorical colour (wraps around after eight).
 *
 * @since 0.1.0
 */
export const category = (k: number): string => okabeIto[((k % okabeIto.length) + okabeIto.length) % okabeIto.length]!

/**
 * Colours of the RIS performance groups, from dark blue (leader) to vermillion (emerging): an ordered, colour-blind-safe
 * Okabe–Ito sequence.
 *
 * @since 0.1.0
 */
export const performanceGroups: Readonly<Record<"Leader" | "Strong" | "Moderate" | "Emerging", string>> = {
  Leader: "#0072B2",
  Strong: "#56B4E9",
  Moderate: "#E69F00",
  Emerging: "#D55E00"
}

/**
 * Colour for positive and negative values (shift-share, differences from a reference).
 *
 * @since 0.1.0
 */
export const signed = { positive: "#0072B2", negative: "#D55E00", neutral: "#777777" } as const

/**
 * Fill of areas without data (maps, heat maps).
 *
 * @since 0.1.0
 */
export const missing = "#e6e6e6"

/**
 * A sequential interpolator on [0, 1].
 *
 * @since 0.1.0
 */
export type Sequential = "viridis" | "cividis"

/**
 * The interpolator of a sequential scheme, trimmed at the bright end so that white text remains readable on the
 * darkest cells and the brightest cells are not lost on white paper.
 *
 * @since 0.1.0
 */
export const interpolator = (scheme: Sequential): ((t: number) => string) => {
  const f = scheme === "viridis" ? interpolateViridis : interpolateCividis
  return (t) => f(0.05 + 0.9 * Math.min(1, Math.max(0, t)))
}

/**
 * Black or white, whichever reads better on a `#rrggbb` or `rgb(r, g, b)` background (WCAG relative luminance).
 *
 * @since 0.1.0
 */
export const textOn = (background: string): "#000000" | "#ffffff" => {
  let rgb: Array<number>
  const hex = /^#([0-9a-f]{6})$/i.exec(background)
  if (hex) {
    const v = Number.parseInt(hex[1]!, 16)
    rgb = [(v >> 16) & 255, (v >> 8) & 255, v & 255]
  } else {
    const m = /rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(background)
    rgb = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [255, 255, 255]
  }
  const lin = rgb.map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!
  // contrast with black (L + 0.05) / 0.05 vs with white 1.05 / (L + 0.05): black wins above L ≈ 0.179
  return luminance > 0.179 ? "#000000" : "#ffffff"
}
