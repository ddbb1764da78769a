import {
  jobIds,
  type MessageKind,
  type Sentiment,
  type Signal,
  type SignalKind,
  type Toxicity,
} from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { AppError, notFound } from "../errors/app-error.js";
import { enqueue, type Queues } from "../queue/queues.js";
import { type Db, queryRows } from "../store/database.js";
import { signalReplies, signals } from "../store/schema/index.js";
import { INTERACTION_WINDOW_DAYS } from "./audience.js";
import { recordAudit } from "./audit.js";
import { publishedAmong } from "./public-questions.js";
import type { StaffActor } from "./staff.js";

export interface SignalQuery {
  kind?: SignalKind | undefined;
  residentialGroupId?: string | undefined;
  postId?: string | undefined;
  messageKind?: MessageKind | undefined;
  themeId?: string | undefined;
  status?: "open" | "handled" | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: number | undefined;
  limit: number;
}

interface Row {
  id: number;
  kind: SignalKind;
  source: string;
  status: "open" | "handled";
  text: string | null;
  payload: Record<string, unknown>;
  resident_id: string | null;
  resident_name: string | null;
  group_id: string | null;
  group_name: string | null;
  post_id: string | null;
  post_title: string | null;
  sent_at: Date | string;
  handled_at: Date | string | null;
  can_reply_by_oa: boolean;
  photos: string[];
  replies: { text: string; channel: string; status: string; at: string; by: string }[];
  sentiment: Sentiment | null;
  toxicity: Toxicity | null;
  message_kind: MessageKind | null;
  theme_list: { id: string; name: string }[];
  label_sources: Record<string, string> | null;
  labelled_at: Date | string | null;
  rumour_claim_id: string | null;
  rumour_claim: string | null;
  rumour_match: { score: number; reason: string } | null;
  can_clarify: boolean;
  clarified: boolean;
  hidden_at: Date | string | null;
}

/** Dates are ward days: from 00:00 of `from` to the end of `to`, Asia/Ho_Chi_Minh. */
const wardDayStart = (date: string) => `${date}T00:00:00+07:00`;

