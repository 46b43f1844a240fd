import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import { Effect } from "effect"
import { afterAll, beforeAll, expect, it } from "vitest"
import { Matrices, Organisations } from "../src/index.js"
import { editorA, orgA, system, viewerA } from "./fixtures.js"
import { describeEngines, type Harness, open } from "./helpers.js"

const shared = join(import.meta.dirname, "../../../../shared/data")

/** dev-2: 290 regions × 88 industries, 13,524 non-zero cells (s3-reference/SOURCE.md). */
const readMatrix = (): Matrices.Matrix => {
  const table = Csv.parse(readFileSync(join(shared, "s3-reference/dev-2.csv"), "utf8"), { source: "dev-2.csv" })
  const records = Csv.records(table)
  const rows = [...new Set(records.map((r) => r.region!))].sort()
  const columns = [...new Set(records.map((r) => r.industry!))].sort()
  const values = new Float64Array(rows.length * columns.length)
  for (const r of records)
    values[rows.indexOf(r.region!) * columns.length + columns.indexOf(r.industry!)] = Number(r.value)
  return { id: "dev-2", rows, columns, values, note: "synthetic S3 reference matrix" }
}

const matrices = <A, E>(f: (m: Matrices.Service) => Effect.Effect<A, E>) => Effect.flatMap(Matrices.Matrices, f)

describeEngines("Matrices", (engine) => {
  let h: Harness
  const matrix = readMatrix()
  beforeAll(async () => {
    h = await open(engine)
    await h.run(Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" })))
  })
  afterAll(async () => h?.close())

  it("imports the 290 × 88 reference matrix in batches and reads it back exactly", async () => {
    expect(matrix.rows.length).toBe(290)
    expect(matrix.columns.length).toBe(88)
    expect(matrix.values.filter((v) => v > 0).length).toBe(13_524)
    const progress: Array<number> = []
    const stored = await h.run(
      matrices((m) => m.import(editorA, matrix, { batchSize: 5000, onProgress: (d) => progress.push(d) }))
    )
    expect(stored.version).toBe(1)
    expect(progress).toEqual([5000, 10000, 15000, 20000, 25000, 25520])
    const read = await h.run(matrices((m) => m.get(viewerA, "dev-2")))
    expect(read.rows).toEqual(matrix.rows)
    expect(read.columns).toEqual(matrix.columns)
    expect(Array.from(read.values)).toEqual(Array.from(matrix.values))
    expect(read.note).toBe("synthetic S3 reference matrix")
  })

  it("replaces a matrix as a new version and lists it", async () => {
    const doubled = { ...matrix, values: matrix.values.map((v) => v * 2) }
    const stored = await h.run(matrices((m) => m.import(editorA, doubled)))
    expect(stored.version).toBe(2)
    const read = await h.run(matrices((m) => m.get(viewerA, "dev-2")))
    expect(read.values[0]).toBe(matrix.values[0]! * 2)
    const list = await h.run(matrices((m) => m.list(viewerA)))
    expect(list.map((m) => [m.id, m.version])).toEqual([["dev-2", 2]])
  })

  it("rejects a matrix whose values do not fill rows × columns", async () => {
    const error = await h.error(
      matrices((m) => m.import(editorA, { id: "bad", rows: ["a"], columns: ["x", "y"], values: new Float64Array(3) }))
    )
    expect(error).toMatchObject({ _tag: "Invalid" })
  })
})
