import { z } from "zod"
import * as Id from "./Id.js"
import { municipalityCode } from "./internal/codes.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"

/**
 * An actor (organisation) id, e.g. `"region-vasterbotten"`.
 *
 * @since 0.1.0
 */
export const ActorId = Id.of("actor")

/**
 * @since 0.1.0
 */
export type ActorId = z.infer<typeof ActorId>

/**
 * The penta-helix sector of an actor.
 *
 * @since 0.1.0
 */
export const Helix = z.enum(["public", "business", "academia", "civil-society", "citizens"])

/**
 * @since 0.1.0
 */
export type Helix = z.infer<typeof Helix>

/**
 * A role an actor plays in the innovation-support system.
 *
 * @since 0.1.0
 */
export const SupportRole = z.enum([
  "incubator",
  "accelerator",
  "advisory",
  "science-park",
  "cluster",
  "testbed",
  "financier",
  "coworking"
])

/**
 * @since 0.1.0
 */
export type SupportRole = z.infer<typeof SupportRole>

/**
 * An organisation in the ecosystem (an actor). People are never actors: a person in a role is a `Contact`.
 *
 * @since 0.1.0
 */
export const Actor = z
  .object({
    id: ActorId,
    name: Label,
    /** Swedish organisation number (organisationsnummer), `"NNNNNN-NNNN"`. */
    orgNo: z
      .string()
      .regex(/^\d{6}-\d{4}$/, { message: 'expected an organisation number "NNNNNN-NNNN"' })
      .optional(),
    helix: Helix.optional(),
    supportRoles: z.array(SupportRole).optional(),
    /** ISO 3166-1 alpha-2 country code, when not Swedish. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code such as "SE"' })
      .optional(),
    municipality: municipalityCode.optional(),
    website: z.url().optional(),
    ...recordFields
  })
  .meta({ id: "Actor", description: "An organisation in the innovation ecosystem." })

/**
 * @since 0.1.0
 */
export type Actor = z.infer<typeof Actor>
