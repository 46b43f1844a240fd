import { Strategy, type Workspace } from "@innokraft/domain"
import { CycleReport } from "@innokraft/loop"
import { type Choropleth, LoopReport, MeasurementReport, S3Report, StrategyReport } from "@innokraft/report"
import { Hono } from "hono"
import { forStrategies } from "../internal/workspace.js"
import type { DashboardData, MeasurementView } from "./DashboardData.js"
import * as Home from "./Home.js"
import { langOf, t } from "./internal/Text.js"
import * as Message from "./Message.js"
import * as Organisation from "./Organisation.js"
import * as Projects from "./Projects.js"
import * as ReportPage from "./ReportPage.js"

/**
 * The dashboard: HTML pages over what the server holds, rendered with hono's JSX and `@innokraft/report`.
 *
 * | path                          | page                                                                        |
 * | ----------------------------- | --------------------------------------------------------------------------- |
 * | `/`                           | the organisations and what each has                                         |
 * | `/org/:id`                    | strategy (vision, goals, strength areas), portfolio, links to the reports |
 * | `/org/:id/strategy`           | the follow-up report of the current strategies (superseded ones left out)   |
 * | `/org/:id/strategy/:strategy` | the follow-up report of one strategy                                        |
 * | `/org/:id/projects`           | the project list                                                            |
 * | `/org/:id/projects/:project`  | a project: links, fundings, partners, phases                                |
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

/**
 * The unit of a measurement that is the organisation's own region: the longest unit code its region's NUTS code
 * starts with (SE331 Västerbotten → SE33 Övre Norrland among NUTS 2 units), if any.
 */
export const ownUnit = (
  units: ReadonlyArray<string>,
  workspace: Workspace.Workspace | undefined
): string | undefined => {
  const nuts = workspace?.regions.map((r) => r.nutsCode).filter((c): c is string => c !== undefined) ?? []
  return units.filter((u) => nuts.some((c) => c.startsWith(u))).sort((a, b) => b.length - a.length)[0]
}

/** The measurement report's input from the view the API hands over, centred on the organisation's own unit. */
const measurementInput = (view: MeasurementView, own: string | undefined): MeasurementReport.MeasurementInput => {
  const map = view.map
  return {
    build: view.build,
    title: view.title,
    ...(own === undefined ? {} : { own, profile: own }),
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
  const actualsOf = async (organisationId: string, workspace: Workspace.Workspace) =>
    data.actuals === undefined || workspace.indicatorLinks.length === 0
      ? {}
      : await data.actuals(organisationId, workspace.indicatorLinks)

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

  // The follow-up of the current strategies together (superseded ones left out) and of each strategy on its own.
  app.get("/org/:id/strategy", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const workspace = org && (await data.workspace(org.id))
    if (org === undefined || workspace === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const current = forStrategies(
      workspace,
      workspace.strategies.filter(Strategy.isCurrent).map((s) => s.id)
    )
    const document = StrategyReport.render(current, { lang, actuals: await actualsOf(org.id, current) })
    return c.html(
      ReportPage.render({ lang, title: t.strategyReport[lang], path: c.req.path, organisation: org, document })
    )
  })

  app.get("/org/:id/strategy/:strategy", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const workspace = org && (await data.workspace(org.id))
    const strategy = workspace?.strategies.find((s) => s.id === c.req.param("strategy"))
    if (org === undefined || workspace === undefined || strategy === undefined)
      return c.html(Message.notFound(c.req.path, lang), 404)
    const part = forStrategies(workspace, [strategy.id])
    const document = StrategyReport.render(part, { lang, actuals: await actualsOf(org.id, part) })
    const title = `${t.strategyReport[lang]}: ${strategy.title[lang]}`
    return c.html(ReportPage.render({ lang, title, path: c.req.path, organisation: org, document }))
  })

  app.get("/org/:id/projects", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const workspace = org && (await data.workspace(org.id))
    if (org === undefined || workspace === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    return c.html(Projects.list(org, workspace, lang))
  })

  app.get("/org/:id/projects/:project", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const workspace = org && (await data.workspace(org.id))
    const html = org && workspace && Projects.render(org, workspace, c.req.param("project"), lang)
    if (html === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    return c.html(html)
  })

  app.get("/org/:id/measure/:run", async (c) => {
    const lang = langOf(c.req.query("lang"))
    const org = await organisation(c.req.param("id"))
    const view = org && (await data.measurements(org.id)).find((m) => m.id === c.req.param("run"))
    if (org === undefined || view === undefined) return c.html(Message.notFound(c.req.path, lang), 404)
    const own = ownUnit(view.build.stages.Raw.units, await data.workspace(org.id))
    const document = MeasurementReport.render(measurementInput(view, own), { lang })
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
    const document = LoopReport.render(CycleReport.report(doc), {
      lang,
      ...(map ? { map } : {}),
      ...(data.peopleWithheld === true ? { peopleWithheld: true } : {})
    })
    const title = `${lang === "sv" ? "Innovationsloopen" : "The Innovation Loop"} ${doc.cycle.year}`
    return c.html(ReportPage.render({ lang, title, path: c.req.path, organisation: org, document }))
  })

  // Anything else under /org is a dashboard address that does not exist: answer in HTML, not in problem+json.
  app.get("/org/*", (c) => c.html(Message.notFound(c.req.path, langOf(c.req.query("lang"))), 404))

  return app
}
