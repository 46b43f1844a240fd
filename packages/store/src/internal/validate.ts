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
 * A record id: the kind's schema has checked its form already (a slug for `@innokraft/domain`, any trimmed text
 * for `@innokraft/loop`); here only length and control characters.
 */
export const recordId = (entity: string, value: unknown): Effect.Effect<string, Invalid> =>
  typeof value === "string" && value.length > 0 && value.length <= 200 && !hasControl(value)
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({
          entity,
          problems: [
            {
              path: "id",
              message: `expected an id of 1 to 200 characters without control characters, found ${show(value)}`
            }
          ]
        })
      )

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this rejects
const control = /[\u0000-\u001f\u007f]/

const hasControl = (text: string): boolean => control.test(text)

export const text = (entity: string, value: unknown, path: string, max = 10_000): Effect.Effect<string, Invalid> =>
  typeof value === "string" && value.length > 0 && value.length <= max
    ? Effect.succeed(value)
    : Effect.fail(
        new Invalid({ entity, problems: [{ path, message: `expected a non-empty text of at most ${max} characters` }] })
      )

export const show = (value: unknown): string => {
  const text = typeof value === "string" ? JSON.stringify(value) : String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/** Checks `value` with a zod schema; every issue becomes a problem with its dotted path. */
export const schema = <T>(entity: string, zod: z.ZodType<T>, value: unknown): Effect.Effect<T, Invalid> => {
  const parsed = zod.safeParse(value)
  if (parsed.success) return Effect.succeed(parsed.data)
  return Effect.fail(
    new Invalid({
      entity,
      problems: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }))
    })
  )
}
