// Writes the example workspaces to examples/*.json and the JSON Schemas to schema/*.json, from the TypeScript
// sources. Run with `npm run generate -w @innokraft/domain`; test/Generated.test.ts checks the files are current.
import { mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { Examples, Interchange, JsonSchema } from "@innokraft/domain"

const root = join(import.meta.dirname, "..")
mkdirSync(join(root, "examples"), { recursive: true })
mkdirSync(join(root, "schema"), { recursive: true })
for (const [name, workspace] of Object.entries(Examples.all)) {
  writeFileSync(join(root, "examples", `${name}.json`), Interchange.toJson(workspace))
}
for (const [name, schema] of Object.entries(JsonSchema.all())) {
  writeFileSync(join(root, "schema", `${name}.json`), `${JSON.stringify(schema, null, 2)}\n`)
}
console.log("wrote examples/*.json and schema/*.json")
