import { CycleReport } from "@innokraft/loop"
import { type Choropleth, LoopReport, MeasurementReport, S3Report, StrategyReport } from "@innokraft/report"
import { Hono } from "hono"
import type { DashboardData, MeasurementView } from "./DashboardData.js"
import * as Home from "./Home.js"
import { langOf } from "./internal/Text.js"
import * as Message from "./Message.js"
import * as Organisation from "./Organisation.js"
import * as ReportPage from "./ReportPage.js"

/**
 * The dashboard: HTML pages over what the server holds, rendered with hono's JSX and `@innokraft/report`.
 *
 * | path                          | page                                                                        |
 * | ----------------------------- | --------------------------------------------------------------------------- |
 * | `/`                           | the organisations and what each has                                         |
 * | `/org/:id`                    | strategy (vision, goals, strength areas), portfolio, links to the reports |
 * | `/org/:id/strategy`           | the strategy follow-up report                                               |
 * | `/org/:id/measure/:run`       | a measurement report with the county map                                   |
 * | `/org/:id/s3/:analysis`       | a smart-specialisation report                                               |
 * | `/org/:id/loop/:cycle`        | an Innovation Loop cycle report                                             |
 *
 * Every page takes `?lang=sv|en` (Swedish by default). Unknown ids get a 404 page in HTML.
 *
 * @since 0.1.0
 */

/**
 * Options of {@link dashboard}.
 *
 * @since 0.1.0
 */
export interface DashboardOptions {
  /** Told about a page that failed to render (it answers 500 with an HTML page); default: a JSON line on stderr. */
  readonly onError?: (error: Error, path: string) => void
}

const defaultOnError = (error: Error, path: string) =>
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "dashboard", path, error: error.name, message: error.message })}\n`
  )

const isFeatureCollection = (x: unknown): x is Choropleth.FeatureCollection =>
  typeof x === "object" &&
  x !== null &&
  (x as { type?: unknown }).type === "FeatureCollection" &&
  Array.isArray((x as { features?: unknown }).features)

/** The measurement report's input from the view the API hands over. */
const measurementInput = (view: MeasurementView): MeasurementReport.MeasurementInput => {
  const map = view.map
  return {
    build: view.build,
    title: view.title,
    ...(view.uncertainty ? { uncertainty: view.uncertainty } : {}),
    ...(view.unitNames ? { unitNames: view.unitNames } : {}),
    ...(map && isFeatureCollection(map.features)
      ? {
          map: {
            features: map.features,
            codeProperty: map.codeProperty,
            ...(map.nameProperty === undefined ? {} : { nameProperty: map.nameProperty }),
            areas: map.areas
          }
        }
      : {})
  }
}

/**
 * The dashboard as a hono sub-app, to be mounted at `/` (`app.route("/", dashboard(data))`).
 *
 * @example
 * ```ts
 * const app = new Hono()
 * app.route("/", dashboard(data))
 * ```
 * @since 0.1.0
 */
export const dashboard = (data: DashboardData, options: DashboardOptions = {}): Hono => {
  const onError = options.onError ?? defaultOnError
  const app = new Hono()

  app.onError((error, c) => {
    onError(error, c.req.path)
    return c.html(Message.failed(c.req.path, langOf(c.req.query("lang"))), 500)
  })

  const organisation = async (id: string) => (await data.organisations()).find((o) => o.id === id)

  app.get("/", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const organisations = await data.organisations()
    const holdings = await Promise.all(
      organisations.map(async (o): Promise<Home.Holding> => {
        const [workspace, measurements, s3Analyses, cycles] = await Promise.all([
          data.workspace(o.id),
          data.measurements(o.id),
          data.s3Analyses(o.id),
          data.cycles(o.id)
        ])
        return {
          organisation: o,
          workspace,
          measurements: measurements.length,
          s3Analyses: s3Analyses.length,
          cycles: cycles.length
        }
      })
    )
    return c.html(Home.render(holdings, lang))
  })

  app.get("/org/:id", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    if (org === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const [workspace, measurements, s3Analyses, cycles] = await Promise.all([
      data.workspace(org.id),
      data.measurements(org.id),
      data.s3Analyses(org.id),
      data.cycles(org.id)
    ])
    return c.html(Organisation.render({ organisation: org, workspace, measurements, s3Analyses, cycles }, lang))
  })

  app.get("/org/:id/strategy", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const workspace = org && (await data.workspace(org.id))
    if (org === undefined || workspace === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const document = StrategyReport.render(workspace, { lang })
    const title = lang === "sv" ? "Uppföljning av strategin" : "Strategy follow-up"
    return c.html(ReportPage.render({ lang, title, path: c.req.path, organisation: org, document }))
  })

  app.get("/org/:id/measure/:run", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const view = org && (await data.measurements(org.id)).find((m) => m.id === c.req.param("run"))
    if (org === undefined || view === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const document = MeasurementReport.render(measurementInput(view), { lang })
    return c.html(ReportPage.render({ lang, title: view.title[lang], path: c.req.path, organisation: org, document }))
  })

  app.get("/org/:id/s3/:analysis", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const view = org && (await data.s3Analyses(org.id)).find((s) => s.id === c.req.param("analysis"))
    if (org === undefined || view === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const document = S3Report.render({ title: view.title, ...view.input }, { lang })
    return c.html(ReportPage.render({ lang, title: view.title[lang], path: c.req.path, organisation: org, document }))
  })

  app.get("/org/:id/loop/:cycle", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const doc = org && (await data.cycles(org.id)).find((d) => d.cycle.id === c.req.param("cycle"))
    if (org === undefined || doc === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const features = await data.municipalities?.()
    const map = features
      ? { features: features as Choropleth.FeatureCollection, codeProperty: "KnKod", nameProperty: "KnNamn" }
      : undefined
    const document = LoopReport.render(CycleReport.report(doc), { lang, ...(map ? { map } : {}) })
    const title = `${lang === "sv" ? "Innovationsloopen" : "The Innovation Loop"} ${doc.cycle.year}`
    return c.html(ReportPage.render({ lang, title, path: c.req.path, organisation: org, document }))
  })

  // Anything else under /org is a dashboard address that does not exist: answer in HTML, not in problem+json.
  app.get("/org/*", (c) => c.html(Message.notFound(c.req.path, langOf(c.req.query("lang"))), 404))

  return app
}
