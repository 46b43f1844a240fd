import { type Effort, type Goal, Project, Strategy } from "@innokraft/domain"
import { type Caller, Kinds, Records } from "@innokraft/store"
import { Effect } from "effect"
import { type Choice, compact, type Editor, labelFrom, labelOf, many, numberFrom, one, periodFrom } from "./Editor.js"
import type { Lang } from "./internal/text.js"

const both = (sv: string, en: string) => ({ sv, en })

const label = (name: string, sv: string, en: string, type: "text" | "multiline" = "text", required = false) => [
  { name: `${name}.sv`, label: both(`${sv} (svenska)`, `${en} (Swedish)`), type, required },
  { name: `${name}.en`, label: both(`${sv} (engelska)`, `${en} (English)`), type, required }
]

const periodHint = both(
  "År, år-månad eller datum: 2024, 2024-03 eller 2024-03-01.",
  "Year, year-month or date: 2024, 2024-03 or 2024-03-01."
)
const period = [
  { name: "period.start", label: both("Startar", "Starts"), type: "text" as const, hint: periodHint },
  { name: "period.end", label: both("Slutar", "Ends"), type: "text" as const }
]

const projectStatus: Readonly<Record<string, { sv: string; en: string }>> = {
  idea: both("idé", "idea"),
  proposal: both("förslag", "proposal"),
  submitted: both("inskickat", "submitted"),
  approved: both("beviljat", "approved"),
  active: both("pågår", "active"),
  completed: both("avslutat", "completed"),
  rejected: both("avslaget", "rejected"),
  withdrawn: both("återtaget", "withdrawn"),
  cancelled: both("avbrutet", "cancelled")
}

const strategyStatus: Readonly<Record<string, { sv: string; en: string }>> = {
  draft: both("utkast", "draft"),
  consultation: both("på remiss", "in consultation"),
  adopted: both("antagen", "adopted"),
  superseded: both("ersatt", "superseded")
}

const enumChoices = (
  options: ReadonlyArray<string>,
  names: Readonly<Record<string, { sv: string; en: string }>>,
  lang: Lang
) => options.map((o): Choice => ({ value: o, label: names[o]?.[lang] ?? o }))

const own = (caller: Caller.Member) => ({ organisationId: caller.organisationId })

/** The organisation's strategies, as choices. */
const strategyChoices = (caller: Caller.Member, lang: Lang) =>
  Effect.map(Records.repository(Kinds.strategy).list(caller, own(caller)), (ss) =>
    ss.map((s): Choice => ({ value: s.id, label: s.body.title[lang] }))
  )

/** The organisation's goals in their strategy's order, named with their strategy. */
const goalChoices = (caller: Caller.Member, lang: Lang) =>
  Effect.gen(function* () {
    const goals = yield* Records.repository(Kinds.goal).list(caller, own(caller))
    const strategies = yield* strategyChoices(caller, lang)
    return [...goals]
      .sort((a, b) => a.body.strategyId.localeCompare(b.body.strategyId) || a.body.order - b.body.order)
      .map(
        (g): Choice => ({
          value: g.id,
          label: `${labelOf(strategies, g.body.strategyId)} – ${g.body.order}. ${g.body.title[lang]}`
        })
      )
  })

/**
 * Projects: title, purpose, status, period and the goals of the strategy they serve (their goal links; links to
 * efforts and strength areas, partners, phases and references are kept as stored).
 *
 * @since 0.1.0
 */
