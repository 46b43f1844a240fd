import type { SqlClient } from "@effect/sql"
import { now } from "./sql.js"

export interface AuditEntry {
  readonly organisationId: string
  readonly actor: string
  readonly action: "create" | "update" | "delete" | "import" | "revoke" | "erase"
  readonly entity: string
  readonly entityId: string
  readonly version: number | null
  readonly before: unknown
  readonly after: unknown
}

/** Appends one audit entry; always called inside the transaction of the change it records. */
export const write = (sql: SqlClient.SqlClient, entry: AuditEntry) => {
  const before = entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before)
  const after = entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after)
  return sql`INSERT INTO audit_log (organisation_id, actor, at, action, entity, entity_id, version, before, after)
      VALUES (${entry.organisationId}, ${entry.actor}, ${now()}, ${entry.action}, ${entry.entity}, ${entry.entityId},
        ${entry.version}, ${before}, ${after})`
}
