import { el, esc } from "./internal/Html.js"
import type { Lang } from "./Lang.js"

/**
 * A complete, self-contained HTML document: inline CSS for screen and for print on A4, no scripts, no external
 * requests — it can be e-mailed, archived or printed to PDF as it is.
 *
 * @since 0.1.0
 */

/**
 * One section of a report: a heading, optional lead text and already-rendered HTML (figures, tables).
 *
 * @since 0.1.0
 */
export interface Section {
  readonly heading: string
  readonly lead?: string
  readonly html: string
}

/**
 * The input of {@link render}.
 *
 * @since 0.1.0
 */
export interface DocumentInput {
  readonly lang: Lang
  readonly title: string
  readonly subtitle?: string
  /** Key figures shown as tiles under the title. */
  readonly keyFigures?: ReadonlyArray<{ readonly label: string; readonly value: string }>
  readonly sections: ReadonlyArray<Section>
  /** Source and method notes printed at the end. */
  readonly notes?: ReadonlyArray<string>
}

/**
 * The style sheet every report carries: system fonts, readable tables, figures that do not break across pages,
 * A4 pages with 15 mm margins in print.
 *
 * @since 0.1.0
 */
export const css = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; line-height: 1.45; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
header.ik-head { border-bottom: 3px solid #0072B2; margin-bottom: 1.25rem; padding-bottom: .75rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; }
p.ik-sub { margin: 0; color: #333; }
p.ik-lead { margin: .25rem 0 .75rem; color: #222; }
.ik-keys { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0 0; padding: 0; list-style: none; }
.ik-keys li { border: 1px solid #ccc; border-radius: 4px; padding: .4rem .7rem; min-width: 8rem; }
.ik-keys .v { display: block; font-size: 1.3rem; font-weight: 600; }
.ik-keys .l { display: block; font-size: .8rem; color: #333; }
figure.ik-figure { margin: 1rem 0 1.5rem; break-inside: avoid; page-break-inside: avoid; }
figure.ik-side { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
figure.ik-figure figcaption { font-size: .85rem; color: #333; margin: .25rem 0; }
.ik-svg { overflow-x: auto; max-width: 100%; }
.ik-svg:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.ik-svg svg { max-width: 100%; height: auto; display: block; }
.ik-scroll { overflow-x: auto; max-width: 100%; }
.ik-scroll:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
table.ik-table { border-collapse: collapse; font-size: .8rem; margin: .5rem 0; font-variant-numeric: tabular-nums; }
table.ik-table caption { text-align: left; font-weight: 600; padding: .2rem 0; }
table.ik-table th, table.ik-table td { border-bottom: 1px solid #ddd; padding: .15rem .5rem; text-align: left; vertical-align: top; }
table.ik-table thead th { border-bottom: 2px solid #555; }
table.ik-table .num { text-align: right; white-space: nowrap; }
table.ik-table thead th.num { white-space: normal; }
ul.ik-facts { margin: .25rem 0 .5rem; padding-left: 1.1rem; font-size: .9rem; }
footer.ik-notes { margin-top: 2.5rem; border-top: 1px solid #ccc; font-size: .8rem; color: #333; }
@page { size: A4; margin: 15mm; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table.ik-table { font-size: 7.5pt; }
  tr { break-inside: avoid; }
  .ik-svg svg { max-height: 240mm; min-width: 0 !important; }
  .ik-svg { overflow-x: visible; }
  .ik-scroll { overflow-x: visible; }
}
`

/**
 * The HTML document.
 *
 * @example
 * ```ts
 * Document.render({ lang: "sv", title: "Uppföljning", sections: [{ heading: "Index", html: "<p>…</p>" }] })
 * ```
 * @since 0.1.0
 */
export const render = (input: DocumentInput): string => {
  const keys = input.keyFigures?.length
    ? el(
        "ul",
        { class: "ik-keys" },
        ...input.keyFigures.map((k) =>
          el("li", {}, el("span", { class: "v" }, esc(k.value)), el("span", { class: "l" }, esc(k.label)))
        )
      )
    : ""
  const sections = input.sections.map((s) =>
    el("section", {}, el("h2", {}, esc(s.heading)), s.lead ? el("p", { class: "ik-lead" }, esc(s.lead)) : "", s.html)
  )
  const notes = input.notes?.length
    ? el("footer", { class: "ik-notes" }, ...input.notes.map((n) => el("p", {}, esc(n))))
    : ""
  return (
    "<!doctype html>\n" +
    el(
      "html",
      { lang: input.lang },
      el(
        "head",
        {},
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        el("title", {}, esc(input.title)),
        el("style", {}, css)
      ),
      el(
        "body",
        {},
        el(
          "main",
          {},
          el(
            "header",
            { class: "ik-head" },
            el("h1", {}, esc(input.title)),
            input.subtitle ? el("p", { class: "ik-sub" }, esc(input.subtitle)) : "",
            keys
          ),
          ...sections,
          notes
        )
      )
    )
  )
}
