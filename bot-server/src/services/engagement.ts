import type { PostEngagement, ReactionKind } from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { pollAnswers, postReactions, postReads, type residents } from "../store/schema/index.js";
import { feedItemFor, shownPostVersion } from "./feed.js";
import { publicQuestions } from "./public-questions.js";
import { recordMiniAppSignal } from "./signals.js";

type ResidentRow = typeof residents.$inferSelect;

/** The approved poll of a post addressed to the resident (404 otherwise). */
/** The poll as the resident was shown it: the version of the broadcast that reached them. */
async function pollOf(db: Db, resident: ResidentRow, postId: string) {
  const version = await shownPostVersion(db, resident, postId);
  const [row] = await queryRows<{
    poll: { question: string; multiple: boolean; options: { id: string; label: string }[] } | null;
  }>(
    db,
    sql`select v.poll from post_versions v where v.post_id = ${postId}::uuid and v.version = ${version}`,
  );
  return row?.poll ?? null;
}

export async function engagementFor(db: Db, resident: ResidentRow, postId: string): Promise<PostEngagement> {
  const poll = await pollOf(db, resident, postId);
  const reactionRows = await queryRows<{ reaction: string; n: number; mine: boolean }>(
    db,
    sql`select reaction, count(*)::int as n, bool_or(resident_id = ${resident.id}::uuid) as mine
        from post_reactions where post_id = ${postId}::uuid group by reaction`,
  );
  const [answer] = await db
    .select()
    .from(pollAnswers)
    .where(and(eq(pollAnswers.postId, postId), eq(pollAnswers.residentId, resident.id)));
  let pollView: PostEngagement["poll"] = null;
  if (poll) {
    // Results only once the resident has answered, so earlier answers do not steer theirs.
    const votes = answer
      ? await queryRows<{ option_id: string; n: number }>(
          db,
          sql`select o.value as option_id, count(*)::int as n
              from poll_answers a, jsonb_array_elements_text(a.option_ids) o
              where a.post_id = ${postId}::uuid group by o.value`,
        )
      : [];
    const [total] = answer
      ? await queryRows<{ n: number }>(
          db,
          sql`select count(*)::int as n from poll_answers where post_id = ${postId}::uuid`,
        )
      : [];
    pollView = {
      question: poll.question,
      multiple: poll.multiple,
      options: poll.options.map((o) => ({
        id: o.id,
        label: o.label,
        votes: answer ? (votes.find((v) => v.option_id === o.id)?.n ?? 0) : null,
      })),
      myAnswer: answer?.optionIds ?? null,
      totalVotes: answer ? (total?.n ?? 0) : null,
    };
  }
  return {
    reactions: Object.fromEntries(reactionRows.map((r) => [r.reaction, r.n])),
    myReactions: reactionRows.filter((r) => r.mine).map((r) => r.reaction as ReactionKind),
    poll: pollView,
    myQuestions: await myQuestions(db, resident, postId),
    publicQuestions: await publicQuestions(db, postId, resident.id),
  };
}

export async function react(
  db: Db,
  resident: ResidentRow,
  postId: string,
  reaction: ReactionKind,
  active: boolean,
): Promise<PostEngagement> {
  await feedItemFor(db, resident, postId);
  if (active) {
    // A count on the post (shown to residents and staff), not an item for the staff inbox.
    await db
      .insert(postReactions)
      .values({ postId, residentId: resident.id, reaction })
      .onConflictDoNothing();
  } else {
    await db
      .delete(postReactions)
      .where(
        and(
          eq(postReactions.postId, postId),
          eq(postReactions.residentId, resident.id),
          eq(postReactions.reaction, reaction),
        ),
      );
  }
  return engagementFor(db, resident, postId);
}

export async function answerPoll(
  db: Db,
  resident: ResidentRow,
  postId: string,
  optionIds: string[],
): Promise<PostEngagement> {
  const poll = await pollOf(db, resident, postId);
  if (!poll) throw new AppError("not_found", "Bài này không có khảo sát.");
  const valid = new Set(poll.options.map((o) => o.id));
  const chosen = [...new Set(optionIds)];
  if (chosen.some((id) => !valid.has(id)) || (!poll.multiple && chosen.length !== 1)) {
    throw new AppError("validation_failed", "Lựa chọn không hợp lệ.", [
      {
        field: "body.optionIds",
        message: poll.multiple ? "Chỉ chọn trong các phương án" : "Chọn đúng một phương án",
      },
    ]);
  }
  const inserted = await db
    .insert(pollAnswers)
    .values({ postId, residentId: resident.id, optionIds: chosen })
    .onConflictDoNothing()
    .returning();
  if (inserted.length === 0) throw new AppError("already_answered");
  // The poll's results are counts on the post; an answer is nothing for a person in the staff inbox.
  return engagementFor(db, resident, postId);
}

export async function askOnPost(
  db: Db,
  resident: ResidentRow,
  postId: string,
  kind: "question" | "comment",
  text: string,
): Promise<number> {
  await feedItemFor(db, resident, postId);
  return recordMiniAppSignal(db, resident, { kind, text, postId });
}

export async function markRead(db: Db, resident: ResidentRow, postId: string): Promise<void> {
  await feedItemFor(db, resident, postId);
  await db.insert(postReads).values({ postId, residentId: resident.id }).onConflictDoNothing();
}

/**
 * The resident's questions, comments, reports and nominations (on one post, or all) with the ward's
 * answers shown in the app.
 */
export async function myQuestions(db: Db, resident: ResidentRow, postId?: string) {
  const rows = await queryRows<{
    id: number;
    kind: string;
    text: string | null;
    sent_at: Date | string;
    post_id: string | null;
    post_title: string | null;
    replies: { text: string; at: string; by: string }[];
  }>(
    db,
    sql`select s.id, s.kind, s.text, s.sent_at, p.id as post_id, v.title as post_title,
               coalesce((select json_agg(json_build_object('text', r.text, 'at', r.created_at, 'by', 'Phường')
                                         order by r.created_at)
                         from signal_replies r where r.signal_id = s.id
                           and r.status in ('sent', 'delivered', 'seen', 'shown')),
                        '[]'::json) as replies
        from signals s left join posts p on p.id = s.post_id
        -- Residents see only approved words: the title of the approved version, never a draft's.
        left join post_versions v on v.post_id = p.id and v.version = p.approved_version
        where s.resident_id = ${resident.id}::uuid and s.kind in ('question', 'comment', 'report', 'nomination')
          ${postId ? sql`and s.post_id = ${postId}::uuid` : sql``}
        order by s.sent_at desc limit 100`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    text: r.text ?? "",
    sentAt: new Date(r.sent_at).toISOString(),
    post: r.post_id && r.post_title ? { id: r.post_id, title: r.post_title } : null,
    replies: r.replies.map((x) => ({ text: x.text, at: new Date(x.at).toISOString(), by: x.by })),
  }));
}
