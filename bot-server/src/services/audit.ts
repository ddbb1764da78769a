import type { Db, Tx } from "../store/database.js";
import { auditLog } from "../store/schema/index.js";

export interface AuditEntry {
  entityType:
    | "post"
    | "broadcast"
    | "resident"
    | "staff"
    | "webhook_event"
    | "channel"
    | "signal"
    | "rumour_claim"
    | "campaign_task"
    | "campaign"
    | "opinion_theme";
  entityId: string;
  action: string;
  actor: { type: "staff" | "resident" | "system"; id?: string | undefined };
  fromStatus?: string | null | undefined;
  toStatus?: string | null | undefined;
  contentHash?: string | null | undefined;
  details?: Record<string, unknown>;
}

/** Appends to the audit log inside the caller's transaction, so a change and its record commit together. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    entityType: entry.entityType,
    entityId: entry.entityId,
    action: entry.action,
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    contentHash: entry.contentHash ?? null,
    details: entry.details ?? {},
  });
}
