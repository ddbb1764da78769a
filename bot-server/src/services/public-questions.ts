import type { PublicQuestion } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { AppError } from "../errors/app-error.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import { recordAudit } from "./audit.js";
import type { StaffActor } from "./staff.js";

/** How many answered questions a post shows to every resident. */
const SHOWN = 20;

/**
 * The moderation rule, in one place: a resident's words reach other residents only when the ward
 * answered them, the labeller (or staff) read them as clean, they repeat no known false claim, and no
 * officer hid them. Unlabelled words wait: nothing is shown before it is read.
 */
const publishable = sql`s.kind = 'question' and s.labelled_at is not null and s.toxicity = 'clean'
  and s.rumour_claim_id is null and s.hidden_at is null and s.text is not null`;

/** Phone numbers and e-mail addresses a resident wrote stay between them and the ward. */
export function maskContacts(text: string): string {
  return text
    .replace(/(?:\+?84|0)(?:[\s.-]?\d){8,10}/g, "***")
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, "***");
}

/**
 * "Bà con hỏi, phường trả lời": the questions other residents asked about a post that the ward answered,
 * newest first, with the ward's latest answer and no name.
 */
export async function publicQuestions(db: Db, postId: string, residentId: string): Promise<PublicQuestion[]> {
  const rows = await queryRows<{
    id: number;
    text: string;
    sent_at: Date | string;
    answer: string;
    at: Date | string;
  }>(
    db,
    sql`select s.id, s.text, s.sent_at, a.text as answer, a.created_at as at
        from signals s
        join lateral (select r.text, r.created_at from signal_replies r
                      where r.signal_id = s.id and r.staff_id is not null
                        and r.status in ('sent', 'delivered', 'seen', 'shown')
                      order by r.created_at desc limit 1) a on true
        where s.post_id = ${postId}::uuid and s.resident_id is distinct from ${residentId}::uuid
          and ${publishable}
        order by s.sent_at desc limit ${SHOWN}`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    text: maskContacts(r.text),
    askedAt: new Date(r.sent_at).toISOString(),
    answer: { text: r.answer, at: new Date(r.at).toISOString() },
  }));
}

/** Whether each of these signals is shown to other residents now (for the staff inbox). */
export async function publishedAmong(db: Db, signalIds: number[]): Promise<Set<number>> {
  if (signalIds.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select s.id from signals s
        where s.id = any(${sqlArray(signalIds, "bigint")}) and ${publishable}
          and exists (select 1 from signal_replies r where r.signal_id = s.id and r.staff_id is not null
                        and r.status in ('sent', 'delivered', 'seen', 'shown'))`,
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** An officer keeps a resident's words from other residents, or lets them be shown again (audited). */
export async function setHidden(db: Db, staff: StaffActor, signalId: number, hidden: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await queryRows<{ id: number }>(
      tx,
      sql`update signals set hidden_at = ${hidden ? sql`coalesce(hidden_at, now())` : sql`null`},
                             hidden_by_id = ${hidden ? staff.id : null}
          where id = ${signalId} and ward_id = ${staff.wardId} returning id`,
    );
    if (changed.length === 0) throw new AppError("not_found", "Không tìm thấy phản hồi này.");
    await recordAudit(tx, {
      entityType: "signal",
      entityId: String(signalId),
      action: hidden ? "hide_from_residents" : "show_to_residents",
      actor: { type: "staff", id: staff.id },
    });
  });
}
