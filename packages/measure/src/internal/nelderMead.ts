/**
 * Nelder–Mead minimisation in the variant of Nash (1990, *Compact Numerical Methods for Computers*, algorithm 19)
 * that R's `optim(method = "Nelder-Mead")` uses, so that COINr's `get_opt_weights` can be reproduced step for step:
 * reflection 1, contraction 0.5, expansion 2; the first simplex steps each coordinate by 10 % of the largest
 * |start| (0.1 if all are 0); stop when the highest and lowest vertex values differ by at most
 * `reltol · (|f(start)| + reltol)`, or after `maxEvaluations`. Non-finite values count as 1e35.
 */
export const nelderMead = (
  f: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: { readonly reltol: number; readonly maxEvaluations: number }
): { x: Float64Array; value: number; evaluations: number; converged: boolean } => {
  const n = start.length
  const capped = (v: number) => (Number.isFinite(v) ? v : 1e35)
  const first = Float64Array.from(start)
  const f0 = f(Float64Array.from(first))
  if (!Number.isFinite(f0)) throw new Error("the function cannot be evaluated at the initial parameters")
  let evaluations = 1
  const tolerance = options.reltol * (Math.abs(f0) + options.reltol)
  const vertex: Array<Float64Array> = [first]
  const value: Array<number> = [f0]
  let step = 0
  for (let i = 0; i < n; i++) step = Math.max(step, 0.1 * Math.abs(first[i]!))
  if (step === 0) step = 0.1
  let size = 0
  for (let j = 0; j < n; j++) {
    const v = Float64Array.from(first)
    let trial = step
    while (v[j] === first[j]) {
      v[j] = first[j]! + trial
      trial *= 10
    }
    size += trial
    vertex.push(v)
    value.push(Number.NaN)
  }
  let oldSize = size
  let evaluateAll = true
  let low = 0
  let degenerate = false
  const centroid = new Float64Array(n)
  do {
    if (evaluateAll) {
      for (let j = 0; j <= n; j++) {
        if (j === low) continue
        value[j] = capped(f(Float64Array.from(vertex[j]!)))
        evaluations++
      }
      evaluateAll = false
    }
    let vLow = value[low]!
    let vHigh = vLow
    let high = low
    for (let j = 0; j <= n; j++) {
      if (j === low) continue
      const v = value[j]!
      if (v < vLow) {
        low = j
        vLow = v
      }
      if (v > vHigh) {
        high = j
        vHigh = v
      }
    }
    if (vHigh <= vLow + tolerance) break
    for (let i = 0; i < n; i++) {
      let t = -vertex[high]![i]!
      for (let j = 0; j <= n; j++) t += vertex[j]![i]!
      centroid[i] = t / n
    }
    const reflected = new Float64Array(n)
    for (let i = 0; i < n; i++) reflected[i] = 2 * centroid[i]! - vertex[high]![i]!
    const vReflected = capped(f(Float64Array.from(reflected)))
    evaluations++
    if (vReflected < vLow) {
      const expanded = new Float64Array(n)
      for (let i = 0; i < n; i++) expanded[i] = 2 * reflected[i]! + (1 - 2) * centroid[i]!
      const vExpanded = capped(f(Float64Array.from(expanded)))
      evaluations++
      if (vExpanded < vReflected) {
        vertex[high] = expanded
        value[high] = vExpanded
      } else {
        vertex[high] = reflected
        value[high] = vReflected
      }
    } else {
      if (vReflected < vHigh) {
        vertex[high] = reflected
        value[high] = vReflected
      }
      const contracted = new Float64Array(n)
      for (let i = 0; i < n; i++) contracted[i] = 0.5 * vertex[high]![i]! + 0.5 * centroid[i]!
      const vContracted = capped(f(Float64Array.from(contracted)))
      evaluations++
      if (vContracted < value[high]!) {
        vertex[high] = contracted
        value[high] = vContracted
      } else if (vReflected >= vHigh) {
        // shrink every vertex halfway towards the lowest
        evaluateAll = true
        size = 0
        for (let j = 0; j <= n; j++) {
          if (j === low) continue
          for (let i = 0; i < n; i++) {
            vertex[j]![i] = 0.5 * (vertex[j]![i]! - vertex[low]![i]!) + vertex[low]![i]!
            size += Math.abs(vertex[j]![i]! - vertex[low]![i]!)
          }
        }
        if (size < oldSize) oldSize = size
        else {
          degenerate = true
          break
        }
      }
    }
  } while (evaluations <= options.maxEvaluations)
  return {
    x: Float64Array.from(vertex[low]!),
    value: value[low]!,
    evaluations,
    converged: !degenerate && evaluations <= options.maxEvaluations
  }
}
