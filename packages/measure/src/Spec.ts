import { z } from "zod"
import { MeasureError } from "./MeasureError.js"

const finite = z.number().refine(Number.isFinite, "expected a finite number")

/**
 * The normalisation part of a {@link Spec}.
 *
 * @since 0.1.0
 */
export const NormaliseSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("none") }),
  z.object({ method: z.literal("minmax"), range: z.tuple([finite, finite]).readonly().default([0, 100]) }),
  z.object({ method: z.literal("zscore"), mean: finite.default(0), sd: z.number().positive().default(1) }),
  z.object({ method: z.literal("rank") }),
  z.object({ method: z.literal("borda") }),
  z.object({ method: z.literal("prank") }),
  z.object({ method: z.literal("dist2max") }),
  z.object({ method: z.literal("dist2ref"), unit: z.string().min(1), capMax: z.boolean().default(false) }),
  z.object({ method: z.literal("dist2targ"), capMax: z.boolean().default(false) }),
  z.object({ method: z.literal("fracmax") }),
  z.object({ method: z.literal("goalposts"), truncate: z.boolean().default(true) })
])

/**
 * The outlier-treatment part of a {@link Spec}.
 *
 * @since 0.1.0
 */
export const TreatSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("none") }),
  z.object({
    method: z.literal("winsorise"),
    winmax: z.number().int().positive().default(5),
    skewThreshold: z.number().positive().default(2),
    kurtThreshold: finite.default(3.5),
    fallback: z.enum(["log", "none"]).default("log")
  }),
  z.object({
    method: z.literal("ris"),
    sd: z.number().positive().default(2),
    sqrtSkewThreshold: finite.default(1)
  })
])

const aggregateMethod = z.enum(["amean", "gmean", "hmean", "genmean", "copeland"])

/**
 * The build specification — the CLI's `spec.json`:
 * `{ denominate, impute: { method, group }, screen: { minDataShare } | null, treat, normalise, aggregate }`.
 * Every step is optional; a skipped step leaves its stage out of the results.
 *
 * @example
 * ```ts
 * const spec = Spec.parse({ denominate: true, impute: { method: "groupMean", group: "EurAsia_group" },
 *   screen: { minDataShare: 0.9 }, treat: { method: "winsorise", winmax: 5 },
 *   normalise: { method: "minmax", range: [0, 100] }, aggregate: { method: "amean" } })
 * ```
 * @since 0.1.0
 */
export const Spec = z.object({
  denominate: z.boolean().default(false),
  impute: z
    .object({
      method: z.enum(["none", "mean", "median", "groupMean", "groupMedian", "locf", "linear"]),
      group: z.string().min(1).optional()
    })
    .refine((v) => !(v.method === "groupMean" || v.method === "groupMedian") || v.group !== undefined, {
      message: "groupMean and groupMedian need a group column",
      path: ["group"]
    })
    .default({ method: "none" }),
  screen: z
    .object({
      minDataShare: z.number().min(0).max(1),
      minNonZeroShare: z.number().min(0).max(1).optional()
    })
    .nullable()
    .default(null),
  treat: TreatSchema.default({ method: "none" }),
  normalise: NormaliseSchema.default({ method: "none" }),
  aggregate: z
    .object({
      method: aggregateMethod,
      p: finite.optional(),
      datThreshold: z.number().min(0).max(1).optional(),
      weights: z.record(z.string(), z.number().nonnegative()).optional(),
      byLevel: z.array(aggregateMethod).optional()
    })
    .nullable()
    .default({ method: "amean" })
})

/**
 * A parsed build specification (defaults filled in).
 *
 * @since 0.1.0
 */
export type Spec = z.infer<typeof Spec>

/**
 * The spec as written in JSON (defaults optional).
 *
 * @since 0.1.0
 */
export type SpecInput = z.input<typeof Spec>

/**
 * Validates a spec (parsed JSON), or throws a {@link MeasureError} naming the source, the field path and the
 * expectation, e.g. `spec.json: treat.winmax: Too small: expected number to be >0`.
 *
 * @since 0.1.0
 */
export const parse = (input: unknown, source = "spec"): Spec => {
  const r = Spec.safeParse(input)
  if (r.success) return r.data
  const issue = r.error.issues[0]!
  const path = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".") || "(root)"
  throw new MeasureError(`${source}: ${path}`, issue.message)
}

/**
 * The JSON Schema of the spec, for editors and the CLI's help.
 *
 * @since 0.1.0
 */
export const jsonSchema = (): unknown => z.toJSONSchema(Spec, { io: "input" })