export const projects: Editor<Project.Project> = {
  path: "projects",
  kind: Kinds.project,
  plural: both("Projekt", "Projects"),
  singular: both("Projekt", "Project"),
  fields: [
    ...label("title", "Titel", "Title", "text", true),
    ...label("purpose", "Syfte", "Purpose", "multiline"),
    { name: "status", label: both("Status", "Status"), type: "select", required: true },
    ...period,
    { name: "goals", label: both("Mål i strategin", "Goals of the strategy"), type: "checks", claims: ["links"] }
  ],
  choices: (caller, lang) =>
    Effect.map(goalChoices(caller, lang), (goals) => ({
      status: enumChoices(Project.Status.options, projectStatus, lang),
      goals
    })),
  read: (p) => ({
    "title.sv": p.title.sv,
    "title.en": p.title.en,
    "purpose.sv": p.purpose?.sv ?? "",
    "purpose.en": p.purpose?.en ?? "",
    status: p.status,
    "period.start": p.period?.start ?? "",
    "period.end": p.period?.end ?? "",
    goals: (p.links ?? []).filter((l) => l.kind === "goal").map((l) => l.id)
  }),
  write: (values, stored) => {
    const { purpose: _p, period: _d, links: _l, ...kept } = stored ?? ({} as Partial<Project.Project>)
    const links = [
      ...(stored?.links ?? []).filter((l) => l.kind !== "goal"),
      ...many(values, "goals").map((id) => ({ kind: "goal" as const, id }))
    ]
    return compact({
      ...kept,
      title: labelFrom(values, "title") ?? { sv: "", en: "" },
      purpose: labelFrom(values, "purpose"),
      status: one(values, "status"),
      period: periodFrom(values),
      links: links.length === 0 ? undefined : links
    })
  },
  columns: [
    { label: both("Status", "Status"), cell: (p, lang) => projectStatus[p.status]?.[lang] ?? p.status },
    {
      label: both("Mål i strategin", "Goals of the strategy"),
      cell: (p, _lang, choices) =>
        (p.links ?? [])
          .filter((l) => l.kind === "goal")
          .map((l) => labelOf(choices.goals, l.id))
          .join("; ")
    },
    { label: both("Startar", "Starts"), cell: (p) => p.period?.start ?? "" },
    { label: both("Slutar", "Ends"), cell: (p) => p.period?.end ?? "" }
  ],
  title: (p, lang) => p.title[lang]
}

/**
 * Strategies: title, kind, status, period and vision (regions, documents and the adopting body are kept as stored;
 * a new strategy covers the regions of the organisation's other strategies).
 *
 * @since 0.1.0
 */
export const strategies: Editor<Strategy.Strategy> = {
  path: "strategies",
  kind: Kinds.strategy,
  plural: both("Strategier", "Strategies"),
  singular: both("Strategi", "Strategy"),
  fields: [
    ...label("title", "Titel", "Title", "text", true),
    { name: "kind", label: both("Slag", "Kind"), type: "select", required: true },
    { name: "status", label: both("Status", "Status"), type: "select", required: true },
    ...period,
    ...label("vision", "Vision", "Vision", "multiline"),
    { name: "regionIds", label: both("Regioner", "Regions"), type: "checks" }
  ],
  choices: (caller, lang) =>
    Effect.map(Records.repository(Kinds.region).list(caller, own(caller)), (regions) => ({
      kind: Strategy.Kind.options.map((k): Choice => ({ value: k, label: k })),
      status: enumChoices(Strategy.Status.options, strategyStatus, lang),
      regionIds: regions.map((r): Choice => ({ value: r.id, label: r.body.name[lang] }))
    })),
  read: (s) => ({
    "title.sv": s.title.sv,
    "title.en": s.title.en,
    kind: s.kind,
    status: s.status,
    "period.start": s.period?.start ?? "",
    "period.end": s.period?.end ?? "",
    "vision.sv": s.vision?.sv ?? "",
    "vision.en": s.vision?.en ?? "",
    regionIds: s.regionIds
  }),
  write: (values, stored) => {
    const { period: _d, vision: _v, ...kept } = stored ?? ({} as Partial<Strategy.Strategy>)
    return compact({
      ...kept,
      title: labelFrom(values, "title") ?? { sv: "", en: "" },
      kind: one(values, "kind"),
      status: one(values, "status"),
      period: periodFrom(values),
      vision: labelFrom(values, "vision"),
      regionIds: many(values, "regionIds")
    })
  },
  columns: [
    { label: both("Slag", "Kind"), cell: (s) => s.kind },
    { label: both("Status", "Status"), cell: (s, lang) => strategyStatus[s.status]?.[lang] ?? s.status },
    { label: both("Startar", "Starts"), cell: (s) => s.period?.start ?? "" },
    { label: both("Slutar", "Ends"), cell: (s) => s.period?.end ?? "" }
  ],
  title: (s, lang) => s.title[lang]
}

