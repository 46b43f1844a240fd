import type { Label } from "@innokraft/reference"
import { z } from "zod"
import { IdSchema, InstantSchema, MunicipalityCodeSchema } from "./internal/schemas.js"

/**
 * The penta-helix a participant or organisation belongs to (OSIRIS framing, domain.md §1.6).
 *
 * @since 0.1.0
 */
export type Helix = "public" | "business" | "academia" | "civil-society" | "citizens"

/**
 * The helix values.
 *
 * @since 0.1.0
 */
export const helices: ReadonlyArray<Helix> = ["public", "business", "academia", "civil-society", "citizens"]

/**
 * Self-reported gender, recorded only with consent.
 *
 * @since 0.1.0
 */
export type Gender = "woman" | "man" | "other"

/**
 * Gender values.
 *
 * @since 0.1.0
 */
export const genders: ReadonlyArray<Gender> = ["woman", "man", "other"]

/**
 * Age bands, recorded only with consent.
 *
 * @since 0.1.0
 */
export type AgeBand = "under-18" | "18-29" | "30-44" | "45-64" | "65-plus"

/**
 * Age bands in order.
 *
 * @since 0.1.0
 */
export const ageBands: ReadonlyArray<AgeBand> = ["under-18", "18-29", "30-44", "45-64", "65-plus"]

/**
 * Roles at a meeting.
 *
 * @since 0.1.0
 */
export type Role = "participant" | "facilitator" | "challenge-owner" | "expert" | "jury"

/**
 * Role values.
 *
 * @since 0.1.0
 */
export const roles: ReadonlyArray<Role> = ["participant", "facilitator", "challenge-owner", "expert", "jury"]

/**
 * Labels of the helix values.
 *
 * @since 0.1.0
 */
export const helixLabels: Readonly<Record<Helix, Label>> = {
  public: { sv: "Offentlig sektor", en: "Public sector" },
  business: { sv: "Näringsliv", en: "Business" },
  academia: { sv: "Akademi", en: "Academia" },
  "civil-society": { sv: "Civilsamhälle", en: "Civil society" },
  citizens: { sv: "Medborgare", en: "Citizens" }
}

/**
 * Demographics a person agreed to give. Every field is optional: consent can cover some questions only.
 *
 * @since 0.1.0
 */
export const DemographicsSchema = z.strictObject({
  gender: z.enum(genders as [Gender, ...Gender[]]).optional(),
  ageBand: z.enum(ageBands as [AgeBand, ...AgeBand[]]).optional(),
  municipality: MunicipalityCodeSchema.optional(),
  /** Recently arrived in Sweden (the Loop's explicit inclusion aim, domain.md §1.8). */
  newcomer: z.boolean().optional()
})

/**
 * Consented demographics.
 *
 * @since 0.1.0
 */
export type Demographics = z.infer<typeof DemographicsSchema>

/**
 * One person's participation in one meeting. The person is a pseudonymous reference, never a name: the object is
 * strict, so fields such as `name` or `email` are refused. Demographics may only be present together with a
 * recorded consent, and reports read them only then.
 *
 * @since 0.1.0
 */
export const ParticipationSchema = z
  .strictObject({
    id: IdSchema,
    meetingId: IdSchema,
    /** Pseudonymous person reference, the same across meetings and cycles, e.g. `"P-0017"`. */
    person: IdSchema,
    role: z.enum(roles as [Role, ...Role[]]),
    helix: z.enum(helices as [Helix, ...Helix[]]),
    organisation: z.string().min(1).optional(),
    consent: z.strictObject({ given: z.literal(true), at: InstantSchema }).optional(),
    demographics: DemographicsSchema.optional()
  })
  .refine((p) => p.demographics === undefined || p.consent !== undefined, {
    message: "demographics may only be recorded together with a consent",
    path: ["demographics"]
  })

/**
 * A participation.
 *
 * @since 0.1.0
 */
export type Participation = z.infer<typeof ParticipationSchema>

/**
 * The demographics of a participation if, and only if, consent is recorded; otherwise `undefined`. Every
 * demographic computation goes through this function, so that unconsented data is never read even if a document
 * was built without {@link ParticipationSchema}.
 *
 * @since 0.1.0
 */
export const consentedDemographics = (participation: Participation): Demographics | undefined =>
  participation.consent?.given === true ? participation.demographics : undefined
