import { Caller, type Kind, Kinds, Records } from "@innokraft/store"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { orgA, people, type Started, start, Visitor } from "./support.js"

const read = <T extends { readonly id: string }>(kind: Kind<T>, id: string) =>
  Records.repository(kind).get(Caller.system("test"), id, { organisationId: orgA })

const stored = <T extends { readonly id: string }>(s: Started, kind: Kind<T>, id: string) =>
  s.runner.run(read(kind, id))

describe("strategies, goals and efforts through their forms (SQLite)", () => {
  let s: Started
  let v: Visitor
  beforeAll(async () => {
    s = await start("sqlite")
    v = new Visitor(s.origin)
    await v.signIn(people.editor.email)
  })
  afterAll(async () => s?.close())

  it("lists the organisation's strategies and goals", async () => {
    expect((await v.get("/app/strategies")).status).toBe(200)
    expect(v.last).toContain("Regional innovationsstrategi för Västerbotten 2022–2030")
    expect(v.last.match(/href="\/app\/strategies\/(?!new)[a-z0-9-]+"/g)).toHaveLength(3)
    expect((await v.get("/app/goals?lang=en")).status).toBe(200)
    expect(v.last.match(/href="\/app\/goals\/(?!new)[a-z0-9-]+\?lang=en"/g)).toHaveLength(2)
  })

  it("creates a goal under a strategy, which the project form then offers", async () => {
    await v.get("/app/goals/new")
    const created = await v.post("/app/goals", {
      id: "vasterbotten-ris-2022-goal-3",
      strategyId: "vasterbotten-ris-2022",
      order: "3",
      "title.sv": "Kompetensförsörjning",
      "title.en": "Skills supply"
    })
    expect(created.status).toBe(303)
    expect(created.headers.get("location")).toBe("/app/goals?created=vasterbotten-ris-2022-goal-3")
    const goal = await stored(s, Kinds.goal, "vasterbotten-ris-2022-goal-3")
    expect(goal.body).toEqual({
      id: "vasterbotten-ris-2022-goal-3",
      strategyId: "vasterbotten-ris-2022",
      order: 3,
      title: { sv: "Kompetensförsörjning", en: "Skills supply" }
    })
    await v.get("/app/projects/new")
    expect(v.last).toContain('value="vasterbotten-ris-2022-goal-3"')
    expect(v.last).toContain("3. Kompetensförsörjning")
  })

  it("shows the store's problems at their fields: an order that is not a number, a missing goal", async () => {
    await v.get("/app/goals/new")
    const bad = await v.post("/app/goals", {
      strategyId: "vasterbotten-ris-2022",
      order: "tre",
      "title.sv": "Fel ordning",
      "title.en": "Wrong order"
    })
    expect(bad.status).toBe(400)
    expect(v.last).toMatch(/id="f-order"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-order"/)
    expect(v.last).toContain('<a href="#f-order">Ordning:')
    // nothing was written
    expect((await s.runner.run(Effect.either(read(Kinds.goal, "fel-ordning"))))._tag).toBe("Left")
    await v.get("/app/efforts/new")
    const orphan = await v.post("/app/efforts", { goalId: "", "title.sv": "Insats", "title.en": "Effort" })
    expect(orphan.status).toBe(400)
    expect(v.last).toContain('<a href="#f-goalId">Mål:')
    // an empty required text is said in Swedish; the English title was left empty here
    await v.post("/app/efforts", { goalId: "vasterbotten-ris-2022-goal-1", "title.sv": "Insats", "title.en": "" })
    expect(v.last).toContain('<a href="#f-title-en">Titel (engelska): måste fyllas i</a>')
  })

  it("creates an effort under a goal and edits it, keeping what the form does not show", async () => {
    await v.get("/app/efforts/new")
    const created = await v.post("/app/efforts", {
      goalId: "vasterbotten-ris-2022-goal-1",
      order: "1",
      "title.sv": "Testbäddar",
      "title.en": "Test beds"
    })
    expect(created.status).toBe(303)
    const effort = await stored(s, Kinds.effort, "testbaddar")
    expect(effort.body).toMatchObject({ goalId: "vasterbotten-ris-2022-goal-1", order: 1 })
    await v.get("/app/efforts/testbaddar")
    expect(v.last).toContain('name="version" value="1"')
    const saved = await v.post("/app/efforts/testbaddar", {
      version: "1",
      goalId: "vasterbotten-ris-2022-goal-2",
      order: "2",
      "title.sv": "Testbäddar i inlandet",
      "title.en": "Inland test beds",
      "description.sv": "Beskrivning",
      "description.en": "Description"
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get("location")).toBe("/app/efforts/testbaddar?saved=1")
    const after = await stored(s, Kinds.effort, "testbaddar")
    expect(after.version).toBe(2)
    expect(after.body).toMatchObject({
      goalId: "vasterbotten-ris-2022-goal-2",
      order: 2,
      description: { sv: "Beskrivning" }
    })
  })

  it("answers a stale edit of a strategy with the conflict page, and keeps the sources it does not show", async () => {
    const before = await stored(s, Kinds.strategy, "vasterbotten-ris-2022")
    await v.get("/app/strategies/vasterbotten-ris-2022")
    const form = {
      version: String(before.version),
      "title.sv": "Regional innovationsstrategi för Västerbotten 2022–2030 (reviderad)",
      "title.en": before.body.title.en,
      kind: before.body.kind,
      status: before.body.status,
      "period.start": before.body.period?.start ?? "",
      "period.end": before.body.period?.end ?? "",
      "vision.sv": before.body.vision?.sv ?? "",
      "vision.en": before.body.vision?.en ?? "",
      regionIds: before.body.regionIds
    }
    expect((await v.post("/app/strategies/vasterbotten-ris-2022", form)).status).toBe(303)
    const after = await stored(s, Kinds.strategy, "vasterbotten-ris-2022")
    expect(after.body.title.sv).toContain("(reviderad)")
    expect(after.body.sources).toEqual(before.body.sources)
    const stale = await v.post("/app/strategies/vasterbotten-ris-2022", { ...form, "title.sv": "Min ändring" })
    expect(stale.status).toBe(409)
    expect(v.last).toContain("Ändrat av någon annan")
    expect(v.last).toContain("Min ändring")
    expect(v.last).toContain("(reviderad)")
    expect((await stored(s, Kinds.strategy, "vasterbotten-ris-2022")).version).toBe(after.version)
  })

  it("logs no failure", () => {
    expect(s.errors).toEqual([])
  })
})
