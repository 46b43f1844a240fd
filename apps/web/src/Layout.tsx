import type { Child, FC } from "hono/jsx"
import { link, t } from "./internal/text.js"
import { to, type View } from "./internal/view.js"

const sections = [
  ["/", t.portfolio],
  ["/strategies", { sv: "Strategier", en: "Strategies" }],
  ["/goals", { sv: "Mål", en: "Goals" }],
  ["/efforts", { sv: "Insatser", en: "Efforts" }]
] as const

/**
 * The hidden field that carries the CSRF token in every form.
 *
 * @since 0.1.0
 */
export const Csrf: FC<{ view: View }> = ({ view }) => <input type="hidden" name="_csrf" value={view.csrf} />

/**
 * The frame of every workspace page: a skip link, the top bar (the way home, the organisation and the signed-in
 * person with the sign-out buttons, the public dashboard, the language switch), the page and a footer. No scripts;
 * one style sheet from the workspace itself.
 *
 * @since 0.1.0
 */
export const Layout: FC<{ view: View; title: string; children?: Child }> = ({ view, title, children }) => {
  const { lang, session } = view
  const other = lang === "sv" ? "en" : "sv"
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.brand[lang]}`}</title>
        <link rel="stylesheet" href={`${view.base}/style.css`} />
        <link rel="icon" href="data:," />
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skip[lang]}
        </a>
        <header class="bar">
          <div class="in">
            <a class="brand" href={to(view, "/")}>
              {t.brand[lang]}
              {view.organisationName === undefined ? "" : ` · ${view.organisationName}`}
            </a>
            <nav aria-label={t.brand[lang]}>
              <ul>
                {session === undefined ? null : (
                  <>
                    <li>
                      {t.signedInAs[lang]} {session.user.email} ({t.roles[session.user.role][lang]})
                    </li>
                    <li>
                      <form method="post" action={to(view, "/sign-out")}>
                        <Csrf view={view} />
                        <button type="submit">{t.signOut[lang]}</button>
                      </form>
                    </li>
                    <li>
                      <form method="post" action={to(view, "/sign-out-everywhere")}>
                        <Csrf view={view} />
                        <button type="submit">{t.signOutEverywhere[lang]}</button>
                      </form>
                    </li>
                  </>
                )}
                <li>
                  <a
                    href={link(
                      lang,
                      session === undefined ? "/" : `/org/${encodeURIComponent(session.user.organisationId)}`
                    )}
                  >
                    {t.dashboard[lang]}
                  </a>
                </li>
                <li>
                  <a
                    href={link(other, `${view.base}${view.path === "/" ? "" : view.path}` || "/")}
                    hreflang={other}
                    lang={other}
                  >
                    {other === "en" ? "English" : "Svenska"}
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        {session === undefined ? null : (
          <nav class="sections" aria-label={t.sections[lang]}>
            <ul>
              {sections.map(([path, name]) => (
                <li>
                  <a href={to(view, path)} aria-current={view.path === path ? "page" : undefined}>
                    {name[lang]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main">
          <h1>{title}</h1>
          {children}
        </main>
        <footer class="foot">
          <p>
            Innokraft · <a href="/docs">{t.apiDocs[lang]}</a>
          </p>
        </footer>
      </body>
    </html>
  )
}
