// Fuzzes every operation of /openapi.json with hostile path segments, query values and bodies, anonymously and with
// an editor's token, and counts the answers by status. Any 5xx is a bug (issue #14). Run from the repository root:
//   npx tsx --conditions=@innokraft/source apps/api/scripts/fuzz.ts [DATABASE_URL]
// (default: a seeded in-memory SQLite; a postgres:// URL of an empty database is seeded too).
import { join } from "node:path"
import { Caller, Tokens } from "@innokraft/store"
import { Effect } from "effect"
import { makeApp } from "../src/App.js"
import { open } from "../src/Database.js"
import { seed } from "../src/Seed.js"

const hostile = [
  "a\u0000b",
  "SUR\ud800",
  "pub/secret",
  "' OR 1=1 --",
  "%00",
  "..%2F..",
  "x".repeat(300),
  "-1",
  "1e309",
  "😀",
  ""
]

/** Percent-encodes like encodeURIComponent, writing a lone surrogate as the bytes a broken encoder would send. */
const encode = (text: string): string =>
  encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\u0001")).replaceAll("%01", "%ED%A0%80")

const url = process.argv[2] ?? ":memory:"
const db = await open(url)
await seed(db, { dataDir: join(import.meta.dirname, "../../../../shared/data"), log: () => {} })
const { token } = await db.run(
  Effect.flatMap(Tokens.Tokens, (t) =>
    t.create(Caller.system("fuzz"), { organisationId: "region-vasterbotten", role: "editor", label: "fuzz" })
  )
)
const app = makeApp({
  config: { BODY_LIMIT: 1024 * 1024, CORS_ORIGINS: [] },
  version: "fuzz",
  database: db,
  log: () => {}
})
const spec = (await (await app.request("/openapi.json")).json()) as {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>
}

const counts = new Map<number, number>()
const failures: Array<string> = []
let requests = 0
for (const [path, operations] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(operations)) {
    const query = (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name)
    for (const text of hostile) {
      const concrete = path.replace(/\{[^}]+\}/g, () => encode(text))
      const search = query.map((q) => `${encode(q)}=${encode(text)}`).join("&")
      const bodies =
        method === "get" || method === "delete"
          ? [undefined]
          : [JSON.stringify({ id: text, title: { sv: text, en: text } }), JSON.stringify([text]), text]
      for (const body of bodies) {
        for (const auth of [undefined, token]) {
          const res = await app.request(`${concrete}${search === "" ? "" : `?${search}`}`, {
            method: method.toUpperCase(),
            headers: {
              "content-type": "application/json",
              "if-match": 'W/"1"',
              ...(auth === undefined ? {} : { authorization: `Bearer ${auth}` })
            },
            ...(body === undefined ? {} : { body })
          })
          requests++
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1)
          if (res.status >= 500)
            failures.push(`${res.status} ${method.toUpperCase()} ${path} with ${JSON.stringify(text)}`)
        }
      }
    }
  }
}
console.log(`${requests} requests to ${Object.keys(spec.paths).length} paths on ${db.engine}`)
console.log(
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s}: ${n}`)
    .join(", ")
)
for (const f of failures.slice(0, 30)) console.log(f)
console.log(`${failures.length} × 5xx`)
await db.dispose()
process.exit(failures.length === 0 ? 0 : 1)
