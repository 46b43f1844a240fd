import { Command, ValidationError } from "@effect/cli"
import { Cause, Console, Effect, Exit, Option } from "effect"
import pkg from "../package.json" with { type: "json" }
import { data } from "./commands/Data.js"
import { db, orgs, tokens } from "./commands/Db.js"
import { loop } from "./commands/Loop.js"
import { measure } from "./commands/Measure.js"
import { reference } from "./commands/Reference.js"
import { report } from "./commands/Report.js"
import { s3 } from "./commands/S3.js"
import { serve } from "./commands/Serve.js"
import { users } from "./commands/Users.js"
import { workspace } from "./commands/Workspace.js"

const root = Command.make("innokraft").pipe(
  Command.withDescription(
    "Innokraft: data, methods and tools for regional innovation strategies. Example: innokraft reference counties"
  ),
  Command.withSubcommands([reference, workspace, data, measure, s3, loop, report, db, orgs, tokens, users, serve])
)

// Escape sequences of colours and styles (SGR).
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC is the first character of the sequences removed here
const ANSI = /\u001b\[[0-9;]*m/g

const colours = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !process.env.NO_COLOR

/**
 * The console without colours on a stream that is not a terminal, or with NO_COLOR set: @effect/cli writes its help
 * and errors in colour unconditionally, which shows as escape codes in pipes and files.
 */
const plain = (base: Console.Console): Console.Console => {
  const strip = (args: ReadonlyArray<unknown>) => args.map((a) => (typeof a === "string" ? a.replace(ANSI, "") : a))
  return {
    ...base,
    log: (...args) => base.log(...(colours(process.stdout) ? args : strip(args))),
    error: (...args) => base.error(...(colours(process.stderr) ? args : strip(args)))
  }
}

/**
 * Runs the CLI on `process.argv`. Domain failures are printed as `innokraft: <message>` on stderr.
 *
 * @since 0.1.0
 */
export const run = (argv: ReadonlyArray<string>) =>
  Effect.flatMap(Effect.console, (base) =>
    Command.run(root, { name: "innokraft", version: pkg.version })(argv).pipe(
      Effect.tapError((error) =>
        ValidationError.isValidationError(error) ? Effect.void : Console.error(`innokraft: ${error.message}`)
      ),
      Console.withConsole(plain(base))
    )
  )

/**
 * The process exit code for a finished run: 0 on success, 2 on wrong usage (unknown command or flag, a missing
 * argument), 1 on invalid input or a failed check, 130 when stopped by a signal.
 *
 * @since 0.1.0
 */
export const exitCode = (exit: Exit.Exit<unknown, unknown>): number => {
  if (Exit.isSuccess(exit)) return 0
  // Stopped by Ctrl-C or SIGTERM (e.g. `serve`): the shell convention 128 + SIGINT.
  if (Cause.isInterruptedOnly(exit.cause)) return 130
  const failure = Cause.failureOption(exit.cause)
  if (Option.isSome(failure) && ValidationError.isValidationError(failure.value)) {
    // --help and --version end with a "help requested" validation error in some versions: that is a success.
    return failure.value._tag === "HelpRequested" ? 0 : 2
  }
  return 1
}
