import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi"
import { Tokens } from "@innokraft/store"
import { Effect } from "effect"
import type { Context } from "hono"
import type { Database } from "../Database.js"
import { callerOf, paginate } from "../internal/http.js"
import { bearer, json, pageQuery, problems, valid } from "../internal/route.js"
import { ProblemError } from "../Problem.js"

const TokenInfo = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    role: z.enum(["viewer", "editor", "admin"]),
    label: z.string(),
    prefix: z.string().openapi({ description: "The visible start of the secret, to recognise it" }),
    createdAt: z.string(),
    revokedAt: z.string().optional()
  })
  .openapi("Token")

const CreatedToken = TokenInfo.extend({
  token: z.string().openapi({ description: "The secret: shown in this response only, stored as a SHA-256 hash" })
}).openapi("CreatedToken")

const NewToken = z
  .object({
    role: z.enum(["viewer", "editor", "admin"]),
    label: z.string().trim().min(1).max(200).openapi({ example: "web team" })
  })
  .strict()
  .openapi("NewToken")

const info = (t: Tokens.TokenInfo) => ({
  id: t.id,
  organisationId: t.organisationId,
  role: t.role,
  label: t.label,
  prefix: t.prefix,
  createdAt: t.createdAt,
  ...(t.revokedAt === undefined ? {} : { revokedAt: t.revokedAt })
})

/** The organisation whose tokens an admin manages: always the caller's own. */
const ownOrganisation = (c: Context): string => {
  const caller = callerOf(c)
  if (caller._tag !== "Member")
    throw new ProblemError(401, 'Managing tokens needs an admin token: "Authorization: Bearer <token>".')
  if (caller.role !== "admin") throw new ProblemError(403, "Only admins of the organisation manage its tokens.")
  return caller.organisationId
}

/**
 * Token management for admins of an organisation: create (the secret is in the creation response only), list
 * (without secrets) and revoke. Editors and viewers get 403; a token of another organisation is 404.
 *
 * @since 0.1.0
 */
export const registerTokens = (app: OpenAPIHono, db: Database) => {
  const tags = ["Tokens"]
  // The role before the body is validated: only an admin learns what a token request must hold.
  app.use("/v1/tokens", async (c, next) => {
    ownOrganisation(c)
    return next()
  })
  app.use("/v1/tokens/*", async (c, next) => {
    ownOrganisation(c)
    return next()
  })
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/tokens",
      tags,
      summary: "Create a token of the caller's organisation (admin); the secret is returned once",
      security: bearer,
      request: { body: { required: true, content: { "application/json": { schema: NewToken } } } },
      responses: { 201: json(CreatedToken, "Created; keep the secret"), ...problems(400, 401, 403, 415) }
    }),
    (async (c: Context) => {
      const input = valid<z.infer<typeof NewToken>>(c, "json")
      const organisationId = ownOrganisation(c)
      const caller = callerOf(c)
      const created = await db.run(
        Effect.flatMap(Tokens.Tokens, (t) =>
          t.create(caller, { organisationId, role: input.role, label: input.label })
        ),
        caller
      )
      c.header("location", `/v1/tokens/${encodeURIComponent(created.id)}`)
      return c.json({ ...info(created), token: created.token }, 201)
    }) as never
  )

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/tokens",
      tags,
      summary: "List the tokens of the caller's organisation (admin; never the secrets)",
      security: bearer,
      request: {
        query: z.object({
          ...pageQuery,
          revoked: z.enum(["true", "false"]).optional().openapi({ description: "Only revoked (true) or live (false)" })
        })
      },
      responses: {
        200: json(z.object({ items: z.array(TokenInfo), nextCursor: z.string().nullable() }), "One page"),
        ...problems(400, 401, 403)
      }
    }),
    (async (c: Context) => {
      const q = valid<{ cursor?: string; limit: number; revoked?: "true" | "false" }>(c, "query")
      const organisationId = ownOrganisation(c)
      const caller = callerOf(c)
      const rows = await db.run(
        Effect.flatMap(Tokens.Tokens, (t) => t.list(caller, organisationId)),
        caller
      )
      const wanted =
        q.revoked === undefined ? rows : rows.filter((t) => (t.revokedAt !== undefined) === (q.revoked === "true"))
      const page = paginate(wanted, (t) => `${t.createdAt}\u0000${t.id}`, q.cursor, q.limit)
      return c.json({ items: page.items.map(info), nextCursor: page.nextCursor }, 200)
    }) as never
  )

  app.openapi(
    createRoute({
      method: "delete",
      path: "/v1/tokens/{id}",
      tags,
      summary: "Revoke a token of the caller's organisation (admin)",
      security: bearer,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: { 204: { description: "Revoked (also when it already was)" }, ...problems(401, 403, 404) }
    }),
    (async (c: Context) => {
      const { id } = valid<{ id: string }>(c, "param")
      ownOrganisation(c)
      const caller = callerOf(c)
      await db.run(
        Effect.flatMap(Tokens.Tokens, (t) => t.revoke(caller, id)),
        caller
      )
      return c.body(null, 204)
    }) as never
  )
  return app
}
