import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"

const Health = z.object({ status: z.literal("ok"), version: z.string() }).openapi("Health")

/**
 * `GET /health`: the process is up.
 *
 * @since 0.1.0
 */
export const registerHealth = (app: OpenAPIHono, version: string) =>
  app.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["System"],
      summary: "Liveness",
      responses: { 200: { description: "The server is running", content: { "application/json": { schema: Health } } } }
    }),
    (c) => c.json({ status: "ok" as const, version }, 200)
  )
