import { join } from "node:path"
import { Caller, Tokens } from "@innokraft/store"
import { Effect } from "effect"
import { type Database, open } from "../src/Database.js"
import { type AppOptions, type LogLine, makeApp } from "../src/index.js"
import { seed } from "../src/Seed.js"

/** The shared real data folder. */
export const dataDir = join(import.meta.dirname, "../../../../shared/data")

/** A seeded in-memory store, the app over it and tokens of two organisations. */
export const setup = async (
  options: {
    readonly bodyLimit?: number
    readonly config?: Partial<AppOptions["config"]>
    readonly compute?: AppOptions["compute"]
  } = {}
) => {
  const db = await open(":memory:")
  await seed(db, { dataDir, log: () => {} })
  const token = (organisationId: string, role: "viewer" | "editor" | "admin") =>
    db
      .run(
        Effect.flatMap(Tokens.Tokens, (t) => t.create(Caller.system("test"), { organisationId, role, label: "test" }))
      )
      .then((created) => created.token)
  const tokens = {
    vbEditor: await token("region-vasterbotten", "editor"),
    vbViewer: await token("region-vasterbotten", "viewer"),
    vnEditor: await token("region-vasternorrland", "editor"),
    vbAdmin: await token("region-vasterbotten", "admin"),
    vnAdmin: await token("region-vasternorrland", "admin")
  }
  const logs: Array<LogLine> = []
  const app = makeApp({
    config: { BODY_LIMIT: options.bodyLimit ?? 1024 * 1024, CORS_ORIGINS: [], ...options.config },
    version: "test",
    database: db,
    ...(options.compute === undefined ? {} : { compute: options.compute }),
    log: (line) => logs.push(line)
  })
  return { db, app, tokens, logs }
}

export type Setup = Awaited<ReturnType<typeof setup>>

/** Request headers with a bearer token and a JSON body type. */
export const auth = (token: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
  ...extra
})

export const dispose = (db: Database) => db.dispose()

/** The parsed JSON body. */
export const body = async <T = Record<string, unknown>>(res: Response): Promise<T> => (await res.json()) as T
