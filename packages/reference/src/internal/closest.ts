/** Levenshtein distance, small strings only (codes and names). */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** The known values nearest to `input` (case-insensitive), best first, within half the input's length. */
export const closest = (input: string, known: ReadonlyArray<string>, count: number): Array<string> => {
  const needle = input.trim().toLowerCase()
  const limit = Math.max(1, Math.ceil(needle.length / 2))
  return known
    .map((value) => ({ value, d: distance(needle, value.toLowerCase()) }))
    .filter(({ d }) => d <= limit)
    .sort((x, y) => x.d - y.d || x.value.localeCompare(y.value))
    .slice(0, count)
    .map(({ value }) => value)
}
