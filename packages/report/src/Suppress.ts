/**
 * Small-cell suppression for figures about people: a count below the threshold (default 5) is never shown, drawn
 * or derivable — it is printed as "<5" and its bar is drawn at a fixed token size with a hatch.
 *
 * @since 0.1.0
 */

/**
 * The default threshold: counts 1–4 are suppressed (0 is shown as 0; an empty cell discloses nobody).
 *
 * @since 0.1.0
 */
export const threshold = 5

/**
 * Whether a count is suppressed: 0 < count < threshold.
 *
 * @since 0.1.0
 */
export const isSuppressed = (count: number, below: number = threshold): boolean => count > 0 && count < below

/**
 * The count as it may be published: the number itself, or `"<5"`.
 *
 * @example
 * ```ts
 * Suppress.count(12) // 12
 * Suppress.count(3) // "<5"
 * Suppress.count(0) // 0
 * ```
 * @since 0.1.0
 */
export const count = (n: number, below: number = threshold): number | string =>
  isSuppressed(n, below) ? `<${below}` : n

/**
 * A share of a total that may be published: `null` when the part or the rest of the total is suppressed (the rest
 * would let a reader recover the part by subtraction), otherwise part / total.
 *
 * @since 0.1.0
 */
export const share = (part: number, total: number, below: number = threshold): number | null =>
  total <= 0 || isSuppressed(part, below) || isSuppressed(total - part, below) ? null : part / total
