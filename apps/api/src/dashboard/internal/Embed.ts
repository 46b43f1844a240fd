/**
 * The parts of a complete `@innokraft/report` document that a dashboard page embeds: the inner HTML of its
 * `<main>` (header, sections, notes). The report's style sheet is `Document.css`, which every dashboard page
 * carries already.
 */
export const mainOf = (document: string): string => {
  const open = document.indexOf("<main>")
  const close = document.lastIndexOf("</main>")
  if (open < 0 || close < open) throw new Error("expected a report document with a <main> element")
  return document.slice(open + "<main>".length, close)
}
