import { jobIds, type RumourReplyMode, wardClock } from "@loa-phuong/shared";
import { eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { AppError } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows, sqlArray } from "../store/database.js";
import { relayTasks, signalReplies, signals, wards } from "../store/schema/index.js";
import { INTERACTION_WINDOW_DAYS } from "./audience.js";
import { relayRef, scheduleRelayDeadlines } from "./relay.js";

/** A claim repeated this many times in one group within 24 hours is spreading: staff are alerted. */
export const SPREAD_ALERT_REPEATS = 3;

export interface ResponseContext {
  db: Db;
  queues: Queues;
  logger: Logger;
  config: { RELAY_REMIND_AFTER_MS: number; RELAY_ESCALATE_AFTER_MS: number };
}

/** A claim's answer as residents may read it: the approved version of its clarification post. */
export interface ApprovedClarification {
  claimId: string;
  topic: string;
  postId: string;
  title: string;
  summary: string | null;
}

/**
 * The approved clarification of an active claim, or nothing: a clarification only approved words
 * answer (a draft or a version waiting for approval is never sent).
 */
export async function approvedClarification(
  db: Db,
  wardId: string,
  claimId: string,
): Promise<ApprovedClarification | undefined> {
  const [row] = await queryRows<{ topic: string; post_id: string; title: string; summary: string | null }>(
    db,
    sql`select c.topic, p.id as post_id, v.title, v.summary
        from rumour_claims c join posts p on p.id = c.clarification_post_id and p.approved_version is not null
        join post_versions v on v.post_id = p.id and v.version = p.approved_version
        where c.id = ${claimId}::uuid and c.ward_id = ${wardId} and c.status = 'active'`,
  );
  return row && { claimId, topic: row.topic, postId: row.post_id, title: row.title, summary: row.summary };
}

/**
 * The answer's words: the clarification's title (said to be one, when its title does not say so
 * already), then its summary. The OA message puts "Phường trả lời:" before them.
 */
export function clarificationText(c: Pick<ApprovedClarification, "title" | "summary">): string {
  const title = /^\s*đính chính/i.test(c.title) ? c.title.trim() : `Đính chính: ${c.title.trim()}`;
  return [title, c.summary?.trim()].filter(Boolean).join("\n\n");
}

interface MatchedSignal {
  id: number;
  ward_id: string;
  kind: string;
  claim_id: string;
  group_id: string | null;
  resident_id: string | null;
  can_message: boolean;
  reply_mode: RumourReplyMode;
}

async function matchedSignals(db: Db, ids: readonly number[]): Promise<MatchedSignal[]> {
  if (ids.length === 0) return [];
  return queryRows<MatchedSignal>(
    db,
    sql`select s.id, s.ward_id, s.kind, s.rumour_claim_id as claim_id, s.residential_group_id as group_id,
               s.resident_id, w.rumour_reply_mode as reply_mode,
               -- Zalo's customer-service window, as for staff answers: a follower who interacted within 7 days.
               coalesce(r.zalo_oa_user_id is not null and r.is_follower and r.deleted_at is null
                        and r.last_interaction_at > now() - make_interval(days => ${INTERACTION_WINDOW_DAYS}),
                        false) as can_message
        from signals s join wards w on w.id = s.ward_id left join residents r on r.id = s.resident_id
        where s.id = any(${sqlArray(
          ids.map((id) => Number(id)),
          "bigint",
        )}) and s.rumour_claim_id is not null
        order by s.id`,
  );
}

/**
 * Sends a signal's claim clarification to the resident who wrote it, once (a unique index per signal):
 * by OA message when Zalo lets the OA write to them now, else shown under their item in "Hỏi đáp".
 * `staffId` is the officer who tapped "Gửi đính chính"; null for the automatic answer. Returns
 * whether a new answer was recorded.
 */
