import { Prng } from "@innokraft/numerics"
import type { Label, MunicipalityCode } from "@innokraft/reference"
import type { Status } from "./Cycle.js"
import { type CycleDocument, FORMAT, type Zones } from "./CycleDocument.js"
import type { Idea } from "./Idea.js"
import { pick } from "./internal/random.js"
import { advance, advanceCycle } from "./Lifecycle.js"
import { merge, split } from "./Lineage.js"
import type { Meeting, Type } from "./Meeting.js"
import type { Outcome } from "./Outcome.js"
import type { AgeBand, Gender, Helix, Participation } from "./Participation.js"
import type { SubTheme } from "./SubTheme.js"
import type { Support } from "./Support.js"

/**
 * A yearly theme of the Innovation Loop as named in the sources. `sv` and `year` are given only where a source
 * gives them; nothing is translated or guessed.
 *
 * @since 0.1.0
 */
export interface Theme {
  readonly en: string
  readonly sv: string | null
  readonly year: number | null
  readonly source: string
}

const interreg = "https://www.interregeurope.eu/policylearning/good-practices/item/13/innovation-loop/"

/**
 * The real yearly themes of the loop (Interreg Europe good-practice record, item 13; domain.md §1.3), in the order
 * the record lists them, and the 2024 theme of Mötesplats Lycksele (§1.10).
 *
 * @since 0.1.0
 */
export const themes: ReadonlyArray<Theme> = [
  { en: "Talent for Growth", sv: "Talang- och kompetensförsörjning", year: 2013, source: interreg },
  { en: "Culture-Driven Growth", sv: null, year: null, source: interreg },
  { en: "Border-Crossing Meetings", sv: null, year: null, source: interreg },
  { en: "The Sustainable Place", sv: "Den Hållbara Platsen", year: 2016, source: interreg },
  { en: "Global attraction", sv: null, year: null, source: interreg },
  {
    en: "Västerbotten, a forerunner in the transition — how do we raise the pace?",
    sv: "Västerbotten, föregångare i omställning. Hur höjer vi tempot?",
    year: 2024,
    source: "https://motesplatslycksele.se/om/"
  }
]

/**
 * One phase of the yearly cycle as the sources describe it (domain.md §1.2, §1.4).
 *
 * @since 0.1.0
 */
export interface Phase {
  readonly status: Status
  readonly when: string
  readonly what: Label
  readonly meetingTypes: ReadonlyArray<Type>
}

/**
 * The structure of a loop cycle: January theme at "Västerbotten på Grand Hôtel", spring information meetings and idea
 * workshops across the region, June prototyping workshops at Mötesplats Lycksele, autumn implementation and business
 * workshops (with e.g. Almi and Norrlandsfonden), then reporting.
 *
 * @since 0.1.0
 */
export const structure: ReadonlyArray<Phase> = [
  {
    status: "themed",
    when: "January",
    what: {
      sv: "Huvudtemat sätts på Västerbotten på Grand Hôtel",
      en: "Main theme set at Västerbotten på Grand Hôtel"
    },
    meetingTypes: []
  },
  {
    status: "ideation",
    when: "Spring",
    what: { sv: "Informationsmöten och idéverkstäder på olika platser", en: "Information meetings and idea workshops" },
    meetingTypes: ["information", "idea"]
  },
  {
    status: "prototyping",
    when: "June",
    what: { sv: "Utvecklingsverkstäder på Mötesplats Lycksele", en: "Prototyping workshops at Mötesplats Lycksele" },
    meetingTypes: ["prototyping"]
  },
  {
    status: "implementation",
    when: "Autumn",
    what: { sv: "Implementeringsverkstäder och Företagsverkstaden", en: "Implementation and business workshops" },
    meetingTypes: ["implementation", "business"]
  },
  {
    status: "reporting",
    when: "Late autumn",
    what: { sv: "Dokumentation och rapportering", en: "Documentation and reporting" },
    meetingTypes: []
  }
]

/**
 * The four municipalities of Västerbotten with a Gulf of Bothnia shoreline as `coast`, the other eleven as `inland`.
 * ILLUSTRATIVE ONLY: which municipalities count as inland is a regional policy choice (domain.md §7) and no official
 * classification is built into this package. Use your region's own mapping.
 *
 * @since 0.1.0
 */
