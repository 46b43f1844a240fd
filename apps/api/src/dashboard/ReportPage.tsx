import { mainOf } from "./internal/Embed.js"
import type { Lang } from "./internal/Text.js"
import { t } from "./internal/Text.js"
import { page } from "./Layout.js"

/**
 * A dashboard page around a complete `@innokraft/report` document (measurement, S3, strategy follow-up, loop
 * cycle): the report's header, charts, tables and notes inside the dashboard's frame, breadcrumbs and language
 * switch. The report's style sheet is the frame's, so nothing is fetched and the page prints like the report.
 *
 * @since 0.1.0
 */

/**
 * The page.
 *
 * @since 0.1.0
 */
export const render = (input: {
  readonly lang: Lang
  /** The tab title and last breadcrumb. */
  readonly title: string
  readonly path: string
  readonly organisation: { readonly id: string; readonly name: string }
  /** The report document (`MeasurementReport.render(...)` and its peers). */
  readonly document: string
}): string =>
  page({
    lang: input.lang,
    title: input.title,
    path: input.path,
    crumbs: [
      { label: t.home[input.lang], path: "/" },
      { label: input.organisation.name, path: `/org/${encodeURIComponent(input.organisation.id)}` }
    ],
    children: <div class="ikd-report" dangerouslySetInnerHTML={{ __html: mainOf(input.document) }} />
  })
