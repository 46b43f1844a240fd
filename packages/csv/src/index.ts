/**
 * `@innokraft/csv` — the CSV reader the Innokraft packages and CLI share.
 *
 * @since 0.1.0
 */
export * as Csv from "./Csv.js"
export { CsvError } from "./CsvError.js"
