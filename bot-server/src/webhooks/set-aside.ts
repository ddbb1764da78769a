import { sql } from "drizzle-orm";
import { type Db, queryRows, sqlArray } from "../store/database.js";

/** Runs in which an event may fail before it is set aside, so that it no longer holds up the rest. */
export const MAX_EVENT_FAILURES = 3;

export interface EventFailure {
  eventId: number;
  reason: string;
}

/**
 * What an admin is told of a failure: the name and the start of the message of its root cause (the
 * query builder wraps the store's error in one that quotes the whole statement and its values).
 */
export function failureReason(error: unknown): string {
  let root = error;
  for (let depth = 0; root instanceof Error && root.cause instanceof Error && depth < 5; depth++)
    root = root.cause;
  const text = root instanceof Error ? `${root.name}: ${root.message}` : String(root);
  return text.replaceAll("\u0000", "").toWellFormed().slice(0, 300);
}

/**
 * Counts a failed run against each event, still open, and sets aside the ones that reached
 * MAX_EVENT_FAILURES. A failed event also goes behind fresh ones in the next runs' order (attempts),
 * so it is retried without delaying them. Returns the failures counted, with their count so far.
 */
export async function recordEventFailures(
  db: Db,
  failures: EventFailure[],
): Promise<Array<{ eventId: number; failures: number; setAside: boolean }>> {
  if (failures.length === 0) return [];
  return queryRows(
    db,
    sql`update webhook_events e set
          failures = e.failures + 1,
          attempts = e.attempts + 1,
          last_error = f.reason,
          set_aside_at = case when e.failures + 1 >= ${MAX_EVENT_FAILURES} then now() end
        from unnest(${sqlArray(
          failures.map((f) => f.eventId),
          "bigint",
        )}, ${sqlArray(
          failures.map((f) => f.reason),
          "text",
        )}) as f(id, reason)
        where e.id = f.id and e.processed_at is null and e.set_aside_at is null
        returning e.id::int as "eventId", e.failures as failures, e.set_aside_at is not null as "setAside"`,
  );
}

export interface SetAsideEvent {
  id: number;
  eventName: string;
  receivedAt: string;
  setAsideAt: string;
  failures: number;
  reason: string | null;
}

/** Events set aside, newest first; the body is not shown (it holds residents' own words). */
export async function listSetAsideEvents(db: Db, limit = 100): Promise<SetAsideEvent[]> {
  const rows = await queryRows<{
    id: number;
    eventName: string;
    receivedAt: Date | string;
    setAsideAt: Date | string;
    failures: number;
    reason: string | null;
  }>(
    db,
    sql`select id::int as id, event_name as "eventName", received_at as "receivedAt",
          set_aside_at as "setAsideAt", failures, last_error as reason
        from webhook_events where set_aside_at is not null and processed_at is null
        order by set_aside_at desc, id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    receivedAt: new Date(r.receivedAt).toISOString(),
    setAsideAt: new Date(r.setAsideAt).toISOString(),
  }));
}

export async function countSetAsideEvents(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from webhook_events where set_aside_at is not null and processed_at is null`,
  );
  return row?.n ?? 0;
}

/**
 * Puts a set-aside event back in line with a clean count (after the cause was fixed); it is applied
 * on the next run. False when there is no such event set aside.
 */
export async function putBackSetAsideEvent(db: Db, eventId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update webhook_events set set_aside_at = null, failures = 0, attempts = 0
        where id = ${eventId} and set_aside_at is not null and processed_at is null
        returning id::int as id`,
  );
  return rows.length > 0;
}
