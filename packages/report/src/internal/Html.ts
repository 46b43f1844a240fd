/** Escapes text for HTML/SVG element content and attribute values (both quote kinds included). */
export const esc = (text: string | number): string =>
  String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;")

/**
 * A coordinate or length for an SVG attribute, rounded to 0.01. Throws on NaN or ±Infinity so that no chart can
 * ever emit `NaN` into an attribute: a missing value must be left out before it reaches the geometry.
 */
export const num = (x: number): string => {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite coordinate, found ${x}`)
  const r = Math.round(x * 100) / 100
  return String(Object.is(r, -0) ? 0 : r)
}

/** Attributes from a record: values are escaped, numbers go through {@link num}, `undefined` is left out. */
export const attrs = (a: Readonly<Record<string, string | number | undefined>>): string => {
  let out = ""
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue
    out += ` ${k}="${typeof v === "number" ? num(v) : esc(v)}"`
  }
  return out
}

/** An element with escaped attributes and already-rendered children. */
export const el = (
  tag: string,
  a: Readonly<Record<string, string | number | undefined>>,
  ...children: string[]
): string => `<${tag}${attrs(a)}>${children.join("")}</${tag}>`

/** A self-closing SVG element. */
export const leaf = (tag: string, a: Readonly<Record<string, string | number | undefined>>): string =>
  `<${tag}${attrs(a)}/>`
