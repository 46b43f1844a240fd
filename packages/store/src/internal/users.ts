import type { Role } from "../Caller.js"
import type { User } from "../Users.js"

/** The columns a user is read from. */
export const userColumns = "id, organisation_id, email, role, password_hash, created_at"

/** A user from a row of {@link userColumns}. */
export const toUser = (row: Record<string, unknown>): User => ({
  id: String(row.id),
  organisationId: String(row.organisation_id),
  email: String(row.email),
  role: row.role as Role,
  active: row.password_hash !== null && row.password_hash !== undefined,
  createdAt: String(row.created_at)
})
