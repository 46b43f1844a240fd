import type { AddressInfo } from "node:net"
import { PgClient } from "@effect/sql-pg"
import { serve } from "@hono/node-server"
import { Examples } from "@innokraft/domain"
import { Caller, Kinds, layerPg, layerSqlite, Organisations, Records, Users } from "@innokraft/store"
import { Effect, ManagedRuntime, Redacted } from "effect"
import { Hono } from "hono"
import type { Runner } from "../src/index.js"
import { workspace } from "../src/index.js"

/** PostgreSQL of CI and of this machine; tests on it carry the `postgresql` tag (skipped with the reason without it). */
export const pgUrl = process.env.INNOKRAFT_TEST_PG_URL

/** The engines the web tests run on, each with the tags that skip it when its service is missing. */
export const engines = [
  { name: "sqlite", tags: [] as Array<string> },
  { name: "postgresql", tags: ["postgresql"] }
] as const

const freshPg = async (url: string) => {
  const name = `innokraft_web_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = PgClient.layer({ url: Redacted.make(url), maxConnections: 1 })
  const run = (statement: string) =>
    Effect.runPromise(
      Effect.provide(
        Effect.flatMap(PgClient.PgClient, (sql) => sql.unsafe(statement)),
        admin
      )
    )
  await run(`CREATE DATABASE ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  return { url: target.toString(), drop: async () => void (await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) }
}

export const password = "korrekt häst batteri zon"
export const orgA = "region-vasterbotten"
export const orgB = "region-vasternorrland"

/** The people of the tests: e-mail → organisation and role. */
export const people = {
  admin: { email: "admin@vasterbotten.example", organisationId: orgA, role: "admin" },
  editor: { email: "anna@vasterbotten.example", organisationId: orgA, role: "editor" },
  editor2: { email: "bo@vasterbotten.example", organisationId: orgA, role: "editor" },
  viewer: { email: "vera@vasterbotten.example", organisationId: orgA, role: "viewer" },
  editorB: { email: "nils@vasternorrland.example", organisationId: orgB, role: "editor" }
} as const

const workspaceRecords = (organisationId: string, doc: typeof Examples.vasterbotten) => {
  const editor = Caller.member(organisationId, "editor", "seed")
  const groups = [
    [Kinds.region, doc.regions],
    [Kinds.actor, doc.actors],
    [Kinds.strategy, doc.strategies],
    [Kinds.goal, doc.goals],
    [Kinds.effort, doc.efforts],
    [Kinds.strengthArea, doc.strengthAreas],
    [Kinds.project, doc.projects]
  ] as const
  return Effect.forEach(groups, ([kind, items]) =>
    Effect.forEach(items as ReadonlyArray<{ id: string }>, (item) =>
      Effect.flatMap(Records.Records, (r) => r.create(editor, kind as never, item))
    )
  )
}

/** A running workspace on a fresh database of one engine: two organisations with their sourced examples and people. */
export const start = async (engine: "sqlite" | "postgresql") => {
  const pg = engine === "postgresql" ? await freshPg(pgUrl!) : undefined
  const runtime = ManagedRuntime.make(
    pg === undefined ? layerSqlite({ filename: ":memory:" }) : layerPg({ url: pg.url })
  )
  const runner: Runner = { run: (effect) => runtime.runPromise(effect) }
  const system = Caller.system("test")
  await runner.run(
    Effect.gen(function* () {
      const orgs = yield* Organisations.Organisations
      yield* orgs.create(system, { id: orgA, name: "Region Västerbotten" })
      yield* orgs.create(system, { id: orgB, name: "Region Västernorrland" })
      yield* workspaceRecords(orgA, Examples.vasterbotten)
      yield* workspaceRecords(orgB, Examples.vasternorrland)
      const users = yield* Users.Users
      for (const person of Object.values(people)) {
        const invited = yield* users.invite(system, person)
        yield* users.acceptInvite(invited.token, password)
      }
    })
  )
  const errors: Array<unknown> = []
  const host = new Hono()
  host.route("/app", workspace({ runner, onError: (e) => errors.push(e) }))
  const { server, origin } = await new Promise<{ server: ReturnType<typeof serve>; origin: string }>((resolve) => {
    const s = serve({ fetch: host.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) =>
      resolve({ server: s, origin: `http://127.0.0.1:${info.port}` })
    )
  })
  return {
    origin,
    runner,
    errors,
    invite: (email: string, organisationId = orgA) =>
      runner.run(Effect.flatMap(Users.Users, (u) => u.invite(system, { organisationId, email, role: "editor" }))),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await runtime.dispose()
      await pg?.drop()
    }
  }
}

export type Started = Awaited<ReturnType<typeof start>>

/** One visitor without a browser: real HTTP on loopback, a cookie jar, and the CSRF token of the last page. */
export class Visitor {
  readonly cookies = new Map<string, string>()
  csrf = ""
  last = ""
  constructor(readonly origin: string) {}

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";")
      const eq = pair!.indexOf("=")
      const name = pair!.slice(0, eq)
      const value = pair!.slice(eq + 1)
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ")
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.origin}${path}`, {
      headers: { cookie: this.header(), ...headers },
      redirect: "manual"
    })
    this.keep(res)
    this.last = await res.clone().text()
    const token = /name="_csrf" value="([^"]+)"/.exec(this.last)
    if (token !== null) this.csrf = token[1]!
    return res
  }

  /** Posts a form; `_csrf` is the last page's token unless the fields say otherwise (or `null` leaves it out). */
  async post(
    path: string,
    fields: Record<string, string | ReadonlyArray<string>>,
    options: { readonly csrf?: string | null; readonly headers?: Record<string, string> } = {}
  ): Promise<Response> {
    const body = new URLSearchParams()
    if (options.csrf !== null) body.append("_csrf", options.csrf ?? this.csrf)
    for (const [k, v] of Object.entries(fields)) for (const one of typeof v === "string" ? [v] : v) body.append(k, one)
    const res = await fetch(`${this.origin}${path}`, {
      method: "POST",
      headers: { cookie: this.header(), "content-type": "application/x-www-form-urlencoded", ...options.headers },
      body,
      redirect: "manual"
    })
    this.keep(res)
    this.last = await res.clone().text()
    return res
  }

  async signIn(email: string, pass = password): Promise<Response> {
    await this.get("/app/sign-in")
    return this.post("/app/sign-in", { email, password: pass })
  }
}
