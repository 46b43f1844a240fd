import { Municipality } from "@innokraft/reference"
import type { Workspace } from "../../Workspace.js"

// Facts from ../shared/docs/domain.md §4.3 and seed 003 (Vinnova's project page).

const vinnovaSv = {
  title: "Vinnova: Innovationsplattform Borås",
  url: "https://www.vinnova.se/p/innovationsplattform-boras/"
}
const vinnovaEn = {
  title: "Vinnova: Innovation platform Borås",
  url: "https://www.vinnova.se/en/p/innovation-platform-boras/"
}
const ipbAbout = { title: "Innovationsplattform Borås: Om oss", url: "https://www.innovationsplattformboras.se/om-oss" }
const ipbBackground = {
  title: "Innovationsplattform Borås: Bakgrund",
  url: "http://www.innovationsplattformboras.se/bakgrund-31830139"
}

/** Borås: the Vinnova-funded Innovationsplattform Borås (2015-06046), its four phases and its predecessor. */
export const boras: Workspace = {
  format: "innokraft-workspace",
  version: 2,
  title: { sv: "Innovationsplattform Borås", en: "Innovation Platform Borås" },
  regions: [
    {
      id: "boras",
      name: Municipality.get("1490").label,
      country: "SE",
      nutsCode: "SE232",
      municipalities: [{ code: "1490" }],
      note: "A city workspace: the region is the municipality; SE232 is the NUTS 3 region (Västra Götaland) it lies in."
    }
  ],
  actors: [
    {
      id: "boras-stad",
      name: { sv: "Borås Stad", en: "City of Borås" },
      helix: "public",
      municipality: "1490",
      note: "Coordinator through Stadskansliet.",
      sources: [vinnovaSv]
    },
    {
      id: "hogskolan-i-boras",
      name: { sv: "Högskolan i Borås", en: "University of Borås" },
      helix: "academia",
      municipality: "1490",
      sources: [vinnovaEn]
    },
    {
      id: "boras-energi-och-miljo",
      name: { sv: "Borås Energi och Miljö", en: "Borås Energi och Miljö" },
      sources: [vinnovaEn]
    },
    { id: "rise", name: { sv: "RISE (tidigare SP)", en: "RISE (formerly SP)" }, sources: [vinnovaEn] },
    {
      id: "vinnova",
      name: { sv: "Vinnova", en: "Vinnova" },
      helix: "public",
      supportRoles: ["financier"],
      website: "https://www.vinnova.se/",
      sources: [vinnovaSv]
    }
  ],
  strategies: [],
  goals: [],
  efforts: [],
  strengthAreas: [],
  projects: [
    {
      id: "boras-ipb",
      title: { sv: "Innovationsplattform Borås", en: "Innovation Platform Borås" },
      purpose: {
        sv:
          "Projektet syftar till att öka stadens innovationskapacitet och förmågan att lösa komplexa och sammansatta " +
          "samhälls- och hållbarhetsutmaningar genom samverkan med akademi, näringsliv och civilsamhälle.",
        en:
          "To raise the city's innovation capacity and its ability to solve complex societal and sustainability " +
          "challenges through collaboration with academia, business and civil society."
      },
      status: "completed",
      coordinatorId: "boras-stad",
      partnerIds: ["hogskolan-i-boras", "boras-energi-och-miljo", "rise"],
      period: { start: "2016-02", end: "2019-08" },
      externalRefs: [
        { system: "vinnova", value: "2015-06046", url: "https://www.vinnova.se/p/innovationsplattform-boras/" }
      ],
      note:
        'Vinnova\'s page still says "Pågående" (ongoing), but its period ended in August 2019, so the status here is ' +
        "completed. Swedish purpose verbatim; English is our gloss. One of six Vinnova city innovation platforms " +
        "(Stockholm, Malmö, Göteborg, Lund, Kiruna, Borås). No strategy is modelled, so it has no links.",
      sources: [vinnovaSv, vinnovaEn]
    },
    {
      id: "boras-norrby",
      title: { sv: "Innovationsplattform Norrby", en: "Innovation Platform Norrby" },
      purpose: {
        sv: "Stadsdelen Norrby som levande laboratorium (t.ex. avfallssystem, medborgartjänster, boende).",
        en: "The Norrby district as a living lab (e.g. waste systems, citizen services, housing)."
      },
      status: "completed",
      period: { start: "2013", end: "2015" },
      note: "The predecessor of Innovationsplattform Borås. Coordinator and funding are not in our sources.",
      sources: [ipbBackground]
    }
  ],
  programmes: [
    {
      id: "boras-ipb-platform",
      name: { sv: "Innovationsplattform Borås (IPB)", en: "Innovation Platform Borås (IPB)" },
      description: {
        sv: "En långsiktig och öppen innovationsplattform i Borås.",
        en: "A long-term, open innovation platform in Borås."
      },
      ownerId: "boras-stad",
      funderIds: ["vinnova"],
      projectIds: ["boras-ipb"],
      period: { start: "2016-02", end: "2019-08" },
      phases: [
        {
          id: "establishment",
          order: 1,
          title: { sv: "Etablering och förankring", en: "Establishment and anchoring" },
          description: {
            sv: "Etablera plattformen i organisationen och omgivande samhället, samt ta fram verktyg/metoder för innovation.",
            en: "Establish the platform in the organisation and in society; produce innovation tools and methods."
          }
        },
        {
          id: "collaboration",
          order: 2,
          title: { sv: "Samarbete och lärande", en: "Collaboration and learning" },
          description: {
            sv:
              "Samarbeta kring konkreta stadsutvecklingsprojekt och tillämpa etablerade metoder/verktyg för att lösa " +
              "problem och överbrygga strukturella hinder i organisationen.",
            en: "Apply the methods in concrete urban-development projects to remove structural obstacles."
          }
        },
        {
          id: "scaling",
          order: 3,
          title: { sv: "Uppskalning och analys", en: "Scaling up and analysis" },
          description: { sv: "Utvärdering och analys av arbetet.", en: "Evaluation and analysis of the work." }
        },
        {
          id: "formalisation",
          order: 4,
          title: { sv: "Formalisering och implementering", en: "Formalisation and implementation" },
          description: {
            sv: "Formalisera långsiktig struktur och arbetssätt.",
            en: "Formalise a long-term structure and way of working."
          }
        }
      ],
      note:
        "Phase texts in Swedish are verbatim from Vinnova's page; English is our gloss. The phases carry no dates " +
        "and the current phase is not set: the sources do not say when each phase ran. The platform receives " +
        "project and idea requests from researchers, entrepreneurs, municipal staff and residents.",
      sources: [vinnovaSv, ipbAbout]
    }
  ],
  fundings: [
    {
      id: "boras-ipb-vinnova",
      projectId: "boras-ipb",
      source: "Vinnova",
      funderId: "vinnova",
      amount: 6_850_000,
      currency: "SEK",
      period: { start: "2016-02", end: "2019-08" },
      sources: [vinnovaSv]
    }
  ],
  calls: [],
  meetingPlaces: [],
  actionPlans: [],
  indicatorLinks: [],
  targets: [],
  contacts: []
}
