import { County, Municipality } from "@innokraft/reference"
import type { Workspace } from "../../Workspace.js"

// Facts from ../shared/docs/domain.md §3 and seed 004. Names in English are as registered on the EU S3 Platform;
// Swedish names other than "Skoglig bioekonomi" and the descriptions are our own words, as each note says.

const strategyPage = {
  title: "Region Västernorrland: Västernorrlands innovationsstrategi för smart specialisering",
  url: "https://www.rvn.se/sv/utveckla-vasternorrland/naringslivsutveckling/smart-specialisering/vasternorrlands-innovationsstrategi-for-smart-specialisering/"
}
const tiersPage = {
  title: "Region Västernorrland: Smart specialisering",
  url: "https://www.rvn.se/sv/utveckla-vasternorrland/naringslivsutveckling/smart-specialisering/"
}
const s3Platform = {
  title: "EU S3 Platform: region page SE321",
  url: "https://s3platform.jrc.ec.europa.eu/region-page-test/-/regions/SE321"
}
const forestPage = {
  title: "Region Västernorrland: Skoglig bioekonomi",
  url: "https://www.rvn.se/sv/Utveckling/naringsliv_innovation_digitalisering/smart-specialisering/styrkeomraden/skoglig-bioekonomi/"
}
const kohesio = { title: "Kohesio: project Q7362065", url: "https://kohesio.eu/en/projects/Q7362065" }

const ourWords = "Descriptions are our summaries of the source, in both languages."

