import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../store/database.js";

/** Rows deleted per run at most: the reconciler runs often, each run stays short. */
const BATCH = 5000;

/**
 * Zalo's events, once applied, are kept `days` and then deleted: their bodies hold residents' own
 * words and Zalo ids, and what they meant lives on in signals and deliveries. Events never applied
 * (open, or set aside for an admin) are kept. Zalo repeats an event within minutes, not weeks, so
 * deduplication loses nothing.
 */
export async function purgeAppliedWebhookEvents(db: Db, days: number): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`with gone as (
          delete from webhook_events where id in (
            select id from webhook_events
            where processed_at is not null and processed_at < now() - make_interval(days => ${days})
            order by id limit ${BATCH})
          returning 1)
        select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}
