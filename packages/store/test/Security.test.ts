import { SqlClient } from "@effect/sql"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import {
  Audit,
  Caller,
  Kinds,
  Matrices,
  Observations,
  Organisations,
  Records,
  Runs,
  Tokens,
  Transfer,
  Transitions
} from "../src/index.js"
import {
  adminA,
  adminB,
  contact,
  cycle,
  editorA,
  editorB,
  groundwork,
  orgA,
  orgB,
  strategy,
  system
} from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

/** Strings that break naive SQL building, quoting, placeholders or encodings. */
const hostile = [
  "'; DROP TABLE records; --",
  "Robert'); DELETE FROM observations; --",
  '" OR "1"="1',
  "' OR '1'='1",
  "$1 $2 ? ?1 :name @name",
  "\\'; SELECT pg_sleep(10); --",
  "--",
  "/* comment */",
  "line\nbreak\ttab\r",
  "Umeå – “citat” ‘enkla’ 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "%_% LIKE ESCAPE",
  "x".repeat(100)
]

const strategies = Records.repository(Kinds.strategy)
const contacts = Records.repository(Kinds.contact)
const cycles = Records.repository(Kinds.loopCycle)

const tables = ["organisations", "api_tokens", "records", "series", "observations", "matrices", "matrix_cells", "runs"]
const tableCounts = Effect.flatMap(SqlClient.SqlClient, (sql) =>
  Effect.forEach(tables, (table) =>
    Effect.map(sql.unsafe(`SELECT COUNT(*) AS n FROM ${table}`), (rows) => Number((rows[0] as { n: unknown }).n))
  )
)

