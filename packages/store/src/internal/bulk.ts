import type { SqlClient, SqlError } from "@effect/sql"
import { Text } from "@innokraft/domain"
import { Effect } from "effect"
import type { Columns } from "../Observations.js"
import { Invalid } from "../StoreError.js"
import { type Dialect, int } from "./sql.js"

const maxText = 200

/**
 * The first row that repeats an earlier row's (indicator, unit, period, breakdown), as two problems naming both rows
 * (`rows.<i>`, counted from 0 like the columns; the messages count data rows from 1). One import holds one value per
 * observation: a repeat is a mistake in the file, not a replacement.
 */
const duplicates = (columns: Columns): Array<{ path: string; message: string }> => {
  const seen = new Map<string, number>()
  for (let i = 0; i < columns.value.length; i++) {
    const breakdown = columns.breakdown?.[i] ?? ""
    // The texts hold no control characters (checked first), so NUL separates them unambiguously.
    const key = `${columns.indicator[i]}\u0000${columns.unit[i]}\u0000${columns.period[i]}\u0000${breakdown}`
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, i)
      continue
    }
    const what = `indicator "${columns.indicator[i]}", unit "${columns.unit[i]}", period "${columns.period[i]}"${breakdown === "" ? "" : `, breakdown "${breakdown}"`}`
    return [
      { path: `rows.${first}`, message: `data row ${first + 1} and data row ${i + 1} both hold ${what}` },
      { path: `rows.${i}`, message: `data row ${i + 1} repeats data row ${first + 1}: ${what}` }
    ]
  }
  return []
}

/** Checks every column once (lengths, texts, repeated observations), naming the first bad row. */
export const check = (columns: Columns): Effect.Effect<number, Invalid> => {
  const n = columns.value.length
  const problems: Array<{ path: string; message: string }> = []
  const lists: Array<[string, ReadonlyArray<string> | undefined, boolean]> = [
    ["indicator", columns.indicator, false],
    ["unit", columns.unit, false],
    ["period", columns.period, false],
    ["breakdown", columns.breakdown, true]
  ]
  for (const [name, list, emptyAllowed] of lists) {
    if (list === undefined) continue
    if (list.length !== n) {
      problems.push({ path: name, message: `expected ${n} entries (as many as values), found ${list.length}` })
      continue
    }
    for (let i = 0; i < n; i++) {
      const text = list[i]
      if (typeof text !== "string" || (!emptyAllowed && text.length === 0) || text.length > maxText) {
        problems.push({
          path: `${name}.${i}`,
          message: `expected a ${emptyAllowed ? "" : "non-empty "}text of at most ${maxText} characters`
        })
        break
      }
      const hostile = Text.problem(text)
      if (hostile !== undefined) {
        problems.push({ path: `${name}.${i}`, message: hostile })
        break
      }
    }
  }
  if (problems.length === 0) problems.push(...duplicates(columns))
  for (let i = 0; i < n; i++) {
    const v = columns.value[i]!
    if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
      problems.push({ path: `value.${i}`, message: "expected a finite number or NaN (not available)" })
      break
    }
  }
  return problems.length > 0 ? Effect.fail(new Invalid({ entity: "observations", problems })) : Effect.succeed(n)
}

const sqliteRowsPerStatement = 1000
const sqliteSeriesPerStatement = 1000

const seriesKey = (indicator: string, unit: string, breakdown: string) => `${indicator}\u0000${unit}\u0000${breakdown}`

const upsertSeriesSqlite = (rows: number) =>
  `INSERT INTO series (organisation_id, indicator, unit, breakdown)
   VALUES ${new Array<string>(rows).fill("(?, ?, ?, ?)").join(", ")}
   ON CONFLICT (organisation_id, indicator, unit, breakdown) DO UPDATE SET unit = excluded.unit
   RETURNING id, indicator, unit, breakdown`

const upsertSeriesPg = `INSERT INTO series (organisation_id, indicator, unit, breakdown)
  SELECT $1, t.i, t.u, t.b FROM unnest($2::text[], $3::text[], $4::text[]) AS t (i, u, b)
  ON CONFLICT (organisation_id, indicator, unit, breakdown) DO UPDATE SET unit = excluded.unit
  RETURNING id, indicator, unit, breakdown`

const upsert = "ON CONFLICT (series_id, period) DO UPDATE SET value = excluded.value, import_id = excluded.import_id"

const insertSqlite = (rows: number, replace: boolean) =>
  `INSERT INTO observations (series_id, period, value, import_id)
   VALUES ${new Array<string>(rows).fill("(?, ?, ?, ?)").join(", ")}${replace ? ` ${upsert}` : ""}`

