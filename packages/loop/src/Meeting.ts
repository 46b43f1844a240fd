import type { Label } from "@innokraft/reference"
import { z } from "zod"
import { IdSchema, InstantSchema, MunicipalityCodeSchema } from "./internal/schemas.js"

/**
 * The meeting types of the loop: the four canonical ones of the Interreg Europe record (information meetings, idea
 * workshops, prototyping workshops, implementation workshops; domain.md §1.4) plus the autumn business workshop
 * (Företagsverkstaden, §1.2).
 *
 * @since 0.1.0
 */
export type Type = "information" | "idea" | "prototyping" | "implementation" | "business"

/**
 * Meeting types in cycle order.
 *
 * @since 0.1.0
 */
export const types: ReadonlyArray<Type> = ["information", "idea", "prototyping", "implementation", "business"]

/**
 * Labels of the meeting types.
 *
 * @since 0.1.0
 */
export const typeLabels: Readonly<Record<Type, Label>> = {
  information: { sv: "Informationsmöte", en: "Information meeting" },
  idea: { sv: "Idéverkstad", en: "Idea workshop" },
  prototyping: { sv: "Utvecklingsverkstad", en: "Prototyping workshop" },
  implementation: { sv: "Implementeringsverkstad", en: "Implementation workshop" },
  business: { sv: "Företagsverkstad", en: "Business workshop" }
}

/**
 * How a meeting is held.
 *
 * @since 0.1.0
 */
export type Mode = "in-person" | "online" | "hybrid"

/**
 * The closing report of a meeting, mirroring Decidim's meeting closing (domain.md §5.1): attendees, contributions,
 * attending organisations (free text) and the ideas the meeting produced or worked on.
 *
 * @since 0.1.0
 */
export const ClosingReportSchema = z.object({
  report: z.string().default(""),
  attendeeCount: z.number().int().nonnegative(),
  contributionsCount: z.number().int().nonnegative(),
  attendingOrganisations: z.array(z.string().min(1)).default([]),
  linkedIdeaIds: z.array(IdSchema).default([])
})

/**
 * A closing report.
 *
 * @since 0.1.0
 */
export type ClosingReport = z.infer<typeof ClosingReportSchema>

/**
 * A meeting or workshop of the loop. `place` is a free address or venue; `meetingPlaceId` links a `@innokraft/domain`
 * MeetingPlace (e.g. Mötesplats Lycksele) when there is one.
 *
 * @since 0.1.0
 */
export const MeetingSchema = z.object({
  id: IdSchema,
  type: z.enum(types as [Type, ...Type[]]),
  title: z.string().min(1),
  subThemeIds: z.array(IdSchema).default([]),
  date: InstantSchema,
  endDate: InstantSchema.optional(),
  place: z.string().min(1).optional(),
  meetingPlaceId: IdSchema.optional(),
  municipality: MunicipalityCodeSchema,
  mode: z.enum(["in-person", "online", "hybrid"]),
  facilitators: z.array(z.string().min(1)).default([]),
  closingReport: ClosingReportSchema.optional()
})

/**
 * A meeting.
 *
 * @since 0.1.0
 */
export type Meeting = z.infer<typeof MeetingSchema>
