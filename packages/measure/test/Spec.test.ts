import { describe, expect, it } from "vitest"
import { MeasureError, Spec } from "../src/index.js"

describe("Spec", () => {
  it("accepts the issue's spec.json and fills defaults", () => {
    const s = Spec.parse({
      denominate: true,
      impute: { method: "groupMean", group: "EurAsia_group" },
      screen: { minDataShare: 0.9 },
      treat: { method: "winsorise", winmax: 5, skewThreshold: 2, kurtThreshold: 3.5, fallback: "log" },
      normalise: { method: "zscore", mean: 10, sd: 2 },
      aggregate: { method: "gmean" }
    })
    expect(s.treat).toEqual({ method: "winsorise", winmax: 5, skewThreshold: 2, kurtThreshold: 3.5, fallback: "log" })
    expect(Spec.parse({}).normalise).toEqual({ method: "none" })
    expect(Spec.parse({ normalise: { method: "minmax" } }).normalise).toEqual({ method: "minmax", range: [0, 100] })
  })

  it("names the source, field path and expectation", () => {
    expect(() => Spec.parse({ treat: { method: "winsorise", winmax: 0 } }, "spec.json")).toThrow(MeasureError)
    expect(() => Spec.parse({ treat: { method: "winsorise", winmax: 0 } }, "spec.json")).toThrow(
      /^spec\.json: treat\.winmax: /
    )
    expect(() => Spec.parse({ impute: { method: "groupMean" } }, "spec.json")).toThrow(
      "spec.json: impute.group: groupMean and groupMedian need a group column"
    )
    expect(() => Spec.parse({ normalise: { method: "minmix" } }, "spec.json")).toThrow(
      /^spec\.json: normalise\.method: /
    )
  })

  it("has a JSON Schema", () => {
    const schema = Spec.jsonSchema() as { properties: Record<string, unknown> }
    expect(Object.keys(schema.properties)).toEqual([
      "denominate",
      "impute",
      "screen",
      "treat",
      "normalise",
      "aggregate"
    ])
  })
})
