import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Organisations } from "@innokraft/store"
import { Effect } from "effect"
import type { Database } from "../Database.js"
import { callerOf } from "../internal/http.js"
import { json, problems } from "../internal/route.js"

const Ready = z.object({ status: z.enum(["ready", "unavailable"]), database: z.string() }).openapi("Ready")
const Organisation = z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).openapi("Organisation")

/**
 * `GET /ready`: whether the database answers (503 otherwise).
 *
 * @since 0.1.0
 */
export const registerReady = (app: OpenAPIHono, db: Database | undefined) =>
  app.openapi(
    createRoute({
      method: "get",
      path: "/ready",
      tags: ["System"],
      summary: "Readiness: the database is reachable",
      responses: {
        200: json(Ready, "Ready to serve"),
        503: json(Ready, "The database is not reachable")
      }
    }),
    async (c) => {
      const ok = db === undefined ? false : await db.ping()
      const body = { status: ok ? ("ready" as const) : ("unavailable" as const), database: db?.engine ?? "none" }
      return ok ? c.json(body, 200) : c.json(body, 503)
    }
  )

/**
 * `GET /v1/organisations`: the organisations of the installation (ids and names are public).
 *
 * @since 0.1.0
 */
export const registerOrganisations = (app: OpenAPIHono, db: Database) =>
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/organisations",
      tags: ["Organisations"],
      summary: "Every organisation (id and name)",
      responses: { 200: json(z.object({ items: z.array(Organisation) }), "All organisations"), ...problems(503) }
    }),
    async (c) => {
      const caller = callerOf(c)
      const items = await db.run(
        Effect.flatMap(Organisations.Organisations, (o) => o.list(caller)),
        caller
      )
      return c.json({ items: items.map((o) => ({ id: o.id, name: o.name, createdAt: o.createdAt })) }, 200)
    }
  )

const swaggerDir = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"))
const assets: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png"
}

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Innokraft API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
<link rel="icon" href="/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`

const init = `window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`

/**
 * `GET /docs`: the human API reference (Swagger UI served from the installed `swagger-ui-dist`, no CDN).
 *
 * @since 0.1.0
 */
export const registerDocs = (app: OpenAPIHono) => {
  app.get("/docs", (c) => c.html(page))
  app.get("/docs/init.js", (c) => c.body(init, 200, { "content-type": "text/javascript; charset=utf-8" }))
  app.get("/docs/assets/:file", async (c) => {
    const file = c.req.param("file")
    const type = assets[file]
    if (type === undefined) return c.notFound()
    const bytes = await readFile(join(swaggerDir, file))
    return c.body(bytes, 200, { "content-type": type, "cache-control": "public, max-age=86400" })
  })
  return app
}
