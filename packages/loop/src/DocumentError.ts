/**
 * One thing wrong with a cycle document: where (a path such as `ideas[3].subThemeId`) and what was expected.
 *
 * @since 0.1.0
 */
export interface Problem {
  readonly path: string
  readonly message: string
}

/**
 * A cycle document that does not parse or is inconsistent. The message lists every problem with its path.
 *
 * @since 0.1.0
 */
export class DocumentError extends Error {
  override readonly name = "DocumentError"
  constructor(
    readonly problems: ReadonlyArray<Problem>,
    /** The file name or other label of the document, used in the message. */
    readonly source = "<cycle document>"
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n` +
        problems.map((p) => `  ${p.path}: ${p.message}`).join("\n")
    )
  }
}
