import { FileSystem, Path } from "@effect/platform"
import { Effect } from "effect"
import { InputError } from "../CliError.js"

/** Reads a text file, or fails with an InputError that names the path and the reason. Inputs are never modified. */
export const readText = (path: string) =>
  Effect.flatMap(FileSystem.FileSystem, (fs) =>
    fs.readFileString(path, "utf8").pipe(
      Effect.mapError(
        (error) =>
          new InputError({
            message:
              error._tag === "SystemError" && error.reason === "NotFound"
                ? `${path}: no such file`
                : `${path}: cannot be read (${error.message})`
          })
      )
    )
  )

/** Where a JSON syntax error sits, as `line L, column C`, computed from the character offset node reports. */
const position = (text: string, message: string): string => {
  const match = /position (\d+)/.exec(message)
  if (!match) return ""
  const offset = Number(match[1])
  const before = text.slice(0, offset).split("\n")
  return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`
}

/** Reads and parses a JSON file; a syntax error names the file, line and column. */
export const readJson = (path: string) =>
  Effect.flatMap(readText(path), (text) =>
    Effect.try({
      try: () => JSON.parse(text) as unknown,
      catch: (error) =>
        new InputError({
          message: `${path}: not valid JSON${position(text, String((error as Error).message))}: ${(error as Error).message}`
        })
    })
  )

/**
 * Writes a file atomically: the parts (text as UTF-8, bytes as they are) go in order to a temporary file beside the
 * target, which is then renamed over it, so an interrupted run never leaves a half-written output.
 */
export const writeAtomic = (path: string, ...parts: ReadonlyArray<string | Uint8Array>) =>
  Effect.gen(function* () {
    const fs = yield* FileSystem.FileSystem
    const p = yield* Path.Path
    const target = p.resolve(path)
    const temporary = p.join(p.dirname(target), `.${p.basename(target)}.${process.pid}.${Date.now()}.tmp`)
    const encoder = new TextEncoder()
    const write = Effect.scoped(
      Effect.flatMap(fs.open(temporary, { flag: "w" }), (file) =>
        Effect.forEach(parts, (part) => file.writeAll(typeof part === "string" ? encoder.encode(part) : part), {
          discard: true
        })
      )
    )
    yield* write.pipe(
      Effect.zipRight(fs.rename(temporary, target)),
      Effect.tapError(() => fs.remove(temporary).pipe(Effect.ignore)),
      Effect.mapError((error) => new InputError({ message: `${path}: cannot be written (${error.message})` }))
    )
  })

/** Writes JSON (two-space indent, trailing newline) atomically. */
export const writeJson = (path: string, value: unknown) => writeAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
