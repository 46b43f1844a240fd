/** A published count, or `null` when it is suppressed. */
export type Count = number | null

/**
 * Small-cell suppression of one breakdown. Primary: a cell with 0 < n < threshold is suppressed (a zero identifies no
 * one and is published). Secondary: when the total is published and exactly one cell is suppressed, it could be
 * recovered by subtraction, so the smallest other non-zero cell is suppressed too. When the total itself is under
 * the threshold, every cell and the total are suppressed.
 */
export const suppress = (
  counts: ReadonlyArray<readonly [string, number]>,
  threshold: number
): { total: Count; cells: Record<string, Count>; suppressed: string[] } => {
  let total = 0
  for (const [, n] of counts) total += n
  const cells: Record<string, Count> = {}
  if (total > 0 && total < threshold) {
    for (const [key] of counts) cells[key] = null
    return { total: null, cells, suppressed: counts.map(([key]) => key) }
  }
  const suppressed = new Set<string>()
  for (const [key, n] of counts) if (n > 0 && n < threshold) suppressed.add(key)
  if (suppressed.size === 1) {
    let smallest: readonly [string, number] | undefined
    for (const entry of counts) {
      if (suppressed.has(entry[0]) || entry[1] === 0) continue
      if (smallest === undefined || entry[1] < smallest[1]) smallest = entry
    }
    if (smallest !== undefined) suppressed.add(smallest[0])
  }
  for (const [key, n] of counts) cells[key] = suppressed.has(key) ? null : n
  return { total, cells, suppressed: counts.filter(([key]) => suppressed.has(key)).map(([key]) => key) }
}
