/**
 * `@innokraft/measure` — a composite-indicator engine for regional innovation ecosystems, compatible with COINr.
 *
 * @since 0.1.0
 */
export * as Aggregate from "./Aggregate.js"
export * as Build from "./Build.js"
export * as Coherence from "./Coherence.js"
export * as Coinr from "./Coinr.js"
export * as Data from "./Data.js"
export * as DataSet from "./DataSet.js"
export * as Denominate from "./Denominate.js"
export * as Ecosystem from "./Ecosystem.js"
export * as Framework from "./Framework.js"
export * as Impute from "./Impute.js"
export { MeasureError } from "./MeasureError.js"
export * as Normalise from "./Normalise.js"
export * as Random from "./Random.js"
export * as Results from "./Results.js"
export * as Ris from "./Ris.js"
export * as Screen from "./Screen.js"
export * as Sensitivity from "./Sensitivity.js"
export * as Spec from "./Spec.js"
export * as Treat from "./Treat.js"
export * as Uncertainty from "./Uncertainty.js"
export * as Weights from "./Weights.js"
