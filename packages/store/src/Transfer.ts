import { SqlClient, type SqlError } from "@effect/sql"
import { Workspace } from "@innokraft/domain"
import { Context, Effect, Layer } from "effect"
import { actorOf, type Caller } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { check, deleteObservations, writer } from "./internal/bulk.js"
import { requireAdminOf } from "./internal/rights.js"
import { dialectOf, int, lockOrganisation, now, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import * as Kinds from "./Kinds.js"
import type { Visibility } from "./Records.js"
import { Conflict, type Forbidden, Invalid, NotFound } from "./StoreError.js"

/**
 * The name in every export document's `format` field.
 *
 * @since 0.1.0
 */
export const format = "innokraft-store-export"

/**
 * The export format's version.
 *
 * @since 0.1.0
 */
export const version = 1

/**
 * One organisation's data as portable JSON: the strategy model as an `@innokraft/domain` workspace document,
 * the other records (Innovation Loop …), runs, loop transitions, observations and matrices. The same document
 * moves data between SQLite and PostgreSQL.
 *
 * @since 0.1.0
 */
export interface ExportDocument {
  readonly format: typeof format
  readonly version: typeof version
  readonly exportedAt: string
  readonly organisation: { readonly id: string; readonly name: string }
  /** The domain records as a workspace document (absent when the organisation has no region yet). */
  readonly workspace?: Workspace.Workspace | undefined
  /** Records not in `workspace`. */
  readonly records: ReadonlyArray<{ readonly kind: string; readonly id: string; readonly body: unknown }>
  /** The visibility of every record (of `workspace` and `records`), as `[kind, id, visibility]`. */
  readonly visibility: ReadonlyArray<readonly [string, string, Visibility]>
  readonly runs: ReadonlyArray<{
    readonly id: string
    readonly kind: string
    readonly visibility: Visibility
    readonly status: string
    readonly parameters: unknown
    readonly result: unknown
  }>
  readonly transitions: ReadonlyArray<{
    readonly cycleId: string
    readonly ideaId: string | null
    readonly from: string
    readonly to: string
    readonly at: string
    readonly actor: string
    readonly reason: string | null
    readonly body: unknown
  }>
  readonly observations: {
    readonly indicator: ReadonlyArray<string>
    readonly unit: ReadonlyArray<string>
    readonly period: ReadonlyArray<string>
    readonly breakdown: ReadonlyArray<string>
    readonly value: ReadonlyArray<number | null>
  }
  readonly matrices: ReadonlyArray<{
    readonly id: string
    readonly rows: ReadonlyArray<string>
    readonly columns: ReadonlyArray<string>
    readonly values: ReadonlyArray<number | null>
    readonly note: string | null
  }>
}

/**
 * What an import wrote.
 *
 * @since 0.1.0
 */
export interface ImportSummary {
  readonly organisationId: string
  readonly records: number
  readonly runs: number
  readonly transitions: number
  readonly observations: number
  readonly matrices: number
}

/**
 * @since 0.1.0
 */
export interface Service {
  /**
   * Exports one organisation (its admins, or the system caller). Personal data (contacts, participations) and
   * pseudonymous values (idea teams, supports) are left out unless `personalData` is `true`.
   */
  readonly export: (
    caller: Caller,
    organisationId: string,
    options?: { readonly personalData?: boolean | undefined }
  ) => Effect.Effect<ExportDocument, Forbidden | NotFound | SqlError.SqlError>
  /**
   * Imports an export document in one transaction (all or nothing). The organisation (`organisationId`, default
   * the document's) is created when missing (system caller only); an organisation that already holds data is a
   * `Conflict` unless `replace` is `true`, which first deletes its data.
   */
  readonly import: (
    caller: Caller,
    document: unknown,
    options?: { readonly organisationId?: string | undefined; readonly replace?: boolean | undefined }
  ) => Effect.Effect<ImportSummary, Forbidden | Invalid | Conflict | NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Transfer extends Context.Tag("@innokraft/store/Transfer")<Transfer, Service>() {}

const workspaceKinds = new Map<string, keyof typeof Kinds.workspace>(
  Object.entries(Kinds.workspace).map(([list, kind]) => [kind.name, list as keyof typeof Kinds.workspace])
)

const personalKinds = new Set(Kinds.all.filter((kind) => kind.personal).map((kind) => kind.name))

/**
 * Pseudonymous values inside records and transitions that are not personal as a whole: an idea's `team` (the
 * participants behind it) and the `supports` of a cycle (who supported which idea). An export without personal
 * data empties them.
 */
const pseudonymous: Readonly<Record<string, ReadonlyArray<string>>> = { [Kinds.loopIdea.name]: ["team"] }
const pseudonymousInTransitions = ["supports", "team"]

const withoutFields = (body: unknown, fields: ReadonlyArray<string> | undefined): unknown => {
  if (fields === undefined || typeof body !== "object" || body === null || Array.isArray(body)) return body
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) }
  for (const field of fields) if (Array.isArray(out[field])) out[field] = []
  return out
}

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const dialect = dialectOf(sql)

  const exportDocument: Service["export"] = (caller, organisationId, options = {}) =>
    Effect.gen(function* () {
      yield* requireAdminOf(caller, "exporting an organisation", organisationId)
      const orgs = yield* sql`SELECT id, name FROM organisations WHERE id = ${organisationId}`
      if (orgs[0] === undefined) return yield* new NotFound({ entity: "organisation", id: organisationId })
      const personal = options.personalData === true
      const rows = yield* sql`SELECT kind, id, visibility, body FROM records WHERE organisation_id = ${organisationId}
        ORDER BY kind, id`
      const kept = rows.filter((row) => personal || !personalKinds.has(String(row.kind)))
      const hasRegion = kept.some((row) => row.kind === Kinds.region.name)
      const lists: Record<string, Array<unknown>> = {}
      for (const list of Object.keys(Kinds.workspace)) lists[list] = []
      const records: Array<{ kind: string; id: string; body: unknown }> = []
      const visibility: Array<readonly [string, string, Visibility]> = []
      for (const row of kept) {
        const kind = String(row.kind)
        const body = personal ? parseJson(row.body) : withoutFields(parseJson(row.body), pseudonymous[kind])
        visibility.push([kind, String(row.id), row.visibility as Visibility])
        const list = workspaceKinds.get(kind)
        if (hasRegion && list !== undefined) lists[list]!.push(body)
        else records.push({ kind, id: String(row.id), body })
      }
      const workspace = hasRegion
        ? ({ format: Workspace.format, version: Workspace.version, ...lists } as unknown as Workspace.Workspace)
        : undefined
      const runs = yield* sql`SELECT id, kind, visibility, status, parameters, result FROM runs
        WHERE organisation_id = ${organisationId} ORDER BY created_at, id`
      const transitions = yield* sql`SELECT cycle_id, idea_id, from_state, to_state, at, actor, reason, body
        FROM loop_transitions WHERE organisation_id = ${organisationId} ORDER BY seq`
      const observations = yield* sql`SELECT s.indicator, s.unit, o.period, s.breakdown, o.value
        FROM series s JOIN observations o ON o.series_id = s.id
        WHERE s.organisation_id = ${organisationId} ORDER BY s.indicator, s.unit, o.period, s.breakdown`
      const matrices = yield* sql`SELECT id, row_keys, column_keys, note FROM matrices
        WHERE organisation_id = ${organisationId} ORDER BY id`
      const matrixDocs = []
      for (const matrix of matrices) {
        const rowKeys = parseJson(matrix.row_keys) as ReadonlyArray<string>
        const columnKeys = parseJson(matrix.column_keys) as ReadonlyArray<string>
        const values: Array<number | null> = new Array(rowKeys.length * columnKeys.length).fill(null)
        const cells = yield* sql`SELECT row_index, column_index, value FROM matrix_cells
          WHERE organisation_id = ${organisationId} AND matrix_id = ${String(matrix.id)}`
        for (const cell of cells) {
          values[int(cell.row_index) * columnKeys.length + int(cell.column_index)] = Number(cell.value)
        }
        matrixDocs.push({
          id: String(matrix.id),
          rows: rowKeys,
          columns: columnKeys,
          values,
          note: matrix.note === null || matrix.note === undefined ? null : String(matrix.note)
        })
      }
      const document: ExportDocument = {
        format,
        version,
        exportedAt: now(),
        organisation: { id: String(orgs[0].id), name: String(orgs[0].name) },
        workspace,
        records,
        visibility,
        runs: runs.map((row) => ({
          id: String(row.id),
          kind: String(row.kind),
          visibility: row.visibility as Visibility,
          status: String(row.status),
          parameters: parseJson(row.parameters),
          result: parseJson(row.result)
        })),
        transitions: transitions.map((row) => ({
          cycleId: String(row.cycle_id),
          ideaId: row.idea_id === null || row.idea_id === undefined ? null : String(row.idea_id),
          from: String(row.from_state),
          to: String(row.to_state),
          at: String(row.at),
          actor: String(row.actor),
          reason: row.reason === null || row.reason === undefined ? null : String(row.reason),
          body: personal ? parseJson(row.body) : withoutFields(parseJson(row.body), pseudonymousInTransitions)
        })),
        observations: {
          indicator: observations.map((row) => String(row.indicator)),
          unit: observations.map((row) => String(row.unit)),
          period: observations.map((row) => String(row.period)),
          breakdown: observations.map((row) => String(row.breakdown)),
          value: observations.map((row) => (row.value === null ? null : Number(row.value)))
        },
        matrices: matrixDocs
      }
      if (workspace === undefined) {
        const { workspace: _, ...rest } = document
        return rest
      }
      return document
    })

  const invalid = (path: string, message: string) =>
    new Invalid({ entity: "export document", problems: [{ path, message }] })

  /** Checks a document's shape and returns its records as `[kind, body]`, every body checked by its kind's schema. */
  const decode = (input: unknown) =>
    Effect.gen(function* () {
      if (typeof input !== "object" || input === null) return yield* invalid("", "expected an export document object")
      const doc = input as Partial<ExportDocument>
      if (doc.format !== format) return yield* invalid("format", `expected "${format}"`)
      if (doc.version !== version) return yield* invalid("version", `expected ${version}`)
      const entries: Array<{ kind: Kinds.AnyKind; body: { readonly id: string }; path: string }> = []
      if (doc.workspace !== undefined) {
        const parsed = Workspace.parse(doc.workspace)
        if (!parsed.ok) {
          return yield* new Invalid({
            entity: "workspace",
            problems: parsed.problems.map((p) => ({ path: `workspace.${p.path}`, message: p.message }))
          })
        }
        for (const [list, kind] of Object.entries(Kinds.workspace)) {
          const bodies =
            (parsed.workspace as unknown as Record<string, ReadonlyArray<{ readonly id: string }>>)[list] ?? []
          bodies.forEach((body, i) => {
            entries.push({ kind: kind as unknown as Kinds.AnyKind, body, path: `workspace.${list}.${i}` })
          })
        }
      }
      const records = Array.isArray(doc.records) ? doc.records : []
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!
        const kind = Kinds.byName(String(record.kind))
        if (kind === undefined) return yield* invalid(`records.${i}.kind`, `unknown kind "${String(record.kind)}"`)
        const body = yield* Validate.schema(kind.name, kind.schema, record.body)
        entries.push({ kind, body, path: `records.${i}` })
      }
      return { doc, entries }
    })

  const importDocument: Service["import"] = (caller, input, options = {}) =>
    Effect.gen(function* () {
      const { doc, entries } = yield* decode(input)
      const organisationId = yield* Validate.id(
        "organisation",
        options.organisationId ?? doc.organisation?.id,
        "organisation.id"
      )
      yield* requireAdminOf(caller, "importing an organisation", organisationId)
      const actor = actorOf(caller)
      const at = now()
      const visibilityOf = new Map<string, Visibility>()
      for (const [kind, id, v] of doc.visibility ?? []) visibilityOf.set(`${kind}/${id}`, v)
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* lockOrganisation(sql, organisationId)
          const existing = yield* sql`SELECT id FROM organisations WHERE id = ${organisationId}`
          if (existing.length === 0) {
            if (caller._tag !== "System") return yield* new NotFound({ entity: "organisation", id: organisationId })
            const name = yield* Validate.text("organisation", doc.organisation?.name, "organisation.name", 500)
            yield* sql`INSERT INTO organisations (id, name, created_at, created_by)
              VALUES (${organisationId}, ${name}, ${at}, ${actor})`
          } else {
            const held = yield* sql`SELECT 1 AS x FROM records WHERE organisation_id = ${organisationId}
              UNION ALL SELECT 1 FROM series WHERE organisation_id = ${organisationId}
              UNION ALL SELECT 1 FROM runs WHERE organisation_id = ${organisationId}
              UNION ALL SELECT 1 FROM matrices WHERE organisation_id = ${organisationId} LIMIT 1`
            if (held.length > 0) {
              if (options.replace !== true) {
                return yield* new Conflict({
                  entity: "organisation",
                  id: organisationId,
                  reason: "the organisation already holds data; import with replace to overwrite it"
                })
              }
              yield* deleteObservations(sql, organisationId)
              for (const table of ["loop_transitions", "records", "series", "runs", "matrices"]) {
                yield* sql`DELETE FROM ${sql(table)} WHERE organisation_id = ${organisationId}`
              }
            }
          }
          const seen = new Set<string>()
          for (const { kind, body, path } of entries) {
            const key = `${kind.name}/${body.id}`
            if (seen.has(key)) return yield* invalid(path, `duplicate ${kind.name} id "${body.id}"`)
            seen.add(key)
            const visibility = kind.visibility(body) ?? visibilityOf.get(key) ?? kind.defaultVisibility
            yield* sql`INSERT INTO records (organisation_id, kind, id, version, visibility, status, body, created_at,
                created_by, updated_at, updated_by)
              VALUES (${organisationId}, ${kind.name}, ${body.id}, 1, ${visibility}, ${kind.status(body) ?? null},
                ${JSON.stringify(body)}, ${at}, ${actor}, ${at}, ${actor})`
          }
          const runs = doc.runs ?? []
          for (const run of runs) {
            const id = yield* Validate.id("run", run.id)
            yield* sql`INSERT INTO runs (organisation_id, id, kind, version, visibility, status, parameters, result,
                created_at, created_by, updated_at, updated_by)
              VALUES (${organisationId}, ${id}, ${run.kind}, 1, ${run.visibility}, ${run.status},
                ${JSON.stringify(run.parameters ?? null)}, ${run.result === null || run.result === undefined ? null : JSON.stringify(run.result)},
                ${at}, ${actor}, ${at}, ${actor})`
          }
          const transitions = doc.transitions ?? []
          for (const t of transitions) {
            yield* sql`INSERT INTO loop_transitions (organisation_id, cycle_id, idea_id, from_state, to_state, at, actor,
                reason, body)
              VALUES (${organisationId}, ${t.cycleId}, ${t.ideaId}, ${t.from}, ${t.to}, ${t.at}, ${t.actor}, ${t.reason},
                ${t.body === null || t.body === undefined ? null : JSON.stringify(t.body)})`
          }
          const o = doc.observations
          const observations = o?.indicator.length ?? 0
          if (o !== undefined && observations > 0) {
            const columns = {
              indicator: o.indicator,
              unit: o.unit,
              period: o.period,
              breakdown: o.breakdown,
              value: Float64Array.from(o.value, (v) => (v === null ? Number.NaN : v))
            }
            yield* Effect.mapError(
              check(columns),
              (e) =>
                new Invalid({
                  entity: "export document",
                  problems: e.problems.map((p) => ({ path: `observations.${p.path}`, message: p.message }))
                })
            )
            const bulk = writer(sql, dialect, organisationId, "transfer")
            for (let from = 0; from < observations; from += 10_000) {
              yield* bulk.write(columns, from, Math.min(observations, from + 10_000))
            }
          }
          const matrices = doc.matrices ?? []
          for (const m of matrices) {
            yield* sql`INSERT INTO matrices (organisation_id, id, version, row_keys, column_keys, note, created_at, created_by)
              VALUES (${organisationId}, ${m.id}, 1, ${JSON.stringify(m.rows)}, ${JSON.stringify(m.columns)}, ${m.note},
                ${at}, ${actor})`
            for (let i = 0; i < m.values.length; i++) {
              const v = m.values[i]
              if (v === null || v === undefined) continue
              yield* sql`INSERT INTO matrix_cells (organisation_id, matrix_id, row_index, column_index, value)
                VALUES (${organisationId}, ${m.id}, ${Math.floor(i / m.columns.length)}, ${i % m.columns.length}, ${v})`
            }
          }
          const summary: ImportSummary = {
            organisationId,
            records: entries.length,
            runs: runs.length,
            transitions: transitions.length,
            observations,
            matrices: matrices.length
          }
          yield* Audit.write(sql, {
            organisationId,
            actor,
            action: "import",
            entity: "organisation",
            entityId: organisationId,
            version: null,
            before: null,
            after: summary
          })
          return summary
        })
      )
    })

  return { export: exportDocument, import: importDocument }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Transfer, never, SqlClient.SqlClient> = Layer.effect(Transfer, make)
