import { describe, expect, it } from "vitest"
import { Framework, MeasureError } from "../src/index.js"
import { asemProject } from "./asem.js"

const l = (s: string) => ({ sv: s, en: s })
const base = () => ({
  indicators: [
    { code: "a", name: l("a"), parent: "P" },
    { code: "b", name: l("b"), parent: "P", direction: -1 as const, denominator: "pop" }
  ],
  aggregates: [
    { code: "P", name: l("P"), level: 2, parent: "I" },
    { code: "I", name: l("I"), level: 3, parent: null }
  ],
  denominators: [{ code: "pop", name: l("pop") }]
})

describe("Framework.make", () => {
  it("builds the lineage of the ASEM framework: 49 indicators, 8 pillars, 2 sub-indices, 1 index", () => {
    const { framework } = asemProject()
    expect(framework.levels.map((l) => l.length)).toEqual([49, 8, 2, 1])
    expect(framework.top).toBe("Index")
    expect(framework.children.get("Sust")).toEqual(["Environ", "Social", "SusEcFin"])
    expect(Framework.indicatorsUnder(framework, "Political")).toEqual(["Embs", "IGOs", "UNVote"])
    expect(Framework.levelOf(framework, "Conn")).toBe(3)
    expect(framework.levelNames).toEqual(["Indicator", "Pillar", "Sub-index", "Index"])
  })

  it("fills defaults and keeps directions", () => {
    const fw = Framework.make(base())
    expect(Framework.indicator(fw, "a").weight).toBe(1)
    expect(Framework.indicator(fw, "b").direction).toBe(-1)
    expect(() => Framework.indicator(fw, "zz")).toThrow(MeasureError)
  })

  it("names duplicate codes", () => {
    const f = base()
    f.indicators[1]!.code = "a"
    expect(() => Framework.make(f)).toThrow('indicators[1].code: duplicate code "a" (also at indicators[0].code)')
  })

  it("names orphans", () => {
    const f = base()
    f.indicators[0]!.parent = "Nope"
    expect(() => Framework.make(f)).toThrow(/indicators\[0\]\.parent: .*"Nope" \(an orphan indicator\)/)
  })

  it("names unknown denominators", () => {
    const f = base()
    f.indicators[1]!.denominator = "gdp"
    expect(() => Framework.make(f)).toThrow(
      /indicators\[1\]\.denominator: expected one of the denominators "pop", found "gdp"/
    )
  })

  it("names cycles", () => {
    const f = base()
    f.aggregates[1]!.parent = "I"
    expect(() => Framework.make(f)).toThrow(/own parent \(a cycle\)/)
    const g = base()
    g.aggregates.push({ code: "Q", name: l("Q"), level: 3, parent: "I" })
    g.aggregates[1]!.parent = "Q"
    g.aggregates[2]!.parent = "I"
    expect(() => Framework.make(g)).toThrow(/cycle or a level inversion/)
  })

  it("names schema errors with their path", () => {
    expect(() => Framework.make({ indicators: [{ code: "a", name: { sv: "a" }, parent: "P" }] })).toThrow(
      /^indicators\[0\]\.name\.en: /
    )
  })

  it("rejects an aggregate without children", () => {
    const f = base()
    f.aggregates.push({ code: "Empty", name: l("E"), level: 2, parent: "I" })
    expect(() => Framework.make(f)).toThrow('aggregates[2]: aggregate "Empty" has no children')
  })
})