/**
 * Goals of a strategy: the strategy, the order and the title and description.
 *
 * @since 0.1.0
 */
export const goals: Editor<Goal.Goal> = {
  path: "goals",
  kind: Kinds.goal,
  plural: both("Mål", "Goals"),
  singular: both("Mål", "Goal"),
  fields: [
    { name: "strategyId", label: both("Strategi", "Strategy"), type: "select", required: true },
    {
      name: "order",
      label: both("Ordning", "Order"),
      type: "text",
      required: true,
      hint: both("1, 2, 3 …", "1, 2, 3 …")
    },
    ...label("title", "Titel", "Title", "text", true),
    ...label("description", "Beskrivning", "Description", "multiline")
  ],
  choices: (caller, lang) => Effect.map(strategyChoices(caller, lang), (strategyId) => ({ strategyId })),
  read: (g) => ({
    strategyId: g.strategyId,
    order: String(g.order),
    "title.sv": g.title.sv,
    "title.en": g.title.en,
    "description.sv": g.description?.sv ?? "",
    "description.en": g.description?.en ?? ""
  }),
  write: (values, stored) => {
    const { description: _d, ...kept } = stored ?? ({} as Partial<Goal.Goal>)
    return compact({
      ...kept,
      strategyId: one(values, "strategyId"),
      order: numberFrom(values, "order"),
      title: labelFrom(values, "title") ?? { sv: "", en: "" },
      description: labelFrom(values, "description")
    })
  },
  columns: [
    { label: both("Strategi", "Strategy"), cell: (g, _lang, choices) => labelOf(choices.strategyId, g.strategyId) },
    { label: both("Ordning", "Order"), cell: (g) => String(g.order) }
  ],
  title: (g, lang) => g.title[lang]
}

/**
 * Efforts (insatser) under a goal: the goal, the order and the title and description (lead actors kept as stored).
 *
 * @since 0.1.0
 */
export const efforts: Editor<Effort.Effort> = {
  path: "efforts",
  kind: Kinds.effort,
  plural: both("Insatser", "Efforts"),
  singular: both("Insats", "Effort"),
  fields: [
    { name: "goalId", label: both("Mål", "Goal"), type: "select", required: true },
    { name: "order", label: both("Ordning", "Order"), type: "text" },
    ...label("title", "Titel", "Title", "text", true),
    ...label("description", "Beskrivning", "Description", "multiline")
  ],
  choices: (caller, lang) => Effect.map(goalChoices(caller, lang), (goalId) => ({ goalId })),
  read: (e) => ({
    goalId: e.goalId,
    order: e.order === undefined ? "" : String(e.order),
    "title.sv": e.title.sv,
    "title.en": e.title.en,
    "description.sv": e.description?.sv ?? "",
    "description.en": e.description?.en ?? ""
  }),
  write: (values, stored) => {
    const { description: _d, order: _o, ...kept } = stored ?? ({} as Partial<Effort.Effort>)
    return compact({
      ...kept,
      goalId: one(values, "goalId"),
      order: numberFrom(values, "order"),
      title: labelFrom(values, "title") ?? { sv: "", en: "" },
      description: labelFrom(values, "description")
    })
  },
  columns: [
    { label: both("Mål", "Goal"), cell: (e, _lang, choices) => labelOf(choices.goalId, e.goalId) },
    { label: both("Ordning", "Order"), cell: (e) => (e.order === undefined ? "" : String(e.order)) }
  ],
  title: (e, lang) => e.title[lang]
}
