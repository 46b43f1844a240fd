import { countyRows } from "./internal/counties.js"
import type { Label } from "./Label.js"
import type { NutsCode } from "./Nuts.js"
import { UnknownCodeError } from "./UnknownCodeError.js"

/**
 * A county code (länskod), two digits as SCB writes them: `"01"` Stockholm … `"25"` Norrbotten.
 *
 * @since 0.1.0
 */
export type CountyCode = (typeof countyRows)[number]["code"]

/**
 * A Swedish county (län). Each county is one NUTS 3 region.
 *
 * @since 0.1.0
 */
export interface County {
  readonly code: CountyCode
  /** `{ sv: "Västerbottens län", en: "Västerbotten County" }` */
  readonly name: Label
  /** The short form used in tables: `"Västerbotten"`. */
  readonly shortName: string
  readonly nuts3: NutsCode
  readonly nuts2: NutsCode
  readonly nuts1: NutsCode
}

/**
 * All 21 counties in SCB code order.
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<County> = countyRows.map((row) => ({
  code: row.code,
  name: { sv: row.name, en: `${row.shortName} County` },
  shortName: row.shortName,
  nuts3: row.nuts3,
  nuts2: row.nuts2,
  nuts1: row.nuts1
}))

const byCode = new Map<string, County>(all.map((county) => [county.code, county]))
const codes = all.map((county) => county.code)

/**
 * Whether a string is a county code.
 *
 * @since 0.1.0
 */
export const isCode = (code: string): code is CountyCode => byCode.has(code)

/**
 * The county with a code. Total on {@link CountyCode}.
 *
 * @example
 * ```ts
 * County.get("24").name.sv // "Västerbottens län"
 * ```
 * @since 0.1.0
 */
export const get = (code: CountyCode): County => byCode.get(code)!

/**
 * The county with a code given as text (from a file or a user), or an {@link UnknownCodeError} with suggestions.
 *
 * @since 0.1.0
 */
export const parse = (code: string): County => {
  const county = byCode.get(code.trim())
  if (!county) throw new UnknownCodeError("county", code, 'a two-digit county code such as "24" (Västerbotten)', codes)
  return county
}

/**
 * The county that is a NUTS 3 region, e.g. `"SE331"` → Västerbotten.
 *
 * @since 0.1.0
 */
export const byNuts3 = (nuts3: string): County => {
  const county = all.find((c) => c.nuts3 === nuts3)
  if (!county) {
    throw new UnknownCodeError(
      "NUTS 3 (county)",
      nuts3,
      'a Swedish NUTS 3 code such as "SE331"',
      all.map((c) => c.nuts3)
    )
  }
  return county
}
