import { href, type Lang, langOf, t } from "./internal/Text.js"
import { page } from "./Layout.js"

/**
 * The dashboard's HTML answers when there is no page to show: 404 for an unknown organisation, run, analysis or
 * cycle, and 500 when a report could not be drawn.
 *
 * @since 0.1.0
 */

/**
 * The page for an address with nothing behind it.
 *
 * @since 0.1.0
 */
export const notFound = (path: string, lang: Lang): string =>
  page({
    lang,
    title: t.notFound[lang],
    path,
    children: (
      <>
        <header class="ik-head">
          <h1>{t.notFound[lang]}</h1>
        </header>
        <p>{t.notFoundLead[lang].replace("{path}", path)}</p>
        <p>
          <a href={href("/", lang)}>{t.back[lang]}</a>
        </p>
      </>
    )
  })

/**
 * The page for a report that failed to render (the details go to the log, not to the reader).
 *
 * @since 0.1.0
 */
export const failed = (path: string, lang: Lang): string =>
  page({
    lang,
    title: t.failed[lang],
    path,
    children: (
      <>
        <header class="ik-head">
          <h1>{t.failed[lang]}</h1>
        </header>
        <p>{t.failedLead[lang]}</p>
        <p>
          <a href={href("/", lang)}>{t.back[lang]}</a>
        </p>
      </>
    )
  })

/**
 * The 404 page for any address (outside the API) a browser asks for: `lang` is the `?lang=` query.
 *
 * @since 0.1.0
 */
export const notFoundPage = (path: string, lang: string | undefined): string => notFound(path, langOf(lang))