async function clarify(
  ctx: ResponseContext,
  signal: MatchedSignal,
  clarification: ApprovedClarification,
  staffId: string | null,
): Promise<boolean> {
  const channel = signal.can_message ? "oa" : "feed";
  const [row] = await ctx.db
    .insert(signalReplies)
    .values({
      signalId: signal.id,
      staffId,
      text: clarificationText(clarification),
      channel,
      rumourClaimId: clarification.claimId,
      linkPostId: clarification.postId,
      status: channel === "oa" ? "queued" : "shown",
    })
    .onConflictDoNothing()
    .returning({ id: signalReplies.id });
  if (!row) return false;
  await ctx.db
    .update(signals)
    .set({ status: "handled", handledById: staffId, handledAt: new Date() })
    .where(eq(signals.id, signal.id));
  if (channel === "oa") {
    try {
      await enqueue(ctx.queues, "signal.reply", { replyId: row.id }, { jobId: jobIds.signalReply(row.id) });
    } catch (error) {
      // The reply waits queued in the store; the reconciler sends it.
      ctx.logger.warn({ err: error }, "clarification saved; the reconciler will send it");
    }
  }
  return true;
}

/**
 * The group head's clarification card: an open relay task carrying the clarification into group G,
 * at most one open per claim × group (a unique index), with the usual reminder and escalation.
 */
