import type { Context } from "hono"
import type { ContentfulStatusCode } from "hono/utils/http-status"
import type { ZodError } from "zod"

/**
 * One failing field of a request, as JSON Pointer-like path segments and a message.
 *
 * @since 0.1.0
 */
export interface FieldError {
  readonly path: ReadonlyArray<string | number>
  readonly message: string
}

/**
 * An RFC 9457 problem details body.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly type: string
  readonly title: string
  readonly status: number
  readonly detail?: string
  readonly instance?: string
  readonly errors?: ReadonlyArray<FieldError>
}

const titles: Record<number, string> = {
  400: "Invalid request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  412: "Precondition failed",
  413: "Request body too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  428: "Precondition required",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable"
}

/**
 * Responds with `application/problem+json`. The `type` is a stable URI per status under `/problems/` of this API.
 * A 401 carries `WWW-Authenticate: Bearer` (RFC 6750), so that clients know which credentials to send.
 *
 * @since 0.1.0
 */
export const problem = (
  c: Context,
  status: ContentfulStatusCode,
  detail?: string,
  errors?: ReadonlyArray<FieldError>,
  headers?: Readonly<Record<string, string>>
) => {
  const body: Problem = {
    type: `https://innokraft.org/problems/${status}`,
    title: titles[status] ?? "Error",
    status,
    instance: c.req.path,
    ...(detail === undefined ? {} : { detail }),
    ...(errors === undefined ? {} : { errors })
  }
  return c.body(JSON.stringify(body), status, {
    ...(status === 401 ? { "www-authenticate": 'Bearer realm="innokraft"' } : {}),
    ...headers,
    "content-type": "application/problem+json"
  })
}

/**
 * An error a handler throws to end the request with a problem response; the app's error handler renders it.
 *
 * @since 0.1.0
 */
export class ProblemError extends Error {
  override readonly name = "ProblemError"
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail: string,
    readonly errors?: ReadonlyArray<FieldError>,
    /** Headers of the answer, e.g. `Retry-After` of a 429. */
    readonly headers?: Readonly<Record<string, string>>
  ) {
    super(detail)
  }
}

/**
 * The failing field paths of a zod error, for a 400 problem.
 *
 * @since 0.1.0
 */
export const fieldErrors = (error: ZodError): ReadonlyArray<FieldError> =>
  error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message
  }))
