import type { CountyCode } from "./County.js"
import * as County from "./County.js"
import { municipalityRows } from "./internal/municipalities.js"
import type { Label } from "./Label.js"
import { UnknownCodeError } from "./UnknownCodeError.js"

/**
 * A municipality code (kommunkod): four digits, the first two being the county's, e.g. `"2480"` Umeå.
 *
 * @since 0.1.0
 */
export type MunicipalityCode = (typeof municipalityRows)[number]["code"]

/**
 * A Swedish municipality (kommun).
 *
 * @since 0.1.0
 */
export interface Municipality {
  readonly code: MunicipalityCode
  /** The name as used in tables: `"Umeå"`. */
  readonly name: string
  /** `{ sv: "Umeå kommun", en: "Umeå Municipality" }` (SCB's "X kommun" form, not self-designations like "stad"). */
  readonly label: Label
  readonly county: CountyCode
}

/**
 * All 290 municipalities in SCB code order.
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<Municipality> = municipalityRows.map((row) => ({
  code: row.code,
  name: row.name,
  label: { sv: row.fullName, en: `${row.name} Municipality` },
  county: row.county
}))

const byCode = new Map<string, Municipality>(all.map((m) => [m.code, m]))
const codes = all.map((m) => m.code)

/**
 * Whether a string is a municipality code.
 *
 * @since 0.1.0
 */
export const isCode = (code: string): code is MunicipalityCode => byCode.has(code)

/**
 * The municipality with a code. Total on {@link MunicipalityCode}.
 *
 * @example
 * ```ts
 * Municipality.get("2481").name // "Lycksele"
 * ```
 * @since 0.1.0
 */
export const get = (code: MunicipalityCode): Municipality => byCode.get(code)!

/**
 * The municipality with a code given as text, or an {@link UnknownCodeError} with suggestions.
 *
 * @since 0.1.0
 */
export const parse = (code: string): Municipality => {
  const municipality = byCode.get(code.trim())
  if (!municipality) {
    throw new UnknownCodeError("municipality", code, 'a four-digit municipality code such as "2480" (Umeå)', codes)
  }
  return municipality
}

/**
 * The municipality with a name (`"Lycksele"` or `"Lycksele kommun"`, case-insensitive), or an
 * {@link UnknownCodeError} suggesting the closest names.
 *
 * @since 0.1.0
 */
export const byName = (name: string): Municipality => {
  const needle = name.trim().toLowerCase()
  const found = all.find((m) => m.name.toLowerCase() === needle || m.label.sv.toLowerCase() === needle)
  if (!found) {
    throw new UnknownCodeError(
      "municipality name",
      name,
      'a municipality name such as "Lycksele"',
      all.map((m) => m.name)
    )
  }
  return found
}

/**
 * The municipalities of a county, in code order.
 *
 * @example
 * ```ts
 * Municipality.inCounty("24").length // 15
 * ```
 * @since 0.1.0
 */
export const inCounty = (county: CountyCode): ReadonlyArray<Municipality> => all.filter((m) => m.county === county)

/**
 * The county a municipality lies in.
 *
 * @since 0.1.0
 */
export const countyOf = (code: MunicipalityCode): County.County => County.get(get(code).county)
