import { Command, Options } from "@effect/cli"
import type { Users } from "@innokraft/store"
import { Console, Effect } from "effect"
import { databaseUrl } from "../internal/Database.js"
import { printRows } from "../internal/Output.js"

/** The store, loaded only by the commands that use it. */
const store = Effect.promise(() => import("../internal/StoreModule.js"))

const org = Options.text("org").pipe(Options.withDescription("The organisation the person belongs to"))

const invite = Command.make(
  "invite",
  {
    databaseUrl,
    org,
    email: Options.text("email").pipe(Options.withDescription("The person's e-mail address (their sign-in name)")),
    role: Options.choice("role", ["viewer", "editor", "admin"] as const).pipe(
      Options.withDescription("viewer reads, editor writes, admin also invites")
    ),
    url: Options.text("url").pipe(
      Options.withDescription("Where the server is reached (default http://$HOST:$PORT or http://127.0.0.1:8787)"),
      Options.withDefault(`http://${process.env.HOST ?? "127.0.0.1"}:${process.env.PORT ?? "8787"}`)
    )
  },
  ({ databaseUrl, org, email, role, url }) =>
    Effect.gen(function* () {
      const S = yield* store
      const invited = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Users.Users, (u) => u.invite(S.Caller.system(), { organisationId: org, email, role }))
      )
      // The link goes to stdout once (no mail server needed); the database keeps only a hash of its secret.
      yield* Console.log(`${url.replace(/\/+$/, "")}/app/invite?token=${invited.token}`)
      yield* Console.error(
        `${invited.user.email} (${role} of ${org}): the link sets a password once and is valid until ${invited.expiresAt}`
      )
    })
).pipe(
  Command.withDescription(
    "Invites a person to the web workspace and prints a one-time link to set their password; inviting them again resets it. Example: innokraft users invite --org region-vasterbotten --email anna@example.se --role editor"
  )
)

const list = Command.make(
  "list",
  { databaseUrl, org, json: Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text")) },
  ({ databaseUrl, org, json }) =>
    Effect.gen(function* () {
      const S = yield* store
      const users = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Users.Users, (u) => u.list(S.Caller.system(), org))
      )
      yield* printRows(
        json,
        [
          { header: "email", cell: (u: Users.User) => u.email },
          { header: "role", cell: (u) => u.role },
          { header: "password set", cell: (u) => (u.active ? "yes" : "no") },
          { header: "created", cell: (u) => u.createdAt }
        ],
        users
      )
    })
).pipe(
  Command.withDescription(
    "Lists the people of an organisation (never their passwords). Example: innokraft users list --org region-vasterbotten"
  )
)

/**
 * `innokraft users …`: people who sign in to the web workspace.
 *
 * @since 0.1.0
 */
export const users = Command.make("users").pipe(
  Command.withDescription("People of the web workspace: invite (one-time link to set a password), list."),
  Command.withSubcommands([invite, list])
)
