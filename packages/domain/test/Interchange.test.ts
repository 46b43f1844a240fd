import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Examples, EyeRis3, Interchange, JsonSchema, Workspace } from "../src/index.js"
import { small } from "./fixtures.js"

describe("Interchange JSON", () => {
  it("leaves contacts out unless asked", () => {
    const w = small()
    const out = Interchange.fromJson(Interchange.toJson(w))
    expect(out.ok && out.workspace.contacts).toEqual([])
    const full = Interchange.fromJson(Interchange.toJson(w, { includePersonalData: true }))
    expect(full.ok && full.workspace).toEqual(w)
  })

  it("reports JSON syntax errors as a problem", () => {
    const out = Interchange.fromJson("{ nope")
    expect(out.ok).toBe(false)
    expect(!out.ok && out.problems[0]!.rule).toBe("json")
    expect(!out.ok && out.problems[0]!.message).toMatch(/^\(document\): expected JSON text: /)
  })

  it("migrates version 1 documents", () => {
    const v1 = {
      version: 1,
      region: { id: "r", name: { sv: "R", en: "R" }, country: "SE", nutsCode: "SE331" },
      strategies: [{ id: "s", regionIds: ["r"], kind: "RIS", title: { sv: "S", en: "S" }, status: "adopted" }],
      goals: [{ id: "g", strategyId: "s", order: 1, title: { sv: "G", en: "G" } }],
      priorities: [{ id: "a", strategyId: "s", name: { sv: "A", en: "A" }, tier: "strength" }],
      projects: [
        { id: "p", title: { sv: "P", en: "P" }, status: "active", goalIds: ["g"], priorityIds: ["a"] },
        { id: "q", title: { sv: "Q", en: "Q" }, status: "idea" }
      ]
    }
    const out = Workspace.parse(v1)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.migratedFrom).toBe(1)
    expect(out.workspace.regions.map((r) => r.id)).toEqual(["r"])
    expect(out.workspace.strengthAreas.map((a) => a.id)).toEqual(["a"])
    expect(out.workspace.projects[0]!.links).toEqual([
      { kind: "goal", id: "g" },
      { kind: "strengthArea", id: "a" }
    ])
    expect(out.workspace.projects[1]!.links).toBeUndefined()
    expect(Interchange.supportedVersions).toEqual([1, 2])
  })

  it("reports problems of a migrated document with current paths", () => {
    const out = Workspace.parse({
      version: 1,
      region: { id: "r", name: { sv: "R", en: "R" }, country: "SE", nutsCode: "SE331" },
      projects: [{ id: "p", title: { sv: "P", en: "P" }, status: "active", priorityIds: ["missing"] }]
    })
    expect(!out.ok && out.problems.map((p) => p.message)).toEqual([
      'projects[0].links[0].id: expected the id of a strength area in "strengthAreas", found "missing"'
    ])
  })

  it("round-trips random valid edits of a workspace (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.constantFrom("active", "completed", "approved") as fc.Arbitrary<"active" | "completed" | "approved">,
        fc.string({ minLength: 1 }),
        fc.boolean(),
        (amounts, status, text, includePersonalData) => {
          const w = small()
          w.fundings.forEach((f, i) => {
            if (f.currency !== undefined) f.amount = amounts[i]!
          })
          w.projects[0]!.status = status
          w.projects[0]!.title = { sv: text, en: text }
          w.note = text
          const back = Interchange.fromJson(Interchange.toJson(w, { includePersonalData }))
          expect(back.ok).toBe(true)
          if (back.ok) expect(back.workspace).toEqual(includePersonalData ? w : Workspace.withoutPersonalData(w))
        }
      ),
      { numRuns: 200 }
    )
  })
})

