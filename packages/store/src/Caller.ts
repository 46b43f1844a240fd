/**
 * A member's role inside their organisation: `viewer` reads, `editor` also writes, `admin` also manages tokens,
 * reads the audit log and exports.
 *
 * @since 0.1.0
 */
export type Role = "viewer" | "editor" | "admin"

/**
 * All roles, weakest first.
 *
 * @since 0.1.0
 */
export const roles: ReadonlyArray<Role> = ["viewer", "editor", "admin"]

/**
 * A signed-in member of one organisation. `actor` names them in the audit log (a user name or `token:<prefix>`).
 *
 * @since 0.1.0
 */
export interface Member {
  readonly _tag: "Member"
  readonly organisationId: string
  readonly role: Role
  readonly actor: string
}

/**
 * Nobody signed in: sees published records only and may not write.
 *
 * @since 0.1.0
 */
export interface Anonymous {
  readonly _tag: "Anonymous"
}

/**
 * The installation's operator (the CLI's `db` and `tokens` commands): creates organisations, manages every
 * organisation's tokens, exports and imports whole organisations. It does not edit records: that is done as a member.
 *
 * @since 0.1.0
 */
export interface System {
  readonly _tag: "System"
  readonly actor: string
}

/**
 * Who is calling: passed to every repository method.
 *
 * @since 0.1.0
 */
export type Caller = Member | Anonymous | System

/**
 * @example
 * ```ts
 * const caller = Caller.member("region-vasterbotten", "editor", "anna")
 * ```
 * @since 0.1.0
 */
export const member = (organisationId: string, role: Role, actor: string): Member => ({
  _tag: "Member",
  organisationId,
  role,
  actor
})

/**
 * @since 0.1.0
 */
export const anonymous: Anonymous = { _tag: "Anonymous" }

/**
 * @since 0.1.0
 */
export const system = (actor = "system"): System => ({ _tag: "System", actor })

/**
 * Whether `role` is at least `minimum` (viewer < editor < admin).
 *
 * @since 0.1.0
 */
export const atLeast = (role: Role, minimum: Role): boolean => roles.indexOf(role) >= roles.indexOf(minimum)

/**
 * The name the audit log records for a caller.
 *
 * @since 0.1.0
 */
export const actorOf = (caller: Caller): string =>
  caller._tag === "Anonymous" ? "anonymous" : caller._tag === "System" ? `system:${caller.actor}` : caller.actor

/**
 * Whether the caller sees everything of `organisationId` (not only its published records): the system, or one of its
 * members.
 *
 * @since 0.1.0
 */
export const isInside = (caller: Caller, organisationId: string): boolean =>
  caller._tag === "System" || (caller._tag === "Member" && caller.organisationId === organisationId)
