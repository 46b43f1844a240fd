import type { FC } from "hono/jsx"
import { t } from "./internal/text.js"
import { to, type View } from "./internal/view.js"
import { Layout } from "./Layout.js"

/**
 * A page that only says something: a refusal (403), a missing page (404), a failure (500/503) or a notice.
 *
 * @since 0.1.0
 */
export const MessagePage: FC<{ view: View; title: string; message: string }> = ({ view, title, message }) => (
  <Layout view={view} title={title}>
    <p class="notice" role="status">
      {message}
    </p>
    <p>
      <a href={to(view, "/")}>{t.home[view.lang]}</a>
    </p>
  </Layout>
)
