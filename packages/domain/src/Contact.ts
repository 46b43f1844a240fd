import { z } from "zod"
import { ActorId } from "./Actor.js"
import * as Id from "./Id.js"
import { recordFields } from "./internal/record.js"
import { Label } from "./Label.js"

/**
 * A contact id.
 *
 * @since 0.1.0
 */
export const ContactId = Id.of("contact")

/**
 * @since 0.1.0
 */
export type ContactId = z.infer<typeof ContactId>

/**
 * A person in a role at an actor. This is personal data: it is marked `personalData: true`, lives in the workspace's
 * separate `contacts` list, and `Interchange.toJson` leaves it out unless asked.
 *
 * @since 0.1.0
 */
export const Contact = z
  .object({
    id: ContactId,
    personalData: z.literal(true),
    actorId: ActorId,
    role: Label,
    name: z.string().min(1).optional(),
    email: z.email().optional(),
    phone: z.string().min(1).optional(),
    ...recordFields
  })
  .meta({ id: "Contact", description: "A person in a role (personal data, kept apart)." })

/**
 * @since 0.1.0
 */
export type Contact = z.infer<typeof Contact>
