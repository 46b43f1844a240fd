import type { FollowUp, IndicatorLink, Workspace } from "@innokraft/domain"
import type { CycleDocument } from "@innokraft/loop"
import type { Build, Uncertainty } from "@innokraft/measure"
import type { S3Report } from "@innokraft/report"

/**
 * An organisation the server holds, as the dashboard lists it.
 *
 * @since 0.1.0
 */
export interface OrganisationSummary {
  readonly id: string
  readonly name: string
}

/**
 * A measurement run the dashboard can draw: the build with every stage, and optionally its rank intervals and a
 * map of its units (NUTS codes mapped to county features of `../shared/data/se-boundaries/lan.geojson`).
 *
 * @since 0.1.0
 */
export interface MeasurementView {
  readonly id: string
  readonly title: { readonly sv: string; readonly en: string }
  readonly build: Build.Build
  readonly uncertainty?: Uncertainty.UncertaintyResult
  readonly unitNames?: Readonly<Record<string, string>>
  /** County boundaries (parsed GeoJSON) and unit code → county codes (LnKod); absent when the file is missing. */
  readonly map?: {
    readonly features: unknown
    readonly codeProperty: string
    readonly nameProperty?: string
    readonly areas: Readonly<Record<string, ReadonlyArray<string>>>
  }
}

/**
 * An S3 analysis the dashboard can draw: exactly the input of `S3Report.render`, plus an id and title.
 *
 * @since 0.1.0
 */
export interface S3View {
  readonly id: string
  readonly title: { readonly sv: string; readonly en: string }
  readonly input: S3Report.S3Input
}

/**
 * What the dashboard reads. The API implements it over `@innokraft/store` with the anonymous caller, so the
 * dashboard only ever sees published records and never personal data; tests may implement it over the example data.
 *
 * @since 0.1.0
 */
export interface DashboardData {
  readonly organisations: () => Promise<ReadonlyArray<OrganisationSummary>>
  /** The organisation's published workspace (strategies, goals, strength areas, projects, fundings …), if any. */
  readonly workspace: (organisationId: string) => Promise<Workspace.Workspace | undefined>
  /** The organisation's published Innovation Loop cycles. */
  readonly cycles: (organisationId: string) => Promise<ReadonlyArray<CycleDocument.CycleDocument>>
  /**
   * `true` when the cycles come without their records about people (participations are personal data and never
   * leave the organisation): the loop pages then show participant figures as not published instead of as zeros.
   */
  readonly peopleWithheld?: boolean
  readonly measurements: (organisationId: string) => Promise<ReadonlyArray<MeasurementView>>
  /**
   * The actual values of the series the given indicator links follow (by link id), e.g. from the organisation's
   * stored observations; without it the follow-up shows targets without actuals.
   */
  readonly actuals?: (
    organisationId: string,
    links: ReadonlyArray<IndicatorLink.IndicatorLink>
  ) => Promise<Readonly<Record<string, ReadonlyArray<FollowUp.Point>>>>
  readonly s3Analyses: (organisationId: string) => Promise<ReadonlyArray<S3View>>
  /**
   * Municipality boundaries (a parsed FeatureCollection with `KnKod`/`KnNamn`, e.g.
   * `../shared/data/se-boundaries/kommun.geojson`) for the map of loop meetings; absent or `undefined` means no map.
   */
  readonly municipalities?: () => Promise<unknown>
}
