import { describe, expect, it } from "vitest"
import { LocationQuotient, Matrix, MatrixError } from "../src/index.js"
import { eurostatCounties, eurostatSweden } from "./data.js"

describe("LocationQuotient.of: the reference option is checked", () => {
  const counties = Matrix.year(eurostatCounties(), 2017)
  const sweden = Matrix.year(eurostatSweden(), 2017).values
  const industries = counties.industries

  it("takes the national row as reference (Västerbotten O-Q, as in the README)", () => {
    const lq = LocationQuotient.of(counties, { reference: sweden })
    // recomputed by hand from the same cells: (x_ri / x_r·) / (X_i / X)
    const r = counties.regions.indexOf("SE331")
    const i = industries.indexOf("O-Q")
    const row = counties.values.subarray(r * industries.length, (r + 1) * industries.length)
    const rowTotal = row.reduce((s, v) => s + v, 0)
    const national = sweden.reduce((s, v) => s + v, 0)
    expect(Matrix.get(lq, "SE331", "O-Q")).toBeCloseTo(row[i]! / rowTotal / (sweden[i]! / national), 13)
  })

  const rejects = (reference: ArrayLike<number>, message: RegExp) => {
    expect(() => LocationQuotient.of(counties, { reference })).toThrow(MatrixError)
    expect(() => LocationQuotient.of(counties, { reference })).toThrow(message)
    expect(() => LocationQuotient.presence(counties, { reference })).toThrow(message)
  }

  it("rejects a negative reference total, naming the industry", () => {
    const reference = Float64Array.from(sweden)
    reference[industries.indexOf("F")] = -1
    rejects(reference, /reference: expected a finite reference total ≥ 0 for industry "F", found -1/)
  })

  it("rejects a zero reference total where the matrix has activity (LQ would be infinite)", () => {
    const reference = Float64Array.from(sweden)
    reference[industries.indexOf("A")] = 0
    rejects(
      reference,
      /reference: expected a reference total > 0 for industry "A", which has \d+ in the matrix, found 0/
    )
  })

  it("rejects NaN and infinite totals", () => {
    const reference = Float64Array.from(sweden)
    reference[0] = Number.NaN
    rejects(reference, /found NaN/)
    reference[0] = Number.POSITIVE_INFINITY
    rejects(reference, /found Infinity/)
  })

  it("rejects a reference of the wrong length, naming the option and the count", () => {
    rejects(sweden.subarray(1), /reference: expected 10 reference totals, one per industry, found 9/)
  })

  it("accepts a zero reference total for an industry without activity in the matrix (its LQ is 0/0, as documented)", () => {
    const m = Matrix.make(["a", "b"], ["x", "y"], [1, 0, 3, 0])
    const lq = LocationQuotient.of(m, { reference: [4, 0] })
    expect(lq.values[0]).toBe(1)
    expect(Number.isNaN(lq.values[1]!)).toBe(true)
  })
})
