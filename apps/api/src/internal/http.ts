import { Text } from "@innokraft/domain"
import type { CallerType } from "@innokraft/store"
import type { Context, MiddlewareHandler } from "hono"
import type { secureHeaders } from "hono/secure-headers"
import { ProblemError } from "../Problem.js"
import { incomingOf } from "./auth.js"

declare module "hono" {
  interface ContextVariableMap {
    caller: CallerType
  }
}

/** The caller the auth middleware put on the context (anonymous when none). */
export const callerOf = (c: Context): CallerType => c.get("caller") ?? { _tag: "Anonymous" }

/** Whether requests of a method carry a body the API reads. */
export const hasBody = (method: string): boolean => method === "POST" || method === "PUT" || method === "PATCH"

/**
 * The Content-Security-Policy of every answer: the dashboard and the landing page inline their style sheet and run
 * no script; the API reference runs Swagger UI's scripts from this server; nothing is framed by other sites.
 */
export const contentSecurityPolicy: NonNullable<
  NonNullable<Parameters<typeof secureHeaders>[0]>["contentSecurityPolicy"]
> = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", "data:"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  scriptSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"]
}

/**
 * An answer given before the request's body was read (a 401, 413 or 415 refusal) ends the connection with
 * `Connection: close`: the unread rest of the body would otherwise be drained or cut while the client was told to
 * keep the connection alive.
 */
export const closeUnreadBody: MiddlewareHandler = async (c, next) => {
  await next()
  const incoming = incomingOf(c)
  if (incoming === undefined || incoming.readableEnded) return
  const length = c.req.header("content-length")
  if ((length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined) {
    c.header("connection", "close")
  }
}

/** A weak ETag of a record version. */
export const etag = (version: number): string => `W/"${version}"`

/**
 * The version an `If-Match` header names: 428 without one, 412 when it is not an ETag this API issued (a stale or
 * foreign tag can never match).
 */
export const ifMatch = (c: Context): number => {
  const header = c.req.header("if-match")
  if (header === undefined || header.trim() === "") {
    throw new ProblemError(428, 'Updates need an "If-Match" header with the ETag of the record as last read.')
  }
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header)
  if (match === null) throw new ProblemError(412, `The If-Match header ${JSON.stringify(header)} matches no version.`)
  return Number(match[1])
}

/** Turns a version `Conflict` (a stale `If-Match`) into 412; other problems pass. */
export const preconditionFailed = (error: unknown): never => {
  if (error instanceof ProblemError && error.status === 409 && /expected version/.test(error.detail)) {
    throw new ProblemError(412, `The If-Match ETag is stale: ${error.detail}`)
  }
  throw error
}

/** Opaque cursors: base64url of the last item's sort key. */
export const encodeCursor = (key: string): string => Buffer.from(key, "utf8").toString("base64url")

export const decodeCursor = (cursor: string): string => {
  const key = Buffer.from(cursor, "base64url").toString("utf8")
  if (encodeCursor(key) !== cursor) {
    throw new ProblemError(400, "The cursor is not one this API issued.", [{ path: ["cursor"], message: "invalid" }])
  }
  return key
}

/**
 * One page of items sorted by `key`: the items after the cursor, at most `limit`, and the cursor of the next page.
 */
export const paginate = <T>(
  items: ReadonlyArray<T>,
  key: (item: T) => string,
  cursor: string | undefined,
  limit: number
): { readonly items: ReadonlyArray<T>; readonly nextCursor: string | null } => {
  const after = cursor === undefined ? undefined : decodeCursor(cursor)
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const start = after === undefined ? 0 : sorted.findIndex((item) => key(item) > after)
  const from = start < 0 ? sorted.length : start
  const page = sorted.slice(from, from + limit)
  const last = page[page.length - 1]
  return {
    items: page,
    nextCursor: from + limit < sorted.length && last !== undefined ? encodeCursor(key(last)) : null
  }
}

/** Whether a body field matches a filter value: equal (as text), or an array containing it. */
export const matches = (value: unknown, wanted: string): boolean => {
  if (Array.isArray(value)) return value.some((v) => matches(v, wanted))
  if (typeof value === "string") return value === wanted
  if (typeof value === "number" || typeof value === "boolean") return String(value) === wanted
  return false
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped), without parsing it. */
export const jsonDepth = (text: string): number => {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92) i++
      else if (ch === 34) inString = false
    } else if (ch === 34) inString = true
    else if (ch === 123 || ch === 91) {
      depth++
      if (depth > max) max = depth
    } else if (ch === 125 || ch === 93) depth--
  }
  return max
}

/** Deepest JSON nesting accepted. */
export const maxDepth = 64

