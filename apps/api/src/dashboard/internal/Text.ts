/** The dashboard's own words in Swedish and English (the reports bring theirs). */

export type Lang = "sv" | "en"

/** `?lang=en` selects English; anything else (or nothing) is Swedish. */
export const langOf = (query: string | undefined): Lang => (query === "en" ? "en" : "sv")

/** A dashboard path in a language: Swedish is the default and needs no query. */
export const href = (path: string, lang: Lang): string => (lang === "en" ? `${path}?lang=en` : path)

export const t = {
  dashboard: { sv: "Innokraft – översikt", en: "Innokraft – dashboard" },
  home: { sv: "Översikt", en: "Overview" },
  homeLead: {
    sv: "Organisationerna som servern har publicerade uppgifter för: strategier och projekt, mätningar, analyser för smart specialisering och cykler i Innovationsloopen.",
    en: "The organisations the server holds published records for: strategies and projects, measurements, smart-specialisation analyses and Innovation Loop cycles."
  },
  organisations: { sv: "Organisationer", en: "Organisations" },
  noOrganisations: {
    sv: "Servern har ännu inga organisationer. Lägg till dem genom API:t.",
    en: "The server holds no organisations yet. Add them through the API."
  },
  organisation: { sv: "Organisation", en: "Organisation" },
  strategies: { sv: "Strategier", en: "Strategies" },
  projects: { sv: "Projekt", en: "Projects" },
  activeProjects: { sv: "Aktiva projekt", en: "Active projects" },
  measurements: { sv: "Mätningar", en: "Measurements" },
  s3: { sv: "S3-analyser", en: "S3 analyses" },
  cycles: { sv: "Loopcykler", en: "Loop cycles" },
  goals: { sv: "Mål", en: "Goals" },
  strengthAreas: { sv: "Styrkeområden", en: "Strength areas" },
  vision: { sv: "Vision", en: "Vision" },
  region: { sv: "Region", en: "Region" },
  municipalities: { sv: "kommuner", en: "municipalities" },
  noWorkspace: {
    sv: "Organisationen har ingen publicerad strategi eller portfölj.",
    en: "The organisation has no published strategy or portfolio."
  },
  noStrategies: { sv: "Inga strategier.", en: "No strategies." },
  noGoals: { sv: "Inga mål.", en: "No goals." },
  noStrengthAreas: { sv: "Inga styrkeområden.", en: "No strength areas." },
  portfolio: { sv: "Portfölj", en: "Portfolio" },
  portfolioLead: {
    sv: "Projekten kopplade till strategins mål, insatser och styrkeområden, och deras finansiering.",
    en: "The projects linked to the strategy's goals, efforts and strength areas, and their funding."
  },
  fundings: { sv: "Finansieringsbeslut", en: "Funding decisions" },
  followUp: {
    sv: "Hela uppföljningsrapporten (mål och utfall)",
    en: "The full follow-up report (targets and actuals)"
  },
  strategyReport: { sv: "Uppföljning av strategin", en: "Strategy follow-up" },
  none: { sv: "Inga ännu.", en: "None yet." },
  measurementsLead: {
    sv: "Indexberäkningar med rangordning, prestationsgrupper och karta.",
    en: "Index builds with ranking, performance groups and map."
  },
  s3Lead: {
    sv: "Släktskap och komplexitet, lokaliseringskvoter, skift–andelsanalys och prioriteringar.",
    en: "Relatedness and complexity, location quotients, shift-share and priorities."
  },
  cyclesLead: {
    sv: "Från behov till resultat, möten och inkludering (små antal visas inte).",
    en: "From needs to outcomes, meetings and inclusion (small counts are not shown)."
  },
  units: { sv: "enheter", en: "units" },
  withMap: { sv: "med karta", en: "with map" },
  withIntervals: { sv: "med rangintervall", en: "with rank intervals" },
  synthetic: { sv: "syntetiska data", en: "synthetic data" },
  status: { sv: "Status", en: "Status" },
  api: { sv: "API", en: "API" },
  apiReference: { sv: "API-referens", en: "API reference" },
  openapi: { sv: "OpenAPI-beskrivning", en: "OpenAPI description" },
  language: { sv: "Språk", en: "Language" },
  breadcrumb: { sv: "Du är här", en: "You are here" },
  notFound: { sv: "Sidan finns inte", en: "Page not found" },
  notFoundLead: {
    sv: "Det finns ingen sida på {path}. Kanske är den inte publicerad, eller så har adressen ändrats.",
    en: "There is no page at {path}. Perhaps it is not published, or the address has changed."
  },
  failed: { sv: "Sidan kunde inte visas", en: "The page could not be shown" },
  failedLead: {
    sv: "Servern kunde inte rita sidan; felet har loggats.",
    en: "The server could not draw the page; the error has been logged."
  },
  back: { sv: "Till översikten", en: "Back to the overview" },
  footer: {
    sv: "Innokraft – öppna verktyg för regionala innovationsstrategier. Siderna har inga skript och hämtar inget från nätet; de går att skriva ut.",
    en: "Innokraft – open tools for regional innovation strategies. The pages have no scripts and fetch nothing from the network; they print as they are."
  },
  tier: {
    strength: { sv: "styrkeområde", en: "strength" },
    development: { sv: "utvecklingsområde", en: "development" },
    challenge: { sv: "samhällsutmaning", en: "challenge" },
    enabling: { sv: "möjliggörare", en: "enabling" },
    other: { sv: "övrigt", en: "other" }
  },
  strategyStatus: {
    draft: { sv: "utkast", en: "draft" },
    consultation: { sv: "på remiss", en: "in consultation" },
    adopted: { sv: "antagen", en: "adopted" },
    superseded: { sv: "ersatt", en: "superseded" }
  }
} as const
