import { Args, Command, Options } from "@effect/cli"
import type { Organisations, Tokens } from "@innokraft/store"
import { Console, Effect, Option } from "effect"
import { InputError } from "../CliError.js"
import { databaseUrl, isPostgres, redact } from "../internal/Database.js"
import { readJson, writeJson } from "../internal/Files.js"
import { printJson, printRows } from "../internal/Output.js"

/** The store, loaded only by the commands that use it. */
const store = Effect.promise(() => import("../internal/StoreModule.js"))

const json = Options.boolean("json").pipe(Options.withDescription("Print JSON instead of text"))

const migrate = Command.make("migrate", { databaseUrl }, ({ databaseUrl }) =>
  Effect.gen(function* () {
    const S = yield* store
    const versions = yield* S.withStore(databaseUrl, S.Migrations.applied)
    yield* Console.log(`${redact(databaseUrl)}: schema at version ${versions.at(-1)} (applied: ${versions.join(", ")})`)
  })
).pipe(
  Command.withDescription(
    "Creates or upgrades the database schema (forward-only migrations). Example: innokraft db migrate"
  )
)

const requireSqlite = (url: string, what: string) =>
  isPostgres(url)
    ? Effect.fail(new InputError({ message: `${what} works on SQLite files; for PostgreSQL use pg_dump / pg_restore` }))
    : Effect.void

const backup = Command.make(
  "backup",
  { databaseUrl, file: Args.file({ name: "backup.db", exists: "no" }) },
  ({ databaseUrl, file }) =>
    Effect.gen(function* () {
      yield* requireSqlite(databaseUrl, "db backup")
      const S = yield* store
      yield* S.withStore(databaseUrl, S.Backup.toFile(S.sqlitePath(file)))
      yield* Console.log(`${redact(databaseUrl)}: backed up to ${file}`)
    })
).pipe(
  Command.withDescription(
    "An online backup of an SQLite database to a new file, safe while the API runs. Example: innokraft db backup backups/2026-11-22.db"
  )
)

const restore = Command.make(
  "restore",
  { databaseUrl, file: Args.file({ name: "backup.db", exists: "yes" }) },
  ({ databaseUrl, file }) =>
    Effect.gen(function* () {
      yield* requireSqlite(databaseUrl, "db restore")
      const S = yield* store
      yield* S.Backup.restore({ from: file, to: S.sqlitePath(databaseUrl) }).pipe(Effect.mapError(S.storeError))
      yield* Console.log(`${redact(databaseUrl)}: restored from ${file}`)
    })
).pipe(
  Command.withDescription(
    "Restores an SQLite backup (stop the API first). Example: innokraft db restore backups/2026-11-22.db"
  )
)

const exportCommand = Command.make(
  "export",
  {
    databaseUrl,
    org: Options.text("org").pipe(Options.withDescription("The organisation to export")),
    personalData: Options.boolean("personal-data").pipe(Options.withDescription("Include contacts and participants")),
    out: Options.file("out").pipe(Options.withDescription("Write here instead of stdout"), Options.optional)
  },
  ({ databaseUrl, org, personalData, out }) =>
    Effect.gen(function* () {
      const S = yield* store
      const document = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Transfer.Transfer, (t) => t.export(S.Caller.system(), org, { personalData }))
      )
      if (Option.isNone(out)) return yield* printJson(document)
      yield* writeJson(out.value, document)
      yield* Console.log(`${out.value}: ${document.records.length} records of ${org} written`)
    })
).pipe(
  Command.withDescription(
    "Exports one organisation's data as portable JSON (moves data between SQLite and PostgreSQL). Example: innokraft db export --org region-vasterbotten --out vb.json"
  )
)

const importCommand = Command.make(
  "import",
  {
    databaseUrl,
    file: Args.file({ name: "export.json", exists: "either" }),
    replace: Options.boolean("replace").pipe(Options.withDescription("Replace the organisation's existing data"))
  },
  ({ databaseUrl, file, replace }) =>
    Effect.gen(function* () {
      const document = yield* readJson(file)
      const S = yield* store
      const summary = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Transfer.Transfer, (t) => t.import(S.Caller.system(), document, { replace }))
      )
      yield* Console.log(
        `${file}: imported into ${summary.organisationId} — ${summary.records} records, ${summary.runs} runs, ${summary.transitions} transitions, ${summary.observations} observations, ${summary.matrices} matrices`
      )
    })
).pipe(
  Command.withDescription(
    "Imports an export file, all or nothing. Example: innokraft db import vb.json --database-url postgres://user:pass@localhost/innokraft"
  )
)

/**
 * `innokraft db …`: the database of the API, on SQLite or PostgreSQL.
 *
 * @since 0.1.0
 */