const decoder = new TextDecoder("utf-8", { fatal: true })

/**
 * Guards every write body before validation: a JSON (or, where allowed, CSV) content type (415 otherwise), at most
 * `limitOf(path)` bytes where a path has its own limit (413 naming it), valid UTF-8 and JSON nested at most
 * {@link maxDepth} deep (400 otherwise). The checked text is what handlers read.
 */
export const bodyGuard =
  (
    allowCsv: (path: string) => boolean,
    limitOf: (path: string) => { readonly bytes: number; readonly setting: string } | undefined = () => undefined
  ): MiddlewareHandler =>
  async (c, next) => {
    if (!hasBody(c.req.method)) return next()
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase()
    const csv = type === "text/csv" && allowCsv(c.req.path)
    if (type !== "application/json" && !csv) {
      throw new ProblemError(
        415,
        `Expected "content-type: application/json"${allowCsv(c.req.path) ? ' or "text/csv"' : ""}, found ${JSON.stringify(type || "(none)")}.`
      )
    }
    const limit = limitOf(c.req.path)
    const declared = Number(c.req.header("content-length") ?? "0")
    const tooLarge = (size: number) =>
      new ProblemError(
        413,
        `The body has ${size} bytes; a record here may have at most ${limit!.bytes} (${limit!.setting}).`
      )
    if (limit !== undefined && declared > limit.bytes) throw tooLarge(declared)
    const bytes = await c.req.arrayBuffer()
    if (limit !== undefined && bytes.byteLength > limit.bytes) throw tooLarge(bytes.byteLength)
    let text: string
    try {
      text = decoder.decode(bytes)
    } catch {
      throw new ProblemError(400, "The body is not valid UTF-8.")
    }
    if (csv) {
      const problem = Text.problem(text)
      if (problem !== undefined)
        throw new ProblemError(400, "The CSV body holds a character no text may hold.", [
          { path: ["body"], message: problem }
        ])
      return next()
    }
    if (jsonDepth(text) > maxDepth) throw new ProblemError(400, `The JSON body is nested deeper than ${maxDepth}.`)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw new ProblemError(400, `The body is not valid JSON: ${error instanceof Error ? error.message : "?"}`)
    }
    const hostile = Text.hostile(json)
    if (hostile.length > 0) {
      throw new ProblemError(
        400,
        "The body holds a text with a character no text may hold.",
        hostile.map((h) => ({ path: h.path, message: h.message }))
      )
    }
    return next()
  }

/**
 * Refuses, before any handler or SQL, a path segment or query parameter that holds a NUL or another control
 * character, an unpaired surrogate (the rules of `Text.problem` in `@innokraft/domain`) or broken percent-encoding:
 * 400 naming the segment or parameter. Both engines then see the same texts (PostgreSQL cannot store a NUL).
 */
export const textGuard: MiddlewareHandler = async (c, next) => {
  const url = new URL(c.req.url)
  const errors: Array<{ path: Array<string | number>; message: string }> = []
  url.pathname.split("/").forEach((raw, i) => {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      errors.push({ path: ["(path)", i], message: `expected percent-encoded UTF-8, found ${JSON.stringify(raw)}` })
      return
    }
    const problem = Text.problem(segment)
    if (problem !== undefined) errors.push({ path: ["(path)", i], message: problem })
  })
  for (const raw of url.search.slice(1).split("&")) {
    if (raw === "") continue
    const [name = "", value = ""] = raw.split("=", 2)
    let key = name
    try {
      key = decodeURIComponent(name.replaceAll("+", " "))
      const problem = Text.problem(key) ?? Text.problem(decodeURIComponent(value.replaceAll("+", " ")))
      if (problem !== undefined) errors.push({ path: [key], message: problem })
    } catch {
      errors.push({ path: [key], message: `expected percent-encoded UTF-8 in the query, found ${JSON.stringify(raw)}` })
    }
  }
  if (errors.length > 0) throw new ProblemError(400, "The URL holds a character no text may hold.", errors)
  return next()
}

/**
 * The role before the request is validated: a viewer's write (any method but GET, HEAD and OPTIONS) is 403 whatever
 * it sends, so that validation never tells a caller who may not write what a write must hold.
 */
export const writerRole: MiddlewareHandler = async (c, next) => {
  const method = c.req.method
  const caller = callerOf(c)
  if (
    method !== "GET" &&
    method !== "HEAD" &&
    method !== "OPTIONS" &&
    caller._tag === "Member" &&
    caller.role === "viewer"
  ) {
    throw new ProblemError(403, 'Writing needs the "editor" or "admin" role; this token is a viewer\'s.')
  }
  return next()
}
