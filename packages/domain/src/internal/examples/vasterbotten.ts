import { County, Municipality } from "@innokraft/reference"
import type { Workspace } from "../../Workspace.js"

// Every fact below is taken from ../shared/docs/domain.md (§1, §2) and the seed texts 000–002; the URLs are the
// ones given there. What the sources do not name is marked as a placeholder or said in a note, never guessed.

const risPage = {
  title: "Region Västerbotten: Regional innovationsstrategi",
  url: "https://regionvasterbotten.se/naringsliv-och-samhallsbyggnad/digitalisering-och-innovationsledning/regional-innovationsstrategi"
}
const risAdoption = {
  title: "Region Västerbotten: Stöd till hållbar utveckling, starkt innovationsförmåga och jämlika levnadsvillkor",
  url: "https://regionvasterbotten.se/stod-till-hallbar-utveckling-starkt-innovationsformaga-och-jamlika-levnadsvillkor-i-vasterbotten"
}
const risConsultation = {
  title: "Region Västerbotten: Regional innovationsstrategi – remissförslag",
  url: "https://regionvasterbotten.se/naringsliv-och-samhallsbyggnad/nytankande/regional-innovationsstrategi-eller-remissforslag-eller"
}
const risPdf = {
  title: "Regional innovationsstrategi 2022–2030 / Regional Innovation Strategy 2022–2030 (PDF)",
  url: "https://www.regionvasterbotten.se/strategi-och-analys-av-regional-utveckling/regionala-strategier-planer-och-agendor/regional-strategies-in-english",
  page: "?"
}
const ris2017 = {
  title: "Region Västerbotten: Regional innovationsstrategi (2017)",
  url: "https://www.regionvasterbotten.se/innovation-och-partnerskap/regional-innovationsstrategi"
}
const rivSite = { title: "RIV – Regional innovationsledning i Västerbotten", url: "https://innovationsekosystemet.se/" }
const rivResults = {
  title: "RIV: Mål och resultat",
  url: "https://innovationsekosystemet.se/fokusomraden/mal-och-resultat/"
}
const loopRecord = {
  title: "Interreg Europe good practice: Innovation Loop",
  url: "https://www.interregeurope.eu/policylearning/good-practices/item/13/innovation-loop/"
}
const loopCycle = {
  title: "Mötesplats Lycksele: Innovationsloopen väcker intresse även utanför regionen",
  url: "https://motesplatslycksele.se/2014/10/27/innovationsloopen-vacker-intresse-aven-utanfor-regionen/"
}
const osiris = { title: "Interreg Europe: OSIRIS", url: "https://www.interregeurope.eu/osiris/" }
const osirisActionPlan = {
  title: "OSIRIS: The road to an action plan",
  url: "https://www.interregeurope.eu/osiris/news/news-article/3763/the-road-to-an-action-plan/"
}
const actionPlanDocument = {
  title: "Region Västerbotten Action Plan 2018–2020: Towards an Innovation Loop express for regional development",
  url: "https://docslib.org/doc/8196652/region-v%C3%A4sterbotten-action-plan-2018-2020-towards-an-innovation-loop"
}
const lycksele = { title: "Mötesplats Lycksele: Om", url: "https://motesplatslycksele.se/om/" }
const arenaInland = {
  title: "Region Västerbotten satsar på innovation och samarbete i inlandet",
  url: "https://regionvasterbotten.se/naringsliv/region-vasterbotten-satsar-pa-innovation-och-samarbete-i-inlandet/"
}

const strengthAreaNote =
  "The RIS 2022–2030 names nine strength areas (styrkeområden), but their names are published only in the strategy " +
  "PDF, not in any web text we source from. This is a placeholder to fill in from the PDF; do not guess the name."

/**
 * Västerbotten: the Regional Innovation Strategy 2022–2030 with its vision and two goals, its nine strength areas
 * as placeholders, the RIV and OSIRIS projects, the Innovation Loop and known meeting places.
 */
