import { Workspace } from "../src/index.js"

/** A small, valid, hand-made workspace (not real data) that tests break on purpose. */
export const small = (): Workspace.Workspace =>
  Workspace.Workspace.parse({
    format: "innokraft-workspace",
    version: 2,
    regions: [
      {
        id: "test-region",
        name: { sv: "Testregion", en: "Test region" },
        country: "SE",
        nutsCode: "SE331",
        municipalities: [
          { code: "2480", zone: "coast" },
          { code: "2481", zone: "inland" }
        ],
        zones: ["coast", "inland"]
      }
    ],
    actors: [
      { id: "actor-a", name: { sv: "A", en: "A" }, helix: "public", municipality: "2480" },
      { id: "actor-b", name: { sv: "B", en: "B" }, helix: "academia" }
    ],
    strategies: [
      {
        id: "rus",
        regionIds: ["test-region"],
        kind: "RUS",
        title: { sv: "RUS", en: "RUS" },
        status: "adopted",
        period: { start: "2020", end: "2030" }
      },
      {
        id: "ris",
        regionIds: ["test-region"],
        kind: "RIS",
        title: { sv: "RIS", en: "RIS" },
        status: "adopted",
        period: { start: "2022", end: "2030" },
        parentStrategyId: "rus"
      }
    ],
    goals: [
      { id: "g1", strategyId: "ris", order: 1, title: { sv: "Mål 1", en: "Goal 1" } },
      { id: "g2", strategyId: "ris", order: 2, title: { sv: "Mål 2", en: "Goal 2" } }
    ],
    efforts: [{ id: "e1", goalId: "g1", title: { sv: "Insats 1", en: "Effort 1" }, leadActorIds: ["actor-a"] }],
    strengthAreas: [
      { id: "sa1", strategyId: "ris", name: { sv: "Område 1", en: "Area 1" }, tier: "strength" },
      { id: "sa2", strategyId: "ris", name: { sv: "Område 2", en: "Area 2" }, tier: "development" },
      { id: "sa3", strategyId: "ris", name: { sv: "Område 3", en: "Area 3" }, tier: "challenge" }
    ],
    projects: [
      {
        id: "p1",
        title: { sv: "Projekt 1", en: "Project 1" },
        status: "active",
        coordinatorId: "actor-a",
        partnerIds: ["actor-b"],
        period: { start: "2022-01-01", end: "2023-12-31" },
        links: [
          { kind: "goal", id: "g1" },
          { kind: "strengthArea", id: "sa1", weight: 3 },
          { kind: "strengthArea", id: "sa2", weight: 1 }
        ],
        phases: [
          { id: "ph1", order: 1, title: { sv: "Fas 1", en: "Phase 1" }, period: { start: "2022-01", end: "2022-12" } },
          { id: "ph2", order: 2, title: { sv: "Fas 2", en: "Phase 2" }, period: { start: "2023-01", end: "2023-12" } }
        ],
        currentPhaseId: "ph1"
      },
      {
        id: "p2",
        title: { sv: "Projekt 2", en: "Project 2" },
        status: "completed",
        period: { start: "2020", end: "2021" },
        links: [{ kind: "effort", id: "e1" }]
      },
      { id: "idea-1", title: { sv: "Idé", en: "Idea" }, status: "idea", links: [{ kind: "strengthArea", id: "sa3" }] },
      { id: "p-unlinked", title: { sv: "Olänkat", en: "Unlinked" }, status: "active", period: { start: "2023" } }
    ],
    programmes: [
      {
        id: "prog",
        name: { sv: "Program", en: "Programme" },
        ownerId: "actor-a",
        projectIds: ["p1"],
        phases: [
          { id: "one", order: 1, title: { sv: "Ett", en: "One" } },
          { id: "two", order: 2, title: { sv: "Två", en: "Two" } }
        ]
      }
    ],
    fundings: [
      { id: "f1", projectId: "p1", source: "ERDF", programme: "P", amount: 1000000, currency: "SEK", euShare: 40 },
      {
        id: "f2",
        projectId: "p1",
        source: "regional",
        amount: 500000,
        currency: "SEK",
        period: { start: "2022", end: "2022" }
      },
      { id: "f3", projectId: "p2", source: "Vinnova", amount: 100000, currency: "EUR" },
      { id: "f4", projectId: "p-unlinked", source: "private" }
    ],
    calls: [
      {
        id: "call-open",
        title: { sv: "Utlysning", en: "Call" },
        source: "ERDF",
        opens: "2024-01",
        deadline: "2024-06-30",
        eligibleStrengthAreaIds: ["sa3", "sa1"]
      },
      { id: "call-closed", title: { sv: "Stängd", en: "Closed" }, source: "Vinnova", deadline: "2023-03-01" }
    ],
    meetingPlaces: [
      {
        id: "mp",
        name: { sv: "Plats", en: "Place" },
        kind: "fixed",
        type: "coworking",
        ownerId: "actor-b",
        municipality: "2481",
        active: { start: "2019" }
      }
    ],
    indicatorLinks: [{ id: "il1", indicator: "metric-innovation-procurement", subject: { kind: "goal", id: "g1" } }],
    targets: [{ id: "t1", indicatorLinkId: "il1", year: 2030, value: 25, unit: "%" }],
    contacts: [{ id: "c1", personalData: true, actorId: "actor-a", role: { sv: "Projektledare", en: "Project lead" } }]
  })
