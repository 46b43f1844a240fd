import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Audit, Observations, Organisations } from "../src/index.js"
import { adminA, editorA, orgA, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const shared = join(import.meta.dirname, "../../../../shared/data")
const rdPrivate = readFileSync(join(shared, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"), "utf8")
const employment = readFileSync(join(shared, "scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv"), "utf8")

const rd = Observations.fromCsv(rdPrivate, {
  indicator: "rd_private_eur_hab",
  unit: "nuts_id",
  period: "year",
  value: "rd_private_eur_hab",
  source: "rd_private_eur_hab.nuts2.csv"
})

const observations = <A, E>(f: (o: Observations.Service) => Effect.Effect<A, E>) =>
  Effect.flatMap(Observations.Observations, f)

describe("Observations.fromCsv", () => {
  it("reads Eurostat's R&D file: 1,119 rows, empty cells as NaN", () => {
    expect(rd.value.length).toBe(1119)
    const missing = rd.value.filter((v) => Number.isNaN(v)).length
    expect(missing).toBe(110)
    const i = rd.unit.findIndex((u, k) => u === "SE33" && rd.period[k] === "2015")
    expect(rd.value[i]).toBe(275.7)
  })
})

describeEngines("Observations", (engine) => {
  let h: Harness
  beforeAll(async () => {
    h = await open(engine)
    await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" })))
  })
  afterAll(async () => h?.close())

  it("imports real data in batches with progress and reads it back", async () => {
    const progress: Array<number> = []
    const result = await h.run(
      observations((o) =>
        o.import(editorA, rd, { batchSize: 250, importId: "rd-2021", onProgress: (done) => progress.push(done) })
      )
    )
    expect(result).toEqual({ importId: "rd-2021", rows: 1119 })
    expect(progress).toEqual([250, 500, 750, 1000, 1119])
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(1119)
    const se33 = await h.run(observations((o) => o.query(viewerA, { unit: "SE33" })))
    expect(se33.period).toEqual(["2015", "2017"])
    expect(Array.from(se33.value)).toEqual([275.7, 250])
    const missing = await h.run(observations((o) => o.query(viewerA, { unit: "AT11", period: "2015" })))
    expect(missing.value[0]).toBe(237.9)
  })

  it("keeps missing values as NaN (stored as NULL)", async () => {
    const all = await h.run(observations((o) => o.query(viewerA, { indicator: "rd_private_eur_hab" })))
    expect(all.value.filter((v) => Number.isNaN(v)).length).toBe(110)
  })

  it("replaces values on re-import and imports breakdowns (SCB employment by SNI section)", async () => {
    const men = Observations.fromCsv(employment, {
      indicator: "employed_men",
      unit: "nuts2_code",
      period: "year",
      value: "employed_men",
      breakdown: "sni2007_section"
    })
    const total = await h.run(observations((o) => o.import(editorA, men, { importId: "scb" })))
    expect(total.rows).toBe(369)
    const again = await h.run(observations((o) => o.import(editorA, men, { importId: "scb-again" })))
    expect(again.rows).toBe(369)
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(1119 + 369)
    const agriculture = await h.run(
      observations((o) => o.query(viewerA, { indicator: "employed_men", unit: "SE12", period: "2016" }))
    )
    const a = agriculture.breakdown!.indexOf("A")
    expect(agriculture.value[a]).toBe(12082)
    expect(await h.run(observations((o) => o.removeImport(editorA, "scb")))).toBe(0)
    expect(await h.run(observations((o) => o.removeImport(editorA, "scb-again")))).toBe(369)
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(1119)
  })

  it("is all or nothing: a failure in the middle of an import leaves nothing", async () => {
    const before = await h.run(observations((o) => o.count(viewerA)))
    const shifted = { ...rd, indicator: rd.indicator.map(() => "rd_again") }
    const outcome = await h.run(
      Effect.exit(
        observations((o) =>
          o.import(editorA, shifted, {
            batchSize: 300,
            onProgress: (done) => {
              if (done >= 600) throw new Error("disk full (simulated)")
            }
          })
        )
      )
    )
    expect(outcome._tag).toBe("Failure")
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(before)
  })

  it("rejects ragged columns and infinite values before writing", async () => {
    const ragged = await h.error(
      observations((o) =>
        o.import(editorA, { indicator: ["a"], unit: ["b", "c"], period: ["2020"], value: new Float64Array(1) })
      )
    )
    expect(ragged).toMatchObject({ _tag: "Invalid" })
    const infinite = await h.error(
      observations((o) =>
        o.import(editorA, {
          indicator: ["a"],
          unit: ["b"],
          period: ["2020"],
          value: Float64Array.of(Number.POSITIVE_INFINITY)
        })
      )
    )
    expect(infinite).toMatchObject({ _tag: "Invalid" })
  })

  it("refuses two rows of one (indicator, unit, period, breakdown), naming both, and writes nothing", async () => {
    const before = await h.run(observations((o) => o.count(viewerA)))
    const unit = [...rd.unit]
    const period = [...rd.period]
    unit[900] = unit[12]!
    period[900] = period[12]!
    const error = await h.error(observations((o) => o.import(editorA, { ...rd, unit, period })))
    expect(error).toMatchObject({
      _tag: "Invalid",
      problems: [
        { path: "rows.12", message: expect.stringContaining("data row 13 and data row 901 both hold") },
        { path: "rows.900", message: expect.stringContaining("data row 901 repeats data row 13") }
      ]
    })
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(before)
  })

  it("refuses NUL and other control characters in keys before SQL, so NUL-joined keys cannot collide", async () => {
    const before = await h.run(observations((o) => o.count(viewerA)))
    // Without the check, "nk\0b"/"c" and "nk"/"b\0c" were one series on SQLite.
    const columns = {
      indicator: ["nk\u0000b", "nk"],
      unit: ["c", "b\u0000c"],
      period: ["2020", "2020"],
      value: Float64Array.of(1, 2)
    }
    const error = await h.error(observations((o) => o.import(editorA, columns)))
    expect(error).toMatchObject({ _tag: "Invalid", problems: [{ path: "indicator.0" }, { path: "unit.1" }] })
    expect(String((error as { message: string }).message)).toContain("U+0000")
    const surrogate = await h.error(
      observations((o) =>
        o.import(editorA, { indicator: ["x"], unit: ["\ud800"], period: ["2020"], value: Float64Array.of(1) })
      )
    )
    expect(surrogate).toMatchObject({ _tag: "Invalid", problems: [{ path: "unit.0" }] })
    expect(await h.run(observations((o) => o.count(viewerA)))).toBe(before)
  })

  it("records each import once in the audit log", async () => {
    const entries = await h.run(Effect.flatMap(Audit.Audit, (a) => a.list(adminA, orgA, { entity: "observations" })))
    expect(entries.map((e) => [e.action, e.entityId])).toEqual([
      ["import", "rd-2021"],
      ["import", "scb"],
      ["import", "scb-again"],
      ["delete", "scb"],
      ["delete", "scb-again"]
    ])
  })
})
