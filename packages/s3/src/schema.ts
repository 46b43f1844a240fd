/**
 * `@innokraft/s3/schema` — the zod schema and JSON Schema of `result.json` (`Analysis.toJson`, `innokraft s3
 * analyse`), for validating files and describing APIs. A subpath of its own, so that the computations load without
 * zod.
 *
 * @since 0.1.0
 */
import { z } from "zod"
import { criteria, quadrants } from "./Priority.js"

const nested = z.record(z.string(), z.record(z.string(), z.number().nullable()))
const flat = z.record(z.string(), z.number().nullable())

/**
 * The shape of `result.json` written by `innokraft s3 analyse`. NaN (e.g. the ECI of a region with diversity 0 when
 * the threshold is above 1) is written as `null`.
 *
 * @example
 * ```ts
 * import { ResultJson } from "@innokraft/s3/schema"
 *
 * const result = ResultJson.parse(JSON.parse(readFileSync("result.json", "utf8")))
 * result.eci.SE331
 * ```
 * @since 0.1.0
 */
export const ResultJson = z.object({
  rca: nested,
  mcp: z.record(z.string(), z.record(z.string(), z.union([z.literal(0), z.literal(1)]))),
  diversity: flat,
  ubiquity: flat,
  eci: flat,
  pci: flat,
  fitness: flat,
  complexity_fc: flat,
  density: nested,
  dropped: z.object({ regions: z.array(z.string()), industries: z.array(z.string()) })
})

/**
 * The `result.json` type.
 *
 * @since 0.1.0
 */
export type ResultJson = z.infer<typeof ResultJson>

const criterion = z.enum(criteria)

/**
 * A candidate strength area as `Priority.score` gives it (and `innokraft s3 priorities --json` writes it).
 *
 * @since 0.1.0
 */
export const Scored = z.object({
  name: z.string(),
  industries: z.array(z.string()).readonly(),
  score: z
    .number()
    .describe("Σ_k w_k · z_k over the criteria the candidate has, divided by the sum of those weights; in [0, 1]"),
  rank: z.number().int().describe("1 = best; ties broken by name"),
  percentiles: z
    .partialRecord(criterion, z.number())
    .describe("Percentile rank (0–1) of each criterion among the candidates"),
  rankRange: z
    .object({ median: z.number(), p5: z.number(), p95: z.number() })
    .describe("Median, 5th and 95th percentile of the rank over the random weight draws"),
  quadrant: z.enum(quadrants).nullable().describe("Balland et al. (2019): relatedness density × complexity"),
  label: z
    .enum(["strength", "emerging"])
    .nullable()
    .describe(
      '"strength" = LQ ≥ 1 and mass above the median; "emerging" = LQ < 1, relatedness above the median, dynamics > 0'
    ),
  missing: z.array(criterion).readonly().describe("The criteria the candidate has no value for")
})

/**
 * A scored candidate (`Priority.Scored`).
 *
 * @since 0.1.0
 */
export type Scored = z.infer<typeof Scored>

/**
 * The JSON Schema (draft 2020-12) of `result.json`, derived from {@link ResultJson}.
 *
 * @since 0.1.0
 */
export const resultJsonSchema = z.toJSONSchema(ResultJson)
