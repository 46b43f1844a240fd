import { Csv, CsvError } from "@innokraft/csv"
import { describe, expect, it } from "vitest"
import { Complexity, LocationQuotient, Matrix, MatrixError } from "../src/index.js"
import { readShared } from "./golden.js"

describe("Matrix.fromLongCsv", () => {
  it("reads a single-year long CSV with cells missing as 0", () => {
    const panel = Matrix.fromLongCsv("region,industry,value\nA,x,1\nA,y,2\nB,y,3\n")
    expect(panel.years).toEqual([null])
    const m = Matrix.year(panel)
    expect(m.regions).toEqual(["A", "B"])
    expect(m.industries).toEqual(["x", "y"])
    expect(Array.from(m.values)).toEqual([1, 2, 0, 3])
  })

  it("reads years, sorts them, and selects one", () => {
    const panel = Matrix.fromLongCsv("region,industry,value,year\nA,x,1,2021\nA,x,5,2020\n")
    expect(panel.years).toEqual([2020, 2021])
    expect(Matrix.year(panel, 2020).values[0]).toBe(5)
    expect(Matrix.year(panel).values[0]).toBe(1)
    expect(() => Matrix.year(panel, 1999)).toThrow(MatrixError)
    expect(() => Matrix.year(Matrix.fromLongCsv("region,industry,value\nA,x,1\n"), 2017)).toThrow(
      "expected no year: the input has no year column, found 2017"
    )
  })

  it("names source, line and column of a bad value, a negative count, a duplicate cell and a missing column", () => {
    expect(() => Matrix.fromLongCsv("region,industry,value\nA,x,1\nA,y,abc\n", { source: "m.csv" })).toThrow(
      'm.csv:3 column "value": expected a number, found "abc"'
    )
    expect(() => Matrix.fromLongCsv("region,industry,value\nA,x,-1\n", { source: "m.csv" })).toThrow(
      'm.csv:2 column "value": expected a count ≥ 0'
    )
    expect(() => Matrix.fromLongCsv("region,industry,value\nA,x,1\nB,x,2\nA,x,3\n", { source: "m.csv" })).toThrow(
      /m\.csv:4: region "A", industry "x" appears again \(first on line 2\)/
    )
    expect(() => Matrix.fromLongCsv("region,sector,value\nA,x,1\n", { source: "m.csv" })).toThrow(CsvError)
    expect(() => Matrix.fromLongCsv("region,industry,value\nA,x,..\n", { source: "m.csv" })).toThrow(/missing: "zero"/)
    expect(Matrix.year(Matrix.fromLongCsv("region,industry,value\nA,x,..\n", { missing: "zero" })).values[0]).toBe(0)
    expect(() => Matrix.fromLongCsv("region,industry,value,year\nA,x,1,2020.5\n", { source: "m.csv" })).toThrow(
      'm.csv:2 column "year": expected an integer year'
    )
  })

  it("reads the SCB NUTS 2 file; 2020 lacks section G, which dropEmpty reports", () => {
    const panel = Matrix.fromLongCsv(readShared("scb-employment-nuts2/employment_nuts2_sni_section_2016_2021.csv"), {
      source: "employment_nuts2_sni_section_2016_2021.csv",
      columns: { region: "nuts2_code", industry: "sni2007_section", value: "employed_total" },
      region: (code) => code !== "SE"
    })
    expect(panel.regions).toHaveLength(8)
    expect(panel.industries).toEqual(["A", "B", "C", "D", "E", "F", "G"])
    expect(panel.years).toEqual([2016, 2017, 2018, 2019, 2020, 2021])
    expect(Matrix.get(Matrix.year(panel, 2016), "SE11", "A")).toBe(4055)
    const { matrix, dropped } = Matrix.dropEmpty(Matrix.year(panel, 2020))
    expect(dropped).toEqual({ regions: [], industries: ["G"] })
    expect(matrix.industries).toEqual(["A", "B", "C", "D", "E", "F"])
    expect(Matrix.dropEmpty(Matrix.year(panel, 2021)).dropped).toEqual({ regions: [], industries: [] })
  })
})

describe("Matrix.make and dropEmpty", () => {
  it("refuses size mismatches, repeated labels and negative or NaN values", () => {
    expect(() => Matrix.make(["a"], ["x", "y"], [1])).toThrow(/expected 1 × 2 = 2 values, found 1/)
    expect(() => Matrix.make(["a", "a"], ["x"], [1, 2])).toThrow(/appears twice/)
    expect(() => Matrix.make(["a"], ["x"], [Number.NaN])).toThrow(/region "a", industry "x"/)
    expect(() => Matrix.make(["a"], ["x"], [-2])).toThrow(MatrixError)
  })

  it("dropping an all-zero row and column changes nothing else", () => {
    const m = Matrix.year(Matrix.fromLongCsv(readShared("s3-reference/dev-1.csv")))
    const regions = [...m.regions.slice(0, 5), "EMPTY", ...m.regions.slice(5)]
    const industries = [...m.industries, "NONE"]
    const values: Array<number> = []
    for (const r of regions) {
      for (const i of industries) values.push(r === "EMPTY" || i === "NONE" ? 0 : Matrix.get(m, r, i))
    }
    const padded = Matrix.make(regions, industries, values)
    const { matrix, dropped } = Matrix.dropEmpty(padded)
    expect(dropped).toEqual({ regions: ["EMPTY"], industries: ["NONE"] })
    expect(matrix.regions).toEqual(m.regions)
    expect(Array.from(LocationQuotient.of(matrix).values)).toEqual(Array.from(LocationQuotient.of(m).values))
    const a = Complexity.eci(LocationQuotient.presence(matrix))
    const b = Complexity.eci(LocationQuotient.presence(m))
    expect(Array.from(a.eci.values)).toEqual(Array.from(b.eci.values))
  })
})

describe("Matrix.fromLongCsv with a decimal comma", () => {
  it("reads REAT's EU employment (thousands, four decimals) exported with Swedish settings as the original", () => {
    const text = readShared("reat-employment/eu_countries_employees_thousands_2007_2016.csv")
    const columns = { region: "region_code", industry: "industry_code" }
    // a few cells are empty in the source
    const original = Matrix.fromLongCsv(text, { source: "eu.csv", columns, missing: "zero" })
    // as Excel with Swedish settings writes it: semicolons between fields, decimal commas, no name columns
    const table = Csv.parse(text)
    const keep = ["region_code", "industry_code", "year", "value"].map((name) => Csv.columnIndex(table, name))
    const swedish = [
      "region_code;industry_code;year;value",
      ...table.rows.map((row) => keep.map((k) => row[k]!.replace(".", ",")).join(";"))
    ].join("\n")
    expect(swedish).toContain(";23,0825")
    const read = Matrix.fromLongCsv(swedish, {
      source: "eu-sv.csv",
      columns,
      delimiter: ";",
      decimal: ",",
      missing: "zero"
    })
    expect(read).toEqual(original)
    expect(() =>
      Matrix.fromLongCsv(swedish, { source: "eu-sv.csv", columns, delimiter: ";", missing: "zero" })
    ).toThrow(/eu-sv\.csv:2 column "value": expected a number, found "23,0825" \(a decimal comma\?/)
  })
})
