import { Municipality, Nuts } from "@innokraft/reference"
import { z } from "zod"
import * as Id from "./Id.js"
import * as Problem from "./Problem.js"
import type { Region as DomainRegion } from "./Region.js"
import type { StrengthArea } from "./StrengthArea.js"
import * as Workspace from "./Workspace.js"

/**
 * One S3 priority as the EU S3 Platform's Eye@RIS3 describes it: a name, a description and three category sets
 * (NACE Rev. 2 economic domains, NABS scientific domains, policy objectives), plus the 2021–27 additions SDGs and
 * keywords.
 *
 * @since 0.1.0
 */
export const Priority = z.object({
  name: z.string().min(1),
  description: z.string(),
  economicDomains: z.array(z.string()),
  scientificDomains: z.array(z.string()),
  policyObjectives: z.array(z.string()),
  sdgs: z.array(z.int().min(1).max(17)).optional(),
  keywords: z.array(z.string()).optional()
})

/**
 * @since 0.1.0
 */
export type Priority = z.infer<typeof Priority>

/**
 * A region's S3 priorities in the Eye@RIS3 shape. `strategyPeriod` is left out when the strategy's period is not
 * known (the Eye@RIS3 record has it; we do not guess it).
 *
 * @since 0.1.0
 */
export const Region = z
  .object({
    nutsCode: z.string().regex(/^[A-Z]{2}[A-Z0-9]{0,3}$/, { message: 'expected a NUTS code such as "SE321"' }),
    regionName: z.string().min(1),
    strategyTitle: z.string().min(1),
    strategyPeriod: z.object({ from: z.int(), to: z.int() }).optional(),
    priorities: z.array(Priority)
  })
  .meta({ id: "EyeRis3Region", description: "A region's S3 priorities in the Eye@RIS3 shape." })

/**
 * @since 0.1.0
 */
export type Region = z.infer<typeof Region>

/**
 * Options of the Eye@RIS3 conversions: which language of `{ sv, en }` labels is written (Eye@RIS3 is in English).
 *
 * @since 0.1.0
 */
export interface Options {
  readonly lang?: "sv" | "en"
}

/**
 * The S3 priorities of a strategy in the Eye@RIS3 shape: every strength area of the strategy that is not a
 * placeholder, in workspace order, with its Eye@RIS3 tags. Throws a `RangeError` naming the strategy when it is not
 * in the workspace.
 *
 * @since 0.1.0
 */
export const exportRegion = (workspace: Workspace.Workspace, strategyId: string, options: Options = {}): Region => {
  const lang = options.lang ?? "en"
  const strategy = workspace.strategies.find((s) => s.id === strategyId)
  if (strategy === undefined) {
    throw new RangeError(
      `Unknown strategy "${strategyId}": expected one of ${workspace.strategies.map((s) => `"${s.id}"`).join(", ")}`
    )
  }
  const region = workspace.regions.find((r) => r.id === strategy.regionIds[0]) ?? workspace.regions[0]!
  const from = strategy.period?.start
  const to = strategy.period?.end
  return {
    nutsCode: region.nutsCode,
    regionName: region.name[lang],
    strategyTitle: strategy.title[lang],
    ...(from !== undefined && to !== undefined
      ? { strategyPeriod: { from: Number(from.slice(0, 4)), to: Number(to.slice(0, 4)) } }
      : {}),
    priorities: workspace.strengthAreas
      .filter((a) => a.strategyId === strategyId && !a.placeholder)
      .map((a) => ({
        name: a.name[lang],
        description: a.description?.[lang] ?? "",
        economicDomains: [...(a.eyeRis3?.economicDomains ?? [])],
        scientificDomains: [...(a.eyeRis3?.scientificDomains ?? [])],
        policyObjectives: [...(a.eyeRis3?.policyObjectives ?? [])],
        sdgs: [...(a.eyeRis3?.sdgs ?? [])],
        keywords: [...(a.eyeRis3?.keywords ?? [])]
      }))
  }
}

const municipalitiesOf = (nutsCode: string): DomainRegion["municipalities"] =>
  Nuts.isCode(nutsCode)
    ? Nuts.counties(nutsCode).flatMap((county) => Municipality.inCounty(county.code).map((m) => ({ code: m.code })))
    : []

/**
 * A workspace built from an Eye@RIS3 record: the region (for a Swedish NUTS code with its municipalities from
 * `@innokraft/reference`), one adopted RIS3 strategy (Eye@RIS3 holds approved strategies), and one strength area of
 * tier `"other"` per priority (Eye@RIS3 has no tiers). Eye@RIS3 texts are in one language: they fill both `sv` and
 * `en`, and each record's note says so. Returns the workspace or the problems with their paths.
 *
 * @since 0.1.0
 */
export const importRegion = (json: unknown): Workspace.ParseResult => {
  const parsed = Region.safeParse(json)
  if (!parsed.success) return { ok: false, problems: Problem.fromZod(parsed.error) }
  const eye = parsed.data
  const same = (text: string) => ({ sv: text, en: text })
  const note = "Imported from Eye@RIS3, which gives one language; sv and en hold the same text."
  const regionId = Id.slug(eye.regionName) || Id.slug(eye.nutsCode)
  const strategyId = Id.slug(`${regionId} ${eye.strategyTitle}`).slice(0, 100).replace(/-+$/, "")
  const used = new Set<string>()
  const areas: Array<StrengthArea> = eye.priorities.map((p) => {
    const base = `${strategyId}-${Id.slug(p.name) || "priority"}`.slice(0, 115).replace(/-+$/, "")
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    return {
      id,
      strategyId,
      name: same(p.name),
      ...(p.description === "" ? {} : { description: same(p.description) }),
      tier: "other",
      eyeRis3: {
        economicDomains: p.economicDomains,
        scientificDomains: p.scientificDomains,
        policyObjectives: p.policyObjectives,
        sdgs: p.sdgs ?? [],
        keywords: p.keywords ?? []
      },
      note
    }
  })
  const workspace: Workspace.Workspace = {
    ...Workspace.empty({
      id: regionId,
      name: same(eye.regionName),
      country: eye.nutsCode.slice(0, 2),
      nutsCode: eye.nutsCode,
      municipalities: municipalitiesOf(eye.nutsCode),
      note
    }),
    strategies: [
      {
        id: strategyId,
        regionIds: [regionId],
        kind: "RIS3",
        title: same(eye.strategyTitle),
        status: "adopted",
        ...(eye.strategyPeriod === undefined
          ? {}
          : { period: { start: String(eye.strategyPeriod.from), end: String(eye.strategyPeriod.to) } }),
        note
      }
    ],
    strengthAreas: areas
  }
  const problems = Workspace.validate(workspace)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, workspace }
}
