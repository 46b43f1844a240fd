import { Id } from "@innokraft/domain"
import { Municipality, type MunicipalityCode } from "@innokraft/reference"
import { z } from "zod"

/** `{ sv, en }`, both non-empty. */
export const LabelSchema = z.object({ sv: z.string().min(1), en: z.string().min(1) })

/** An identifier inside a cycle document: the one id grammar of `@innokraft/domain` (`"I-17"`, `"ST1"`). */
export const IdSchema = Id.key("cycle document")

/** A calendar date `2016-03-14` or an ISO date-time with offset `2016-03-14T09:00:00+01:00`. */
export const InstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

/** A Swedish municipality code known to `@innokraft/reference`. */
export const MunicipalityCodeSchema = z
  .string()
  .refine((code) => Municipality.isCode(code), {
    message: 'expected a four-digit municipality code known to @innokraft/reference, such as "2481" (Lycksele)'
  })
  .transform((code) => code as MunicipalityCode)

/** Milliseconds since the epoch of an instant; a bare date is read as midnight UTC. */
export const instantMs = (instant: string): number =>
  Date.parse(instant.length === 10 ? `${instant}T00:00:00Z` : instant)

/** Milliseconds of an instant, or `NaN` unless it is a strict ISO date or date-time with offset. */
export const strictInstantMs = (instant: string): number =>
  InstantSchema.safeParse(instant).success ? instantMs(instant) : Number.NaN

export const DAY_MS = 86_400_000
