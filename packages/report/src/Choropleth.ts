import { extent } from "d3-array"
import { geoArea, geoPath, geoTransverseMercator } from "d3-geo"
import { scaleQuantize } from "d3-scale"
import type * as GeoJson from "geojson"
import type { Chart } from "./Figure.js"
import { el, esc } from "./internal/Html.js"
import { type Frame, hatchDefs, idFrom, legend, root } from "./internal/Svg.js"
import { words } from "./internal/Words.js"
import { formatNumber, type Lang } from "./Lang.js"
import { interpolator, type Sequential } from "./Palette.js"
import * as Table from "./Table.js"

/**
 * Choropleth map of areas (Swedish counties or municipalities, or any GeoJSON with a code property): classed
 * colours (equal intervals on a nice domain) from a colour-blind-safe sequential scheme, hatched areas without data,
 * a legend and the table of values. The projection is d3-geo's transverse Mercator on 15° E (the central meridian
 * of SWEREF 99 TM) fitted to the size.
 *
 * @since 0.1.0
 */

/**
 * A GeoJSON feature as the map needs it (structural, so a parsed file fits without a cast and the public types do
 * not depend on `@types/geojson`).
 *
 * @since 0.1.0
 */
export interface Feature {
  readonly type: "Feature"
  readonly properties: Readonly<Record<string, unknown>> | null
  readonly geometry: { readonly type: string } | null
}

/**
 * A GeoJSON FeatureCollection (WGS84 longitude/latitude).
 *
 * @since 0.1.0
 */
export interface FeatureCollection {
  readonly type: "FeatureCollection"
  readonly features: ReadonlyArray<Feature>
}

/**
 * The input of {@link render}. `features` is a parsed GeoJSON FeatureCollection (WGS84), e.g.
 * `shared/data/se-boundaries/lan.geojson` with `codeProperty: "LnKod"`.
 *
 * @since 0.1.0
 */
export interface ChoroplethInput extends Frame {
  readonly lang: Lang
  readonly features: FeatureCollection
  /** The feature property that holds the area code (`LnKod`, `KnKod`). */
  readonly codeProperty: string
  /** The feature property that holds the area name (`LnNamn`, `KnNamn`); the code when omitted. */
  readonly nameProperty?: string
  /** Names that override the property (e.g. full county names from `@innokraft/reference`). */
  readonly names?: Readonly<Record<string, string>>
  /** Value by area code; areas without an entry or with `null` are "no data". */
  readonly values: Readonly<Record<string, number | null>>
  readonly valueLabel: string
  /** Number of colour classes (default 5). */
  readonly classes?: number
  readonly scheme?: Sequential
  readonly digits?: number
  /**
   * The values are whole counts (meetings, projects): classes are ranges of whole numbers labelled "3–4" (or "3"),
   * at most one class per number, so that no class label is a fractional or overlapping range.
   */
  readonly integer?: boolean
  readonly width?: number
  /** The largest height of the map area; the SVG is as tall as the fitted map needs (plus the legend). */
  readonly height?: number
}

/**
 * A legend class: its colour and value range.
 *
 * @since 0.1.0
 */
export interface Class {
  readonly colour: string
  readonly from: number
  readonly to: number
}

/**
 * The colour classes: equal intervals over the nice extent of the values.
 *
 * @since 0.1.0
 */
export const classes = (input: ChoroplethInput): ReadonlyArray<Class> => {
  const vs = Object.values(input.values).filter((v): v is number => v !== null && Number.isFinite(v))
  const k = input.classes ?? 5
  const [lo, hi] = vs.length > 0 ? (extent(vs) as [number, number]) : [0, 1]
  const colours = Array.from({ length: k }, (_, j) => colourAt(input, j, k))
  if (input.integer === true) {
    // whole numbers lo..hi as the half-open [lo, hi + 1), cut at whole-number thresholds
    const a = Math.floor(lo)
    const b = Math.ceil(hi) + 1
    const n = Math.max(1, Math.min(k, b - a))
    const range = colours.length === n ? colours : Array.from({ length: n }, (_, j) => colourAt(input, j, n))
    const cuts = scaleQuantize<string>().domain([a, b]).range(range).thresholds().map(Math.ceil)
    const edges = [a, ...cuts, b]
    return range.map((colour, j) => ({ colour, from: edges[j]!, to: edges[j + 1]! }))
  }
  const q = scaleQuantize<string>()
    .domain([lo, hi === lo ? lo + 1 : hi])
    .nice(k)
    .range(colours)
  return colours.map((colour) => {
    const [from, to] = q.invertExtent(colour) as [number, number]
    return { colour, from, to }
  })
}

// light for low values, dark for high: the conventional reading of a choropleth
const colourAt = (input: ChoroplethInput, j: number, k: number): string =>
  interpolator(input.scheme ?? "viridis")(1 - j / Math.max(1, k - 1))

const digitsOf = (input: ChoroplethInput): number => input.digits ?? (input.integer === true ? 0 : 1)

const classOf = (cls: ReadonlyArray<Class>, v: number): Class => {
  for (const c of cls) if (v < c.to) return c
  return cls.at(-1)!
}

