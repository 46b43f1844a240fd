/** Values of a column that are not NaN, as a new array. */
export const present = (x: Float64Array): Float64Array => {
  let n = 0
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]!)) n++
  const out = new Float64Array(n)
  let k = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) out[k++] = v
  }
  return out
}

/** Mean over the non-NaN values; NaN when there are none. R's two-pass correction keeps it exact to the last bit. */
export const mean = (x: Float64Array): number => {
  let s = 0
  let n = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) {
      s += v
      n++
    }
  }
  if (n === 0) return Number.NaN
  const m = s / n
  let c = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) c += v - m
  }
  return m + c / n
}

/** Sample standard deviation (n − 1) over the non-NaN values. */
export const sd = (x: Float64Array): number => {
  const m = mean(x)
  let s = 0
  let n = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) {
      s += (v - m) * (v - m)
      n++
    }
  }
  return n < 2 ? Number.NaN : Math.sqrt(s / (n - 1))
}

export const min = (x: Float64Array): number => {
  let m = Number.POSITIVE_INFINITY
  let any = false
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) {
      any = true
      if (v < m) m = v
    }
  }
  return any ? m : Number.NaN
}

export const max = (x: Float64Array): number => {
  let m = Number.NEGATIVE_INFINITY
  let any = false
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) {
      any = true
      if (v > m) m = v
    }
  }
  return any ? m : Number.NaN
}

/** Quantile of the non-NaN values with R's default type 7 (linear interpolation between order statistics). */
export const quantile = (x: Float64Array, p: number): number => {
  const v = present(x).sort()
  const n = v.length
  if (n === 0) return Number.NaN
  const h = (n - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, n - 1)
  return v[lo]! + (h - lo) * (v[hi]! - v[lo]!)
}

export const median = (x: Float64Array): number => quantile(x, 0.5)

/** Type-2 skewness (e1071 type 2, Excel SKEW) over the non-NaN values; NaN below 3 values. */
export const skew = (x: Float64Array): number => skewKurt(x)[0]!

/** Type-2 excess kurtosis (e1071 type 2, Excel KURT) over the non-NaN values; NaN below 4 values. */
export const kurt = (x: Float64Array): number => skewKurt(x)[1]!

/**
 * Ranks with ties given the lowest rank (R's `ties.method = "min"`), ascending; NaN stays NaN. With `descending`,
 * rank 1 is the highest value (COINr's `rank(-x)`).
 */
export const rank = (x: Float64Array, descending = false): Float64Array => {
  const n = x.length
  const idx: Array<number> = []
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) idx.push(i)
  idx.sort(descending ? (a, b) => x[b]! - x[a]! : (a, b) => x[a]! - x[b]!)
  const out = new Float64Array(n).fill(Number.NaN)
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!
    out[i] = k > 0 && x[idx[k - 1]!] === x[i] ? out[idx[k - 1]!]! : k + 1
  }
  return out
}

/** Ranks with ties averaged (for Spearman correlation). */
export const averageRank = (x: Float64Array): Float64Array => {
  const n = x.length
  const idx: Array<number> = []
  for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) idx.push(i)
  idx.sort((a, b) => x[a]! - x[b]!)
  const out = new Float64Array(n).fill(Number.NaN)
  let k = 0
  while (k < idx.length) {
    let j = k
    while (j + 1 < idx.length && x[idx[j + 1]!] === x[idx[k]!]) j++
    const r = (k + j) / 2 + 1
    for (let t = k; t <= j; t++) out[idx[t]!] = r
    k = j + 1
  }
  return out
}

/** Pearson correlation over the pairs where both values are present. */
export const pearson = (x: Float64Array, y: Float64Array): number => {
  let n = 0
  let sx = 0
  let sy = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    n++
    sx += a
    sy += b
  }
  if (n < 2) return Number.NaN
  const mx = sx / n
  const my = sy / n
  let cxy = 0
  let cxx = 0
  let cyy = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    cxy += (a - mx) * (b - my)
    cxx += (a - mx) * (a - mx)
    cyy += (b - my) * (b - my)
  }
  return cxy / Math.sqrt(cxx * cyy)
}

/**
 * Sample covariance (n − 1) over the pairs where both values are present, each pair with its own means (R's
 * `cov(use = "pairwise.complete.obs")`); NaN below two pairs.
 */
export const covariance = (x: Float64Array, y: Float64Array): number => {
  let n = 0
  let sx = 0
  let sy = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    n++
    sx += a
    sy += b
  }
  if (n < 2) return Number.NaN
  const mx = sx / n
  const my = sy / n
  let c = 0
  for (let i = 0; i < x.length; i++) {
    const a = x[i]!
    const b = y[i]!
    if (Number.isNaN(a) || Number.isNaN(b)) continue
    c += (a - mx) * (b - my)
  }
  return c / (n - 1)
}

/** Spearman correlation: Pearson on average ranks of the complete pairs. */
export const spearman = (x: Float64Array, y: Float64Array): number => {
  const a = new Float64Array(x.length)
  const b = new Float64Array(y.length)
  for (let i = 0; i < x.length; i++) {
    const both = !Number.isNaN(x[i]!) && !Number.isNaN(y[i]!)
    a[i] = both ? x[i]! : Number.NaN
    b[i] = both ? y[i]! : Number.NaN
  }
  return pearson(averageRank(a), averageRank(b))
}

/** Sample variance (n − 1) of the non-NaN values. */
export const variance = (x: Float64Array): number => {
  const s = sd(x)
  return s * s
}

/**
 * Type-2 skewness and kurtosis in one allocation-free pass pair (the treatment loop's hot path). `[NaN, NaN]`
 * below 3 present values; kurtosis NaN below 4.
 */
export const skewKurt = (x: Float64Array, out: Float64Array = new Float64Array(2)): Float64Array => {
  let s = 0
  let n = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) {
      s += v
      n++
    }
  }
  if (n < 3) {
    out[0] = Number.NaN
    out[1] = Number.NaN
    return out
  }
  let m = s / n
  let c = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (!Number.isNaN(v)) c += v - m
  }
  m += c / n
  let s2 = 0
  let s3 = 0
  let s4 = 0
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!
    if (Number.isNaN(v)) continue
    const d = v - m
    const d2 = d * d
    s2 += d2
    s3 += d2 * d
    s4 += d2 * d2
  }
  out[0] = ((Math.sqrt(n) * s3) / s2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2))
  out[1] = n < 4 ? Number.NaN : (((n + 1) * ((n * s4) / (s2 * s2) - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3))
  return out
}
