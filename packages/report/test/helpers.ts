import { expect } from "vitest"

/** Every attribute value and text of an SVG/HTML string: no NaN, no undefined, no Infinity, no [object Object]. */
export const expectClean = (markup: string): void => {
  expect(markup).not.toMatch(/NaN|undefined|Infinity|\[object /)
}

/** Count of an element in markup. */
export const count = (markup: string, pattern: RegExp): number => (markup.match(pattern) ?? []).length

/** Checks that an SVG has a title and a desc referenced by aria-labelledby. */
export const expectAccessible = (svg: string): void => {
  expect(svg.startsWith("<svg")).toBe(true)
  const ids = /aria-labelledby="([^ "]+) ([^"]+)"/.exec(svg)
  expect(ids).not.toBeNull()
  expect(svg).toContain(`<title id="${ids![1]}">`)
  expect(svg).toContain(`<desc id="${ids![2]}">`)
  expect(svg).toMatch(/role="img"/)
}
