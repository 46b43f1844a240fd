import { readFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { describe, expect, it } from "vitest"
import { Analysis, Matrix, MatrixError } from "../src/index.js"
import { ResultJson, resultJsonSchema } from "../src/schema.js"
import { readShared } from "./golden.js"

/** The modules a file imports at run time (type-only imports left out), followed through relative paths. */
const runtimeImports = (entry: string): Set<string> => {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, "utf8")
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
      const target = m[1]!
      if (target.startsWith(".")) visit(join(dirname(file), target.replace(/\.js$/, ".ts")))
      else seen.add(target)
    }
  }
  visit(entry)
  return seen
}

describe("@innokraft/s3/schema", () => {
  it("validates result.json and rejects a broken one with the path of the problem", () => {
    const json = Analysis.toJson(Analysis.analyse(Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv"))))
    expect(ResultJson.parse(json)).toEqual(json)
    const broken = { ...json, mcp: { ...json.mcp, [Object.keys(json.mcp)[0]!]: { x: 2 } } }
    const result = ResultJson.safeParse(broken)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path.slice(0, 1)).toEqual(["mcp"])
  })

  it("publishes the JSON Schema of result.json with every member required", () => {
    expect(resultJsonSchema.type).toBe("object")
    // the members and their order are the issue's result.json, checked in Analysis.test.ts
    expect(resultJsonSchema.required).toEqual(Object.keys(ResultJson.shape))
    expect(resultJsonSchema.required).toHaveLength(10)
  })

  it("is the only entry that loads zod: the main and node entries do not", () => {
    const src = join(import.meta.dirname, "../src")
    expect(runtimeImports(join(src, "schema.ts")).has("zod")).toBe(true)
    for (const entry of ["index.ts", "node.ts", "internal/worker.ts"]) {
      const imports = runtimeImports(join(src, entry))
      expect(imports.size).toBeGreaterThan(3)
      expect(imports.has("zod"), entry).toBe(false)
    }
  })
})

describe("Analysis options", () => {
  const m = Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv"))

  it("names the option and what was expected when a value is wrong", () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ eciSd: "populaton" }, 'eciSd: expected "population" or "sample", found "populaton"'],
      [{ densityDiagonal: true }, 'densityDiagonal: expected "include" or "exclude", found true'],
      [{ threshold: 0 }, "threshold: expected a number > 0, found 0"],
      [{ fitnessIterations: 2.5 }, "fitnessIterations: expected a whole number ≥ 1, found 2.5"],
      [{ year: "2017" }, 'year: expected a whole number, found "2017"']
    ]
    for (const [options, message] of cases) {
      expect(() => Analysis.analyse(m, options as Analysis.Options)).toThrow(new MatrixError(message))
    }
  })

  it("fills in the peers' defaults", () => {
    expect(Analysis.analyse(m)).toEqual(
      Analysis.analyse(m, { eciSd: "population", densityDiagonal: "include", threshold: 1, fitnessIterations: 20 })
    )
  })
})