export async function clarificationCard(
  ctx: ResponseContext,
  groupId: string,
  clarification: ApprovedClarification,
  /** The head who asked ("Kiểm tra tin này"), when the group has more than one. */
  preferHeadId?: string,
): Promise<{ id: string } | undefined> {
  const [head] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select h.id from residents h join resident_roles hr on hr.resident_id = h.id and hr.role = 'group_head'
        where h.residential_group_id = ${groupId}::uuid and h.membership_status = 'confirmed'
          and h.deleted_at is null
        order by h.id = ${preferHeadId ?? null}::uuid desc nulls last, h.created_at limit 1`,
  );
  if (!head) return undefined;
  const [created] = await ctx.db
    .insert(relayTasks)
    .values({
      broadcastId: null,
      postId: clarification.postId,
      rumourClaimId: clarification.claimId,
      residentialGroupId: groupId,
      headResidentId: head.id,
      ref: relayRef(),
    })
    .onConflictDoNothing()
    .returning({ id: relayTasks.id, createdAt: relayTasks.createdAt });
  if (created) {
    try {
      await scheduleRelayDeadlines(ctx.queues, ctx.config, created);
    } catch (error) {
      ctx.logger.warn({ err: error }, "clarification card saved; the reconciler will schedule its deadlines");
    }
    return { id: created.id };
  }
  const [open] = await queryRows<{ id: string }>(
    ctx.db,
    sql`select id from relay_tasks where rumour_claim_id = ${clarification.claimId}::uuid
          and residential_group_id = ${groupId}::uuid and broadcast_id is null and status = 'open'`,
  );
  return open;
}

/**
 * Staff alert "rumour_spreading": a claim said at least 3 times in one group within the last 24 hours.
 * Said once per claim × group × ward day (`dedup_key`).
 */
async function alertSpread(db: Db, wardId: string, claimId: string, groupId: string): Promise<void> {
  const { year, month, day } = wardClock(new Date());
  const key = `rumour:${claimId}:${groupId}:${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  await db.execute(sql`
    insert into staff_alerts (ward_id, kind, message, dedup_key, details)
    select ${wardId}, 'rumour_spreading',
           'Tin đồn “' || c.topic || '” đang lan trong ' || g.name || ': ' || n.count
             || ' tin nhắn nhắc lại trong 24 giờ qua.',
           ${key}, jsonb_build_object('claimId', c.id, 'residentialGroupId', g.id, 'messages', n.count)
    from rumour_claims c, residential_groups g,
         (select count(*)::int as count from signals
          where rumour_claim_id = ${claimId}::uuid and residential_group_id = ${groupId}::uuid
            and sent_at > now() - interval '24 hours') n
    where c.id = ${claimId}::uuid and g.id = ${groupId}::uuid and n.count >= ${SPREAD_ALERT_REPEATS}
      and not exists (select 1 from staff_alerts a where a.ward_id = ${wardId} and a.dedup_key = ${key})`);
}

/**
 * What follows a match, for signals the labeller just matched to a known claim: a spread alert when the
 * claim keeps coming back in a group; and, once the claim's clarification is approved, the clarification
 * to the resident (in 'auto' mode; in 'staff' mode an officer sends it from the inbox) and a card for
 * their group's head. A head's own "Kiểm tra tin này" is answered as it is asked, so it only counts.
 * Each step is idempotent; a failure is logged and never undoes the labels.
 */
export async function respondToRumours(ctx: ResponseContext, signalIds: readonly number[]): Promise<void> {
  const matched = await matchedSignals(ctx.db, signalIds);
  const spread = new Map<string, { wardId: string; claimId: string; groupId: string }>();
  for (const signal of matched) {
    try {
      if (signal.group_id)
        spread.set(`${signal.claim_id}/${signal.group_id}`, {
          wardId: signal.ward_id,
          claimId: signal.claim_id,
          groupId: signal.group_id,
        });
      if (signal.kind === "message_check" || !signal.resident_id) continue;
      const clarification = await approvedClarification(ctx.db, signal.ward_id, signal.claim_id);
      if (!clarification) continue;
      if (signal.reply_mode === "auto") await clarify(ctx, signal, clarification, null);
      if (signal.group_id) await clarificationCard(ctx, signal.group_id, clarification);
    } catch (error) {
      ctx.logger.warn({ err: error, signalId: signal.id }, "could not answer a repeated rumour");
    }
  }
  for (const { wardId, claimId, groupId } of spread.values()) {
    try {
      await alertSpread(ctx.db, wardId, claimId, groupId);
    } catch (error) {
      ctx.logger.warn({ err: error, claimId }, "could not raise the rumour spreading alert");
    }
  }
}

/**
 * "Gửi đính chính" from the staff inbox: the same answer the automatic mode sends, signed by the
 * officer. 409 when the message repeats no claim, or the claim has no approved clarification.
 */
export async function sendClarification(
  ctx: ResponseContext,
  actor: { id: string; wardId: string },
  signalId: number,
): Promise<void> {
  const [signal] = (await matchedSignals(ctx.db, [signalId])).filter((s) => s.ward_id === actor.wardId);
  if (!signal) {
    const [exists] = await queryRows<{ id: number }>(
      ctx.db,
      sql`select id from signals where id = ${signalId} and ward_id = ${actor.wardId}`,
    );
    if (!exists) throw new AppError("not_found", "Không tìm thấy ý kiến.");
    throw new AppError("conflict", "Tin nhắn này không nhắc lại tin đồn nào đã biết.");
  }
  if (!signal.resident_id)
    throw new AppError("invalid_transition", "Ý kiến này không gắn với người dân nào (dữ liệu đã bị xóa).");
  const clarification = await approvedClarification(ctx.db, actor.wardId, signal.claim_id);
  if (!clarification)
    throw new AppError(
      "conflict",
      "Tin đồn này chưa có bài đính chính đã duyệt. Hãy soạn bài đính chính và trình duyệt trước.",
    );
  if (!(await clarify(ctx, signal, clarification, actor.id)))
    throw new AppError("conflict", "Người dân này đã nhận bài đính chính.");
  if (signal.group_id) await clarificationCard(ctx, signal.group_id, clarification);
}

/** The rumour desk's setting: whether clarifications go out by themselves or after a staff tap. */
export async function setRumourReplyMode(db: Db, wardId: string, mode: RumourReplyMode): Promise<void> {
  await db.update(wards).set({ rumourReplyMode: mode }).where(eq(wards.id, wardId));
}

export async function rumourReplyMode(db: Db, wardId: string): Promise<RumourReplyMode> {
  const [row] = await db.select({ mode: wards.rumourReplyMode }).from(wards).where(eq(wards.id, wardId));
  return row?.mode ?? "auto";
}
