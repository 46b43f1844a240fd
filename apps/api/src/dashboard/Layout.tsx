import { Document } from "@innokraft/report"
import type { Child, FC } from "hono/jsx"
import { href, type Lang, t } from "./internal/Text.js"

/**
 * The frame of every dashboard page: the report style sheet plus the dashboard's own, a top bar with the way home,
 * the API reference and the language switch, a breadcrumb trail, the page itself and a footer. No scripts, no
 * external requests; the bars are left out in print.
 *
 * @since 0.1.0
 */

/**
 * One step of the breadcrumb trail.
 *
 * @since 0.1.0
 */
export interface Crumb {
  readonly label: string
  /** The path without the language query. */
  readonly path: string
}

/**
 * What a page tells its frame.
 *
 * @since 0.1.0
 */
export interface PageProps {
  readonly lang: Lang
  /** The document title (the browser tab). */
  readonly title: string
  /** The path of this page without the query, for the language switch. */
  readonly path: string
  /** The steps above this page; the page itself is the last, unlinked step. */
  readonly crumbs?: ReadonlyArray<Crumb>
  readonly children?: Child
}

/**
 * The dashboard's style sheet, on top of `Document.css` of `@innokraft/report`.
 *
 * @since 0.1.0
 */
export const css = `
.ikd-bar { background: #0b3d5c; color: #fff; }
.ikd-bar .ikd-in { max-width: 60rem; margin: 0 auto; padding: .55rem 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center; justify-content: space-between; }
.ikd-bar a { color: #fff; }
.ikd-bar .ikd-brand { font-weight: 700; font-size: 1.1rem; text-decoration: none; }
.ikd-bar ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .9rem; }
.ikd-bar [aria-current="true"] { font-weight: 700; text-decoration: none; }
nav.ikd-crumbs { max-width: 60rem; margin: 0 auto; padding: .6rem 1.25rem 0; font-size: .85rem; }
nav.ikd-crumbs ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; }
nav.ikd-crumbs li + li::before { content: "›"; padding: 0 .45rem; color: #555; }
a { color: #0b5cad; }
.ikd-skip { position: absolute; left: .5rem; top: -3rem; z-index: 10; background: #fff; color: #0b3d5c; padding: .4rem .8rem; border: 2px solid #0b3d5c; }
.ikd-skip:focus { top: .5rem; }
main:focus { outline: none; }
a:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.ikd-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; margin: 1rem 0; padding: 0; list-style: none; }
.ikd-cards > li { border: 1px solid #ccc; border-radius: 6px; padding: .8rem 1rem; break-inside: avoid; }
.ikd-cards h3 { margin: 0 0 .4rem; font-size: 1.1rem; }
.ikd-cards dl { display: grid; grid-template-columns: auto 1fr; gap: .1rem .75rem; margin: 0; font-size: .9rem; }
.ikd-cards dt { color: #333; }
.ikd-cards dd { margin: 0; font-variant-numeric: tabular-nums; }
.ikd-meta { color: #333; font-size: .9rem; margin: .1rem 0 .5rem; }
.ikd-vision { border-left: 4px solid #0072B2; padding: .3rem .9rem; margin: .75rem 0; font-style: italic; }
ol.ikd-goals li, ul.ikd-areas li { margin: .3rem 0; }
.ikd-tag { display: inline-block; font-size: .75rem; border: 1px solid #777; border-radius: 3px; padding: 0 .3rem; margin-left: .4rem; color: #222; vertical-align: middle; }
ul.ikd-links li { margin: .35rem 0; }
/* a report's wide tables that are not already in a scrolling box scroll inside their section, not the page */
.ikd-report section { overflow-x: auto; }
footer.ikd-foot { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem 2rem; font-size: .8rem; color: #333; }
footer.ikd-foot p { border-top: 1px solid #ccc; padding-top: 1rem; margin: 0; }
@media print {
  .ikd-bar, nav.ikd-crumbs, footer.ikd-foot { display: none; }
  .ikd-report section { overflow-x: visible; }
  a { color: inherit; text-decoration: none; }
}
`

const LangSwitch: FC<{ lang: Lang; path: string }> = ({ lang, path }) => (
  <ul aria-label={t.language[lang]}>
    <li>
      <a href={href(path, "sv")} hreflang="sv" lang="sv" aria-current={lang === "sv" ? "true" : undefined}>
        Svenska
      </a>
    </li>
    <li>
      <a href={href(path, "en")} hreflang="en" lang="en" aria-current={lang === "en" ? "true" : undefined}>
        English
      </a>
    </li>
  </ul>
)

const Frame: FC<PageProps> = ({ lang, title, path, crumbs, children }) => (
  <html lang={lang}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      {/* an empty icon, so that browsers do not ask the server for /favicon.ico */}
      <link rel="icon" href="data:," />
      <style dangerouslySetInnerHTML={{ __html: Document.css + css }} />
    </head>
    <body>
      <header class="ikd-bar">
        <a class="ikd-skip" href="#ikd-main">
          {t.skip[lang]}
        </a>
        <div class="ikd-in">
          <a class="ikd-brand" href={href("/", lang)}>
            Innokraft
          </a>
          <nav aria-label={t.api[lang]}>
            <ul>
              <li>
                <a href="/docs">{t.apiReference[lang]}</a>
              </li>
              <li>
                <a href="/openapi.json">{t.openapi[lang]}</a>
              </li>
            </ul>
          </nav>
          <LangSwitch lang={lang} path={path} />
        </div>
      </header>
      {crumbs && crumbs.length > 0 ? (
        <nav class="ikd-crumbs" aria-label={t.breadcrumb[lang]}>
          <ol>
            {crumbs.map((c) => (
              <li>
                <a href={href(c.path, lang)}>{c.label}</a>
              </li>
            ))}
            <li aria-current="page">{title}</li>
          </ol>
        </nav>
      ) : null}
      <main id="ikd-main" tabindex={-1}>
        {children}
      </main>
      <footer class="ikd-foot">
        <p>{t.footer[lang]}</p>
      </footer>
    </body>
  </html>
)

/**
 * A complete HTML page (with its doctype) around the page content.
 *
 * @since 0.1.0
 */
export const page = (props: PageProps): string => `<!doctype html>${(<Frame {...props} />).toString()}`
