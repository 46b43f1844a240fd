import type { FC } from "hono/jsx"

const links: ReadonlyArray<readonly [string, string]> = [
  ["/v1/reference/counties", "Counties (län) with NUTS codes"],
  ["/v1/reference/municipalities?county=24", "Municipalities of Västerbotten"],
  ["/v1/reference/nuts", "NUTS regions of Sweden"],
  ["/v1/reference/sni/sections", "SNI 2007 / NACE Rev. 2 sections"],
  ["/openapi.json", "OpenAPI 3.1 description"],
  ["/health", "Health"]
]

const style = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
header{background:#0b3d5c;color:#fff;padding:2rem 1.5rem}
header h1{margin:0;font-size:2rem}header p{margin:.25rem 0 0;opacity:.9}
main{max-width:48rem;margin:0 auto;padding:1.5rem}
section{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:1rem 1.25rem;margin-bottom:1rem}
a{color:#0b5cad}code{background:#eef1f4;padding:0 .25rem;border-radius:3px}
`

const Landing: FC<{ version: string }> = ({ version }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>Innokraft</title>
      <style>{style}</style>
    </head>
    <body>
      <header>
        <h1>Innokraft</h1>
        <p>Data, methods and tools for regional innovation strategies — version {version}</p>
      </header>
      <main>
        <section>
          <h2>What this is</h2>
          <p>
            Innokraft turns a region's innovation strategy, its smart-specialisation priorities, its measurement of the
            innovation ecosystem and its citizen-driven Innovation Loop into data, methods and tools. This server is the
            embedded default: it runs on your machine and keeps its data in a local file.
          </p>
        </section>
        <section>
          <h2>API</h2>
          <ul>
            {links.map(([href, label]) => (
              <li>
                <a href={href}>{label}</a> <code>GET {href}</code>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </body>
  </html>
)

/**
 * The landing page `npm start` opens on: what Innokraft is and where the API begins.
 *
 * @since 0.1.0
 */
export const landingPage = (version: string): string => `<!doctype html>${(<Landing version={version} />).toString()}`
