/**
 * The two report languages, a bilingual label and the number formats the reports use.
 *
 * @since 0.1.0
 */

/**
 * A report language: Swedish or English.
 *
 * @since 0.1.0
 */
export type Lang = "sv" | "en"

/**
 * A human-readable text in both languages (the house `{ sv, en }` convention of `@innokraft/reference`).
 *
 * @since 0.1.0
 */
export interface Label {
  readonly sv: string
  readonly en: string
}

/**
 * The text of a label in a language.
 *
 * @example
 * ```ts
 * Lang.text({ sv: "Län", en: "County" }, "sv") // "Län"
 * ```
 * @since 0.1.0
 */
export const text = (label: Label, lang: Lang): string => label[lang]

const locales: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" }

const formats = new Map<string, Intl.NumberFormat>()
const pluralRules: Record<Lang, Intl.PluralRules> = {
  sv: new Intl.PluralRules(locales.sv),
  en: new Intl.PluralRules(locales.en)
}

/**
 * The form of a word a count needs in a language (`Intl.PluralRules`).
 *
 * @example
 * ```ts
 * Lang.plural(1, { one: "kommun", other: "kommuner" }, "sv") // "kommun"
 * Lang.plural(15, { one: "kommun", other: "kommuner" }, "sv") // "kommuner"
 * ```
 * @since 0.1.0
 */
export const plural = (n: number, forms: { readonly one: string; readonly other: string }, lang: Lang): string =>
  pluralRules[lang].select(n) === "one" ? forms.one : forms.other

/**
 * A count and its noun in the form the count needs, the number formatted for the language: "1 kommun",
 * "1 234 kommuner", "1 municipality".
 *
 * @since 0.1.0
 */
export const counted = (
  n: number,
  forms: { readonly [L in Lang]: { readonly one: string; readonly other: string } },
  lang: Lang
): string => `${formatNumber(n, lang, 0)} ${plural(n, forms[lang], lang)}`

/**
 * A number for people: locale grouping and decimal sign (`1 234,5` in Swedish, `1,234.5` in English) with at most
 * `digits` decimals (default 1). `null`, NaN and ±Infinity become an en dash, never "NaN".
 *
 * @example
 * ```ts
 * Lang.formatNumber(1234.56, "sv") // "1 234,6"
 * Lang.formatNumber(null, "en") // "–"
 * ```
 * @since 0.1.0
 */
export const formatNumber = (value: number | null | undefined, lang: Lang, digits = 1): string => {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–"
  const key = `${lang}:${digits}`
  let f = formats.get(key)
  if (f === undefined) {
    f = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 })
    formats.set(key, f)
  }
  return f.format(Object.is(value, -0) ? 0 : value)
}

/**
 * A share in 0–1 as a percentage (`42 %` in Swedish, `42%` in English).
 *
 * @since 0.1.0
 */
export const formatPercent = (share: number | null | undefined, lang: Lang, digits = 0): string => {
  if (share === null || share === undefined || !Number.isFinite(share)) return "–"
  const n = formatNumber(share * 100, lang, digits)
  return lang === "sv" ? `${n}\u00a0%` : `${n}%`
}
