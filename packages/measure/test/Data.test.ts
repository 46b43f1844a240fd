import { CsvError } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Data, DataSet, Framework } from "../src/index.js"

const fw = Framework.make({
  indicators: [
    { code: "rd", name: { sv: "FoU", en: "R&D" }, parent: "I", denominator: "pop" },
    { code: "emp", name: { sv: "Syss", en: "Emp" }, parent: "I" }
  ],
  aggregates: [{ code: "I", name: { sv: "I", en: "I" }, level: 2, parent: null }],
  denominators: [{ code: "pop", name: { sv: "Bef", en: "Pop" } }]
})

describe("Data.fromLongCsv", () => {
  const text = [
    "unit,indicator,period,value,breakdown",
    "SE33,rd,2017,152.3,",
    "SE33,rd,2015,..,",
    "SE32,rd,2017,88,",
    "SE33,pop,2017,1000,",
    "SE33,emp,2017,40,women",
    "SE33,emp,2017,60,men"
  ].join("\n")

  it("reads units, periods, denominators and breakdowns", () => {
    const d = Data.fromLongCsv(text, { framework: fw, source: "obs.csv" })
    expect(d.units).toEqual(["SE33", "SE32"])
    expect(d.periods).toEqual([2015, 2017])
    expect(d.indicators[1]!.codes).toEqual(["rd", "emp", "emp.women", "emp.men"])
    expect(DataSet.get(d.indicators[1]!, "SE33", "rd")).toBe(152.3)
    expect(DataSet.get(d.indicators[0]!, "SE33", "rd")).toBeNull()
    expect(DataSet.get(d.indicators[1]!, "SE33", "emp.women")).toBe(40)
    expect(DataSet.get(d.denominators[1]!, "SE33", "pop")).toBe(1000)
    expect(Data.periodIndex(d)).toBe(1)
    expect(() => Data.periodIndex(d, 2020)).toThrow("period: expected one of 2015, 2017, found 2020")
  })

  it("reads the same observations from a Swedish-locale export (semicolons, decimal commas)", () => {
    const swedish = text.replaceAll(",", ";").replace(/(\d)\.(\d)/g, "$1,$2")
    expect(swedish).toContain("SE33;rd;2017;152,3;")
    const d = Data.fromLongCsv(swedish, { framework: fw, source: "obs.csv", delimiter: ";", decimal: "," })
    expect(d).toEqual(Data.fromLongCsv(text, { framework: fw, source: "obs.csv" }))
    expect(DataSet.get(d.indicators[1]!, "SE33", "rd")).toBe(152.3)
  })

  it("names the line of unknown codes, bad periods and duplicates", () => {
    expect(() =>
      Data.fromLongCsv("unit,indicator,period,value\nSE33,xx,2017,1\n", { framework: fw, source: "o.csv" })
    ).toThrow(
      new CsvError("o.csv", 2, "indicator", 'expected an indicator or denominator code of the framework, found "xx"')
    )
    expect(() => Data.fromLongCsv("unit,indicator,period,value\nSE33,rd,20x7,1\n", { source: "o.csv" })).toThrow(
      /o\.csv:2 column "period": expected an integer period/
    )
    expect(() => Data.fromLongCsv("unit,indicator,period,value\nA,rd,1,1\nA,rd,1,2\n", { source: "o.csv" })).toThrow(
      /o\.csv:3: a second value/
    )
  })
})
