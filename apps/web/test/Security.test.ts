import { SqlClient } from "@effect/sql"
import { Caller, Kinds, Records, Tokens } from "@innokraft/store"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { engines, orgA, orgB, people, type Started, start, Visitor } from "./support.js"

const projectsOf = (s: Started, organisationId: string) =>
  s.runner.run(Effect.flatMap(Records.Records, (r) => r.list(Caller.system("test"), Kinds.project, { organisationId })))

for (const engine of engines)
  describe(`the workspace's security on ${engine.name}`, { tags: [...engine.tags] }, () => {
    let s: Started
    beforeAll(async () => {
      s = await start(engine.name)
    }, 120_000)
    afterAll(async () => s?.close())

    it("sends a visitor without a session to the sign-in page, and refuses their form posts", async () => {
      const v = new Visitor(s.origin)
      const home = await v.get("/app")
      expect(home.status).toBe(303)
      expect(home.headers.get("location")).toBe("/app/sign-in")
      const page = await v.get("/app/sign-in?lang=en")
      expect(page.status).toBe(200)
      expect(v.last).toContain('<html lang="en"')
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'")
      expect(page.headers.get("cache-control")).toBe("no-store")
      const post = await v.post("/app/projects", { "title.sv": "X", "title.en": "X", status: "idea" })
      expect(post.status).toBe(401)
    })

    it("refuses a form post without the CSRF token, or with a wrong one, with 403 — also the sign-in form", async () => {
      const v = new Visitor(s.origin)
      await v.get("/app/sign-in")
      expect(v.cookies.has("ikw_csrf")).toBe(true)
      expect((await v.post("/app/sign-in", { email: people.editor.email, password: "x" }, { csrf: null })).status).toBe(
        403
      )
      expect(v.last).toContain("säkerhetstoken")
      expect(
        (await v.post("/app/sign-in", { email: people.editor.email, password: "x" }, { csrf: "forged" })).status
      ).toBe(403)
      // signed in, a post without the session's token changes nothing
      expect((await v.signIn(people.editor.email)).status).toBe(303)
      const before = await projectsOf(s, orgA)
      const fields = { id: "csrf-probe", "title.sv": "Prov", "title.en": "Probe", status: "idea" }
      expect((await v.post("/app/projects", fields, { csrf: null })).status).toBe(403)
      // the pre-sign-in cookie's token is not the session's: refused as well
      expect((await v.post("/app/projects", fields, { csrf: v.cookies.get("ikw_csrf") ?? "gone" })).status).toBe(403)
      expect((await projectsOf(s, orgA)).length).toBe(before.length)
      // … and with the page's token it is created
      await v.get("/app/projects/new")
      const created = await v.post("/app/projects", fields)
      expect(created.status).toBe(303)
      expect(created.headers.get("location")).toBe("/app?created=csrf-probe")
      expect((await projectsOf(s, orgA)).map((p) => p.id)).toContain("csrf-probe")
    })

    it("sets the session cookie HttpOnly, SameSite=Lax, on the workspace's path, expiring — and Secure behind TLS", async () => {
      const v = new Visitor(s.origin)
      await v.get("/app/sign-in")
      const res = await v.post("/app/sign-in", { email: people.editor.email, password: "korrekt häst batteri zon" })
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith("ikw_session="))!
      expect(cookie).toMatch(/; HttpOnly/)
      expect(cookie).toMatch(/; SameSite=Lax/)
      expect(cookie).toMatch(/; Path=\/app/)
      expect(cookie).toMatch(/; Max-Age=28800/)
      expect(cookie).not.toMatch(/; Secure/)
      const tls = new Visitor(s.origin)
      await tls.get("/app/sign-in", { "x-forwarded-proto": "https" })
      const secure = await tls.post(
        "/app/sign-in",
        { email: people.editor.email, password: "korrekt häst batteri zon" },
        { headers: { "x-forwarded-proto": "https" } }
      )
      expect(secure.headers.getSetCookie().find((c) => c.startsWith("ikw_session="))).toMatch(/; Secure/)
    })

    it("rotates the session at sign-in: the cookie presented before no longer works", async () => {
      const v = new Visitor(s.origin)
      await v.signIn(people.editor2.email)
      const first = v.cookies.get("ikw_session")!
      await v.get("/app")
      await v.post("/app/sign-in", { email: people.editor2.email, password: "korrekt häst batteri zon" })
      const second = v.cookies.get("ikw_session")!
      expect(second).not.toBe(first)
      const stale = new Visitor(s.origin)
      stale.cookies.set("ikw_session", first)
      expect((await stale.get("/app")).status).toBe(303)
      expect((await v.get("/app")).status).toBe(200)
      // the session row of the first cookie is gone from the store
      const rows = await s.runner.run(
        Effect.flatMap(SqlClient.SqlClient, (sql) => sql`SELECT hash FROM sessions WHERE hash = ${Tokens.hash(first)}`)
      )
      expect(rows).toEqual([])
    })

    it("throttles failed sign-ins: after five, even the right password gets 429", async () => {
      const invited = await s.invite("throttle@vasterbotten.example")
      const setter = new Visitor(s.origin)
      await setter.get(`/app/invite?token=${invited.token}`)
      await setter.post(`/app/invite?token=${invited.token}`, {
        password: "ett långt lösenord",
        again: "ett långt lösenord"
      })
      const v = new Visitor(s.origin)
      for (let i = 0; i < 5; i++) {
        const res = await v.signIn("throttle@vasterbotten.example", `fel lösenord ${i}`)
        expect(res.status).toBe(401)
        expect(v.last).toContain("Fel e-post eller lösenord.")
      }
      const res = await v.signIn("throttle@vasterbotten.example", "ett långt lösenord")
      expect(res.status).toBe(429)
      expect(v.last).toContain("För många misslyckade inloggningar")
      expect(v.cookies.has("ikw_session")).toBe(false)
    })

    it("keeps organisations apart: a session of A can neither read nor change B's project", async () => {
      const [bProject] = await projectsOf(s, orgB)
      expect(bProject).toBeDefined()
      const a = new Visitor(s.origin)
      await a.signIn(people.editor.email)
      const home = await a.get("/app")
      expect(home.status).toBe(200)
      expect(a.last).not.toContain(bProject!.body.title.sv)
      expect((await a.get(`/app/projects/${bProject!.id}`)).status).toBe(404)
      const post = await a.post(`/app/projects/${bProject!.id}`, {
        version: String(bProject!.version),
        "title.sv": "Kapad",
        "title.en": "Hijacked",
        status: "active"
      })
      expect(post.status).toBe(404)
      const after = await projectsOf(s, orgB)
      expect(after.find((p) => p.id === bProject!.id)?.body.title.sv).toBe(bProject!.body.title.sv)
      expect(after.find((p) => p.id === bProject!.id)?.version).toBe(bProject!.version)
      // and B's own editor sees it
      const b = new Visitor(s.origin)
      await b.signIn(people.editorB.email)
      expect((await b.get(`/app/projects/${bProject!.id}`)).status).toBe(200)
    })

    it("shows a viewer no edit controls, and the server refuses its posts", async () => {
      const v = new Visitor(s.origin)
      await v.signIn(people.viewer.email)
      await v.get("/app")
      expect(v.last).toContain("läsbehörighet")
      expect(v.last).not.toContain("/app/projects/new")
      const [project] = await projectsOf(s, orgA)
      await v.get(`/app/projects/${project!.id}`)
      // the only forms are the two sign-out buttons in the top bar
      expect(v.last.match(/<form/g)?.length).toBe(2)
      expect(v.last).not.toContain('name="title.sv"')
      expect((await v.get("/app/projects/new")).status).toBe(403)
      const before = await projectsOf(s, orgA)
      const created = await v.post("/app/projects", {
        id: "viewer-probe",
        "title.sv": "V",
        "title.en": "V",
        status: "idea"
      })
      expect(created.status).toBe(403)
      const changed = await v.post(`/app/projects/${project!.id}`, {
        version: String(project!.version),
        "title.sv": "Ändrad av läsare",
        "title.en": "Changed by a viewer",
        status: project!.body.status
      })
      expect(changed.status).toBe(403)
      const after = await projectsOf(s, orgA)
      expect(after.length).toBe(before.length)
      expect(after.find((p) => p.id === project!.id)?.version).toBe(project!.version)
    })

    it("signs out here, or everywhere: the other device's session ends too", async () => {
      const laptop = new Visitor(s.origin)
      const phone = new Visitor(s.origin)
      await laptop.signIn(people.admin.email)
      await phone.signIn(people.admin.email)
      expect((await phone.get("/app")).status).toBe(200)
      await laptop.get("/app")
      const res = await laptop.post("/app/sign-out-everywhere", {})
      expect(res.status).toBe(303)
      expect(res.headers.get("location")).toBe("/app/sign-in?done=everywhere")
      expect((await phone.get("/app")).status).toBe(303)
      expect((await laptop.get("/app")).status).toBe(303)
      await laptop.signIn(people.admin.email)
      await laptop.get("/app")
      await laptop.post("/app/sign-out", {})
      expect(laptop.cookies.has("ikw_session")).toBe(false)
    })

    it("ends an expired session", async () => {
      const v = new Visitor(s.origin)
      await v.signIn(people.editor.email)
      const token = v.cookies.get("ikw_session")!
      await s.runner.run(
        Effect.flatMap(
          SqlClient.SqlClient,
          (sql) =>
            sql`UPDATE sessions SET expires_at = ${new Date(Date.now() - 1000).toISOString()} WHERE hash = ${Tokens.hash(token)}`
        )
      )
      expect((await v.get("/app")).status).toBe(303)
      expect(v.cookies.has("ikw_session")).toBe(false)
    })

    it("sets a password once through an invitation link", async () => {
      const invited = await s.invite("ny@vasterbotten.example")
      const v = new Visitor(s.origin)
      expect((await v.get(`/app/invite?token=${invited.token}`)).status).toBe(200)
      expect(
        (
          await v.post(`/app/invite?token=${invited.token}`, {
            password: "ett långt lösenord",
            again: "ett annat lösenord"
          })
        ).status
      ).toBe(400)
      expect(v.last).toContain("Lösenorden är inte lika.")
      expect((await v.post(`/app/invite?token=${invited.token}`, { password: "kort", again: "kort" })).status).toBe(400)
      const ok = await v.post(`/app/invite?token=${invited.token}`, {
        password: "ett långt lösenord",
        again: "ett långt lösenord"
      })
      expect(ok.status).toBe(303)
      expect(ok.headers.get("location")).toBe("/app/sign-in?done=password")
      expect(
        (
          await v.post(`/app/invite?token=${invited.token}`, {
            password: "ett långt lösenord",
            again: "ett långt lösenord"
          })
        ).status
      ).toBe(410)
      expect((await v.signIn("ny@vasterbotten.example", "ett långt lösenord")).status).toBe(303)
    })

    it("logs no failure for any of this", () => {
      expect(s.errors).toEqual([])
    })
  })
