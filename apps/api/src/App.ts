import { OpenAPIHono } from "@hono/zod-openapi"
import { UnknownCodeError } from "@innokraft/reference"
import type { Hono } from "hono"
import { bodyLimit } from "hono/body-limit"
import { cors } from "hono/cors"
import { HTTPException } from "hono/http-exception"
import { requestId } from "hono/request-id"
import { secureHeaders } from "hono/secure-headers"
import * as Compute from "./Compute.js"
import { type Config, fromEnv } from "./Config.js"
import type { Database } from "./Database.js"
import { bearerAuth } from "./internal/auth.js"
import { publicReadCache } from "./internal/cache.js"
import { bodyGuard, closeUnreadBody, contentSecurityPolicy, hasBody, textGuard, writerRole } from "./internal/http.js"
import { FailureThrottle } from "./internal/throttle.js"
import { landingPage } from "./Landing.js"
import { fieldErrors, ProblemError, problem } from "./Problem.js"
import { registerFollowUp } from "./routes/FollowUp.js"
import { registerHealth } from "./routes/Health.js"
import { registerJobs } from "./routes/Jobs.js"
import { registerLoop } from "./routes/Loop.js"
import { registerLoopParts } from "./routes/LoopParts.js"
import { registerMeasure } from "./routes/Measure.js"
import { registerObservations } from "./routes/Observations.js"
import { registerPortfolio } from "./routes/Portfolio.js"
import { registerRecords, resources } from "./routes/Records.js"
import { registerReference } from "./routes/Reference.js"
import { registerS3 } from "./routes/S3.js"
import { registerDocs, registerOrganisations, registerReady } from "./routes/System.js"
import { registerTokens } from "./routes/Tokens.js"

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
  readonly config: Pick<Config, "BODY_LIMIT" | "CORS_ORIGINS"> &
    Partial<
      Pick<
        Config,
        | "READ_CACHE_MS"
        | "AUTH_FAILURES_PER_MINUTE"
        | "COMPUTE_THREADS"
        | "COMPUTE_QUEUE"
        | "COMPUTE_PER_ORGANISATION"
        | "MAX_S3_CELLS"
        | "MAX_MEASURE_CELLS"
        | "MAX_UNCERTAINTY_RUNS"
        | "MAX_FITNESS_ITERATIONS"
        | "INLINE_WORK"
        | "RECORD_BODY_LIMIT"
      >
    >
  readonly version: string
  /** The store; without one only the reference routes are served and `/ready` answers 503. */
  readonly database?: Database
  /** Serves `/` (the dashboard) instead of the landing page. */
  readonly home?: Hono
  /**
   * The HTML page for an unknown address outside `/v1` asked for by a browser (`Accept: text/html`), e.g. the
   * dashboard's 404 page; API clients keep getting problem+json.
   */
  readonly notFoundPage?: (path: string, lang: string | undefined) => string
  /** The worker pool of measurements and S3 analyses (default: one from the configuration; close it with the app). */
  readonly compute?: Compute.Compute
  /** Called when a request queued a job (the host's job runner looks for work at once). */
  readonly onJobQueued?: () => void
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
  app.use(closeUnreadBody)
  app.use(secureHeaders({ contentSecurityPolicy }))
  if (options.config.CORS_ORIGINS.length > 0) {
    app.use(
      "/v1/*",
      cors({
        origin: [...options.config.CORS_ORIGINS],
        // Browser clients need the ETag for If-Match, the Location of what they created and Retry-After of a 429.
        exposeHeaders: ["ETag", "Location", "Retry-After", "X-Request-Id"]
      })
    )
  }
  const limit = bodyLimit({
    maxSize: options.config.BODY_LIMIT,
    onError: (c) => problem(c, 413, `The body exceeds ${options.config.BODY_LIMIT} bytes.`)
  })
  // Only where a body is expected: on GET and HEAD looking for one would build the whole request.
  app.use((c, next) => (hasBody(c.req.method) ? limit(c, next) : next()))

  const db = options.database
  if (db !== undefined) {
    const recordPaths = new Set(resources.map((r) => r.path))
    const throttle = new FailureThrottle(options.config.AUTH_FAILURES_PER_MINUTE ?? 20)
    app.use("/v1/*", bearerAuth(db, throttle))
    app.use("/v1/*", writerRole)
    app.use("/v1/*", textGuard)
    app.use(
      "/v1/*",
      bodyGuard(
        (path) => path === "/v1/observations",
        // One strategy-model record (an actor, a project …) is a document, not a bulk upload.
        (path) =>
          recordPaths.has(path.split("/")[2] ?? "")
            ? { bytes: options.config.RECORD_BODY_LIMIT ?? 262_144, setting: "RECORD_BODY_LIMIT" }
            : undefined
      )
    )
    app.use("/v1/*", publicReadCache({ ttlMs: options.config.READ_CACHE_MS ?? 0 }))
  }

  if (options.home !== undefined) app.route("/", options.home)
  else app.get("/", (c) => c.html(landingPage(options.version)))
  registerHealth(app, options.version)
  registerReady(app, db)
  registerReference(app)
  registerDocs(app)
  if (db !== undefined) {
    registerOrganisations(app, db)
    registerPortfolio(app, db)
    registerFollowUp(app, db)
    registerRecords(app, db)
    registerObservations(app, db)
    // Settings the host left out take the configuration's defaults.
    const config = { ...fromEnv({}), ...options.config }
    const computing = {
      compute:
        options.compute ??
        Compute.make({
          threads: config.COMPUTE_THREADS,
          maxQueue: config.COMPUTE_QUEUE,
          perOrganisation: config.COMPUTE_PER_ORGANISATION
        }),
      limits: {
        s3Cells: config.MAX_S3_CELLS,
        measureCells: config.MAX_MEASURE_CELLS,
        uncertaintyRuns: config.MAX_UNCERTAINTY_RUNS,
        fitnessIterations: config.MAX_FITNESS_ITERATIONS
      },
      inlineWork: config.INLINE_WORK,
      queued: options.onJobQueued ?? (() => {})
    }
    registerMeasure(app, db, computing)
    registerS3(app, db, computing)
    registerLoop(app, db)
    registerLoopParts(app, db)
    registerTokens(app, db)
    registerJobs(app, db)
  }
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "An organisation's API token (innokraft tokens create --org ORG --role ROLE)"
  })

  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Innokraft API",
      version: options.version,
      description: "Regional innovation strategies, measurement, smart specialisation and the Innovation Loop."
    }
  })

  app.notFound((c) => {
    const page = options.notFoundPage
    const browser = (c.req.header("accept") ?? "").includes("text/html") && !c.req.path.startsWith("/v1/")
    if (page !== undefined && browser && c.req.method === "GET")
      return c.html(page(c.req.path, c.req.query("lang")), 404)
    return problem(c, 404, `No resource at ${c.req.method} ${c.req.path}.`)
  })
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problem(c, error.status, error.detail, error.errors, error.headers)
    if (error instanceof HTTPException) return problem(c, error.status as 400, error.message)
    if (error instanceof UnknownCodeError) return problem(c, 404, error.message)
    log({ level: "error", msg: "unhandled", requestId: c.get("requestId"), path: c.req.path, error: error.name })
    return problem(c, 500, "The server failed to handle the request; it has been logged.")
  })
  return app
}
