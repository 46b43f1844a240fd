import { divisionRows, sectionRows } from "./internal/sni.js"
import type { Label } from "./Label.js"
import { UnknownCodeError } from "./UnknownCodeError.js"

/**
 * The classification these codes belong to. SNI 2007 is the Swedish edition of NACE Rev. 2 and identical to it at
 * section and division level. SCB moves to SNI 2025 (NACE Rev. 2.1) from reference year 2025, whose letters after J
 * differ: store this attribute with any data coded by it.
 *
 * @since 0.1.0
 */
export const classification = "SNI2007" as const

/**
 * A section letter, `"A"`–`"U"`.
 *
 * @since 0.1.0
 */
export type SectionCode = (typeof sectionRows)[number]["code"]

/**
 * A two-digit division code, `"01"`–`"99"` (88 divisions; 04, 34, 40, 44, 48, 54, 57, 67, 76, 83 and 89 do not exist).
 *
 * @since 0.1.0
 */
export type DivisionCode = (typeof divisionRows)[number]["code"]

/**
 * An SNI 2007 / NACE Rev. 2 section.
 *
 * @since 0.1.0
 */
export interface Section {
  readonly code: SectionCode
  /** Swedish name (SCB) and English name (NACE Rev. 2). */
  readonly name: Label
  /** Its divisions, in code order. */
  readonly divisions: ReadonlyArray<DivisionCode>
}

/**
 * An SNI 2007 / NACE Rev. 2 division.
 *
 * @since 0.1.0
 */
export interface Division {
  readonly code: DivisionCode
  readonly section: SectionCode
  readonly name: Label
}

/**
 * All 88 divisions in code order.
 *
 * @since 0.1.0
 */
export const divisions: ReadonlyArray<Division> = divisionRows.map((row) => ({
  code: row.code,
  section: row.section,
  name: { sv: row.sv, en: row.en }
}))

/**
 * All 21 sections, A to U.
 *
 * @since 0.1.0
 */
export const sections: ReadonlyArray<Section> = sectionRows.map((row) => ({
  code: row.code,
  name: { sv: row.sv, en: row.en },
  divisions: divisions.filter((d) => d.section === row.code).map((d) => d.code)
}))

const sectionByCode = new Map<string, Section>(sections.map((s) => [s.code, s]))
const divisionByCode = new Map<string, Division>(divisions.map((d) => [d.code, d]))

/**
 * Whether a string is a section letter.
 *
 * @since 0.1.0
 */
export const isSection = (code: string): code is SectionCode => sectionByCode.has(code)

/**
 * Whether a string is a division code.
 *
 * @since 0.1.0
 */
export const isDivision = (code: string): code is DivisionCode => divisionByCode.has(code)

/**
 * The section with a letter. Total on {@link SectionCode}.
 *
 * @example
 * ```ts
 * Sni.section("C").name.sv // "Tillverkning"
 * ```
 * @since 0.1.0
 */
export const section = (code: SectionCode): Section => sectionByCode.get(code)!

/**
 * The division with a code. Total on {@link DivisionCode}.
 *
 * @since 0.1.0
 */
export const division = (code: DivisionCode): Division => divisionByCode.get(code)!

/**
 * The section with a letter given as text, or an {@link UnknownCodeError}.
 *
 * @since 0.1.0
 */
export const parseSection = (code: string): Section => {
  const found = sectionByCode.get(code.trim().toUpperCase())
  if (!found) throw new UnknownCodeError("SNI 2007 section", code, "a section letter A–U", [...sectionByCode.keys()])
  return found
}

/**
 * The division with a code given as text (`"62"`, or `"6"` read as `"06"`), or an {@link UnknownCodeError}.
 *
 * @since 0.1.0
 */
export const parseDivision = (code: string): Division => {
  const trimmed = code.trim()
  const found = divisionByCode.get(/^\d$/.test(trimmed) ? `0${trimmed}` : trimmed)
  if (!found) {
    throw new UnknownCodeError("SNI 2007 division", code, 'a two-digit division code such as "62"', [
      ...divisionByCode.keys()
    ])
  }
  return found
}

/**
 * The section a division belongs to.
 *
 * @since 0.1.0
 */
export const sectionOf = (code: DivisionCode): Section => section(division(code).section)