const insertPg = (replace: boolean) => `INSERT INTO observations (series_id, period, value, import_id)
  SELECT t.s, t.p, t.v, $1 FROM unnest($2::int[], $3::text[], $4::float8[]) AS t (s, p, v)${replace ? ` ${upsert}` : ""}`

/**
 * Deletes the observations of an organisation's series (on PostgreSQL they have no cascading foreign key), before
 * its series or the organisation itself are deleted.
 */
export const deleteObservations = (sql: SqlClient.SqlClient, org: string) =>
  sql`DELETE FROM observations WHERE series_id IN (SELECT id FROM series WHERE organisation_id = ${org})`

/**
 * Writes observations of one organisation inside the caller's transaction, batch by batch: first the batch's new
 * series (multi-row upserts returning their ids), then the rows with integer series ids (multi-row VALUES on
 * SQLite, `unnest` arrays on PostgreSQL).
 */
export const writer = (sql: SqlClient.SqlClient, dialect: Dialect, org: string, importId: string) => {
  const ids = new Map<string, number>()
  // Series that existed before this import: their rows may replace stored values (upsert). Rows of series created
  // by this import are plain inserts — faster, and a duplicate row inside one import fails alike on both engines.
  const existing = new Set<number>()
  const remember = (rows: ReadonlyArray<Record<string, unknown>>) => {
    for (const row of rows)
      ids.set(seriesKey(String(row.indicator), String(row.unit), String(row.breakdown)), int(row.id))
  }
  const preload = Effect.map(
    sql`SELECT id, indicator, unit, breakdown FROM series WHERE organisation_id = ${org}`,
    (rows) => {
      remember(rows as ReadonlyArray<Record<string, unknown>>)
      for (const id of ids.values()) existing.add(id)
    }
  )

  const upsertSeries = (fresh: ReadonlyArray<readonly [string, string, string]>) =>
    Effect.gen(function* () {
      if (fresh.length === 0) return
      if (dialect === "pg") {
        remember(
          (yield* sql.unsafe(upsertSeriesPg, [
            org,
            fresh.map((s) => s[0]),
            fresh.map((s) => s[1]),
            fresh.map((s) => s[2])
          ])) as ReadonlyArray<Record<string, unknown>>
        )
        return
      }
      for (let start = 0; start < fresh.length; start += sqliteSeriesPerStatement) {
        const end = Math.min(fresh.length, start + sqliteSeriesPerStatement)
        const params: Array<unknown> = []
        for (let i = start; i < end; i++) params.push(org, fresh[i]![0], fresh[i]![1], fresh[i]![2])
        remember((yield* sql.unsafe(upsertSeriesSqlite(end - start), params)) as ReadonlyArray<Record<string, unknown>>)
      }
    })

  const write = (c: Columns, from: number, to: number): Effect.Effect<void, SqlError.SqlError> =>
    Effect.gen(function* () {
      const fresh: Array<readonly [string, string, string]> = []
      const pending = new Set<string>()
      const keys = new Array<string>(to - from)
      for (let i = from; i < to; i++) {
        const breakdown = c.breakdown === undefined ? "" : c.breakdown[i]!
        const key = seriesKey(c.indicator[i]!, c.unit[i]!, breakdown)
        keys[i - from] = key
        if (!ids.has(key) && !pending.has(key)) {
          pending.add(key)
          fresh.push([c.indicator[i]!, c.unit[i]!, breakdown])
        }
      }
      yield* upsertSeries(fresh)
      // Two groups per batch: rows of pre-existing series (upsert) and of new series (plain insert).
      for (const replace of [false, true]) {
        const rows: Array<number> = []
        for (let i = from; i < to; i++) if (existing.has(ids.get(keys[i - from]!)!) === replace) rows.push(i)
        if (rows.length === 0) continue
        if (dialect === "pg") {
          const series = new Array<number>(rows.length)
          const periods = new Array<string>(rows.length)
          const values = new Array<number | null>(rows.length)
          rows.forEach((i, k) => {
            const v = c.value[i]!
            series[k] = ids.get(keys[i - from]!)!
            periods[k] = c.period[i]!
            values[k] = Number.isNaN(v) ? null : v
          })
          yield* sql.unsafe(insertPg(replace), [importId, series, periods, values])
          continue
        }
        for (let start = 0; start < rows.length; start += sqliteRowsPerStatement) {
          const end = Math.min(rows.length, start + sqliteRowsPerStatement)
          const params: Array<unknown> = new Array((end - start) * 4)
          let k = 0
          for (let r = start; r < end; r++) {
            const i = rows[r]!
            const v = c.value[i]!
            params[k++] = ids.get(keys[i - from]!)!
            params[k++] = c.period[i]
            params[k++] = Number.isNaN(v) ? null : v
            params[k++] = importId
          }
          yield* sql.unsafe(insertSqlite(end - start, replace), params)
        }
      }
    })

  return { preload, write }
}
