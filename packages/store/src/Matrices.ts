import { SqlClient, type SqlError } from "@effect/sql"
import { Context, Effect, Layer } from "effect"
import type { Caller } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { requireInside, requireMember, targetOrganisation } from "./internal/rights.js"
import { dialectOf, int, now, parseJson } from "./internal/sql.js"
import * as Validate from "./internal/validate.js"
import { Forbidden, Invalid, NotFound } from "./StoreError.js"

/**
 * An S3 matrix (e.g. employment by region × industry): row and column keys and the values row-major
 * (`values[r * columns.length + c]`, `NaN` for a missing cell).
 *
 * @since 0.1.0
 */
export interface Matrix {
  readonly id: string
  readonly rows: ReadonlyArray<string>
  readonly columns: ReadonlyArray<string>
  readonly values: Float64Array
  readonly note?: string | undefined
}

/**
 * A stored matrix.
 *
 * @since 0.1.0
 */
export interface Stored extends Matrix {
  readonly organisationId: string
  readonly version: number
  readonly createdAt: string
  readonly createdBy: string
}

/**
 * @since 0.1.0
 */
export interface Service {
  /**
   * Stores a matrix in the caller's organisation in batches inside one transaction, replacing a matrix of the
   * same id (its version goes up by one). All cells or none.
   */
  readonly import: (
    caller: Caller,
    matrix: Matrix,
    options?: {
      readonly batchSize?: number | undefined
      readonly onProgress?: ((done: number, total: number) => void) | undefined
    }
  ) => Effect.Effect<Stored, Forbidden | Invalid | SqlError.SqlError>
  readonly get: (
    caller: Caller,
    id: string,
    options?: { readonly organisationId?: string | undefined }
  ) => Effect.Effect<Stored, Forbidden | NotFound | SqlError.SqlError>
  readonly list: (
    caller: Caller,
    options?: { readonly organisationId?: string | undefined }
  ) => Effect.Effect<ReadonlyArray<Omit<Stored, "values">>, Forbidden | SqlError.SqlError>
  readonly remove: (caller: Caller, id: string) => Effect.Effect<void, Forbidden | NotFound | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Matrices extends Context.Tag("@innokraft/store/Matrices")<Matrices, Service>() {}

const cellsPerStatement = 1000

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const dialect = dialectOf(sql)

  const readable = (caller: Caller, organisationId: string | undefined, operation: string) =>
    organisationId === undefined
      ? Effect.fail(new Forbidden({ operation, reason: "only members may read matrices" }))
      : Effect.as(requireInside(caller, operation, organisationId), organisationId)

  const header = (row: Record<string, unknown>) => ({
    id: String(row.id),
    organisationId: String(row.organisation_id),
    version: int(row.version),
    rows: parseJson(row.row_keys) as ReadonlyArray<string>,
    columns: parseJson(row.column_keys) as ReadonlyArray<string>,
    note: row.note === null || row.note === undefined ? undefined : String(row.note),
    createdAt: String(row.created_at),
    createdBy: String(row.created_by)
  })

