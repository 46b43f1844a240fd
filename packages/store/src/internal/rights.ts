import { Effect } from "effect"
import { atLeast, type Caller, isInside, type Member, type Role } from "../Caller.js"
import { Forbidden } from "../StoreError.js"

/** The member the caller must be to write in their own organisation with at least `minimum`. */
export const requireMember = (caller: Caller, operation: string, minimum: Role): Effect.Effect<Member, Forbidden> => {
  if (caller._tag !== "Member") {
    return Effect.fail(
      new Forbidden({
        operation,
        reason:
          caller._tag === "Anonymous"
            ? "an anonymous caller may not write"
            : "the system caller does not edit records; act as a member of the organisation"
      })
    )
  }
  if (!atLeast(caller.role, minimum)) {
    return Effect.fail(
      new Forbidden({
        operation,
        reason: `the role "${caller.role}" may not do this; "${minimum}" or higher is needed`
      })
    )
  }
  return Effect.succeed(caller)
}

/** System, or an admin of `organisationId`. */
export const requireAdminOf = (
  caller: Caller,
  operation: string,
  organisationId: string
): Effect.Effect<void, Forbidden> => {
  if (caller._tag === "System") return Effect.void
  if (caller._tag === "Member" && caller.organisationId === organisationId && caller.role === "admin")
    return Effect.void
  return Effect.fail(
    new Forbidden({
      operation,
      reason:
        caller._tag === "Member" && caller.organisationId !== organisationId
          ? "a member may only manage their own organisation"
          : "an admin of the organisation (or the system caller) is needed"
    })
  )
}

/** Members of `organisationId` (any role), or system. */
export const requireInside = (
  caller: Caller,
  operation: string,
  organisationId: string
): Effect.Effect<void, Forbidden> =>
  isInside(caller, organisationId)
    ? Effect.void
    : Effect.fail(new Forbidden({ operation, reason: "only members of the organisation may read this" }))

/** The organisation a read addresses: the one asked for, else the caller's own. */
export const targetOrganisation = (caller: Caller, organisationId: string | undefined): string | undefined =>
  organisationId ?? (caller._tag === "Member" ? caller.organisationId : undefined)
