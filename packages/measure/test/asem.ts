import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Coinr, DataSet, type Spec } from "../src/index.js"

export const shared = join(import.meta.dirname, "../../../../shared/data")
export const asemDir = join(shared, "coinr-asem")
export const readAsem = (name: string): string => readFileSync(join(asemDir, name), "utf8")

export const asemProject = () =>
  Coinr.fromCsv({
    iMeta: readAsem("ASEM_iMeta.csv"),
    iData: readAsem("ASEM_iData.csv"),
    iMetaSource: "ASEM_iMeta.csv",
    iDataSource: "ASEM_iData.csv",
    levelNames: ["Indicator", "Pillar", "Sub-index", "Index"]
  })

export const golden = (stage: string): DataSet.DataSet =>
  DataSet.fromWideCsv(readAsem(`ASEM_${stage}.csv`), { source: `ASEM_${stage}.csv` })

/** The spec of COINr's `build_example_coin()`. */
export const asemSpec: Spec.SpecInput & { treat: { method: "winsorise" } } = {
  denominate: true,
  impute: { method: "groupMean", group: "EurAsia_group" },
  screen: { minDataShare: 0.9 },
  treat: { method: "winsorise", winmax: 5, skewThreshold: 2, kurtThreshold: 3.5, fallback: "log" },
  normalise: { method: "minmax", range: [0, 100] },
  aggregate: { method: "amean" }
}

/**
 * Largest absolute difference between a computed and a golden data set, matched by unit and code; a missing value
 * on one side only counts as Infinity.
 */
export const maxDiff = (got: DataSet.DataSet, want: DataSet.DataSet): number => {
  let worst = 0
  for (const code of want.codes) {
    for (const unit of want.units) {
      const a = DataSet.get(got, unit, code)
      const b = DataSet.get(want, unit, code)
      if (a === null || b === null) {
        if (a !== b) return Number.POSITIVE_INFINITY
        continue
      }
      worst = Math.max(worst, Math.abs(a - b))
    }
  }
  return worst
}

/** Largest relative difference |a − b| / max(1, |b|). */
export const maxRelDiff = (got: DataSet.DataSet, want: DataSet.DataSet): number => {
  let worst = 0
  for (const code of want.codes) {
    for (const unit of want.units) {
      const a = DataSet.get(got, unit, code)
      const b = DataSet.get(want, unit, code)
      if (a === null || b === null) {
        if (a !== b) return Number.POSITIVE_INFINITY
        continue
      }
      worst = Math.max(worst, Math.abs(a - b) / Math.max(1, Math.abs(b)))
    }
  }
  return worst
}