/** d3-geo wants exterior rings clockwise (the opposite of RFC 7946); a ring covering more than half the sphere is reversed. */
const rewind = (input: Feature): GeoJson.Feature => {
  const feature = input as GeoJson.Feature
  if (feature.geometry === null || geoArea(feature) <= 2 * Math.PI) return feature
  const rev = (rings: Array<Array<GeoJson.Position>>) => rings.map((r) => [...r].reverse())
  const g = feature.geometry
  const geometry: GeoJson.Geometry =
    g.type === "Polygon"
      ? { ...g, coordinates: rev(g.coordinates) }
      : g.type === "MultiPolygon"
        ? { ...g, coordinates: g.coordinates.map(rev) }
        : g
  return { ...feature, geometry }
}

/**
 * The code and the name of a feature.
 *
 * @since 0.1.0
 */
export const identify = (input: ChoroplethInput, feature: Feature): { code: string; name: string } => {
  const code = String(feature.properties?.[input.codeProperty] ?? "")
  const fromProperty = input.nameProperty ? feature.properties?.[input.nameProperty] : undefined
  const name = input.names?.[code] ?? (fromProperty === undefined ? code : String(fromProperty))
  return { code, name }
}

/**
 * The SVG of the map.
 *
 * @since 0.1.0
 */
export const svg = (input: ChoroplethInput): string => {
  const width = input.width ?? 360
  let height = input.height ?? 620
  const features = input.features.features.map(rewind)
  const fc: GeoJson.FeatureCollection = { type: "FeatureCollection", features }
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitExtent(
      [
        [6, 6],
        [width - 6, height - 6]
      ],
      fc
    )
  // a map wider than the extent's proportions is moved to the top and the SVG cut to its height (no empty band)
  const [[, y0], [, y1]] = geoPath(projection).bounds(fc)
  if (Number.isFinite(y0) && Number.isFinite(y1) && y1 - y0 < height - 12) {
    const [tx, ty] = projection.translate()
    projection.translate([tx, ty - (y0 - 6)])
    height = Math.ceil(y1 - y0 + 12)
  }
  const path = geoPath(projection)
  const cls = classes(input)
  const hatch = idFrom("hatch", input.title)
  let areas = ""
  let anyMissing = false
  for (const f of features) {
    const { code, name } = identify(input, f)
    const v = input.values[code] ?? null
    const has = v !== null && Number.isFinite(v)
    if (!has) anyMissing = true
    const d = path(f)
    if (!d) continue
    areas += el(
      "path",
      {
        d,
        fill: has ? classOf(cls, v).colour : `url(#${hatch})`,
        stroke: "#ffffff",
        "stroke-width": 0.6,
        "data-code": code,
        class: "ik-area"
      },
      el("title", {}, esc(`${name}: ${has ? formatNumber(v, input.lang, digitsOf(input)) : words.missing[input.lang]}`))
    )
  }
  const digits = digitsOf(input)
  const swatches = cls.map((c) => ({
    label:
      input.integer === true
        ? c.to - c.from <= 1
          ? formatNumber(c.from, input.lang, 0)
          : `${formatNumber(c.from, input.lang, 0)}–${formatNumber(c.to - 1, input.lang, 0)}`
        : `${formatNumber(c.from, input.lang, digits)} – ${formatNumber(c.to, input.lang, digits)}`,
    colour: c.colour
  }))
  if (anyMissing) swatches.push({ label: words.missing[input.lang], colour: "#eeeeee" })
  const items = swatches.map((s, k) => ({ ...s, hatched: anyMissing && k === swatches.length - 1 }))
  let legendSvg = el("text", { x: 8, y: height + 14, fill: "#111" }, esc(input.valueLabel))
  // one swatch per row keeps the legend readable beside a tall map
  let y = height + 22
  for (const item of items) {
    legendSvg += legend([item], 8, y, width - 16, hatch).svg
    y += 18
  }
  return root(
    "choropleth",
    input,
    width,
    y + 6,
    hatchDefs(hatch) + el("g", { class: "ik-areas" }, areas) + el("g", { class: "ik-legend" }, legendSvg)
  )
}

/**
 * The data table: code, name and value of every area, sorted by value (missing last).
 *
 * @since 0.1.0
 */
export const table = (input: ChoroplethInput): string => {
  const rows = input.features.features.map((f) => {
    const { code, name } = identify(input, f)
    const v = input.values[code] ?? null
    return [code, name, v !== null && Number.isFinite(v) ? v : null] as const
  })
  rows.sort(
    (a, b) => (b[2] ?? Number.NEGATIVE_INFINITY) - (a[2] ?? Number.NEGATIVE_INFINITY) || a[0].localeCompare(b[0])
  )
  return Table.render({
    caption: input.title,
    columns: [
      { label: words.code[input.lang] },
      { label: words.name[input.lang] },
      { label: input.valueLabel, numeric: true, digits: digitsOf(input) }
    ],
    rows: rows.map((r) => [...r]),
    lang: input.lang
  })
}

/**
 * The map and its table.
 *
 * @since 0.1.0
 */
export const render = (input: ChoroplethInput): Chart => ({ svg: svg(input), table: table(input) })
