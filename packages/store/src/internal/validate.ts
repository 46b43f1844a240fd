import { Id, Text } from "@innokraft/domain"
import { Effect } from "effect"
import type { z } from "zod"
import { Invalid } from "../StoreError.js"

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Ids are lower-case slugs of at most 120 characters (the `@innokraft/domain` id rule). */
export const id = (entity: string, value: unknown, path = "id"): Effect.Effect<string, Invalid> =>
  typeof value === "string" && value.length <= 120 && slug.test(value)
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity,
          problems: [
            { path, message: `expected a lower-case slug id such as "region-vasterbotten", found ${show(value)}` }
          ]
        })
      )

/**
 * A record id: one id of the domain's grammar (`Id.keyPattern`), or — for the child records of a loop cycle — the
 * cycle's id and the child's own id joined by one `/` (`"loop-2016/I-17"`), so that the parent is found by its id.
 */
export const recordId = (entity: string, value: unknown): Effect.Effect<string, Invalid> =>
  typeof value === "string" && isRecordId(value)
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity,
          problems: [
            {
              path: "id",
              message: `expected an id of ASCII letters and digits with "-", "_" or "." between them (a loop item: <cycle id>/<id>), found ${show(value)}`
            }
          ]
        })
      )

const isRecordId = (value: string): boolean => {
  const parts = value.split("/")
  return parts.length <= 2 && parts.every(Id.isKey)
}

/** Every text in a body that breaks `Text.problem` of `@innokraft/domain` (controls, unpaired surrogates). */
export const hostile = (entity: string, value: unknown): Effect.Effect<void, Invalid> => {
  const found = Text.hostile(value)
  return found.length === 0
    ? Effect.void
    : Effect.fail(
        new Invalid({
          entity,
          problems: found.map((h) => ({ path: h.path.map(String).join("."), message: h.message }))
        })
      )
}

export const text = (entity: string, value: unknown, path: string, max = 10_000): Effect.Effect<string, Invalid> =>
  typeof value === "string" && value.length > 0 && value.length <= max && Text.problem(value) === undefined
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity,
          problems: [
            {
              path,
              message:
                typeof value === "string" && Text.problem(value) !== undefined
                  ? Text.problem(value)!
                  : `expected a non-empty text of at most ${max} characters`
            }
          ]
        })
      )

export const show = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Checks `value` for hostile text, then with a zod schema; every issue becomes a problem with its dotted path. */
export const schema = <T>(entity: string, zod: z.ZodType<T>, value: unknown): Effect.Effect<T, Invalid> =>
  Effect.flatMap(hostile(entity, value), () => {
    const parsed = zod.safeParse(value)
    if (parsed.success) return Effect.succeed(parsed.data)
    return Effect.fail(
      new Invalid({
        entity,
        problems: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String).join("."),
          message: issue.message
        }))
      })
    )
  })
