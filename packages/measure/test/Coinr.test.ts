import { Csv, CsvError } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Coinr } from "../src/index.js"
import { asemProject, readAsem } from "./asem.js"

const meta = readAsem("ASEM_iMeta.csv")
const data = readAsem("ASEM_iData.csv")
const read = (iMeta: string, iData: string) => () =>
  Coinr.fromCsv({ iMeta, iData, iMetaSource: "iMeta.csv", iDataSource: "iData.csv" })

describe("Coinr.fromCsv", () => {
  it("reads the ASEM project: 51 units, 49 indicators, 4 denominators, 4 groups, Time 2018", () => {
    const { framework, data: d } = asemProject()
    expect(d.units).toHaveLength(51)
    expect(d.periods).toEqual([2018])
    expect(framework.indicators).toHaveLength(49)
    expect(d.denominators[0]!.codes).toEqual(["Area", "Energy", "GDP", "Population"])
    expect(Object.keys(d.groups)).toEqual(["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"])
    expect(d.groups.EurAsia_group!.filter((g) => g === "Europe")).toHaveLength(30)
    expect(d.unitNames[0]).toBe("Austria")
    let missing = 0
    for (const v of d.indicators[0]!.values) if (Number.isNaN(v)) missing++
    expect(missing).toBe(63)
    expect(framework.indicators.filter((x) => x.direction === -1)).toHaveLength(14)
    expect(framework.indicators.filter((x) => x.denominator !== null)).toHaveLength(17)
  })

  it("reads the ASEM project exported with Swedish settings (semicolons, decimal commas) as the original", () => {
    // as Excel with Swedish settings writes a CSV: ";" between fields, "," in decimal numbers
    const swedish = (text: string) => {
      const table = Csv.parse(text)
      const field = (v: string) => {
        const number = /^-?\d*\.\d+(e[+-]?\d+)?$/i.test(v) ? v.replace(".", ",") : v
        return /[;"\n]/.test(number) ? `"${number.replaceAll('"', '""')}"` : number
      }
      return [table.header, ...table.rows].map((row) => row.map(field).join(";")).join("\n")
    }
    const sv = { iMeta: swedish(meta), iData: swedish(data) }
    expect(sv.iData).toContain(";390,799991")
    const format = { delimiter: ";", decimal: "," } as const
    const fromSwedish = Coinr.fromCsv({
      ...sv,
      iMetaSource: "iMeta.csv",
      iDataSource: "iData.csv",
      iMetaFormat: format,
      iDataFormat: format
    })
    expect(fromSwedish).toEqual(read(meta, data)())
  })

  it("names file, line and column for a bad direction", () => {
    const bad = meta.replace('1,"LPI","Logistics Performance Index",1,', '1,"LPI","Logistics Performance Index",2,')
    expect(read(bad, data)).toThrow(
      new CsvError("iMeta.csv", 2, "Direction", 'expected 1 or -1 for indicator "LPI", found 2')
    )
  })

  it("maps framework errors back to the iMeta row", () => {
    const bad = meta.replace('"Thousand seats",200.3326555,"Population"', '"Thousand seats",200.3326555,"People"')
    expect(read(bad, data)).toThrow(/^iMeta\.csv:3 column "Denominator": expected one of the denominators/)
    const orphan = meta.replace('"Score",20.113377295,NA,"Physical"', '"Score",20.113377295,NA,"Physics"')
    expect(read(orphan, data)).toThrow(/^iMeta\.csv:4 column "Parent": .*"Physics"/)
  })

  it("names undeclared iData columns and bad numbers", () => {
    const extra = data.replace('"uName","uCode"', '"uName","uCode2"')
    expect(read(meta, extra)).toThrow(/iData\.csv:1 column "uCode"/)
    const lines = data.split("\n")
    lines[2] = lines[2]!.replace(",4.108538,", ",four,")
    expect(read(meta, lines.join("\n"))).toThrow(new CsvError("iData.csv", 3, "LPI", 'expected a number, found "four"'))
    const dup = `${data.trimEnd()}\n${lines[1]}\n`
    expect(read(meta, dup)).toThrow(/iData\.csv:53 column "uCode": unit "AUT" appears twice/)
  })

  it("requires every indicator to have a column", () => {
    const header = data.split("\n")[0]!
    const cols = header.split(",")
    const k = cols.indexOf('"NEET"')
    const cut = data
      .split("\n")
      .map((line) =>
        line
          .split(",")
          .filter((_, i) => i !== k)
          .join(",")
      )
      .join("\n")
    expect(read(meta, cut)).toThrow(/iMeta\.csv:50 column "iCode": indicator "NEET" has no column in iData\.csv/)
  })
})