export const vasterbotten: Workspace = {
  format: "innokraft-workspace",
  version: 2,
  title: { sv: "Västerbottens innovationsarbete", en: "Innovation work in Västerbotten" },
  regions: [
    {
      id: "vasterbotten",
      name: County.get("24").name,
      country: "SE",
      nutsCode: "SE331",
      municipalities: Municipality.inCounty("24").map((m) => ({ code: m.code })),
      note: "Which municipalities count as inland or coast is a policy choice; no zones are set here."
    }
  ],
  actors: [
    {
      id: "region-vasterbotten",
      name: { sv: "Region Västerbotten", en: "Region Västerbotten" },
      helix: "public",
      website: "https://www.regionvasterbotten.se/",
      sources: [risPage]
    },
    {
      id: "tillvaxtverket",
      name: { sv: "Tillväxtverket", en: "Swedish Agency for Economic and Regional Growth" },
      helix: "public",
      supportRoles: ["financier"],
      sources: [rivSite]
    },
    {
      id: "almi",
      name: { sv: "Almi", en: "Almi" },
      note: "Business-support actor at the Innovation Loop's autumn business workshop (Företagsverkstaden).",
      sources: [loopCycle]
    },
    {
      id: "norrlandsfonden",
      name: { sv: "Norrlandsfonden", en: "Norrlandsfonden" },
      note: "Business-support actor at the Innovation Loop's autumn business workshop (Företagsverkstaden).",
      sources: [loopCycle]
    },
    {
      id: "regional-council-of-ostrobothnia",
      name: { sv: "Österbottens förbund", en: "Regional Council of Ostrobothnia" },
      helix: "public",
      country: "FI",
      sources: [osiris]
    },
    {
      id: "abo-akademi",
      name: { sv: "Åbo Akademi", en: "Åbo Akademi University" },
      helix: "academia",
      country: "FI",
      note: "Its Experience Lab evaluated the OSIRIS Ostrobothnia pilot.",
      sources: [osiris]
    },
    {
      id: "autonomous-province-of-trento",
      name: { sv: "Autonoma provinsen Trento", en: "Autonomous Province of Trento" },
      helix: "public",
      country: "IT",
      sources: [osiris]
    },
    {
      id: "province-of-drenthe",
      name: { sv: "Provinsen Drenthe", en: "Province of Drenthe" },
      helix: "public",
      country: "NL",
      sources: [osiris]
    },
    {
      id: "cti-diophantus",
      name: {
        sv: 'Computer Technology Institute & Press "Diophantus"',
        en: 'Computer Technology Institute & Press "Diophantus"'
      },
      country: "GR",
      note: "OSIRIS partner for Western Greece.",
      sources: [osiris]
    },
    {
      id: "municipality-of-fundao",
      name: { sv: "Fundão kommun", en: "Municipality of Fundão" },
      helix: "public",
      country: "PT",
      sources: [osiris]
    }
  ],
  strategies: [
    {
      id: "vasterbotten-rus-2020",
      regionIds: ["vasterbotten"],
      kind: "RUS",
      title: {
        sv: "Regional utvecklingsstrategi för Västerbottens län 2020–2030",
        en: "Regional Development Strategy for Västerbotten 2020–2030"
      },
      period: { start: "2020", end: "2030" },
      status: "adopted",
      note: 'Adoption body and date are not in our sources. Its priority "Nytänkande och smart region" is the RIS vision.',
      sources: [risPage]
    },
    {
      id: "vasterbotten-ris-2022",
      regionIds: ["vasterbotten"],
      kind: "RIS",
      title: {
        sv: "Regional innovationsstrategi för Västerbotten 2022–2030",
        en: "Regional Innovation Strategy 2022–2030"
      },
      period: { start: "2022", end: "2030" },
      vision: { sv: "En nytänkande och smart region", en: "A region of new thinking and smartness" },
      status: "adopted",
      adoptedBy: "Regionala utvecklingsnämnden",
      adoptedAt: "2022-05-25",
      consultationDeadline: "2022-03-11",
      parentStrategyId: "vasterbotten-rus-2020",
      parentPriorityRef: "Nytänkande och smart region",
      note:
        "The English vision is our gloss. The efforts (insatser) under each goal and the names of the nine strength " +
        'areas are only in the strategy PDF. Complemented by "S3 Västerbotten – Roadmap for Smart Economic ' +
        'Transformation" (not modelled: its period and status are not in our sources).',
      sources: [risPage, risAdoption, risConsultation, risPdf]
    },
    {
      id: "vasterbotten-ris-2017",
      regionIds: ["vasterbotten"],
      kind: "RIS",
      title: { sv: "Regional innovationsstrategi för Västerbotten (2017)", en: "Regional Innovation Strategy (2017)" },
      status: "superseded",
      adoptedAt: "2017-03-20",
      note: "Its period is not in our sources; treated as superseded by the RIS 2022–2030.",
      sources: [ris2017]
    }
  ],
  goals: [
    {
      id: "vasterbotten-ris-2022-goal-1",
      strategyId: "vasterbotten-ris-2022",
      order: 1,
      title: {
        sv: "En innovationsmotor för hållbar utveckling",
        en: "An innovation engine for sustainable development"
      },
      description: {
        sv:
          "Västerbotten ska mobilisera och skapa resurser till innovationsutveckling som driver miljö- och " +
          "klimatmässig, social och ekonomisk hållbarhet i Västerbotten och därigenom stärka regionens ställning som " +
          "en innovationsmotor i ett globalt perspektiv.",
        en:
          "Mobilise and create resources for innovation that drives environmental and climate, social and economic " +
          "sustainability, making the region an innovation engine in a global perspective."
      },
      note: "Swedish text verbatim; English is our gloss. The efforts (insatser) under this goal are only in the strategy PDF.",
      sources: [risPage, risPdf]
    },
    {
      id: "vasterbotten-ris-2022-goal-2",
      strategyId: "vasterbotten-ris-2022",
      order: 2,
      title: {
        sv: "Ett ekosystem med starka och inkluderande innovationsprocesser",
        en: "An ecosystem with strong and inclusive innovation processes"
      },
      description: {
        sv:
          "Västerbotten ska mobilisera och skapa resurser till inkluderande innovationsprocesser som driver fram fler " +
          "innovationer och stärker innovationsförmågan i hela regionen.",
        en:
          "Mobilise and create resources for inclusive innovation processes that yield more innovations and " +
          "strengthen innovation capacity across the whole region."
      },
      note: "Swedish text verbatim; English is our gloss. The efforts (insatser) under this goal are only in the strategy PDF.",
      sources: [risPage, risPdf]
    }
  ],
  efforts: [],
  strengthAreas: Array.from({ length: 9 }, (_, i) => ({
    id: `vasterbotten-ris-2022-strength-area-${i + 1}`,
    strategyId: "vasterbotten-ris-2022",
    name: {
      sv: `Styrkeområde ${i + 1} av 9 – namnet står i RIS 2022–2030 (PDF), ej ifyllt`,
      en: `Strength area ${i + 1} of 9 – named in the RIS 2022–2030 PDF, not filled in`
    },
    tier: "strength" as const,
    placeholder: true,
    note: strengthAreaNote,
    sources: [risPdf]
  })),
  projects: [
    {
      id: "vasterbotten-riv",
      title: {
        sv: "Regional innovationsledning i Västerbotten (RIV)",
        en: "Regional innovation management in Västerbotten (RIV)"
      },
      purpose: {
        sv: "Att förbättra innovationsförmågan och öka innovationskapaciteten i Västerbotten.",
        en: "To improve innovation ability and increase innovation capacity in Västerbotten."
      },
      status: "completed",
      coordinatorId: "region-vasterbotten",
      period: { start: "2020-01-01", end: "2023-04-30" },
      note:
        "The project site gives the end as February/March 2023; the project page gives 2023-04-30. Work packages by " +
        "year: 2020 Innovationsledning; 2021 Mätmodell and Analysmodell; 2022 Kunskapshöjning and Mötesplatser " +
        "(parallel, so not modelled as ordered phases). Results: 60 people trained in innovation management; a " +
        "mapping of 31 advisory actors, 10 coworking places/meeting places and 7 incubators/accelerators (not named " +
        "one by one in our sources); the METRIC measurement model (66 indicators). Not linked to a RIS goal: no " +
        "source ties RIV to one goal; it ran in parallel with the strategy's development.",
      sources: [rivSite, rivResults]
    },
    {
      id: "vasterbotten-osiris",
      title: {
        sv: "OSIRIS – Open Social Innovation policies driven by co-creative Regional Innovation ecosystemS",
        en: "OSIRIS – Open Social Innovation policies driven by co-creative Regional Innovation ecosystemS"
      },
      purpose: {
        sv: "Genomföra planer för öppen och social innovation med medborgardriven utveckling i regionala ekosystem.",
        en: "Implement plans for open and social innovation through citizen-driven development in regional ecosystems."
      },
      status: "completed",
      coordinatorId: "region-vasterbotten",
      partnerIds: [
        "regional-council-of-ostrobothnia",
        "abo-akademi",
        "autonomous-province-of-trento",
        "province-of-drenthe",
        "cti-diophantus",
        "municipality-of-fundao"
      ],
      period: { start: "2016-04-01", end: "2020-09-30" },
      phases: [
        {
          id: "exchange",
          order: 1,
          title: { sv: "Erfarenhetsutbyte och handlingsplaner", en: "Exchange and action plans" }
        },
        { id: "monitoring", order: 2, title: { sv: "Uppföljning och pilotprojekt", en: "Monitoring and pilots" } }
      ],
      note:
        "Phase 1 ran 2016–2018 and phase 2 2018–2020 (years only, so the phases carry no dates). An extension ran " +
        "2021-10-01 – 2022-09-30. The eighth partner (Slovak) is not named in our sources. The project code is " +
        'written "PG100029" on obotnia.fi (presumably PGI00029), so no external reference is recorded. Region ' +
        "Västerbotten's Action Plan 2018–2020 targets the ERDF programme for Upper Norrland (SE33).",
      sources: [osiris, osirisActionPlan]
    }
  ],
  programmes: [
    {
      id: "vasterbotten-innovation-loop",
      name: { sv: "Innovationsloopen", en: "The Innovation Loop" },
      description: {
        sv: "En ettårig, cyklisk och öppen (social) innovationsprocess: medborgardriven utveckling satt i system.",
        en: "A one-year, cyclic, open (social) innovation process: citizen-driven development organised as a system."
      },
      ownerId: "region-vasterbotten",
      period: { start: "2013" },
      cyclic: true,
      phases: [
        {
          id: "theme",
          order: 1,
          title: { sv: "Huvudtema fastställs", en: "Theme set" },
          description: {
            sv: "I januari, vid Västerbotten på Grand Hôtel i Stockholm, fastställs årets huvudtema.",
            en: "In January, at Västerbotten på Grand Hôtel in Stockholm, the year's main theme is fixed."
          }
        },
        {
          id: "idea-workshops",
          order: 2,
          title: { sv: "Idéverkstäder", en: "Idea workshops" },
          description: {
            sv: "Under våren på olika platser i regionen; varje verkstad tar ett undertema. De starkaste bidragen går vidare.",
            en: "In spring at different places in the region; each takes a sub-theme. The strongest contributions go on."
          }
        },
        {
          id: "development-workshops",
          order: 3,
          title: { sv: "Utvecklingsverkstäder", en: "Development/prototyping workshops" },
          description: {
            sv: "I juni vid Mötesplats Lycksele: två intensiva dagar då idéer blir prototyper.",
            en: "In June at Mötesplats Lycksele: two intensive days in which ideas become prototypes."
          }
        },
        {
          id: "business-workshop",
          order: 4,
          title: { sv: "Företagsverkstaden", en: "Business workshop" },
          description: {
            sv: "Under hösten möter grupperna stödsystemet (t.ex. Almi, Norrlandsfonden) inför bolagisering.",
            en: "In autumn the groups meet the support system (e.g. Almi, Norrlandsfonden) towards company formation."
          }
        }
      ],
      note:
        "Run by Region Västerbotten since 2013. The Swedish title of phase 1 and the English glosses are ours. The " +
        "current phase is not set: it depends on the date. Interreg Europe's record gives up to 1,500 participants a " +
        "year, about 35 public-sector organisations, about 35 companies, a yearly budget of about EUR 1 million and up " +
        "to 37 new products, services or processes (approximate figures, so not modelled as funding).",
      sources: [loopRecord, loopCycle]
    }
  ],
  fundings: [
    {
      id: "vasterbotten-riv-tillvaxtverket",
      projectId: "vasterbotten-riv",
      source: "Tillväxtverket",
      funderId: "tillvaxtverket",
      note: "Amount not published in our sources.",
      sources: [rivSite]
    },
    {
      id: "vasterbotten-riv-region",
      projectId: "vasterbotten-riv",
      source: "regional",
      funderId: "region-vasterbotten",
      note: "Amount not published in our sources.",
      sources: [rivSite]
    },
    {
      id: "vasterbotten-osiris-interreg",
      projectId: "vasterbotten-osiris",
      source: "Interreg",
      programme: "Interreg Europe",
      note: "The sources give the budget only as about EUR 1.7–2.2 million, so no amount is recorded.",
      sources: [osiris]
    }
  ],
  calls: [],
  meetingPlaces: [
    {
      id: "motesplats-lycksele",
      name: { sv: "Mötesplats Lycksele", en: "Mötesplats Lycksele" },
      description: {
        sv: "Årlig konferens i juni i Lycksele (Region Västerbottens framtidsdagar), med cirka 300 deltagare per år.",
        en: "Yearly conference in June in Lycksele (Region Västerbotten's future days), about 300 participants a year."
      },
      kind: "recurring-event",
      type: "conference",
      ownerId: "region-vasterbotten",
      municipality: "2481",
      website: "https://motesplatslycksele.se/",
      note: "The Innovation Loop's June development workshops are held here. 2024 was its 11th year.",
      sources: [lycksele]
    },
    {
      id: "innovationsarena-inland",
      name: { sv: "Innovationsarena Inland", en: "Innovationsarena Inland" },
      kind: "fixed",
      type: "innovation-arena",
      municipality: "2481",
      services: [
        { sv: "Kontor", en: "Offices" },
        { sv: "Mötesrum", en: "Meeting rooms" },
        { sv: "Teknik för digitala möten", en: "Digital-meeting technology" }
      ],
      note: "A Coompanion initiative, owned by a stakeholder group (not named in our sources).",
      sources: [arenaInland]
    },
    {
      id: "vasterbotten-pa-grand-hotel",
      name: { sv: "Västerbotten på Grand Hôtel", en: "Västerbotten på Grand Hôtel" },
      description: {
        sv: "Mötet i Stockholm i januari där Innovationsloopens huvudtema fastställs.",
        en: "The January meeting in Stockholm where the Innovation Loop's main theme is set."
      },
      kind: "recurring-event",
      type: "conference",
      municipality: "0180",
      sources: [loopCycle]
    }
  ],
  actionPlans: [
    {
      id: "vasterbotten-osiris-action-plan",
      title: {
        sv: "Mot en Innovationsloop-express för regional utveckling",
        en: "Towards an Innovation Loop express for regional development"
      },
      ownerId: "region-vasterbotten",
      period: { start: "2018", end: "2020" },
      projectId: "vasterbotten-osiris",
      strategyIds: [],
      policyInstrument: {
        name: {
          sv: "Regionalfondsprogrammet för Övre Norrland",
          en: "Regional Structural Funds Programme for Upper Norrland"
        },
        fund: "ERDF",
        nutsCode: "SE33"
      },
      actions: [
        {
          id: "action-1",
          title: {
            sv: "Genomföra en strategi för att stärka Innovationsloopen för regional utveckling",
            en: "Implement a strategy to strengthen the Innovation Loop for regional development"
          },
          actorIds: []
        },
        {
          id: "action-2",
          title: {
            sv: "Stärka den deltagande styrningen av policyinstrumentet genom Innovationsloopen",
            en: "Strengthen participatory governance of the policy instrument through the Innovation Loop"
          },
          actorIds: []
        },
        {
          id: "action-3",
          title: {
            sv: "Stimulera synergier mellan projekt genom Innovation Loop Express",
            en: "Stimulate synergies between projects through the Innovation Loop Express"
          },
          actorIds: []
        }
      ],
      note:
        "The Swedish titles are our translations of the English plan. The plan also holds a SWOT of the Loop and a " +
        "list of the local stakeholder group's meetings, not recorded here; the actions' players and timeframes are not in our sources.",
      sources: [actionPlanDocument, osirisActionPlan]
    }
  ],
  indicatorLinks: [
    {
      id: "vasterbotten-ris-2022-goal-1-rd-business",
      indicator: "rd_private_eur_hab",
      subject: { kind: "goal", id: "vasterbotten-ris-2022-goal-1" },
      name: {
        sv: "FoU-utgifter i näringslivet per invånare, Övre Norrland",
        en: "Business R&D expenditure per inhabitant, Upper Norrland"
      },
      unit: "SE33",
      measure: { sv: "euro per invånare", en: "EUR per inhabitant" },
      seriesSource: {
        title: "Eurostat rd_e_gerdreg, sector of performance BES (via Nesta EURITO indicators)",
        url: "https://ec.europa.eu/eurostat/cache/metadata/en/rd_esms.htm"
      },
      baseline: { year: 2015, value: 275.7 },
      note:
        "Our link, not the region's: the RIS 2022–2030 names no indicator for the goal. Sweden reports regional R&D in " +
        "odd years only; Övre Norrland (SE33, NUTS 2) is the smallest region the series covers, so it stands for " +
        "Västerbotten."
    }
  ],
  targets: [
    {
      id: "vasterbotten-rd-business-2025",
      indicatorLinkId: "vasterbotten-ris-2022-goal-1-rd-business",
      year: 2025,
      value: 300,
      unit: "EUR per inhabitant",
      illustrative: true,
      note: "Illustrative: no target has been decided; set for the example of a follow-up."
    },
    {
      id: "vasterbotten-rd-business-2030",
      indicatorLinkId: "vasterbotten-ris-2022-goal-1-rd-business",
      year: 2030,
      value: 400,
      unit: "EUR per inhabitant",
      illustrative: true,
      note: "Illustrative: no target has been decided; set for the example of a follow-up."
    }
  ],
  contacts: [],
  note:
    "Built only from sourced facts (see the sources on each record). Gaps: the nine strength areas' names and the " +
    "efforts under the two goals (strategy PDF only); the 31 advisory actors, 10 meeting places and 7 incubators " +
    "mapped by RIV (counts only); the Innovation Loop's online idea platform (unnamed)."
}
