import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Examples, Workspace } from "@innokraft/domain"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Caller, Kinds, Matrices, Observations, Records, Runs, Transfer, Transitions } from "../src/index.js"
import { contact, cycle, system } from "./fixtures.js"
import { engines, type Harness, open } from "./helpers.js"

/** Every record of Västerbotten's example workspace (35 when this was written: regions, actors, …, action plans). */
const exampleRecords = (Object.keys(Kinds.workspace) as Array<keyof typeof Kinds.workspace>).reduce(
  (n, list) => n + Examples.vasterbotten[list].length,
  0
)

const shared = join(import.meta.dirname, "../../../../shared/data")
const org = "region-vasterbotten"
const admin = Caller.member(org, "admin", "admin")

const importDocument = (workspace: unknown) => ({
  format: Transfer.format,
  version: Transfer.version,
  exportedAt: "2026-11-22T00:00:00.000Z",
  organisation: { id: org, name: "Region Västerbotten" },
  workspace,
  records: [],
  visibility: [],
  runs: [],
  transitions: [],
  observations: { indicator: [], unit: [], period: [], breakdown: [], value: [] },
  matrices: []
})

const transfer = <A, E>(f: (t: Transfer.Service) => Effect.Effect<A, E>) => Effect.flatMap(Transfer.Transfer, f)
const withoutStamp = ({ exportedAt: _, ...rest }: Transfer.ExportDocument) => rest

for (const [i, engine] of engines.entries()) {
  const target = engines[(i + 1) % engines.length]!
  describe(`Transfer from ${engine.name} to ${target.name}`, { tags: [...engine.tags, ...target.tags] }, () => {
    let h: Harness
    let other: Harness
    beforeAll(async () => {
      h = await open(engine)
      other = await open(target)
    })
    afterAll(async () => {
      await h?.close()
      await other?.close()
    })

    it("imports Västerbotten's example workspace through the domain interchange format", async () => {
      const summary = await h.run(transfer((t) => t.import(system, importDocument(Examples.vasterbotten))))
      expect(summary).toMatchObject({ organisationId: org, records: exampleRecords, observations: 0 })
      const strategies = await h.run(Records.repository(Kinds.strategy).list(admin))
      expect(strategies.length).toBe(3)
      const anonymous = await h.run(
        Records.repository(Kinds.strengthArea).list(Caller.anonymous, { organisationId: org })
      )
      expect(anonymous.length).toBe(0)
    })

    it("exports and re-imports every kind of data, also into the other engine", async () => {
      const rd = Observations.fromCsv(
        readFileSync(join(shared, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"), "utf8"),
        { indicator: "rd_private_eur_hab", unit: "nuts_id", period: "year", value: "rd_private_eur_hab" }
      )
      await h.run(
        Effect.gen(function* () {
          yield* Effect.flatMap(Observations.Observations, (o) => o.import(admin, rd))
          yield* Effect.flatMap(Runs.Runs, (r) =>
            r.create(admin, {
              id: "s3-2024",
              kind: "s3",
              parameters: { threshold: 1 },
              result: { eci: [0.5, -0.5] },
              visibility: "public"
            })
          )
          yield* Records.repository(Kinds.loopCycle).create(admin, cycle("loop-2016"))
          yield* Effect.flatMap(Transitions.Transitions, (t) =>
            t.append(admin, { cycleId: "loop-2016", from: "planned", to: "open" })
          )
          yield* Effect.flatMap(Matrices.Matrices, (m) =>
            m.import(admin, {
              id: "tiny",
              rows: ["SE33", "SE32"],
              columns: ["C", "J"],
              values: Float64Array.of(1, 2, 3, Number.NaN)
            })
          )
          yield* Records.repository(Kinds.contact).create(admin, contact("contact-1", "region-vasterbotten"))
        })
      )
      const exported = await h.run(transfer((t) => t.export(admin, org)))
      expect(exported.workspace).toBeDefined()
      expect(Workspace.parse(exported.workspace).ok).toBe(true)
      expect(exported.workspace!.strategies.map((s) => s.id).sort()).toEqual(
        Examples.vasterbotten.strategies.map((s) => s.id).sort()
      )
      expect(exported.workspace!.contacts).toEqual([])
      expect(exported.observations.value.length).toBe(1119)
      expect(exported.transitions.map((t) => t.to)).toEqual(["open"])
      expect(exported.matrices[0]!.values).toEqual([1, 2, 3, null])

      const withPersonal = await h.run(transfer((t) => t.export(system, org, { personalData: true })))
      expect(withPersonal.workspace!.contacts.map((c) => c.id)).toEqual(["contact-1"])

      // Through JSON text, into a fresh database on the other engine, and back out: the same document.
      const text = JSON.stringify(withPersonal)
      const summary = await other.run(transfer((t) => t.import(system, JSON.parse(text))))
      expect(summary).toMatchObject({
        records: exampleRecords + 2,
        runs: 1,
        transitions: 1,
        observations: 1119,
        matrices: 1
      })
      const again = await other.run(transfer((t) => t.export(system, org, { personalData: true })))
      expect(withoutStamp(again)).toEqual(withoutStamp(withPersonal))
      const se33 = await other.run(
        Effect.flatMap(Observations.Observations, (o) => o.query(admin, { unit: "SE33", period: "2015" }))
      )
      expect(se33.value[0]).toBe(275.7)
    })

    it("refuses to import over existing data unless asked to replace it", async () => {
      const doc = await h.run(transfer((t) => t.export(system, org)))
      expect(await other.error(transfer((t) => t.import(system, doc)))).toMatchObject({ _tag: "Conflict" })
      const replaced = await other.run(transfer((t) => t.import(admin, doc, { replace: true })))
      expect(replaced.records).toBe(exampleRecords + 1)
      expect(await other.run(Records.repository(Kinds.contact).list(admin))).toEqual([])
    })

    it("is all or nothing: an invalid record at the end leaves no trace", async () => {
      const doc = {
        ...importDocument(Examples.boras),
        organisation: { id: "region-boras", name: "Borås" },
        records: [{ kind: "loop-idea", id: "x", body: { id: "x", stage: "no-such-stage" } }]
      }
      expect(await h.error(transfer((t) => t.import(system, doc)))).toMatchObject({ _tag: "Invalid" })
      const broken = {
        ...importDocument({
          ...Examples.boras,
          projects: [{ ...Examples.boras.projects[0]!, coordinatorId: "nobody" }]
        })
      }
      const error = await h.error(
        transfer((t) => t.import(system, { ...broken, organisation: { id: "region-boras", name: "Borås" } }))
      )
      expect(error).toMatchObject({ _tag: "Invalid", entity: "workspace" })
      expect(await h.error(transfer((t) => t.export(system, "region-boras")))).toMatchObject({ _tag: "NotFound" })
    })

    it("lets only admins of the organisation (or system) export and import", async () => {
      const editor = Caller.member(org, "editor", "e")
      const outsider = Caller.member("region-b", "admin", "b")
      expect(await h.error(transfer((t) => t.export(editor, org)))).toMatchObject({ _tag: "Forbidden" })
      expect(await h.error(transfer((t) => t.export(outsider, org)))).toMatchObject({ _tag: "Forbidden" })
      expect(await h.error(transfer((t) => t.import(outsider, importDocument(Examples.vasterbotten))))).toMatchObject({
        _tag: "Forbidden"
      })
    })
  })
}
