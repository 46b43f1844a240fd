import { Data } from "effect"

/**
 * The record (or organisation, token, run …) does not exist — or the caller may not see it. A caller of another
 * organisation gets `NotFound` for a draft, never `Forbidden`, so that existence does not leak.
 *
 * @since 0.1.0
 */
export class NotFound extends Data.TaggedError("NotFound")<{
  readonly entity: string
  readonly id: string
}> {
  override get message(): string {
    return `${this.entity} "${this.id}" was not found (or is not visible to the caller)`
  }
}

/**
 * A write lost a race: the record's version is not the one the caller read (optimistic concurrency), or a record
 * with that id already exists.
 *
 * @since 0.1.0
 */
export class Conflict extends Data.TaggedError("Conflict")<{
  readonly entity: string
  readonly id: string
  readonly expected?: number | undefined
  readonly actual?: number | undefined
  readonly reason: string
}> {
  override get message(): string {
    return `${this.entity} "${this.id}": ${this.reason}`
  }
}

/**
 * The caller's organisation or role does not allow the operation.
 *
 * @since 0.1.0
 */
export class Forbidden extends Data.TaggedError("Forbidden")<{
  readonly operation: string
  readonly reason: string
}> {
  override get message(): string {
    return `${this.operation} is forbidden: ${this.reason}`
  }
}

/**
 * The input does not match what the store expects; every problem names its field path.
 *
 * @since 0.1.0
 */
export class Invalid extends Data.TaggedError("Invalid")<{
  readonly entity: string
  readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }>
}> {
  override get message(): string {
    return `invalid ${this.entity}: ${this.problems.map((p) => `${p.path === "" ? "(root)" : p.path}: ${p.message}`).join("; ")}`
  }
}

/**
 * A write whose every field is well formed but which breaks a rule of the model across records: a reference to a
 * record that does not exist, a period outside its parent's, a current phase that is not one of its phases. Every
 * problem names its field path (`goalId`, or `(efforts "e1").goalId` for another record the write would break) and
 * what it expected and found.
 *
 * @since 0.2.0
 */
export class Inconsistent extends Data.TaggedError("Inconsistent")<{
  readonly entity: string
  readonly problems: ReadonlyArray<{ readonly path: string; readonly message: string }>
}> {
  override get message(): string {
    return `${this.entity} breaks the model: ${this.problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`
  }
}

/**
 * Every typed error a store operation can fail with (besides `SqlError` from the driver).
 *
 * @since 0.1.0
 */
export type StoreError = NotFound | Conflict | Forbidden | Invalid | Inconsistent
