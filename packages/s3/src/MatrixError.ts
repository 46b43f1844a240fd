/**
 * A matrix that cannot be used as asked: mismatched sizes, an unknown region or industry label, a negative or
 * non-finite count. The message names the place (label, index or year) and the expectation.
 *
 * @since 0.1.0
 */
export class MatrixError extends Error {
  override readonly name = "MatrixError"
}
