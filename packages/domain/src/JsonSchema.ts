import { z } from "zod"
import { ActionPlan } from "./ActionPlan.js"
import { Actor } from "./Actor.js"
import { Call } from "./Call.js"
import { Contact } from "./Contact.js"
import { Effort } from "./Effort.js"
import { Region as EyeRis3Region } from "./EyeRis3.js"
import { Funding } from "./Funding.js"
import { Goal } from "./Goal.js"
import { IndicatorLink } from "./IndicatorLink.js"
import { MeetingPlace } from "./MeetingPlace.js"
import { PhasedProgramme } from "./PhasedProgramme.js"
import { Project } from "./Project.js"
import { Region } from "./Region.js"
import { Strategy } from "./Strategy.js"
import { StrengthArea } from "./StrengthArea.js"
import { Target } from "./Target.js"
import { Workspace } from "./Workspace.js"

/**
 * The zod schema of every entity, by name: the single source the JSON Schemas are generated from.
 *
 * @since 0.1.0
 */
export const entities = {
  Region,
  Actor,
  Strategy,
  Goal,
  Effort,
  StrengthArea,
  Project,
  PhasedProgramme,
  Funding,
  Call,
  MeetingPlace,
  ActionPlan,
  Contact,
  IndicatorLink,
  Target,
  Workspace,
  EyeRis3Region
} as const

/**
 * An entity name.
 *
 * @since 0.1.0
 */
export type EntityName = keyof typeof entities

/**
 * A JSON Schema document.
 *
 * @since 0.1.0
 */
export type JsonSchema = Record<string, unknown>

/**
 * The JSON Schema (draft 2020-12) of one entity, describing the JSON a user writes (fields with defaults are
 * optional). Checks that JSON Schema cannot express — partial dates that exist in the calendar, references — are
 * made by `Workspace.validate`.
 *
 * @since 0.1.0
 */
export const of = (name: EntityName): JsonSchema => {
  const schema = z.toJSONSchema(entities[name], { target: "draft-2020-12", io: "input", unrepresentable: "any" })
  return { ...schema, $id: `https://innokraft.github.io/schema/domain/${name}.json`, title: name }
}

/**
 * The JSON Schemas of every entity, by name.
 *
 * @since 0.1.0
 */
export const all = (): Readonly<Record<EntityName, JsonSchema>> =>
  Object.fromEntries((Object.keys(entities) as Array<EntityName>).map((name) => [name, of(name)])) as Record<
    EntityName,
    JsonSchema
  >
