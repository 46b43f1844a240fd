import { rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, ManagedRuntime } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Backup, Kinds, layerSqlite, Organisations, Records } from "../src/index.js"
import { editorA, groundwork, orgA, strategy, system } from "./fixtures.js"
import { engines, type Harness, open, tempDir } from "./helpers.js"

const strategies = Records.repository(Kinds.strategy)

describe.each(engines.filter((e) => e.name.startsWith("sqlite")))("Backup on $name", (engine) => {
  let h: Harness
  const dir = tempDir()
  beforeAll(async () => {
    h = await open(engine)
    await h.run(
      Effect.gen(function* () {
        yield* Effect.flatMap(Organisations.Organisations, (o) => o.create(system, { id: orgA, name: "A" }))
        yield* groundwork(editorA)
        yield* strategies.create(editorA, strategy("ris", "adopted"))
      })
    )
  })
  afterAll(async () => {
    await h?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("backs up online to a file that opens as a complete store", async () => {
    const file = join(dir, "backup.db")
    const meta = await h.run(Backup.toFile(file) as Effect.Effect<Backup.Metadata, unknown, never>)
    expect(meta.remainingPages).toBe(0)
    expect(meta.totalPages).toBeGreaterThan(0)
    // Writes after the backup are not in it.
    await h.run(strategies.create(editorA, strategy("later", "draft")))
    const copy = ManagedRuntime.make(layerSqlite({ filename: file }))
    try {
      const list = await copy.runPromise(strategies.list(editorA))
      expect(list.map((s) => s.id)).toEqual(["ris"])
    } finally {
      await copy.dispose()
    }
  })

  it("restores a backup to a new file", async () => {
    const restored = join(dir, "restored.db")
    await Effect.runPromise(Backup.restore({ from: join(dir, "backup.db"), to: restored }))
    const copy = ManagedRuntime.make(layerSqlite({ filename: restored }))
    try {
      const read = await copy.runPromise(strategies.get(editorA, "ris"))
      expect(read.body.title.en).toBe("Regional innovation strategy")
    } finally {
      await copy.dispose()
    }
  })
})
