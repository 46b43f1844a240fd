import * as Framework from "./Framework.js"
import type * as Spec from "./Spec.js"

const list: ReadonlyArray<readonly [string, string, string, 1 | -1, string]> = [
  [
    "1.1.2",
    "Befolkning med eftergymnasial utbildning",
    "Population with tertiary education",
    1,
    "Framework conditions"
  ],
  ["1.1.3", "Livslångt lärande", "Lifelong learning", 1, "Framework conditions"],
  ["1.2.1", "Internationella sampublikationer", "International scientific co-publications", 1, "Framework conditions"],
  [
    "1.2.2",
    "Publikationer bland de 10 % mest citerade",
    "Scientific publications among the top-10% most cited",
    1,
    "Framework conditions"
  ],
  [
    "1.3.2",
    "Digitala färdigheter över grundnivå",
    "Individuals with above-basic overall digital skills",
    1,
    "Framework conditions"
  ],
  ["2.1.1", "FoU-utgifter, offentlig sektor", "R&D expenditure in the public sector", 1, "Investments"],
  ["2.2.1", "FoU-utgifter, näringslivet", "R&D expenditure in the business sector", 1, "Investments"],
  ["2.2.2", "Innovationsutgifter utöver FoU", "Non-R&D innovation expenditures", 1, "Investments"],
  ["2.2.3", "Innovationsutgifter per sysselsatt", "Innovation expenditures per person employed", 1, "Investments"],
  ["2.3.2", "Sysselsatta IT-specialister", "Employed ICT specialists", 1, "Investments"],
  [
    "3.1.1",
    "Små och medelstora företag med produktinnovationer",
    "SMEs introducing product innovations",
    1,
    "Innovation activities"
  ],
  [
    "3.1.2",
    "Små och medelstora företag med processinnovationer",
    "SMEs introducing business process innovations",
    1,
    "Innovation activities"
  ],
  [
    "3.2.1",
    "Innovativa små och medelstora företag som samarbetar",
    "Innovative SMEs collaborating with others",
    1,
    "Innovation activities"
  ],
  ["3.2.2", "Offentlig–privata sampublikationer", "Public-private co-publications", 1, "Innovation activities"],
  ["3.3.1", "PCT-patentansökningar", "PCT patent applications", 1, "Innovation activities"],
  ["3.3.2", "Varumärkesansökningar", "Trademark applications", 1, "Innovation activities"],
  ["3.3.3", "Designansökningar", "Design applications", 1, "Innovation activities"],
  [
    "4.1.1",
    "Sysselsättning i kunskapsintensiva verksamheter",
    "Employment in knowledge-intensive activities",
    1,
    "Impacts"
  ],
  ["4.1.2", "Sysselsättning i innovativa företag", "Employment in innovative enterprises", 1, "Impacts"],
  ["4.2.3", "Försäljning av nya innovationer", "Sales of new-to-market and new-to-firm innovations", 1, "Impacts"],
  ["4.3.2", "Luftutsläpp av fina partiklar (PM2.5)", "Air emissions by fine particulates (PM2.5)", -1, "Impacts"]
]

/**
 * The 21 indicators of the Regional Innovation Scoreboard 2021/2023 (EIS codes; PM2.5 has direction −1), each
 * with its EIS main group as `type`.
 *
 * @since 0.1.0
 */
export const indicators: ReadonlyArray<Framework.Indicator> = list.map(([code, sv, en, direction, type]) => ({
  code,
  name: { sv, en },
  parent: "RII",
  weight: 1,
  direction,
  denominator: null,
  target: null,
  goalposts: null,
  type,
  source: "European Commission, Regional Innovation Scoreboard"
}))

/**
 * The RIS framework: the 21 indicators, equally weighted, under the Regional Innovation Index `RII`.
 *
 * @since 0.1.0
 */
export const framework = (): Framework.Framework =>
  Framework.make({
    indicators,
    aggregates: [
      {
        code: "RII",
        name: { sv: "Regionalt innovationsindex", en: "Regional Innovation Index" },
        level: 2,
        parent: null
      }
    ],
    levelNames: ["Indicator", "Index"]
  })

/**
 * The RIS computation as a build spec: gaps filled by the last observation (no cross-unit imputation), outliers
 * capped at mean ± 2 sd, square root for indicators with skewness > 1, min–max to [0, 1], unweighted arithmetic mean.
 * Use it with `Results.changeOverTime` so min and max span all regions and years, and with a reference unit (the
 * EU) for the relative-to-EU score and `Results.performanceGroups`.
 *
 * @since 0.1.0
 */
export const spec: Spec.SpecInput = {
  denominate: false,
  impute: { method: "locf" },
  screen: null,
  treat: { method: "ris", sd: 2, sqrtSkewThreshold: 1 },
  normalise: { method: "minmax", range: [0, 1] },
  aggregate: { method: "amean" }
}
