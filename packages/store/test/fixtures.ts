import { Effect } from "effect"
import { Caller, Kinds, Records } from "../src/index.js"

export const orgA = "region-a"
export const orgB = "region-b"
export const adminA = Caller.member(orgA, "admin", "admin-a")
export const editorA = Caller.member(orgA, "editor", "editor-a")
export const viewerA = Caller.member(orgA, "viewer", "viewer-a")
export const adminB = Caller.member(orgB, "admin", "admin-b")
export const editorB = Caller.member(orgB, "editor", "editor-b")
export const system = Caller.system("test")

export const region = (id: string) => ({
  id,
  name: { sv: "Västerbotten", en: "Västerbotten" },
  country: "SE",
  nutsCode: "SE331",
  municipalities: [{ code: "2480" }]
})

export const strategy = (id: string, status: "draft" | "adopted", regionId = "vasterbotten") => ({
  id,
  regionIds: [regionId],
  kind: "RIS",
  title: { sv: "Regional innovationsstrategi", en: "Regional innovation strategy" },
  status,
  period: { start: "2022", end: "2030" }
})

export const contact = (id: string, actorId = "actor-a") => ({
  id,
  personalData: true,
  actorId,
  role: { sv: "Projektledare", en: "Project lead" },
  name: "Anna Andersson",
  email: "anna@example.org"
})

export const cycle = (id: string, status: "draft" | "themed" = "draft", organiser = "Region Västerbotten") => ({
  id,
  year: 2016,
  theme: { sv: "Den hållbara platsen", en: "The sustainable place" },
  organiser,
  status
})

/**
 * The records the other fixtures refer to — region "vasterbotten" and actor "actor-a" — created in the caller's
 * organisation: the store refuses a strategy or contact whose references dangle.
 */
export const groundwork = (caller: ReturnType<typeof Caller.member>) =>
  Effect.gen(function* () {
    const records = yield* Records.Records
    yield* records.create(caller, Kinds.region, region("vasterbotten"))
    yield* records.create(caller, Kinds.actor, {
      id: "actor-a",
      name: { sv: "Aktör A", en: "Actor A" },
      type: "company",
      helix: "business"
    })
  })
