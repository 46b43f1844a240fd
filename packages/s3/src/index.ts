/**
 * `@innokraft/s3` — smart-specialisation analytics: location quotients and specialisation indices, shift-share,
 * relatedness, economic complexity (ECI/PCI, fitness) and transparent priority scores for candidate strength areas.
 * Pure, synchronous TypeScript on typed arrays; matches py-ecomplexity, economiccomplexity and EconGeo.
 *
 * @since 0.1.0
 */
export * as Analysis from "./Analysis.js"
export * as Complexity from "./Complexity.js"
export * as Fitness from "./Fitness.js"
export * as LocationQuotient from "./LocationQuotient.js"
export type { Dropped, Grid, Panel, Vector } from "./Matrix.js"
export * as Matrix from "./Matrix.js"
export { MatrixError } from "./MatrixError.js"
export * as Priority from "./Priority.js"
export * as Relatedness from "./Relatedness.js"
export * as ShiftShare from "./ShiftShare.js"
export * as Specialisation from "./Specialisation.js"