/** Västernorrland: the RIS3 adopted in December 2020 and its three published S3 priorities. */
export const vasternorrland: Workspace = {
  format: "innokraft-workspace",
  version: 2,
  title: { sv: "Västernorrlands smarta specialisering", en: "Smart specialisation in Västernorrland" },
  regions: [
    {
      id: "vasternorrland",
      name: County.get("22").name,
      country: "SE",
      nutsCode: "SE321",
      municipalities: Municipality.inCounty("22").map((m) => ({ code: m.code }))
    }
  ],
  actors: [
    {
      id: "region-vasternorrland",
      name: { sv: "Region Västernorrland", en: "Region Västernorrland" },
      helix: "public",
      website: "https://www.rvn.se/",
      sources: [strategyPage]
    }
  ],
  strategies: [
    {
      id: "vasternorrland-ris3-2020",
      regionIds: ["vasternorrland"],
      kind: "RIS3",
      title: {
        sv: "Västernorrlands innovationsstrategi för smart specialisering",
        en: "Västernorrland's Regional Innovation Strategy for Smart Specialisation"
      },
      status: "adopted",
      adoptedAt: "2020-12",
      note:
        "Developed 2018–2020 in dialogue with business, research and public actors; guides the use of ERDF funds " +
        "for research and innovation and includes results-based systems for monitoring and evaluation. Its period " +
        "is not stated in our sources. Two tiers: strength areas and development areas.",
      sources: [strategyPage, tiersPage]
    }
  ],
  goals: [],
  efforts: [],
  strengthAreas: [
    {
      id: "vasternorrland-forest-based-bioeconomy",
      strategyId: "vasternorrland-ris3-2020",
      name: { sv: "Skoglig bioekonomi", en: "Forest-based bioeconomy" },
      description: {
        sv:
          "Att genom bioraffinering förädla skogsbiomassa till produkter med högre värde: livsmedel och foder, " +
          "bioenergi, gröna kemikalier, cellulosafiber och nanocellulosa, textilier.",
        en:
          "Turning forest biomass into higher-value products through biorefining: food and feed, bioenergy, green " +
          "chemicals, cellulose fibre and nanocellulose, textiles."
      },
      tier: "strength",
      challenges: {
        sv:
          "Sysselsättning, utbildning, löner och kön är ojämnt fördelade i branschen, branschen är svagt lokalt " +
          "förankrad och mer entreprenörskap i små och medelstora företag behövs.",
        en:
          "Employment, education, wages and gender are unevenly split across the sector, the industry is weakly " +
          "embedded locally, and more SME entrepreneurship is needed."
      },
      note: `${ourWords} Eye@RIS3 category codes are not in our sources.`,
      sources: [s3Platform, forestPage]
    },
    {
      id: "vasternorrland-renewable-energy",
      strategyId: "vasternorrland-ris3-2020",
      name: {
        sv: "Förnybar energi – elproduktion från sol, vind, vatten och bioenergi",
        en: "Renewable energy – solar, wind, hydro and bioenergy power generation"
      },
      description: {
        sv: "Elproduktion från regionens förnybara källor.",
        en: "Electricity generation from the region's renewable sources."
      },
      tier: "strength",
      note: `The English name is as registered on the S3 Platform; the Swedish name is our translation. ${ourWords}`,
      sources: [s3Platform]
    },
    {
      id: "vasternorrland-autonomous-mobility",
      strategyId: "vasternorrland-ris3-2020",
      name: { sv: "Autonom mobilitet", en: "Autonomous mobility" },
      description: {
        sv:
          "Bygger på nischtillverkare av fordon och fartyg – elrullstolar, aluminiumbåtar, terräng- och militärfordon, " +
          "specialfartyg – på väg mot självkörande lösningar.",
        en:
          "Builds on niche vehicle and vessel makers – electric wheelchairs, aluminium boats, off-road and military " +
          "vehicles, special vessels – moving towards self-driving solutions."
      },
      tier: "development",
      note: `A development area with potential to become a strength area. The Swedish name is our translation. ${ourWords}`,
      sources: [s3Platform]
    }
  ],
  projects: [
    {
      id: "vasternorrland-s3-implementation",
      title: {
        sv: "Genomförande av Västernorrlands smarta specialisering (Kohesio Q7362065)",
        en: "Implementing Västernorrland's smart specialisation (Kohesio Q7362065)"
      },
      purpose: {
        sv:
          "Stärka stödsystemets strukturer kring S3-områdena; färdplaner, analyser och kunskapsunderlag; metoder för " +
          "bredare delaktighet.",
        en:
          "Strengthen support-system structures around the S3 areas; roadmaps, analyses and knowledge bases; methods " +
          "for wider participation."
      },
      status: "active",
      period: { start: "2024-02-01", end: "2027-05-31" },
      externalRefs: [{ system: "kohesio", value: "Q7362065", url: "https://kohesio.eu/en/projects/Q7362065" }],
      links: [
        { kind: "strengthArea", id: "vasternorrland-forest-based-bioeconomy" },
        { kind: "strengthArea", id: "vasternorrland-renewable-energy" },
        { kind: "strengthArea", id: "vasternorrland-autonomous-mobility" }
      ],
      note:
        "The title is descriptive: the project's own title and its beneficiary are not in our sources. It works " +
        "around all S3 areas, so it is linked to the three captured ones with equal weight.",
      sources: [kohesio]
    }
  ],
  programmes: [],
  fundings: [
    {
      id: "vasternorrland-s3-implementation-erdf",
      projectId: "vasternorrland-s3-implementation",
      source: "ERDF",
      amount: 516_000,
      currency: "EUR",
      period: { start: "2024-02-01", end: "2027-05-31" },
      note: 'Given as "EUR 516k" (rounded) in our source summary, which does not say whether it is the total budget or the EU share.',
      sources: [kohesio]
    }
  ],
  calls: [],
  meetingPlaces: [],
  actionPlans: [],
  indicatorLinks: [],
  targets: [],
  contacts: [],
  note:
    "Further S3 priorities exist but were not captured (the S3 Platform page text ends after these three). An " +
    "Interreg Europe peer review (2025) names renewable energy and advanced manufacturing as the S3 strengths. " +
    'Background analysis: Oxford Research, "Kartläggning och analys av styrkeområden i Västernorrland" (2018).'
}
