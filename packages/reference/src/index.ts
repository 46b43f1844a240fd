/**
 * `@innokraft/reference` — Swedish and European reference code lists as typed data: counties (län), municipalities
 * (kommuner), NUTS regions and SNI 2007 / NACE Rev. 2. Every lookup is total on its typed code and throws an
 * {@link UnknownCodeError} with suggestions for text that is not a code.
 *
 * @since 0.1.0
 */

export type { CountyCode } from "./County.js"
export * as County from "./County.js"
export type { Label } from "./Label.js"
export type { MunicipalityCode } from "./Municipality.js"
export * as Municipality from "./Municipality.js"
export type { NutsCode } from "./Nuts.js"
export * as Nuts from "./Nuts.js"
export type { DivisionCode, SectionCode } from "./Sni.js"
export * as Sni from "./Sni.js"
export { UnknownCodeError } from "./UnknownCodeError.js"