  const importMatrix: Service["import"] = (caller, matrix, options = {}) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "importing a matrix", "editor")
      const id = yield* Validate.id("matrix", matrix.id)
      yield* Validate.hostile("matrix", { rows: matrix.rows, columns: matrix.columns, note: matrix.note })
      const r = matrix.rows.length
      const c = matrix.columns.length
      if (matrix.values.length !== r * c) {
        return yield* new Invalid({
          entity: "matrix",
          problems: [
            { path: "values", message: `expected ${r} × ${c} = ${r * c} values, found ${matrix.values.length}` }
          ]
        })
      }
      for (const [name, keys] of [
        ["rows", matrix.rows],
        ["columns", matrix.columns]
      ] as const) {
        if (new Set(keys).size !== keys.length) {
          return yield* new Invalid({ entity: "matrix", problems: [{ path: name, message: "expected unique keys" }] })
        }
      }
      const total = r * c
      const batch = Math.max(1, Math.trunc(options.batchSize ?? 10_000))
      const at = now()
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const old = yield* sql`DELETE FROM matrices WHERE organisation_id = ${who.organisationId} AND id = ${id}
            RETURNING version`
          const version = old[0] === undefined ? 1 : int(old[0].version) + 1
          yield* sql`INSERT INTO matrices (organisation_id, id, version, row_keys, column_keys, note, created_at, created_by)
            VALUES (${who.organisationId}, ${id}, ${version}, ${JSON.stringify(matrix.rows)},
              ${JSON.stringify(matrix.columns)}, ${matrix.note ?? null}, ${at}, ${who.actor})`
          for (let from = 0; from < total; from += batch) {
            const to = Math.min(total, from + batch)
            if (dialect === "pg") {
              const rowIndex: Array<number> = []
              const columnIndex: Array<number> = []
              const cellValues: Array<number> = []
              for (let i = from; i < to; i++) {
                const v = matrix.values[i]!
                if (!Number.isFinite(v)) continue
                rowIndex.push(Math.floor(i / c))
                columnIndex.push(i % c)
                cellValues.push(v)
              }
              yield* sql.unsafe(
                `INSERT INTO matrix_cells (organisation_id, matrix_id, row_index, column_index, value)
                 SELECT $1, $2, t.r, t.c, t.v FROM unnest($3::int[], $4::int[], $5::float8[]) AS t (r, c, v)`,
                [who.organisationId, id, rowIndex, columnIndex, cellValues]
              )
            } else {
              for (let start = from; start < to; start += cellsPerStatement) {
                const end = Math.min(to, start + cellsPerStatement)
                const params: Array<unknown> = []
                for (let i = start; i < end; i++) {
                  const v = matrix.values[i]!
                  if (Number.isFinite(v)) params.push(who.organisationId, id, Math.floor(i / c), i % c, v)
                }
                if (params.length > 0) {
                  const tuples = new Array<string>(params.length / 5).fill("(?, ?, ?, ?, ?)").join(", ")
                  yield* sql.unsafe(
                    `INSERT INTO matrix_cells (organisation_id, matrix_id, row_index, column_index, value) VALUES ${tuples}`,
                    params
                  )
                }
              }
            }
            options.onProgress?.(to, total)
          }
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: old[0] === undefined ? "import" : "update",
            entity: "matrix",
            entityId: id,
            version,
            before: old[0] === undefined ? null : { version: version - 1 },
            after: { rows: r, columns: c, version }
          })
          return {
            id,
            organisationId: who.organisationId,
            version,
            rows: matrix.rows,
            columns: matrix.columns,
            values: matrix.values,
            note: matrix.note,
            createdAt: at,
            createdBy: who.actor
          }
        })
      )
    })

  const get: Service["get"] = (caller, id, options = {}) =>
    Effect.gen(function* () {
      const org = yield* readable(caller, targetOrganisation(caller, options.organisationId), "reading a matrix")
      const heads = yield* sql`SELECT * FROM matrices WHERE organisation_id = ${org} AND id = ${id}`
      if (heads[0] === undefined) return yield* new NotFound({ entity: "matrix", id })
      const head = header(heads[0])
      const c = head.columns.length
      const values = new Float64Array(head.rows.length * c).fill(Number.NaN)
      const cells = yield* sql`SELECT row_index, column_index, value FROM matrix_cells
        WHERE organisation_id = ${org} AND matrix_id = ${id}`
      for (const cell of cells) values[int(cell.row_index) * c + int(cell.column_index)] = Number(cell.value)
      return { ...head, values }
    })

  const list: Service["list"] = (caller, options = {}) =>
    Effect.gen(function* () {
      const org = yield* readable(caller, targetOrganisation(caller, options.organisationId), "listing matrices")
      const rows = yield* sql`SELECT * FROM matrices WHERE organisation_id = ${org} ORDER BY id`
      return rows.map(header)
    })

  const remove: Service["remove"] = (caller, id) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "removing a matrix", "editor")
      yield* sql.withTransaction(
        Effect.gen(function* () {
          const rows = yield* sql`DELETE FROM matrices WHERE organisation_id = ${who.organisationId} AND id = ${id}
            RETURNING version`
          if (rows[0] === undefined) return yield* new NotFound({ entity: "matrix", id })
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "delete",
            entity: "matrix",
            entityId: id,
            version: int(rows[0].version),
            before: { version: int(rows[0].version) },
            after: null
          })
        })
      )
    })

  return { import: importMatrix, get, list, remove }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Matrices, never, SqlClient.SqlClient> = Layer.effect(Matrices, make)
