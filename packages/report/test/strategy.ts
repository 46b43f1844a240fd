import { Workspace } from "@innokraft/domain"

/**
 * A small hand-made workspace (not real data): two goals, an effort, two strength areas, three projects with
 * fundings over several years, one indicator link with targets. Tests break it on purpose.
 */
export const fixture = (): Workspace.Workspace =>
  Workspace.Workspace.parse({
    format: "innokraft-workspace",
    version: 2,
    regions: [{ id: "r", name: { sv: "Testlän", en: "Test County" }, country: "SE", nutsCode: "SE331" }],
    strategies: [
      {
        id: "ris",
        regionIds: ["r"],
        kind: "RIS",
        title: { sv: "Innovationsstrategi", en: "Innovation strategy" },
        status: "adopted",
        period: { start: "2022", end: "2030" }
      }
    ],
    goals: [
      { id: "g1", strategyId: "ris", order: 1, title: { sv: "Fler innovativa företag", en: "More innovative firms" } },
      { id: "g2", strategyId: "ris", order: 2, title: { sv: "Starkare samverkan", en: "Stronger collaboration" } }
    ],
    efforts: [{ id: "e1", goalId: "g1", title: { sv: "Testbäddar", en: "Test beds" } }],
    strengthAreas: [
      { id: "sa1", strategyId: "ris", name: { sv: "Skog & trä", en: "Forest <wood>" }, tier: "strength" },
      { id: "sa2", strategyId: "ris", name: { sv: "Life science", en: "Life science" }, tier: "development" }
    ],
    projects: [
      {
        id: "p1",
        title: { sv: "Projekt Ett", en: "Project One" },
        status: "active",
        period: { start: "2022-01-01", end: "2023-12-31" },
        links: [
          { kind: "goal", id: "g1" },
          { kind: "strengthArea", id: "sa1", weight: 3 },
          { kind: "strengthArea", id: "sa2", weight: 1 }
        ]
      },
      {
        id: "p2",
        title: { sv: "Projekt Två", en: "Project Two" },
        status: "completed",
        period: { start: "2021-01-01", end: "2021-12-31" },
        links: [{ kind: "effort", id: "e1" }]
      },
      { id: "p3", title: { sv: "Idé", en: "Idea" }, status: "idea", links: [{ kind: "goal", id: "g2" }] }
    ],
    fundings: [
      { id: "f1", projectId: "p1", source: "ERDF", amount: 1000000, currency: "SEK" },
      { id: "f2", projectId: "p1", source: "regional", amount: 500000, currency: "SEK" },
      { id: "f3", projectId: "p2", source: "Vinnova", amount: 300000, currency: "SEK" },
      { id: "f4", projectId: "p2", source: "municipal" }
    ],
    indicatorLinks: [
      {
        id: "il1",
        indicator: "rdBusiness",
        subject: { kind: "goal", id: "g1" },
        name: { sv: "FoU i näringslivet per invånare", en: "Business R&D per inhabitant" }
      }
    ],
    targets: [
      { id: "t1", indicatorLinkId: "il1", year: 2025, value: 300, unit: "EUR" },
      { id: "t2", indicatorLinkId: "il1", year: 2030, value: 400, unit: "EUR" }
    ]
  })
