import { z } from "zod"

/**
 * Where a fact comes from: a web page or a document (and a page in it when known). Example data carries a source on
 * every record; records for things a source names but does not describe say so in `note`.
 *
 * @since 0.1.0
 */
export const Source = z
  .object({
    title: z.string().min(1),
    url: z.url().optional(),
    /** A page or section in the document; `"?"` when it still has to be looked up. */
    page: z.string().optional()
  })
  .meta({ id: "Source", description: "Where a fact comes from." })

/**
 * @since 0.1.0
 */
export type Source = z.infer<typeof Source>