export const db = Command.make("db").pipe(
  Command.withDescription("The database: migrate, back up, restore, export and import an organisation."),
  Command.withSubcommands([migrate, backup, restore, exportCommand, importCommand])
)

const orgCreate = Command.make(
  "create",
  {
    databaseUrl,
    id: Options.text("id").pipe(Options.withDescription('A slug such as "region-vasterbotten"')),
    name: Options.text("name")
  },
  ({ databaseUrl, id, name }) =>
    Effect.gen(function* () {
      const S = yield* store
      const org = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Organisations.Organisations, (o) => o.create(S.Caller.system(), { id, name }))
      )
      yield* Console.log(`organisation ${org.id} created`)
    })
).pipe(
  Command.withDescription(
    'Creates an organisation. Example: innokraft orgs create --id region-vasterbotten --name "Region Västerbotten"'
  )
)

const orgList = Command.make("list", { databaseUrl, json }, ({ databaseUrl, json }) =>
  Effect.gen(function* () {
    const S = yield* store
    const orgs = yield* S.withStore(
      databaseUrl,
      Effect.flatMap(S.Organisations.Organisations, (o) => o.list(S.Caller.system()))
    )
    yield* printRows(
      json,
      [
        { header: "id", cell: (o: Organisations.Organisation) => o.id },
        { header: "name", cell: (o) => o.name },
        { header: "created", cell: (o) => o.createdAt }
      ],
      orgs
    )
  })
).pipe(Command.withDescription("Lists the organisations. Example: innokraft orgs list"))

/**
 * `innokraft orgs …`: the organisations (tenants) of an installation.
 *
 * @since 0.1.0
 */
export const orgs = Command.make("orgs").pipe(
  Command.withDescription("Organisations (tenants): every record belongs to one."),
  Command.withSubcommands([orgCreate, orgList])
)

const roles = ["viewer", "editor", "admin"] as const

const tokenCreate = Command.make(
  "create",
  {
    databaseUrl,
    org: Options.text("org").pipe(Options.withDescription("The organisation the token acts for")),
    role: Options.choice("role", roles).pipe(
      Options.withDescription("viewer reads, editor writes, admin also manages")
    ),
    label: Options.text("label").pipe(Options.withDescription("What the token is for"), Options.withDefault("cli"))
  },
  ({ databaseUrl, org, role, label }) =>
    Effect.gen(function* () {
      const S = yield* store
      const created = yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Tokens.Tokens, (t) => t.create(S.Caller.system(), { organisationId: org, role, label }))
      )
      // The secret goes to stdout once; the database keeps only its hash.
      yield* Console.log(created.token)
      yield* Console.error(
        `token ${created.id} (${created.prefix}…) for ${org} as ${role}: store it now, it is not shown again`
      )
    })
).pipe(
  Command.withDescription(
    "Creates an API token; the secret is shown once and stored hashed. Example: innokraft tokens create --org region-vasterbotten --role editor"
  )
)

const tokenList = Command.make("list", { databaseUrl, json, org: Options.text("org") }, ({ databaseUrl, json, org }) =>
  Effect.gen(function* () {
    const S = yield* store
    const tokens = yield* S.withStore(
      databaseUrl,
      Effect.flatMap(S.Tokens.Tokens, (t) => t.list(S.Caller.system(), org))
    )
    yield* printRows(
      json,
      [
        { header: "id", cell: (t: Tokens.TokenInfo) => t.id },
        { header: "prefix", cell: (t) => t.prefix },
        { header: "role", cell: (t) => t.role },
        { header: "label", cell: (t) => t.label },
        { header: "created", cell: (t) => t.createdAt },
        { header: "revoked", cell: (t) => t.revokedAt ?? "" }
      ],
      tokens
    )
  })
).pipe(
  Command.withDescription(
    "Lists an organisation's tokens (never their secrets). Example: innokraft tokens list --org region-vasterbotten"
  )
)

const tokenRevoke = Command.make(
  "revoke",
  { databaseUrl, id: Args.text({ name: "token-id" }) },
  ({ databaseUrl, id }) =>
    Effect.gen(function* () {
      const S = yield* store
      yield* S.withStore(
        databaseUrl,
        Effect.flatMap(S.Tokens.Tokens, (t) => t.revoke(S.Caller.system(), id))
      )
      yield* Console.log(`token ${id} revoked`)
    })
).pipe(Command.withDescription("Revokes a token at once. Example: innokraft tokens revoke <token-id>"))

/**
 * `innokraft tokens …`: API tokens per organisation and role.
 *
 * @since 0.1.0
 */
export const tokens = Command.make("tokens").pipe(
  Command.withDescription("API tokens: create (shown once), list, revoke."),
  Command.withSubcommands([tokenCreate, tokenList, tokenRevoke])
)
