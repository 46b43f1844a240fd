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
  activeProjects: { sv: "Pågående projekt", en: "Active projects" },
  measurements: { sv: "Mätningar", en: "Measurements" },
  s3: { sv: "S3-analyser", en: "S3 analyses" },
  cycles: { sv: "Loopcykler", en: "Loop cycles" },
  goals: { sv: "Mål", en: "Goals" },
  strengthAreas: { sv: "Styrkeområden", en: "Strength areas" },
  vision: { sv: "Vision", en: "Vision" },
  region: { sv: "Region", en: "Region" },
  municipalities: { sv: { one: "kommun", other: "kommuner" }, en: { one: "municipality", other: "municipalities" } },
  unitsCounted: { sv: { one: "enhet", other: "enheter" }, en: { one: "unit", other: "units" } },
  placeholdersCounted: {
    sv: { one: "platshållare ej ifylld", other: "platshållare ej ifyllda" },
    en: { one: "placeholder not filled in", other: "placeholders not filled in" }
  },
  placeholder: { sv: "platshållare, ej ifylld", en: "placeholder, not filled in" },
  placeholdersLead: {
    sv: "Platshållare står för uppgifter som en källa nämner men som ännu inte är ifyllda; de räknas inte.",
    en: "Placeholders stand for records a source names but that are not filled in yet; they are not counted."
  },
  superseded: { sv: "Tidigare strategier (ersatta)", en: "Earlier strategies (superseded)" },
  supersededLead: {
    sv: "Ersatta strategier visas för historiken men räknas inte i de aktuella siffrorna.",
    en: "Superseded strategies are shown for the record but are left out of the current figures."
  },
  currentStrategies: { sv: "Aktuella strategier", en: "Current strategies" },
  projectsByStatus: { sv: "Projekt efter status", en: "Projects by status" },
  count: { sv: "Antal", en: "Count" },
  allProjects: { sv: "Alla projekt", en: "All projects" },
  projectList: { sv: "Projektlistan", en: "The project list" },
  skip: { sv: "Hoppa till innehållet", en: "Skip to the content" },
  project: { sv: "Projekt", en: "Project" },
  period: { sv: "Period", en: "Period" },
  coordinator: { sv: "Samordnare", en: "Coordinator" },
  partners: { sv: "Partner", en: "Partners" },
  references: { sv: "Externa referenser", en: "External references" },
  links: { sv: "Kopplingar till strategin", en: "Links to the strategy" },
  linkKind: { sv: "Typ", en: "Kind" },
  linkedTo: { sv: "Kopplat till", en: "Linked to" },
  weight: { sv: "Vikt", en: "Weight" },
  kind: {
    goal: { sv: "Mål", en: "Goal" },
    effort: { sv: "Insats", en: "Effort" },
    strengthArea: { sv: "Styrkeområde", en: "Strength area" }
  },
  source: { sv: "Källa", en: "Source" },
  programme: { sv: "Program", en: "Programme" },
  amount: { sv: "Belopp", en: "Amount" },
  currency: { sv: "Valuta", en: "Currency" },
  unknownAmount: { sv: "okänt belopp", en: "amount unknown" },
  phases: { sv: "Faser", en: "Phases" },
  phase: { sv: "Fas", en: "Phase" },
  currentPhase: { sv: "pågående fas", en: "current phase" },
  fundingSource: {
    ERDF: { sv: "Europeiska regionala utvecklingsfonden (ERUF)", en: "European Regional Development Fund (ERDF)" },
    "ESF+": { sv: "Europeiska socialfonden+ (ESF+)", en: "European Social Fund+ (ESF+)" },
    Interreg: { sv: "Interreg", en: "Interreg" },
    "Horizon Europe": { sv: "Horisont Europa", en: "Horizon Europe" },
    Vinnova: { sv: "Vinnova", en: "Vinnova" },
    Tillväxtverket: { sv: "Tillväxtverket", en: "Tillväxtverket" },
    "anslag-1-1": { sv: "Anslag 1:1 (regionala tillväxtåtgärder)", en: "Appropriation 1:1 (regional growth measures)" },
    regional: { sv: "regional finansiering", en: "regional funding" },
    municipal: { sv: "kommunal finansiering", en: "municipal funding" },
    private: { sv: "privat finansiering", en: "private funding" },
    other: { sv: "övrig finansiering", en: "other funding" }
  },
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
    sv: "Uppföljning av de aktuella strategierna (täckning, finansiering, mål och utfall)",
    en: "Follow-up of the current strategies (coverage, funding, targets and actuals)"
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
    sv: "Innokraft – öppna verktyg för regionala innovationsstrategier. Sidorna har inga skript och hämtar inget från nätet; de går att skriva ut.",
    en: "Innokraft – open tools for regional innovation strategies. The pages have no scripts and fetch nothing from the network; they print as they are."
  },
  tier: {
    strength: { sv: "styrkeområde", en: "strength" },
    development: { sv: "utvecklingsområde", en: "development" },
    challenge: { sv: "samhällsutmaning", en: "challenge" },
    enabling: { sv: "möjliggörare", en: "enabling" },
    other: { sv: "övrigt", en: "other" }
  },
  projectStatus: {
    idea: { sv: "idé", en: "idea" },
    proposal: { sv: "förslag", en: "proposal" },
    submitted: { sv: "ansökt", en: "submitted" },
    approved: { sv: "beviljat", en: "approved" },
    active: { sv: "pågående", en: "active" },
    completed: { sv: "avslutat", en: "completed" },
    rejected: { sv: "avslaget", en: "rejected" },
    withdrawn: { sv: "återdraget", en: "withdrawn" },
    cancelled: { sv: "avbrutet", en: "cancelled" }
  },
  strategyKind: {
    RUS: { sv: "Regional utvecklingsstrategi (RUS)", en: "Regional development strategy (RUS)" },
    RIS: { sv: "Regional innovationsstrategi (RIS)", en: "Regional innovation strategy (RIS)" },
    RIS3: { sv: "Strategi för smart specialisering (RIS3)", en: "Smart specialisation strategy (RIS3)" },
    S3: { sv: "Smart specialisering (S3)", en: "Smart specialisation (S3)" },
    roadmap: { sv: "Färdplan", en: "Roadmap" },
    "digital-agenda": { sv: "Digital agenda", en: "Digital agenda" }
  },
  strategyStatus: {
    draft: { sv: "utkast", en: "draft" },
    consultation: { sv: "på remiss", en: "in consultation" },
    adopted: { sv: "antagen", en: "adopted" },
    superseded: { sv: "ersatt", en: "superseded" }
  }
} as const
