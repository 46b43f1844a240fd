import { el, esc } from "./internal/Html.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"

/**
 * Accessible data tables: the numbers behind every chart, as a plain `<table>` with a caption and header cells.
 *
 * @since 0.1.0
 */

/**
 * A column: its header, alignment and decimals for numeric cells (default 1).
 *
 * @since 0.1.0
 */
export interface Column {
  readonly label: string
  readonly numeric?: boolean
  readonly digits?: number
}

/**
 * A cell: text (escaped), a number (formatted for the language) or `null` (an en dash).
 *
 * @since 0.1.0
 */
export type Cell = string | number | null

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface TableInput {
  readonly caption: string
  readonly columns: ReadonlyArray<Column>
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
  readonly lang: Lang
}

/**
 * A `<table>` with `<caption>`, `<th scope="col">` headers and the first cell of each row as `<th scope="row">`,
 * inside a horizontally scrolling box that is a keyboard-focusable region named by the caption (`tabindex="0"`).
 * Numbers are right-aligned and formatted for the language; every text is escaped.
 *
 * @example
 * ```ts
 * Table.render({ caption: "Index", columns: [{ label: "Region" }, { label: "Score", numeric: true }],
 *   rows: [["SE33", 41.2]], lang: "en" })
 * ```
 * @since 0.1.0
 */
export const render = (input: TableInput): string => {
  const head = el(
    "tr",
    {},
    ...input.columns.map((c) => el("th", { scope: "col", class: c.numeric ? "num" : undefined }, esc(c.label)))
  )
  const body = input.rows.map((row) =>
    el(
      "tr",
      {},
      ...row.map((cell, k) => {
        const col = input.columns[k]
        const content =
          typeof cell === "number" ? formatNumber(cell, input.lang, col?.digits ?? 1) : cell === null ? "–" : cell
        const cls = col?.numeric ? "num" : undefined
        return k === 0 ? el("th", { scope: "row", class: cls }, esc(content)) : el("td", { class: cls }, esc(content))
      })
    )
  )
  // A wide table scrolls in its own box, which keyboard users must be able to reach (WCAG 2.1.1): the box is a
  // focusable region named by the caption.
  return el(
    "div",
    { class: "ik-scroll", role: "region", tabindex: 0, "aria-label": `${words.table[input.lang]}: ${input.caption}` },
    el(
      "table",
      { class: "ik-table" },
      el("caption", {}, esc(input.caption)),
      el("thead", {}, head),
      el("tbody", {}, ...body)
    )
  )
}
