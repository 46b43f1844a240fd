import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Csv } from "@innokraft/csv"
import type { FeatureCollection } from "geojson"

/** Path of a file in the shared data folder. */
export const shared = (...parts: ReadonlyArray<string>): string =>
  join(import.meta.dirname, "../../../../shared/data", ...parts)

/** A GeoJSON file of `se-boundaries`. */
export const boundaries = (file: "lan.geojson" | "kommun.geojson"): FeatureCollection =>
  JSON.parse(readFileSync(shared("se-boundaries", file), "utf8")) as FeatureCollection

/** Number of municipalities per county code, from `se-admin-units/municipalities.csv`. */
export const municipalitiesPerCounty = (): Record<string, number> => {
  const t = Csv.parse(readFileSync(shared("se-admin-units", "municipalities.csv"), "utf8"), {
    source: "municipalities.csv"
  })
  const c = Csv.columnIndex(t, "county_code")
  const out: Record<string, number> = {}
  for (const row of t.rows) out[row[c]!] = (out[row[c]!] ?? 0) + 1
  return out
}

/** County names from `se-admin-units/counties.csv`. */
export const countyNames = (): Record<string, string> => {
  const t = Csv.parse(readFileSync(shared("se-admin-units", "counties.csv"), "utf8"), { source: "counties.csv" })
  const c = Csv.columnIndex(t, "county_code")
  const n = Csv.columnIndex(t, "county_name")
  return Object.fromEntries(t.rows.map((r) => [r[c]!, r[n]!]))
}
