import { randomBytes } from "node:crypto"
import { SqlClient, type SqlError } from "@effect/sql"
import { Csv } from "@innokraft/csv"
import { Context, Effect, Layer } from "effect"
import type { Caller } from "./Caller.js"
import * as Audit from "./internal/audit.js"
import { check, writer } from "./internal/bulk.js"
import { requireInside, requireMember, targetOrganisation } from "./internal/rights.js"
import { dialectOf, int, lockOrganisation } from "./internal/sql.js"
import { Forbidden, type Invalid } from "./StoreError.js"

/**
 * Indicator observations in columns: row `i` is `indicator[i]` for `unit[i]` (a NUTS, county or municipality
 * code) in `period[i]` (`"2017"`, `"2017-Q2"` …), broken down by `breakdown[i]` (`""` for the total), with
 * `value[i]` (`NaN` when not available).
 *
 * @since 0.1.0
 */
export interface Columns {
  readonly indicator: ReadonlyArray<string>
  readonly unit: ReadonlyArray<string>
  readonly period: ReadonlyArray<string>
  readonly value: Float64Array
  readonly breakdown?: ReadonlyArray<string> | undefined
}

/**
 * Options of {@link Service.import}.
 *
 * @since 0.1.0
 */
export interface ImportOptions {
  /** Rows per batch; `onProgress` is called after each (default 10,000). */
  readonly batchSize?: number | undefined
  readonly onProgress?: ((done: number, total: number) => void) | undefined
  /** Names the import (default: random); {@link Service.removeImport} takes it. */
  readonly importId?: string | undefined
}

/**
 * What an import did.
 *
 * @since 0.1.0
 */
export interface ImportResult {
  readonly importId: string
  readonly rows: number
}

/**
 * Filters of {@link Service.query}; all optional.
 *
 * @since 0.1.0
 */
export interface Query {
  readonly organisationId?: string | undefined
  readonly indicator?: string | undefined
  readonly unit?: string | undefined
  readonly period?: string | undefined
}

/**
 * @since 0.1.0
 */
export interface Service {
  /**
   * Imports observations into the caller's organisation in batches inside one transaction: all rows or none.
   * A row whose (indicator, unit, period, breakdown) exists replaces its value.
   */
  readonly import: (
    caller: Caller,
    columns: Columns,
    options?: ImportOptions
  ) => Effect.Effect<ImportResult, Forbidden | Invalid | SqlError.SqlError>
  /** Reads observations (members of the organisation only), ordered by indicator, unit, period, breakdown. */
  readonly query: (caller: Caller, query?: Query) => Effect.Effect<Columns, Forbidden | SqlError.SqlError>
  readonly count: (caller: Caller, organisationId?: string) => Effect.Effect<number, Forbidden | SqlError.SqlError>
  /** Deletes every row an import wrote (and that no later import replaced); returns the count. */
  readonly removeImport: (caller: Caller, importId: string) => Effect.Effect<number, Forbidden | SqlError.SqlError>
}

/**
 * @since 0.1.0
 */
export class Observations extends Context.Tag("@innokraft/store/Observations")<Observations, Service>() {}

/**
 * Reads observation columns from CSV text (e.g. an SCB or Eurostat download), naming the columns to use. Empty
 * cells and `..` become `NaN`; rows whose value is missing are kept, so that "not available" is recorded.
 *
 * @example
 * ```ts
 * const columns = Observations.fromCsv(text, { indicator: "rd_private_eur_hab", unit: "nuts_id", period: "year", value: "rd_private_eur_hab" })
 * ```
 * @since 0.1.0
 */
export const fromCsv = (
  text: string,
  spec: {
    /** A fixed indicator name, or `{ column }` to read it per row. */
    readonly indicator: string | { readonly column: string }
    readonly unit: string
    readonly period: string
    readonly value: string
    readonly breakdown?: string | undefined
    readonly source?: string | undefined
  }
): Columns => {
  const table = Csv.parse(text, spec.source === undefined ? {} : { source: spec.source })
  const n = table.rows.length
  const unitAt = Csv.columnIndex(table, spec.unit)
  const periodAt = Csv.columnIndex(table, spec.period)
  const valueAt = Csv.columnIndex(table, spec.value)
  const indicatorAt = typeof spec.indicator === "string" ? -1 : Csv.columnIndex(table, spec.indicator.column)
  const breakdownAt = spec.breakdown === undefined ? -1 : Csv.columnIndex(table, spec.breakdown)
  const indicator = new Array<string>(n)
  const unit = new Array<string>(n)
  const period = new Array<string>(n)
  const breakdown = new Array<string>(n)
  const value = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const row = table.rows[i]!
    indicator[i] = indicatorAt < 0 ? (spec.indicator as string) : row[indicatorAt]!
    unit[i] = row[unitAt]!
    period[i] = row[periodAt]!
    breakdown[i] = breakdownAt < 0 ? "" : row[breakdownAt]!
    value[i] = Csv.number(table, i, valueAt) ?? Number.NaN
  }
  return { indicator, unit, period, value, breakdown }
}

