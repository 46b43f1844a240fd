import { z } from "zod"

/**
 * A text people read, in Swedish and English: `{ sv: "Skoglig bioekonomi", en: "Forest-based bioeconomy" }`. Same
 * shape as `Label` in `@innokraft/reference`. Where a source gives only one language, the other holds our gloss and
 * the record's `note` says so.
 *
 * @since 0.1.0
 */
export const Label = z
  .object({
    sv: z.string().min(1),
    en: z.string().min(1)
  })
  .meta({ id: "Label", description: "A text people read, in Swedish (sv) and English (en)." })

/**
 * @since 0.1.0
 */
export type Label = z.infer<typeof Label>
