/**
 * `@innokraft/report` — self-contained HTML reports and accessible SVG charts for regional innovation strategies:
 * measurement, smart specialisation, strategy follow-up and the Innovation Loop, in Swedish and English. Pure,
 * synchronous string rendering (no DOM, no network); charts use d3-scale, d3-shape and d3-geo.
 *
 * @since 0.1.0
 */

export * as Bars from "./Bars.js"
export * as Choropleth from "./Choropleth.js"
export * as Document from "./Document.js"
export type { Chart } from "./Figure.js"
export * as Figure from "./Figure.js"
export * as Funnel from "./Funnel.js"
export * as HeatMap from "./HeatMap.js"
export type { Label, Lang as Language } from "./Lang.js"
export * as Lang from "./Lang.js"
export * as Lines from "./Lines.js"
export * as LoopReport from "./LoopReport.js"
export * as MeasurementReport from "./MeasurementReport.js"
export * as Palette from "./Palette.js"
export * as Quadrant from "./Quadrant.js"
export * as Radar from "./Radar.js"
export * as S3Report from "./S3Report.js"
export * as StackedBars from "./StackedBars.js"
export * as StrategyReport from "./StrategyReport.js"
export * as Suppress from "./Suppress.js"
export * as Table from "./Table.js"
export * as Waterfall from "./Waterfall.js"