/**
 * @since 0.1.0
 */
export const make: Effect.Effect<Service, never, SqlClient.SqlClient> = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient
  const dialect = dialectOf(sql)

  const importRows: Service["import"] = (caller, columns, options = {}) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "importing observations", "editor")
      const total = yield* check(columns)
      const importId = options.importId ?? randomBytes(8).toString("hex")
      const batch = Math.max(1, Math.trunc(options.batchSize ?? 10_000))
      yield* sql.withTransaction(
        Effect.gen(function* () {
          yield* lockOrganisation(sql, who.organisationId)
          const bulk = writer(sql, dialect, who.organisationId, importId)
          yield* bulk.preload
          for (let from = 0; from < total; from += batch) {
            const to = Math.min(total, from + batch)
            yield* bulk.write(columns, from, to)
            options.onProgress?.(to, total)
          }
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "import",
            entity: "observations",
            entityId: importId,
            version: null,
            before: null,
            after: { rows: total }
          })
        })
      )
      return { importId, rows: total }
    })

  const query: Service["query"] = (caller, filter = {}) =>
    Effect.gen(function* () {
      const org = targetOrganisation(caller, filter.organisationId)
      if (org === undefined) {
        return yield* new Forbidden({ operation: "reading observations", reason: "only members may read observations" })
      }
      yield* requireInside(caller, "reading observations", org)
      const conditions = [sql`s.organisation_id = ${org}`]
      if (filter.indicator !== undefined) conditions.push(sql`s.indicator = ${filter.indicator}`)
      if (filter.unit !== undefined) conditions.push(sql`s.unit = ${filter.unit}`)
      if (filter.period !== undefined) conditions.push(sql`o.period = ${filter.period}`)
      const rows = yield* sql`SELECT s.indicator, s.unit, o.period, s.breakdown, o.value
        FROM series s JOIN observations o ON o.series_id = s.id
        WHERE ${sql.and(conditions)} ORDER BY s.indicator, s.unit, o.period, s.breakdown`
      const n = rows.length
      const indicator = new Array<string>(n)
      const unit = new Array<string>(n)
      const period = new Array<string>(n)
      const breakdown = new Array<string>(n)
      const value = new Float64Array(n)
      for (let i = 0; i < n; i++) {
        const row = rows[i]!
        indicator[i] = String(row.indicator)
        unit[i] = String(row.unit)
        period[i] = String(row.period)
        breakdown[i] = String(row.breakdown)
        value[i] = row.value === null ? Number.NaN : Number(row.value)
      }
      return { indicator, unit, period, breakdown, value }
    })

  const count: Service["count"] = (caller, organisationId) =>
    Effect.gen(function* () {
      const org = targetOrganisation(caller, organisationId)
      if (org === undefined) {
        return yield* new Forbidden({
          operation: "counting observations",
          reason: "only members may read observations"
        })
      }
      yield* requireInside(caller, "counting observations", org)
      const rows = yield* sql`SELECT COUNT(*) AS n FROM series s JOIN observations o ON o.series_id = s.id
        WHERE s.organisation_id = ${org}`
      return int(rows[0]?.n ?? 0)
    })

  const removeImport: Service["removeImport"] = (caller, importId) =>
    Effect.gen(function* () {
      const who = yield* requireMember(caller, "removing an import", "editor")
      return yield* sql.withTransaction(
        Effect.gen(function* () {
          const rows = yield* sql`DELETE FROM observations WHERE import_id = ${importId}
            AND series_id IN (SELECT id FROM series WHERE organisation_id = ${who.organisationId}) RETURNING series_id`
          yield* sql`DELETE FROM series WHERE organisation_id = ${who.organisationId}
            AND NOT EXISTS (SELECT 1 FROM observations o WHERE o.series_id = series.id)`
          yield* Audit.write(sql, {
            organisationId: who.organisationId,
            actor: who.actor,
            action: "delete",
            entity: "observations",
            entityId: importId,
            version: null,
            before: { rows: rows.length },
            after: null
          })
          return rows.length
        })
      )
    })

  return { import: importRows, query, count, removeImport }
})

/**
 * @since 0.1.0
 */
export const layer: Layer.Layer<Observations, never, SqlClient.SqlClient> = Layer.effect(Observations, make)
