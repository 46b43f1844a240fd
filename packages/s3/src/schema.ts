/**
 * `@innokraft/s3/schema` — the zod schema and JSON Schema of `result.json` (`Analysis.toJson`, `innokraft s3
 * analyse`), for validating files and describing APIs. A subpath of its own, so that the computations load without
 * zod.
 *
 * @since 0.1.0
 */
import { z } from "zod"

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

/**
 * The JSON Schema (draft 2020-12) of `result.json`, derived from {@link ResultJson}.
 *
 * @since 0.1.0
 */
export const resultJsonSchema = z.toJSONSchema(ResultJson)
