import type { DataSet } from "./DataSet.js"
import * as DS from "./DataSet.js"
import type { Framework } from "./Framework.js"
import { MeasureError } from "./MeasureError.js"

/**
 * Divides every indicator that names a denominator in the framework by that denominator, unit by unit (COINr's
 * `Denominate` with `f_denom = "/"`). A missing denominator gives a missing value; so does a zero denominator
 * (R would give `Inf`, which no later step can use). Other indicators are copied.
 *
 * @since 0.1.0
 */
export const denominate = (framework: Framework, indicators: DataSet, denominators: DataSet): DataSet => {
  const n = indicators.units.length
  if (denominators.units.length !== n || denominators.units.some((u, i) => indicators.units[i] !== u)) {
    throw new MeasureError(
      "denominators",
      "expected the denominators to have the same units, in the same order, as the indicators"
    )
  }
  const out = new Float64Array(indicators.values)
  indicators.codes.forEach((code, j) => {
    const by = framework.indicatorIndex.get(code)?.denominator
    if (by === null || by === undefined) return
    const d = DS.column(denominators, by)
    for (let i = 0; i < n; i++) {
      const v = out[j * n + i]! / d[i]!
      out[j * n + i] = Number.isFinite(v) ? v : Number.NaN
    }
  })
  return { units: indicators.units, codes: indicators.codes, values: out }
}