export const illustrativeZones: Zones = {
  source:
    "Illustrative split for the synthetic walk-through: shoreline on the Gulf of Bothnia = coast. Not an official classification.",
  municipalities: {
    "2401": "coast",
    "2409": "coast",
    "2480": "coast",
    "2482": "coast",
    "2403": "inland",
    "2404": "inland",
    "2417": "inland",
    "2418": "inland",
    "2421": "inland",
    "2422": "inland",
    "2425": "inland",
    "2460": "inland",
    "2462": "inland",
    "2463": "inland",
    "2481": "inland"
  }
}

const VB: ReadonlyArray<MunicipalityCode> = [
  "2401",
  "2403",
  "2404",
  "2409",
  "2417",
  "2418",
  "2421",
  "2422",
  "2425",
  "2460",
  "2462",
  "2463",
  "2480",
  "2481",
  "2482"
] as MunicipalityCode[]

const pad = (n: number, width = 2) => String(n).padStart(width, "0")

/**
 * A clearly synthetic walk-through of one cycle under the real 2016 theme "The Sustainable Place" (Den Hållbara
 * Platsen): `synthetic: true`, synthetic sub-themes, people ("Synthetic participant 17"), organisations, ideas and
 * outcomes; real municipality codes and the real cycle structure. It is built through the package's own operations
 * (cycle moves, idea moves through G0–G3, a merge, a split), so it is consistent by construction, and ends in
 * `reporting` with parked and active ideas left to carry over. Deterministic: the same document on every call.
 *
 * @since 0.1.0
 */
