/**
 * A lifecycle move that the rules do not allow. The message names the record, the move and the allowed moves.
 *
 * @since 0.1.0
 */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError"
  constructor(
    /** What moved: `"strategy"`, `"project"` or `"phase"`. */
    readonly subject: string,
    /** The record's id. */
    readonly id: string,
    readonly from: string,
    readonly to: string,
    /** The moves allowed from `from`. */
    readonly allowed: ReadonlyArray<string>
  ) {
    super(
      `${subject} "${id}" cannot move from "${from}" to "${to}": ` +
        (allowed.length === 0 ? `"${from}" is final` : `expected one of ${allowed.map((s) => `"${s}"`).join(", ")}`)
    )
  }
}
