import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Examples, Interchange, JsonSchema } from "../src/index.js"

const root = join(import.meta.dirname, "..")

describe("generated files (npm run generate)", () => {
  for (const [name, workspace] of Object.entries(Examples.all)) {
    it(`examples/${name}.json is current and parses back to the example`, () => {
      const text = readFileSync(join(root, "examples", `${name}.json`), "utf8")
      // Compared as data: Biome may reformat the files.
      expect(JSON.parse(text)).toEqual(JSON.parse(Interchange.toJson(workspace)))
      const back = Interchange.fromJson(text)
      expect(back.ok && back.workspace).toEqual(workspace)
    })
  }
  it("schema/*.json are current", () => {
    for (const [name, schema] of Object.entries(JsonSchema.all())) {
      expect(JSON.parse(readFileSync(join(root, "schema", `${name}.json`), "utf8"))).toEqual(schema)
    }
  })
})
