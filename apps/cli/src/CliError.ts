import { Data } from "effect"

/**
 * Input the user gave that cannot be used: a missing file, a row that does not parse, an unknown code. Exit code 1.
 *
 * @since 0.1.0
 */
export class InputError extends Data.TaggedError("InputError")<{ readonly message: string }> {}

/**
 * A check that ran and found problems (e.g. `workspace validate` on an invalid file). Exit code 1; the problems are
 * already printed.
 *
 * @since 0.1.0
 */
export class CheckFailed extends Data.TaggedError("CheckFailed")<{ readonly message: string }> {}
