import { z } from "zod"
import * as Id from "./Id.js"
import { municipalityCode } from "./internal/codes.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"

/**
 * A region id, e.g. `"vasterbotten"`.
 *
 * @since 0.1.0
 */
export const RegionId = Id.of("region")

/**
 * @since 0.1.0
 */
export type RegionId = z.infer<typeof RegionId>

/**
 * A municipality of a region, by its SCB code, with an optional zone tag from the region's own `zones` (whether a
 * municipality counts as "inland" or "coast" is the region's policy choice, never hard-coded).
 *
 * @since 0.1.0
 */
export const RegionMunicipality = z.object({
  code: municipalityCode,
  zone: z.string().min(1).optional()
})

/**
 * @since 0.1.0
 */
export type RegionMunicipality = z.infer<typeof RegionMunicipality>

/**
 * A region: a county-level (NUTS 3) or wider area, or a city, with the municipalities it covers. For Swedish regions
 * `Workspace.validate` checks the NUTS code and that every municipality lies inside it (`@innokraft/reference`).
 *
 * @since 0.1.0
 */
export const Region = z
  .object({
    id: RegionId,
    name: Label,
    /** ISO 3166-1 alpha-2 country code, e.g. `"SE"`. */
    country: z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code such as "SE"' }),
    /** The NUTS code of the region, or of the NUTS region a city lies in: `"SE331"` Västerbotten. */
    nutsCode: z.string().regex(/^[A-Z]{2}[A-Z0-9]{0,3}$/, { message: 'expected a NUTS code such as "SE331"' }),
    municipalities: z.array(RegionMunicipality).default([]),
    /** The zone tags this region uses for its municipalities, e.g. `["coast", "inland"]`. */
    zones: z.array(z.string().min(1)).optional(),
    ...recordFields
  })
  .meta({ id: "Region", description: "A region with its NUTS code and municipalities." })

/**
 * @since 0.1.0
 */
export type Region = z.infer<typeof Region>
