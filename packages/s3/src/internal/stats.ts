/** Arithmetic mean of the first n entries. */
export const mean = (x: ArrayLike<number>, n = x.length): number => {
  let s = 0
  for (let i = 0; i < n; i++) s += x[i]!
  return s / n
}

/** Standard deviation with ddof 0 (population, numpy's default) or 1 (sample, R's `sd`). */
export const sd = (x: ArrayLike<number>, ddof: 0 | 1, n = x.length): number => {
  const m = mean(x, n)
  let s = 0
  for (let i = 0; i < n; i++) {
    const d = x[i]! - m
    s += d * d
  }
  return Math.sqrt(s / (n - ddof))
}

/** Pearson correlation of two equally long vectors (NaN if either is constant). */
export const pearson = (x: ArrayLike<number>, y: ArrayLike<number>): number => {
  const n = x.length
  const mx = mean(x)
  const my = mean(y)
  let sxy = 0
  let sxx = 0
  let syy = 0
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx
    const dy = y[i]! - my
    sxy += dx * dy
    sxx += dx * dx
    syy += dy * dy
  }
  return sxy / Math.sqrt(sxx * syy)
}

/**
 * Percentile ranks in [0, 1]: (rank − 1)/(n − 1) with ties given their average rank; a single value gets 0.5. NaN
 * values stay NaN and are left out of the ranking.
 */
export const percentileRanks = (x: ArrayLike<number>): Float64Array => {
  const n = x.length
  const out = new Float64Array(n).fill(Number.NaN)
  const order: Array<number> = []
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) order.push(i)
  order.sort((a, b) => x[a]! - x[b]!)
  const m = order.length
  if (m === 1) {
    out[order[0]!] = 0.5
    return out
  }
  let k = 0
  while (k < m) {
    let j = k
    while (j + 1 < m && x[order[j + 1]!] === x[order[k]!]) j++
    const rank = (k + j) / 2
    for (let t = k; t <= j; t++) out[order[t]!] = rank / (m - 1)
    k = j + 1
  }
  return out
}

/** Quantile with linear interpolation between order statistics (R type 7 / numpy default). */
export const quantile = (sorted: ArrayLike<number>, p: number): number => {
  const n = sorted.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(n - 1, lo + 1)
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!)
}