describe("EyeRis3", () => {
  it("exports Västernorrland's priorities without a period it does not know", () => {
    const eye = EyeRis3.exportRegion(Examples.vasternorrland, "vasternorrland-ris3-2020")
    expect(eye.nutsCode).toBe("SE321")
    expect(eye.regionName).toBe("Västernorrland County")
    expect(eye.strategyPeriod).toBeUndefined()
    expect(eye.priorities.map((p) => p.name)).toEqual([
      "Forest-based bioeconomy",
      "Renewable energy – solar, wind, hydro and bioenergy power generation",
      "Autonomous mobility"
    ])
    expect(EyeRis3.Region.safeParse(eye).success).toBe(true)
  })

  it("leaves placeholders out (Västerbotten exports no invented priorities)", () => {
    const eye = EyeRis3.exportRegion(Examples.vasterbotten, "vasterbotten-ris-2022", { lang: "sv" })
    expect(eye.priorities).toEqual([])
    expect(eye.strategyPeriod).toEqual({ from: 2022, to: 2030 })
    expect(() => EyeRis3.exportRegion(Examples.vasterbotten, "nope")).toThrow('Unknown strategy "nope"')
  })

  it("imports a record into a valid workspace with the county's municipalities", () => {
    const eye = EyeRis3.exportRegion(Examples.vasternorrland, "vasternorrland-ris3-2020")
    const out = EyeRis3.importRegion(eye)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.workspace.regions[0]!.municipalities).toHaveLength(7)
    expect(out.workspace.strengthAreas).toHaveLength(3)
    expect(EyeRis3.exportRegion(out.workspace, out.workspace.strategies[0]!.id)).toEqual(eye)
  })

  it("reports shape and code problems with paths", () => {
    const bad = EyeRis3.importRegion({ nutsCode: "se321", regionName: "X", strategyTitle: "Y", priorities: [{}] })
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual([
      "nutsCode",
      "priorities[0].name",
      "priorities[0].description",
      "priorities[0].economicDomains",
      "priorities[0].scientificDomains",
      "priorities[0].policyObjectives"
    ])
    const code = EyeRis3.importRegion({
      nutsCode: "SE999",
      regionName: "X",
      strategyTitle: "Y",
      priorities: [{ name: "A", description: "", economicDomains: ["04"], scientificDomains: [], policyObjectives: [] }]
    })
    expect(!code.ok && code.problems.map((p) => p.rule)).toEqual(["unknown-code", "unknown-code"])
  })

  const arbitraryEye = fc.record({
    nutsCode: fc.constantFrom("SE331", "SE321", "SE232", "SE33", "SE1"),
    regionName: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[a-z0-9]/i.test(s)),
    strategyTitle: fc.string({ minLength: 1, maxLength: 30 }),
    strategyPeriod: fc.integer({ min: 2000, max: 2040 }).map((from) => ({ from, to: from + 7 })),
    priorities: fc.array(
      fc.record({
        name: fc.string({ minLength: 1, maxLength: 40 }),
        description: fc.string({ maxLength: 40 }),
        economicDomains: fc.array(fc.constantFrom("A", "C", "16", "26", "62", "72.1")),
        scientificDomains: fc.array(fc.string({ minLength: 1, maxLength: 8 })),
        policyObjectives: fc.array(fc.string({ minLength: 1, maxLength: 8 })),
        sdgs: fc.array(fc.integer({ min: 1, max: 17 })),
        keywords: fc.array(fc.string({ minLength: 1, maxLength: 8 }))
      }),
      { maxLength: 6 }
    )
  })

  it("import then export gives the record back (property)", () => {
    fc.assert(
      fc.property(arbitraryEye, (eye) => {
        const out = EyeRis3.importRegion(eye)
        expect(out.ok).toBe(true)
        if (out.ok) expect(EyeRis3.exportRegion(out.workspace, out.workspace.strategies[0]!.id)).toEqual(eye)
      }),
      { numRuns: 200 }
    )
  })
})

describe("JsonSchema", () => {
  it("generates a schema for every entity from the zod schemas", () => {
    const all = JsonSchema.all()
    expect(Object.keys(all).sort()).toEqual(Object.keys(JsonSchema.entities).sort())
    const project = all.Project as { $defs: Record<string, { required: Array<string> }> }
    expect(project.$defs.Project!.required).toEqual(["id", "title", "status"])
    const workspace = all.Workspace as { $defs: Record<string, { required: Array<string> }> }
    expect(workspace.$defs.Workspace!.required).toEqual(["format", "version", "regions"])
    expect(JSON.parse(JSON.stringify(all))).toEqual(all)
  })
})