export async function listSignals(
  db: Db,
  wardId: string,
  q: SignalQuery,
  signalId?: number,
): Promise<Signal[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select s.id, s.kind, s.source, s.status, s.text, s.payload, r.id as resident_id, r.full_name as resident_name,
               s.sentiment, s.toxicity, s.label_sources, s.labelled_at, s.message_kind,
               coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
                         from opinion_themes t where t.id = any(s.themes)), '[]'::json) as theme_list,
               s.rumour_claim_id, rc.claim as rumour_claim, s.rumour_match, s.hidden_at,
               coalesce(rc.status = 'active' and cp.approved_version is not null, false) as can_clarify,
               exists (select 1 from signal_replies x
                       where x.signal_id = s.id and x.rumour_claim_id is not null) as clarified,
               g.id as group_id, g.name as group_name, p.id as post_id, p.title as post_title, s.sent_at, s.handled_at,
               coalesce(r.zalo_oa_user_id is not null and r.is_follower
                        and r.last_interaction_at > now() - make_interval(days => ${INTERACTION_WINDOW_DAYS}),
                        false) as can_reply_by_oa,
               coalesce((select json_agg('/api/uploads/' || u.id order by u.created_at)
                         from uploads u where u.signal_id = s.id), '[]'::json) as photos,
               coalesce((select json_agg(json_build_object('text', x.text, 'channel', x.channel, 'status', x.status,
                                                           'at', x.created_at,
                                                           -- The automatic clarification has no author.
                                                           'by', coalesce(st.display_name, 'Tự động'))
                                         order by x.created_at)
                         from signal_replies x left join staff_accounts st on st.id = x.staff_id
                         where x.signal_id = s.id), '[]'::json) as replies
        from signals s left join residents r on r.id = s.resident_id
        left join residential_groups g on g.id = s.residential_group_id left join posts p on p.id = s.post_id
        left join rumour_claims rc on rc.id = s.rumour_claim_id left join posts cp on cp.id = rc.clarification_post_id
        where s.ward_id = ${wardId}
          ${signalId ? sql`and s.id = ${signalId}` : sql``}
          ${q.kind ? sql`and s.kind = ${q.kind}` : sql`and s.kind not in ('reaction', 'poll_answer')`}
          ${q.residentialGroupId ? sql`and s.residential_group_id = ${q.residentialGroupId}::uuid` : sql``}
          ${q.postId ? sql`and s.post_id = ${q.postId}::uuid` : sql``}
          ${q.messageKind ? sql`and s.message_kind = ${q.messageKind}` : sql``}
          ${q.themeId ? sql`and ${q.themeId}::uuid = any(s.themes)` : sql``}
          ${q.status ? sql`and s.status = ${q.status}` : sql``}
          ${q.from ? sql`and s.sent_at >= ${wardDayStart(q.from)}::timestamptz` : sql``}
          ${q.to ? sql`and s.sent_at < ${wardDayStart(q.to)}::timestamptz + interval '1 day'` : sql``}
          ${q.before ? sql`and s.id < ${q.before}` : sql``}
        order by s.id desc limit ${q.limit}`,
  );
  const shown = await publishedAmong(
    db,
    rows.map((r) => Number(r.id)),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    source: r.source,
    status: r.status,
    text: r.text,
    payload: r.payload,
    resident: r.resident_id ? { id: r.resident_id, name: r.resident_name ?? "" } : null,
    residentialGroup: r.group_id ? { id: r.group_id, name: r.group_name ?? "" } : null,
    post: r.post_id ? { id: r.post_id, title: r.post_title ?? "" } : null,
    sentAt: new Date(r.sent_at).toISOString(),
    handledAt: r.handled_at ? new Date(r.handled_at).toISOString() : null,
    photos: r.photos,
    replies: r.replies.map((x) => ({ ...x, at: new Date(x.at).toISOString() })),
    canReplyByOa: r.can_reply_by_oa,
    shownToResidents: shown.has(Number(r.id)),
    hiddenFromResidents: r.hidden_at !== null,
    labels: r.labelled_at
      ? {
          sentiment: r.sentiment,
          toxicity: r.toxicity,
          kind: r.message_kind,
          themes: r.theme_list,
          sources: r.label_sources ?? {},
        }
      : null,
    rumour:
      r.rumour_claim_id && r.rumour_match
        ? {
            claimId: r.rumour_claim_id,
            claim: r.rumour_claim ?? "",
            ...r.rumour_match,
            canClarify: r.can_clarify,
            clarified: r.clarified,
          }
        : null,
  }));
}

export async function oneSignal(db: Db, wardId: string, id: number): Promise<Signal> {
  const [signal] = await listSignals(db, wardId, { limit: 1 }, id);
  if (!signal) throw notFound("ý kiến");
  return signal;
}

export async function markHandled(db: Db, actor: StaffActor, id: number): Promise<Signal> {
  const [row] = await db
    .update(signals)
    .set({ status: "handled", handledById: actor.id, handledAt: new Date() })
    .where(and(eq(signals.id, id), eq(signals.wardId, actor.wardId)))
    .returning({ id: signals.id });
  if (!row) throw notFound("ý kiến");
  return oneSignal(db, actor.wardId, id);
}

/**
 * Answers a signal: by OA message only when Zalo lets the OA message the resident (follower, within 7
 * days); otherwise the caller learns why and may show the answer in the Mini App instead.
 */
export async function replyToSignal(
  ctx: { db: Db; queues: Queues; onEnqueueError: (e: unknown) => void },
  actor: StaffActor,
  id: number,
  reply: { text: string; channel: "oa" | "feed" },
): Promise<Signal> {
  const signal = await oneSignal(ctx.db, actor.wardId, id);
  if (!signal.resident)
    throw new AppError("invalid_transition", "Ý kiến này không gắn với người dân nào (dữ liệu đã bị xóa).");
  if (reply.channel === "oa" && !signal.canReplyByOa) {
    throw new AppError(
      "cannot_reach_by_oa",
      "Người dân chưa quan tâm OA hoặc đã quá 7 ngày không tương tác, nên Zalo không cho OA nhắn tin. " +
        "Hãy trả lời trong Mini App hoặc nhờ tổ trưởng chuyển lời.",
    );
  }
  const [row] = await ctx.db
    .insert(signalReplies)
    .values({
      signalId: id,
      staffId: actor.id,
      text: reply.text,
      channel: reply.channel,
      status: reply.channel === "oa" ? "queued" : "shown",
    })
    .returning({ id: signalReplies.id });
  await ctx.db
    .update(signals)
    .set({ status: "handled", handledById: actor.id, handledAt: new Date() })
    .where(eq(signals.id, id));
  await recordAudit(ctx.db, {
    entityType: "resident",
    entityId: signal.resident.id,
    action: "reply",
    actor: { type: "staff", id: actor.id },
    details: { signalId: id, channel: reply.channel },
  });
  if (reply.channel === "oa") {
    try {
      await enqueue(ctx.queues, "signal.reply", { replyId: row!.id }, { jobId: jobIds.signalReply(row!.id) });
    } catch (error) {
      ctx.onEnqueueError(error);
    }
  }
  return oneSignal(ctx.db, actor.wardId, id);
}
