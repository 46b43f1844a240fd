import { OpenAPIHono } from "@hono/zod-openapi"
import { UnknownCodeError } from "@innokraft/reference"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { requestId } from "hono/request-id"
import { secureHeaders } from "hono/secure-headers"
import type { Config } from "./Config.js"
import { landingPage } from "./Landing.js"
import { fieldErrors, ProblemError, problem } from "./Problem.js"
import { registerHealth } from "./routes/Health.js"
import { registerReference } from "./routes/Reference.js"

/**
 * A structured log line. Only request metadata: never bodies, tokens or personal data.
 *
 * @since 0.1.0
 */
export interface LogLine {
  readonly level: "info" | "error"
  readonly msg: string
  readonly requestId?: string
  readonly method?: string
  readonly path?: string
  readonly status?: number
  readonly ms?: number
  readonly error?: string
}

/**
 * What the app needs from its host.
 *
 * @since 0.1.0
 */
export interface AppOptions {
  readonly config: Pick<Config, "BODY_LIMIT" | "CORS_ORIGINS">
  readonly version: string
  /** Where structured log lines go; default: one JSON line per request on stdout. */
  readonly log?: (line: LogLine) => void
}

const defaultLog = (line: LogLine) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...line })}\n`)

/**
 * Builds the HTTP application: middleware (request ids, secure headers, CORS, body limit, JSON logs), the routes,
 * RFC 9457 errors and the OpenAPI 3.1 document at `/openapi.json`.
 *
 * @since 0.1.0
 */
export const makeApp = (options: AppOptions) => {
  const log = options.log ?? defaultLog
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return problem(c, 400, "The request does not match the schema.", fieldErrors(result.error))
      return undefined
    }
  })

  app.use(requestId())
  app.use(async (c, next) => {
    const started = performance.now()
    await next()
    log({
      level: "info",
      msg: "request",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 100) / 100
    })
  })
  app.use(secureHeaders())
  if (options.config.CORS_ORIGINS.length > 0) app.use("/v1/*", cors({ origin: [...options.config.CORS_ORIGINS] }))
  app.use(
    bodyLimit({
      maxSize: options.config.BODY_LIMIT,
      onError: (c) => problem(c, 413, `The body exceeds ${options.config.BODY_LIMIT} bytes.`)
    })
  )

  app.get("/", (c) => c.html(landingPage(options.version)))
  registerHealth(app, options.version)
  registerReference(app)

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Innokraft API",
      version: options.version,
      description: "Regional innovation strategies, measurement, smart specialisation and the Innovation Loop."
    }
  })

  app.notFound((c) => problem(c, 404, `No resource at ${c.req.method} ${c.req.path}.`))
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.status, error.detail, error.errors)
    if (error instanceof UnknownCodeError) return problem(c, 404, error.message)
    log({ level: "error", msg: "unhandled", requestId: c.get("requestId"), path: c.req.path, error: error.name })
    return problem(c, 500, "The server failed to handle the request; it has been logged.")
  })
  return app
}