describeEngines("Security", (engine) => {
  let h: Harness
  let tokenA: Tokens.Created
  beforeAll(async () => {
    h = await open(engine)
    tokenA = await h.run(
      Effect.gen(function* () {
        const orgs = yield* Organisations.Organisations
        yield* orgs.create(system, { id: orgA, name: "A" })
        yield* orgs.create(system, { id: orgB, name: "B" })
        yield* groundwork(editorA)
        yield* groundwork(editorB)
        yield* strategies.create(editorA, strategy("draft-a", "draft"))
        yield* strategies.create(editorA, strategy("adopted-a", "adopted"))
        yield* contacts.create(editorA, contact("person-a"))
        yield* cycles.create(editorA, cycle("cycle-a"))
        yield* Effect.flatMap(Transitions.Transitions, (t) =>
          t.append(editorA, { cycleId: "cycle-a", from: "a", to: "b" })
        )
        yield* Effect.flatMap(Runs.Runs, (r) => r.create(editorA, { id: "run-a", kind: "measurement", parameters: {} }))
        yield* Effect.flatMap(Matrices.Matrices, (m) =>
          m.import(editorA, { id: "matrix-a", rows: ["r"], columns: ["c"], values: Float64Array.of(1) })
        )
        yield* Effect.flatMap(Observations.Observations, (o) =>
          o.import(
            editorA,
            { indicator: ["i"], unit: ["u"], period: ["2020"], value: Float64Array.of(1) },
            { importId: "imp-a" }
          )
        )
        return yield* Effect.flatMap(Tokens.Tokens, (t) =>
          t.create(adminA, { organisationId: orgA, role: "editor", label: "a" })
        )
      })
    )
  })
  afterAll(async () => h?.close())

  it("gives a caller of organisation B no way to read A's drafts or personal data", async () => {
    for (const caller of [editorB, adminB, Caller.anonymous]) {
      const opts = { organisationId: orgA }
      expect(await h.error(strategies.get(caller, "draft-a", opts))).toMatchObject({ _tag: "NotFound" })
      expect(await h.error(contacts.get(caller, "person-a", opts))).toMatchObject({ _tag: "NotFound" })
      expect(await h.error(cycles.get(caller, "cycle-a", opts))).toMatchObject({ _tag: "NotFound" })
      expect((await h.run(strategies.list(caller, opts))).map((s) => s.id)).toEqual(["adopted-a"])
      expect(await h.run(contacts.list(caller, opts))).toEqual([])
      const all = await h.run(Effect.flatMap(Records.Records, (r) => r.all(caller, orgA)))
      // the region and the actor are public by default; the draft, contact and cycle are not
      expect(all.map((r) => r.id)).toEqual(["actor-a", "vasterbotten", "adopted-a"])
      expect(
        await h.error(Effect.flatMap(Transitions.Transitions, (t) => t.list(caller, "cycle-a", opts)))
      ).toMatchObject({
        _tag: "NotFound"
      })
      expect(await h.error(Effect.flatMap(Runs.Runs, (r) => r.get(caller, "run-a", opts)))).toMatchObject({
        _tag: "NotFound"
      })
      expect(await h.run(Effect.flatMap(Runs.Runs, (r) => r.list(caller, opts)))).toEqual([])
      expect(await h.error(Effect.flatMap(Matrices.Matrices, (m) => m.get(caller, "matrix-a", opts)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Matrices.Matrices, (m) => m.list(caller, opts)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Observations.Observations, (o) => o.query(caller, opts)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Observations.Observations, (o) => o.count(caller, orgA)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Audit.Audit, (a) => a.list(caller, orgA)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Tokens.Tokens, (t) => t.list(caller, orgA)))).toMatchObject({
        _tag: "Forbidden"
      })
      expect(await h.error(Effect.flatMap(Transfer.Transfer, (t) => t.export(caller, orgA)))).toMatchObject({
        _tag: "Forbidden"
      })
    }
  })

  it("gives a caller of organisation B no way to change anything of A's", async () => {
    const before = await h.run(Effect.flatMap(Transfer.Transfer, (t) => t.export(system, orgA, { personalData: true })))
    const countsBefore = await h.run(tableCounts)
    const attempts: ReadonlyArray<Effect.Effect<unknown, unknown, never>> = [
      strategies.update(editorB, "draft-a", 1, strategy("draft-a", "adopted")),
      strategies.update(editorB, "adopted-a", 1, strategy("adopted-a", "draft")),
      strategies.remove(editorB, "draft-a", 1),
      contacts.update(editorB, "person-a", 1, contact("person-a", "actor-b")),
      contacts.remove(editorB, "person-a", 1),
      cycles.remove(editorB, "cycle-a", 1),
      Effect.flatMap(Transitions.Transitions, (t) => t.append(editorB, { cycleId: "cycle-a", from: "b", to: "c" })),
      Effect.flatMap(Runs.Runs, (r) => r.update(editorB, "run-a", 1, { visibility: "public" })),
      Effect.flatMap(Runs.Runs, (r) => r.remove(editorB, "run-a", 1)),
      Effect.flatMap(Matrices.Matrices, (m) => m.remove(editorB, "matrix-a")),
      Effect.flatMap(Observations.Observations, (o) => o.removeImport(editorB, "imp-a")),
      Effect.flatMap(Tokens.Tokens, (t) =>
        t.create(adminB, { organisationId: orgA, role: "admin", label: "take-over" })
      ),
      Effect.flatMap(Tokens.Tokens, (t) => t.revoke(adminB, tokenA.id)),
      Effect.flatMap(Transfer.Transfer, (t) =>
        t.import(adminB, { ...before, organisation: { id: orgA, name: "A" } }, { replace: true })
      ),
      Effect.flatMap(Organisations.Organisations, (o) => o.remove(adminB, orgA))
    ] as unknown as ReadonlyArray<Effect.Effect<unknown, unknown, never>>
    for (const attempt of attempts) {
      const outcome = await h.run(Effect.either(attempt))
      // Either refused, or (removeImport) a no-op inside B's own organisation.
      if (outcome._tag === "Right") expect(outcome.right).toBe(0)
      else expect(["NotFound", "Forbidden"]).toContain((outcome.left as { _tag: string })._tag)
    }
    const after = await h.run(Effect.flatMap(Transfer.Transfer, (t) => t.export(system, orgA, { personalData: true })))
    expect({ ...after, exportedAt: "" }).toEqual({ ...before, exportedAt: "" })
    expect(await h.run(tableCounts)).toEqual(countsBefore)
    expect((await h.run(Effect.flatMap(Tokens.Tokens, (t) => t.verify(tokenA.token)))).organisationId).toBe(orgA)
  })

  it("treats hostile strings as data in every text field (parameterised SQL)", async () => {
    const countsBefore = await h.run(tableCounts)
    const n = hostile.length
    await h.run(
      Effect.gen(function* () {
        const orgs = yield* Organisations.Organisations
        yield* orgs.create(system, { id: "hostile", name: hostile.join(" | ") })
        const editor = Caller.member("hostile", "editor", hostile[0]!)
        yield* groundwork(editor)
        yield* Effect.flatMap(Tokens.Tokens, (t) =>
          t.create(system, { organisationId: "hostile", role: "viewer", label: hostile[1]! })
        )
        for (let i = 0; i < n; i++) {
          const text = hostile[i]!
          yield* strategies.create(editor, {
            ...strategy(`s-${i}`, "draft"),
            title: { sv: text, en: text },
            adoptedBy: text,
            note: text
          })
          yield* contacts.create(editor, { ...contact(`c-${i}`), name: text, phone: text })
          yield* Effect.flatMap(Runs.Runs, (r) =>
            r.create(editor, { id: `r-${i}`, kind: "s3", status: text, parameters: { text }, result: [text] })
          )
        }
        yield* cycles.create(editor, { ...cycle("cycle", "draft", hostile[0]!), launchEvent: hostile[1] })
        for (const text of hostile) {
          yield* Effect.flatMap(Transitions.Transitions, (t) =>
            t.append(editor, { cycleId: "cycle", from: text, to: text, reason: text, body: { text } })
          )
        }
        yield* Effect.flatMap(Observations.Observations, (o) =>
          o.import(editor, {
            indicator: hostile,
            unit: hostile,
            period: hostile,
            breakdown: hostile,
            value: Float64Array.from(hostile, (_, i) => i)
          })
        )
        yield* Effect.flatMap(Matrices.Matrices, (m) =>
          m.import(editor, {
            id: "m",
            rows: hostile,
            columns: ["c"],
            values: Float64Array.from(hostile, (_, i) => i),
            note: hostile[0]
          })
        )
      })
    )
    const viewer = Caller.member("hostile", "admin", "viewer")
    const read = await h.run(
      Effect.gen(function* () {
        const org = yield* Effect.flatMap(Organisations.Organisations, (o) => o.get(system, "hostile"))
        const titles = (yield* strategies.list(viewer)).map((s) => s.body.title.sv)
        const names = (yield* contacts.list(viewer)).map((c) => c.body.name)
        const statuses = (yield* Effect.flatMap(Runs.Runs, (r) => r.list(viewer))).map((r) => r.status)
        const reasons = (yield* Effect.flatMap(Transitions.Transitions, (t) => t.list(viewer, "cycle"))).map(
          (t) => t.reason
        )
        const observations = yield* Effect.flatMap(Observations.Observations, (o) => o.query(viewer))
        const byUnit = yield* Effect.flatMap(Observations.Observations, (o) => o.query(viewer, { unit: hostile[3]! }))
        const matrix = yield* Effect.flatMap(Matrices.Matrices, (m) => m.get(viewer, "m"))
        const labels = (yield* Effect.flatMap(Tokens.Tokens, (t) => t.list(viewer, "hostile"))).map((t) => t.label)
        return { org, titles, names, statuses, reasons, observations, byUnit, matrix, labels }
      })
    )
    const sorted = (xs: ReadonlyArray<unknown>) => [...xs].map(String).sort()
    expect(read.org.name).toBe(hostile.join(" | "))
    expect(sorted(read.titles)).toEqual(sorted(hostile))
    expect(sorted(read.names)).toEqual(sorted(hostile))
    expect(sorted(read.statuses)).toEqual(sorted(hostile))
    expect(read.reasons).toEqual(hostile)
    expect(sorted(read.observations.unit)).toEqual(sorted(hostile))
    expect(read.byUnit.unit).toEqual([hostile[3]])
    expect(read.byUnit.value[0]).toBe(3)
    expect(read.matrix.rows).toEqual(hostile)
    expect(read.matrix.note).toBe(hostile[0])
    expect(read.labels).toEqual([hostile[1]])
    // Nothing was dropped or deleted: every table only grew.
    const countsAfter = await h.run(tableCounts)
    for (const [i, count] of countsAfter.entries()) expect(count).toBeGreaterThan(countsBefore[i]!)
  })

  it("refuses NUL, other control characters and unpaired surrogates in every written text, before SQL", async () => {
    const countsBefore = await h.run(tableCounts)
    for (const bad of ["a\u0000b", "esc\u001b[0m", "SUR\ud800", "\udc00"]) {
      const refused = [
        strategies.create(editorA, { ...strategy("s-bad", "draft"), title: { sv: "ok", en: bad } }),
        strategies.create(editorA, { ...strategy("s-bad", "draft"), note: "ok", [bad]: 1 }),
        cycles.create(editorA, { ...cycle(`c${bad}`, "draft", "x") }),
        Effect.flatMap(Runs.Runs, (r) => r.create(editorA, { id: "r-bad", kind: "s3", parameters: { bad } })),
        Effect.flatMap(Tokens.Tokens, (t) => t.create(system, { organisationId: orgA, role: "viewer", label: bad })),
        Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: "bad", name: bad })),
        Effect.flatMap(Matrices.Matrices, (m) =>
          m.import(editorA, { id: "m-bad", rows: [bad], columns: ["c"], values: Float64Array.of(1) })
        )
      ]
      for (const effect of refused) {
        expect(await h.error(effect as Effect.Effect<unknown, unknown, never>)).toMatchObject({ _tag: "Invalid" })
      }
    }
    const nested = await h.error(
      strategies.create(editorA, { ...strategy("s-bad", "draft"), title: { sv: "ok", en: "a\u0000b" } })
    )
    expect(nested).toMatchObject({ problems: [{ path: "title.en", message: expect.stringContaining("U+0000") }] })
    expect(await h.run(tableCounts)).toEqual(countsBefore)
  })

  it("rejects hostile ids instead of running them", async () => {
    const countsBefore = await h.run(tableCounts)
    for (const text of hostile.filter((t) => !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(t))) {
      expect(await h.error(strategies.get(editorA, text))).toMatchObject({ _tag: "NotFound" })
      expect(await h.error(strategies.create(editorA, strategy(text, "draft")))).toMatchObject({ _tag: "Invalid" })
      expect(
        await h.error(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: text, name: "x" })))
      ).toMatchObject({ _tag: "Invalid" })
    }
    expect(await h.run(tableCounts)).toEqual(countsBefore)
  })
})
