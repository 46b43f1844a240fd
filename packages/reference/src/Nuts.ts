import type { CountyCode } from "./County.js"
import * as County from "./County.js"
import { nutsRows } from "./internal/nuts.js"
import { UnknownCodeError } from "./UnknownCodeError.js"

/**
 * A Swedish NUTS code: `"SE"` (level 0), landsdelar `"SE1"`–`"SE3"` (NUTS 1), riksområden `"SE11"`–`"SE33"` (NUTS 2),
 * counties `"SE110"`–`"SE332"` (NUTS 3).
 *
 * @since 0.1.0
 */
export type NutsCode = (typeof nutsRows)[number]["code"]

/**
 * A NUTS level: 0 is the country.
 *
 * @since 0.1.0
 */
export type NutsLevel = 0 | 1 | 2 | 3

/**
 * The NUTS versions these codes are valid in. Sweden's codes are identical in NUTS 2016, 2021 and 2024
 * (Regulation (EC) No 1059/2003 as amended by Delegated Regulation (EU) 2023/674).
 *
 * @since 0.1.0
 */
export const versions = ["2016", "2021", "2024"] as const

/**
 * A NUTS region of Sweden. Names are the official national-language names of the classification.
 *
 * @since 0.1.0
 */
export interface NutsRegion {
  readonly code: NutsCode
  readonly level: NutsLevel
  readonly name: string
  /** The region one level up; `null` for `"SE"`. */
  readonly parent: NutsCode | null
}

/**
 * All Swedish NUTS regions (1 + 3 + 8 + 21), sorted by code.
 *
 * @since 0.1.0
 */
export const all: ReadonlyArray<NutsRegion> = nutsRows as ReadonlyArray<NutsRegion>

const byCode = new Map<string, NutsRegion>(all.map((r) => [r.code, r]))
const codes = all.map((r) => r.code)

/**
 * Whether a string is a Swedish NUTS code.
 *
 * @since 0.1.0
 */
export const isCode = (code: string): code is NutsCode => byCode.has(code)

/**
 * The region with a code. Total on {@link NutsCode}.
 *
 * @example
 * ```ts
 * Nuts.get("SE33").name // "Övre Norrland"
 * ```
 * @since 0.1.0
 */
export const get = (code: NutsCode): NutsRegion => byCode.get(code)!

/**
 * The region with a code given as text, or an {@link UnknownCodeError}. Eurostat's extra-regio codes (`SEZ`, `SEZZ`,
 * `SEZZZ`) are not regions and are refused with that reason.
 *
 * @since 0.1.0
 */
export const parse = (code: string): NutsRegion => {
  const trimmed = code.trim().toUpperCase()
  const region = byCode.get(trimmed)
  if (region) return region
  if (/^SEZ+$/.test(trimmed)) {
    throw new UnknownCodeError(
      "NUTS",
      code,
      "a territorial region (extra-regio codes such as SEZZ hold no territory)",
      codes
    )
  }
  throw new UnknownCodeError("NUTS", code, 'a Swedish NUTS code such as "SE33" or "SE331"', codes)
}

/**
 * The regions one level below a region, in code order.
 *
 * @since 0.1.0
 */
export const children = (code: NutsCode): ReadonlyArray<NutsRegion> => all.filter((r) => r.parent === code)

/**
 * All regions of a level, in code order.
 *
 * @since 0.1.0
 */
export const atLevel = (level: NutsLevel): ReadonlyArray<NutsRegion> => all.filter((r) => r.level === level)

/**
 * The counties inside a NUTS region (a county's own NUTS 3 code gives that county).
 *
 * @example
 * ```ts
 * Nuts.counties("SE33").map((c) => c.shortName) // ["Västerbotten", "Norrbotten"]
 * ```
 * @since 0.1.0
 */
export const counties = (code: NutsCode): ReadonlyArray<County.County> =>
  County.all.filter((c) => c.nuts3 === code || c.nuts2 === code || c.nuts1 === code || code === "SE")

/**
 * The NUTS 3, 2 and 1 regions a county belongs to.
 *
 * @since 0.1.0
 */
export const ofCounty = (
  county: CountyCode
): { readonly nuts3: NutsRegion; readonly nuts2: NutsRegion; readonly nuts1: NutsRegion } => {
  const c = County.get(county)
  return { nuts3: get(c.nuts3), nuts2: get(c.nuts2), nuts1: get(c.nuts1) }
}
