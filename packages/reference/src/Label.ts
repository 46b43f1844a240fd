/**
 * A name people read, in Swedish and English.
 *
 * @since 0.1.0
 */
export interface Label {
  readonly sv: string
  readonly en: string
}
