import { z } from "zod"
import { Source } from "../Source.js"

/** Fields every record shares: provenance, a free note, and change timestamps. */
export const recordFields = {
  /** Where the record's facts come from. */
  sources: z.array(Source).optional(),
  /** Free text: caveats, what a source does not say, what is still to be filled in. */
  note: z.string().optional(),
  /**
   * `true` for a record that stands in for something a source names but that has not been filled in yet (e.g.
   * Västerbotten's nine strength areas, named only in the strategy PDF).
   */
  placeholder: z.boolean().optional(),
  /** When the record was created (ISO 8601 date-time). */
  createdAt: z.iso.datetime({ offset: true }).optional(),
  /** When the record last changed (ISO 8601 date-time). */
  updatedAt: z.iso.datetime({ offset: true }).optional()
}
