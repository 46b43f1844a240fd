import type { MiddlewareHandler } from "hono"

interface Entry {
  readonly at: number
  readonly generation: number
  readonly status: number
  readonly body: string
  readonly headers: ReadonlyArray<readonly [string, string]>
}

/**
 * A micro-cache of anonymous `GET /v1/*` responses (published data only: no token, so no drafts and no personal
 * data). Every write through this server empties it; `ttlMs` bounds how stale an answer can be after a write by
 * another process on the same database (the CLI). Authenticated requests are never cached.
 */
export const publicReadCache = (options: {
  readonly ttlMs: number
  readonly maxEntries?: number
  readonly maxBytes?: number
}): MiddlewareHandler => {
  const entries = new Map<string, Entry>()
  const maxEntries = options.maxEntries ?? 1000
  const maxBytes = options.maxBytes ?? 256 * 1024
  let generation = 0
  return async (c, next) => {
    const method = c.req.method
    if (method !== "GET" && method !== "HEAD") {
      generation++
      entries.clear()
      await next()
      // A write that finished after a concurrent read was cached must not leave that read behind.
      generation++
      entries.clear()
      return
    }
    if (options.ttlMs <= 0 || c.req.header("authorization") !== undefined) return next()
    const key = c.req.url
    const hit = entries.get(key)
    const now = performance.now()
    if (hit !== undefined && hit.generation === generation && now - hit.at < options.ttlMs) {
      const headers = new Headers(hit.headers.map(([k, v]) => [k, v]))
      headers.set("x-cache", "hit")
      return new Response(hit.body, { status: hit.status, headers })
    }
    const started = generation
    await next()
    if (c.res.status !== 200 || started !== generation) return
    const body = await c.res.clone().text()
    if (body.length > maxBytes) return
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!)
    const headers: Array<readonly [string, string]> = []
    for (const name of ["content-type", "etag"]) {
      const value = c.res.headers.get(name)
      if (value !== null) headers.push([name, value])
    }
    entries.set(key, { at: now, generation, status: 200, body, headers })
  }
}
