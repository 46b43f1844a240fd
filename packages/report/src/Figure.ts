import { el, esc } from "./internal/Html.js"

/**
 * A chart and the table behind it as one `<figure>`: the SVG, a caption, and the data table right below (printed
 * too, so the numbers are on paper as well).
 *
 * @since 0.1.0
 */

/**
 * A rendered chart: its SVG and its data table (both HTML strings).
 *
 * @since 0.1.0
 */
export interface Chart {
  readonly svg: string
  readonly table: string
}

/**
 * A continuous scale as the charts expose it: value → position (or radius), and its domain after rounding to nice
 * ticks. (d3-scale's scales satisfy it; the public types do not depend on d3's.)
 *
 * @since 0.1.0
 */
export interface Scale {
  (value: number): number
  domain(): Array<number>
}

/**
 * A `<figure>` with the chart (in a keyboard-focusable box that scrolls sideways on a narrow screen), an optional
 * note under it and the table.
 *
 * @since 0.1.0
 */
export const render = (chart: Chart, note?: string, layout: "stacked" | "side" = "stacked"): string =>
  el(
    "figure",
    { class: layout === "side" ? "ik-figure ik-side" : "ik-figure" },
    // on a narrow screen the chart keeps a readable size and scrolls sideways in this box, which keyboard users must
    // be able to reach: a focusable region named by the chart's title
    el(
      "div",
      {
        class: "ik-svg",
        role: "region",
        tabindex: 0,
        "aria-labelledby": /aria-labelledby="([^" ]+)/.exec(chart.svg)?.[1]
      },
      chart.svg
    ),
    note ? el("figcaption", {}, esc(note)) : "",
    el("div", { class: "ik-data" }, chart.table)
  )