export const walkthrough = (): CycleDocument => {
  const random = Prng.mulberry32(2016)
  const subThemes: SubTheme[] = [
    {
      id: "ST1",
      title: { sv: "Syntetiskt undertema: service i små orter", en: "Synthetic sub-theme: services in small villages" },
      problemFormulation: "Synthetic: how can everyday services stay within reach where shops and offices have closed?",
      proposedBy: { actor: "Synthetic municipality 1", helix: "public" },
      strengthAreaIds: []
    },
    {
      id: "ST2",
      title: { sv: "Syntetiskt undertema: cirkulära material", en: "Synthetic sub-theme: circular materials" },
      problemFormulation: "Synthetic: how can local businesses reuse what others throw away?",
      proposedBy: { actor: "Synthetic company 1", helix: "business" },
      strengthAreaIds: []
    },
    {
      id: "ST3",
      title: {
        sv: "Syntetiskt undertema: att stanna och flytta hit",
        en: "Synthetic sub-theme: staying and moving here"
      },
      problemFormulation: "Synthetic: what makes young people and newcomers stay in the inland?",
      proposedBy: { actor: "Synthetic association 1", helix: "civil-society" },
      strengthAreaIds: []
    }
  ]
  const meeting = (
    id: string,
    type: Type,
    title: string,
    date: string,
    municipality: string,
    mode: Meeting["mode"],
    subThemeIds: string[],
    extra: Partial<Meeting> = {}
  ): Meeting => ({
    id,
    type,
    title: `Synthetic: ${title}`,
    subThemeIds,
    date,
    municipality: municipality as MunicipalityCode,
    mode,
    facilitators: ["Region Västerbotten facilitator (role)"],
    ...extra
  })
  const meetings: Meeting[] = [
    meeting("M01", "information", "information meeting", "2016-02-20", "2480", "hybrid", []),
    meeting("M02", "idea", "idea workshop on services", "2016-03-10", "2482", "in-person", ["ST1"]),
    meeting("M03", "idea", "idea workshop on materials", "2016-03-24", "2421", "in-person", ["ST2"]),
    meeting("M04", "idea", "idea workshop on staying", "2016-04-07", "2462", "in-person", ["ST3"]),
    meeting("M05", "idea", "online idea workshop", "2016-04-21", "2480", "online", ["ST1", "ST3"]),
    meeting("M06", "prototyping", "prototyping workshop", "2016-06-08", "2481", "in-person", [], {
      endDate: "2016-06-09",
      place: "Mötesplats Lycksele",
      meetingPlaceId: "motesplats-lycksele"
    }),
    meeting("M07", "implementation", "implementation workshop", "2016-09-15", "2480", "hybrid", []),
    meeting("M08", "business", "business workshop", "2016-10-13", "2481", "in-person", [])
  ]
  const helices: Helix[] = ["public", "business", "academia", "civil-society", "citizens"]
  const genders: Gender[] = ["woman", "man", "woman", "man", "other"]
  const ages: AgeBand[] = ["under-18", "18-29", "30-44", "45-64", "65-plus"]
  const persons = Array.from({ length: 90 }, (_, k) => {
    const helix = pick(random, helices)
    const org =
      helix === "citizens"
        ? undefined
        : `Synthetic ${helix === "public" ? "public body" : helix === "business" ? "company" : helix === "academia" ? "university unit" : "association"} ${1 + Math.floor(random() * 12)}`
    const consent = random() < 0.7
    return {
      person: `SP-${pad(k + 1, 3)}`,
      label: `Synthetic participant ${k + 1}`,
      helix,
      org,
      consent,
      demographics: {
        gender: pick(random, genders),
        ageBand: pick(random, ages),
        municipality: pick(random, VB),
        newcomer: random() < 0.12
      }
    }
  })
  const participations: Participation[] = []
  const attendees = new Map<string, string[]>()
  for (const m of meetings) {
    const share = m.type === "prototyping" ? 0.45 : m.type === "information" ? 0.35 : 0.22
    const list = persons.filter(() => random() < share)
    attendees.set(
      m.id,
      list.map((p) => p.person)
    )
    for (const p of list) {
      participations.push({
        id: `${m.id}-${p.person}`,
        meetingId: m.id,
        person: p.person,
        role: "participant",
        helix: p.helix,
        ...(p.org !== undefined ? { organisation: p.org } : {}),
        ...(p.consent ? { consent: { given: true as const, at: m.date }, demographics: p.demographics } : {})
      })
    }
    participations.push({
      id: `${m.id}-facilitator`,
      meetingId: m.id,
      person: "SP-F01",
      role: "facilitator",
      helix: "public",
      organisation: "Region Västerbotten"
    })
  }
  const ideaSpecs: ReadonlyArray<[string, string, string, string]> = [
    ["M02", "ST1", "village service point", "Residents travel 40 km for parcels, pharmacy and bank errands"],
    ["M02", "ST1", "mobile library and citizen office", "Elderly people cannot reach the municipal office"],
    ["M02", "ST1", "shared car pool for villages", "Households need a second car only a few times a month"],
    ["M03", "ST2", "timber offcut marketplace", "Sawmill offcuts are burnt although craftspeople need them"],
    ["M03", "ST2", "repair café network", "Broken appliances are thrown away for lack of repairers"],
    ["M03", "ST2", "tool library", "Repairers lack expensive tools they need only sometimes"],
    ["M03", "ST2", "reused building materials depot", "Demolition materials go to landfill"],
    ["M04", "ST3", "newcomer mentor matching", "Newcomers find no one to introduce them to local work life"],
    ["M04", "ST3", "summer jobs guide for youth", "Young people leave because they do not see local jobs"],
    ["M04", "ST3", "village welcome package", "New residents do not learn about associations and services"],
    ["M05", "ST1", "remote health check point", "Patients travel far for simple check-ups"],
    ["M05", "ST3", "co-working in empty schools", "Remote workers have no place to work outside home"],
    ["M05", "ST3", "flexible childcare hours", "Shift workers cannot find childcare at their working hours"],
    ["M05", "ST1", "snow clearing app", "Elderly people cannot clear snow and do not know whom to ask"]
  ]
  const ideas: Idea[] = ideaSpecs.map(([meetingId, subThemeId, title, need], k) => {
    const pool = attendees.get(meetingId) ?? []
    const size = 3 + Math.floor(random() * 3)
    const team = [...new Set(Array.from({ length: size }, () => pick(random, pool)))]
    const m = meetings.find((x) => x.id === meetingId)!
    return {
      id: `I-${pad(k + 1)}`,
      title: `Synthetic idea ${k + 1}: ${title}`,
      need: `Synthetic need: ${need}`,
      description: "",
      subThemeId,
      team,
      originMeetingId: meetingId,
      createdAt: m.date,
      stage: "problem_formulated",
      status: "active",
      tags: [subThemeId === "ST2" ? "circular economy" : subThemeId === "ST1" ? "services" : "attractiveness"],
      strengthAreaIds: []
    }
  })

  let doc: CycleDocument = {
    format: FORMAT,
    version: 1,
    synthetic: true,
    cycle: {
      id: "loop-2016-synthetic",
      year: 2016,
      launchEvent: "Västerbotten på Grand Hôtel",
      organiser: "Region Västerbotten",
      budget: { amount: 1_000_000, currency: "EUR" },
      status: "draft",
      history: []
    },
    subThemes: [],
    meetings,
    participations,
    ideas,
    transitions: [],
    outcomes: [],
    supports: [],
    zones: illustrativeZones
  }
  const by = "Region Västerbotten facilitators"
  doc = advanceCycle(doc, {
    to: "themed",
    theme: { sv: "Den Hållbara Platsen", en: "The Sustainable Place" },
    by: "Region Västerbotten",
    reason: "Theme set at the January launch",
    at: "2016-01-20"
  })
  doc = { ...doc, subThemes }
  doc = advanceCycle(doc, {
    to: "ideation",
    by,
    reason: "Three sub-themes proposed by challenge owners",
    at: "2016-02-15"
  })
  const move = (idea: string, to: string, at: string, reason: string, extra: Record<string, unknown> = {}) => {
    doc = advance(doc, { idea, to, by: (extra.by as string) ?? by, reason, at, ...extra })
  }
  for (const idea of doc.ideas) {
    if (idea.id === "I-14")
      move("I-14", "dropped", idea.createdAt, "Synthetic: an existing municipal service covers the need")
    else
      move(idea.id, "idea", idea.createdAt, "Synthetic: real need, fits the sub-theme", {
        meetingId: idea.originMeetingId
      })
  }
  doc = merge(doc, {
    ideas: ["I-05", "I-06"],
    into: {
      id: "I-15",
      title: "Synthetic idea 15: repair café with a tool library",
      need: "Synthetic need: broken things are thrown away for lack of repairers and tools"
    },
    by,
    reason: "Synthetic: two teams worked on the same need",
    at: "2016-04-25"
  })
  // G1 by participant supports at the idea workshops, then the jury's decision.
  const supports: Support[] = []
  const candidates = doc.ideas.filter((i) => i.status === "active" && i.stage === "idea").map((i) => i.id)
  for (const p of persons) {
    if (random() < 0.5) continue
    const chosen = new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, candidates)))
    for (const ideaId of chosen) supports.push({ ideaId, gate: "G1", person: p.person, at: "2016-05-10", weight: 1 })
  }
  doc = { ...doc, supports }
  const selected = ["I-01", "I-02", "I-03", "I-07", "I-09", "I-15"]
  for (const id of candidates) {
    if (selected.includes(id)) {
      move(id, "concept", "2016-05-12", "Synthetic: among the strongest contributions", {
        by: "jury",
        scores: { need: 4, novelty: 3, feasibility: 4, team: 3 }
      })
    } else if (id === "I-12") {
      move(id, "dropped", "2016-05-12", "Synthetic: the team dissolved")
    } else {
      move(id, "parked", "2016-05-12", "Synthetic: not selected at G1; may return next cycle")
    }
  }
  doc = advanceCycle(doc, { to: "prototyping", by, reason: "G1 selection done", at: "2016-06-01" })
  doc = split(doc, {
    idea: "I-09",
    into: [
      {
        id: "I-16",
        title: "Synthetic idea 16: summer jobs map",
        need: "Synthetic need: young people do not see local jobs"
      },
      {
        id: "I-17",
        title: "Synthetic idea 17: company visits for pupils",
        need: "Synthetic need: pupils never meet local employers"
      }
    ],
    by,
    reason: "Synthetic: two different solutions inside one concept",
    at: "2016-06-08"
  })
  for (const id of ["I-01", "I-02", "I-03", "I-07", "I-15", "I-16"]) {
    move(id, "prototype", "2016-06-09", "Synthetic: prototype built at the prototyping workshop", { meetingId: "M06" })
  }
  doc = advanceCycle(doc, { to: "implementation", by, reason: "Prototyping workshops held", at: "2016-08-20" })
  for (const id of ["I-01", "I-02", "I-15", "I-16"]) {
    move(id, "pilot", "2016-09-15", "Synthetic: owner identified", {
      by: "jury",
      meetingId: "M07",
      scores: { owner: 5, tested: 3, value: 4 }
    })
  }
  move("I-03", "parked", "2016-09-15", "Synthetic: no owner yet")
  move("I-07", "handed_over", "2016-09-15", "Synthetic: handed over to a municipal waste company")
  move("I-01", "company_formed", "2016-10-13", "Synthetic: company registered with seed funding", {
    by: "jury",
    meetingId: "M08",
    scores: { funding: 4, organisation: 5, evidence: 3 }
  })
  move("I-02", "implemented", "2016-10-13", "Synthetic: municipality runs the service", {
    by: "jury",
    meetingId: "M08",
    scores: { funding: 5, organisation: 4, evidence: 4 }
  })
  const linked: Record<string, string[]> = {
    M02: ["I-01", "I-02", "I-03"],
    M03: ["I-04", "I-05", "I-06", "I-07"],
    M04: ["I-08", "I-09", "I-10"],
    M05: ["I-11", "I-12", "I-13", "I-14"],
    M06: ["I-01", "I-02", "I-03", "I-07", "I-15", "I-16"],
    M07: ["I-01", "I-02", "I-15", "I-16"],
    M08: ["I-01", "I-02"]
  }
  doc = {
    ...doc,
    meetings: doc.meetings.map((m) => {
      const registered = attendees.get(m.id)?.length ?? 0
      return {
        ...m,
        closingReport: {
          report: `Synthetic closing report of ${m.title.slice(11)}`,
          attendeeCount: registered + 1 + Math.floor(random() * 8),
          contributionsCount: 5 + Math.floor(random() * 30),
          attendingOrganisations: m.type === "business" ? ["Almi", "Norrlandsfonden"] : [],
          linkedIdeaIds: linked[m.id] ?? []
        }
      }
    })
  }
  const outcomes: Outcome[] = [
    {
      id: "O-1",
      ideaId: "I-01",
      title: "Synthetic outcome: village service point company",
      kind: "company",
      status: "implemented",
      owner: "Synthetic company 13",
      progress: [
        { date: "2016-06-09", title: "Prototype", progress: 20 },
        { date: "2016-10-13", title: "Company registered", progress: 100 }
      ]
    },
    {
      id: "O-2",
      ideaId: "I-02",
      title: "Synthetic outcome: mobile citizen office",
      kind: "service",
      status: "implemented",
      owner: "Synthetic public body 3",
      parentId: "O-0",
      weight: 0.5,
      progress: [{ date: "2016-10-13", title: "Service running", progress: 100 }]
    },
    {
      id: "O-3",
      ideaId: "I-15",
      title: "Synthetic outcome: repair café network",
      kind: "process",
      status: "in-implementation",
      owner: "Synthetic association 4",
      parentId: "O-0",
      weight: 0.5,
      progress: [
        { date: "2016-09-15", title: "Pilot started", progress: 30 },
        { date: "2016-11-10", title: "Two villages running", progress: 60 }
      ]
    },
    {
      id: "O-4",
      ideaId: "I-07",
      title: "Synthetic outcome: project application for a materials depot",
      kind: "project-application",
      status: "planned",
      owner: "Synthetic company 5",
      progress: []
    },
    {
      id: "O-0",
      ideaId: "I-15",
      title: "Synthetic outcome group: local services that last",
      kind: "method",
      status: "in-implementation",
      owner: "Region Västerbotten",
      progress: []
    }
  ]
  doc = { ...doc, outcomes }
  return advanceCycle(doc, { to: "reporting", by, reason: "Autumn workshops held", at: "2016-11-15" })
}

/**
 * An empty next cycle to carry ideas into: same organiser, a later year, `themed` with the given theme.
 *
 * @since 0.1.0
 */
export const nextCycle = (previous: CycleDocument, id: string, year: number, theme: Label): CycleDocument => ({
  format: FORMAT,
  version: 1,
  synthetic: previous.synthetic,
  cycle: { id, year, theme, organiser: previous.cycle.organiser, status: "themed", history: [] },
  subThemes: [],
  meetings: [],
  participations: [],
  ideas: [],
  transitions: [],
  outcomes: [],
  supports: [],
  ...(previous.zones !== undefined ? { zones: previous.zones } : {})
})
