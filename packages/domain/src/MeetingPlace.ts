import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { municipalityCode } from "./internal/codes.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"
import { Period } from "./Period.js"

/**
 * A meeting-place id.
 *
 * @since 0.1.0
 */
export const MeetingPlaceId = Id.of("meeting place")

/**
 * @since 0.1.0
 */
export type MeetingPlaceId = z.infer<typeof MeetingPlaceId>

/**
 * How a meeting place exists: a fixed place, a mobile one, a temporary one, a digital one, or a recurring event
 * (Mötesplats Lycksele).
 *
 * @since 0.1.0
 */
export const Kind = z.enum(["fixed", "mobile", "temporary", "digital", "recurring-event"])

/**
 * @since 0.1.0
 */
export type Kind = z.infer<typeof Kind>

/**
 * What a meeting place is.
 *
 * @since 0.1.0
 */
export const Type = z.enum([
  "coworking",
  "innovation-arena",
  "incubator",
  "science-park",
  "testbed",
  "conference",
  "network",
  "other"
])

/**
 * @since 0.1.0
 */
export type Type = z.infer<typeof Type>

/**
 * A meeting place (mötesplats) for innovation.
 *
 * @since 0.1.0
 */
export const MeetingPlace = z
  .object({
    id: MeetingPlaceId,
    name: Label,
    description: Label.optional(),
    kind: Kind,
    type: Type,
    ownerId: ActorId.optional(),
    municipality: municipalityCode.optional(),
    services: z.array(Label).optional(),
    active: Period.optional(),
    website: z.url().optional(),
    ...recordFields
  })
  .meta({ id: "MeetingPlace", description: "A meeting place (mötesplats) for innovation." })

/**
 * @since 0.1.0
 */
export type MeetingPlace = z.infer<typeof MeetingPlace>
