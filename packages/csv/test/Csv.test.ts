import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { Csv, CsvError } from "../src/index.js"

const shared = join(import.meta.dirname, "../../../../shared/data")

describe("Csv.parse", () => {
  it("reads quoted fields, doubled quotes, CRLF and a BOM", () => {
    const table = Csv.parse('\ufeffa,b\r\n"x, y","say ""hi"""\r\n1,\r\n', { source: "t.csv" })
    expect(table.header).toEqual(["a", "b"])
    expect(table.rows).toEqual([
      ["x, y", 'say "hi"'],
      ["1", ""]
    ])
    expect(table.lines).toEqual([2, 3])
  })

  it("counts lines through quoted line breaks and skips blank lines", () => {
    const table = Csv.parse('a,b\n"two\nlines",1\n\n3,4')
    expect(table.rows).toEqual([
      ["two\nlines", "1"],
      ["3", "4"]
    ])
    expect(table.lines).toEqual([2, 5])
  })

  it("names the source and line of a ragged row", () => {
    expect(() => Csv.parse("a,b\n1,2\n3\n", { source: "data.csv" })).toThrow(
      new CsvError("data.csv", 3, undefined, "expected 2 fields as in the header, found 1")
    )
    expect(() => Csv.parse("a,b\n1,2\n3\n", { source: "data.csv" })).toThrow("data.csv:3: expected 2 fields")
  })

  it("refuses an unterminated quote, text after a closing quote, an empty file and a repeated column", () => {
    expect(() => Csv.parse('a\n"open')).toThrow(/<csv>:2 column 1: a quoted field is never closed/)
    expect(() => Csv.parse('a,b\n"x"y,1')).toThrow(/expected a delimiter or line end after a closing quote/)
    expect(() => Csv.parse("")).toThrow(/expected a header row/)
    expect(() => Csv.parse("a,a\n1,2")).toThrow(/the header names this column twice/)
  })

  it("reads semicolon-delimited files", () => {
    expect(Csv.parse("a;b\n1;2", { delimiter: ";" }).rows).toEqual([["1", "2"]])
  })

  it("reads every code-list file in shared/data with the expected row counts", () => {
    const counts: Record<string, number> = {
      "se-admin-units/counties.csv": 21,
      "se-admin-units/municipalities.csv": 290,
      "sni2007/divisions.csv": 88,
      "sni2007/sections.csv": 21
    }
    for (const [file, rows] of Object.entries(counts)) {
      const table = Csv.parse(readFileSync(join(shared, file), "utf8"), { source: file })
      expect(table.rows.length, file).toBe(rows)
    }
  })
})

describe("Csv.number and Csv.columnIndex", () => {
  const table = Csv.parse("unit,value\nSE331,1.5\nSE332,..\nSE321,abc\n", { source: "obs.csv" })

  it("reads numbers and the usual missing-value markers", () => {
    const value = Csv.columnIndex(table, "value")
    expect(Csv.number(table, 0, value)).toBe(1.5)
    expect(Csv.number(table, 1, value)).toBeNull()
  })

  it("names line, column and the text found when a number does not parse", () => {
    expect(() => Csv.number(table, 2, 1)).toThrow('obs.csv:4 column "value": expected a number, found "abc"')
  })

  it("suggests a decimal comma when a field looks like one", () => {
    const swedish = Csv.parse("unit;value\nSE331;12,5\n", { source: "sv.csv", delimiter: ";" })
    expect(() => Csv.number(swedish, 0, 1)).toThrow(
      'sv.csv:2 column "value": expected a number, found "12,5" (a decimal comma? read the file with decimal: ",")'
    )
  })

  it("lists the header when a column is missing", () => {
    expect(() => Csv.columnIndex(table, "year")).toThrow(
      'expected a column named "year"; the header has "unit", "value"'
    )
  })

  it("gives records keyed by header", () => {
    expect(Csv.records(table)[0]).toEqual({ unit: "SE331", value: "1.5" })
  })
})

describe("decimal commas", () => {
  it("reads Eurostat's R&D file exported with Swedish settings (; and ,) as the original", () => {
    const text = readFileSync(join(shared, "eurostat-rd-nuts2/rd_private_eur_hab.nuts2.csv"), "utf8")
    const original = Csv.parse(text, { source: "rd.csv" })
    // what Excel with Swedish settings writes: semicolons between fields, commas in numbers
    const swedish = Csv.parse(text.replaceAll(",", ";").replaceAll(".", ","), { delimiter: ";", decimal: "," })
    const value = Csv.columnIndex(original, "rd_private_eur_hab")
    expect(swedish.rows.length).toBe(original.rows.length)
    let decimals = 0
    for (let row = 0; row < original.rows.length; row++) {
      expect(Csv.number(swedish, row, value)).toBe(Csv.number(original, row, value))
      if (swedish.rows[row]![value]!.includes(",")) decimals++
    }
    expect(decimals).toBeGreaterThan(1000)
    expect(Csv.number(swedish, 0, value)).toBe(237.9)
  })

  it("reads signs, exponents and missing markers, and refuses a point or a second comma", () => {
    expect(Csv.parseNumber("-0,25", ",")).toBe(-0.25)
    expect(Csv.parseNumber(" 1,5e3 ", ",")).toBe(1500)
    expect(Csv.parseNumber(",5", ",")).toBe(0.5)
    expect(Csv.parseNumber("42", ",")).toBe(42)
    expect(Csv.parseNumber("..", ",")).toBeNull()
    expect(Csv.parseNumber("1.234,5", ",")).toBeUndefined()
    expect(Csv.parseNumber("12.5", ",")).toBeUndefined()
    expect(Csv.parseNumber("1,2,3", ",")).toBeUndefined()
    expect(Csv.parseNumber("12,5")).toBeUndefined()
    const table = Csv.parse("unit;value\nSE331;12.5\n", { source: "sv.csv", delimiter: ";", decimal: "," })
    expect(() => Csv.number(table, 0, 1)).toThrow(
      'sv.csv:2 column "value": expected a number with a decimal comma, found "12.5"'
    )
  })

  it("refuses a comma as both delimiter and decimal separator", () => {
    expect(() => Csv.parse("a\n1\n", { source: "x.csv", decimal: "," })).toThrow(
      'x.csv: a decimal comma needs another delimiter, e.g. ";"'
    )
  })
})
