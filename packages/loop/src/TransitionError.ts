/**
 * An illegal move of an idea or a cycle. The message says what was asked, why it is refused and which moves are
 * allowed instead; nothing was changed.
 *
 * @since 0.1.0
 */
export class TransitionError extends Error {
  override readonly name = "TransitionError"
  constructor(
    /** `idea "I-3"` or `cycle "loop-2016"`. */
    readonly subject: string,
    readonly from: string,
    readonly to: string,
    readonly reason: string,
    /** The moves that would have been allowed from `from`. */
    readonly allowed: ReadonlyArray<string>
  ) {
    super(
      `Cannot move ${subject} from "${from}" to "${to}": ${reason}.` +
        (allowed.length > 0 ? ` Allowed from "${from}": ${allowed.join(", ")}.` : ` No move is allowed from "${from}".`)
    )
  }
}
