import { z } from "zod"

/** A Swedish municipality code as text; `Workspace.validate` checks it against `@innokraft/reference`. */
export const municipalityCode = z
  .string()
  .regex(/^\d{4}$/, { message: 'expected a four-digit municipality code such as "2480" (Umeå)' })
  .describe('A Swedish municipality code (kommunkod), e.g. "2480" Umeå.')
