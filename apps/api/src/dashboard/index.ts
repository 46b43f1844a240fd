/**
 * The dashboard of the API: HTML pages at `/` over the organisations the server holds — strategy, portfolio,
 * measurement with the map, S3 analyses and Innovation Loop cycles — rendered with hono's JSX and
 * `@innokraft/report`.
 *
 * @since 0.1.0
 */
export { type DashboardOptions, dashboard } from "./Dashboard.js"
export type { DashboardData, MeasurementView, OrganisationSummary, S3View } from "./DashboardData.js"
export { notFoundPage } from "./Message.js"
