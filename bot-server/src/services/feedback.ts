import type {
  GroupMember,
  nominationRequestSchema,
  opinionReportRequestSchema,
  reportRequestSchema,
} from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { residents } from "../store/schema/index.js";
import { feedItemFor } from "./feed.js";
import { recordMiniAppSignal } from "./signals.js";
import { attachUploads } from "./uploads.js";

type ResidentRow = typeof residents.$inferSelect;

/**
 * Phản ánh with its photos (the resident's own uploads) and an optional location. A place given only in
 * words travels with the text, where staff read it.
 */
export async function fileReport(
  db: Db,
  resident: ResidentRow,
  data: z.output<typeof reportRequestSchema>,
): Promise<number> {
  if (data.postId) await feedItemFor(db, resident, data.postId);
  const place = data.location ? "" : (data.place ?? "");
  return db.transaction(async (tx) => {
    const id = await recordMiniAppSignal(tx, resident, {
      kind: "report",
      text: place ? `${data.text}\n\nVị trí: ${place}` : data.text,
      postId: data.postId ?? null,
      payload: { uploadIds: data.uploadIds, ...(data.location ? { location: data.location } : {}) },
    });
    await attachUploads(tx, resident.id, data.uploadIds, id);
    return id;
  });
}

export async function nominate(
  db: Db,
  resident: ResidentRow,
  data: z.output<typeof nominationRequestSchema>,
): Promise<number> {
  return recordMiniAppSignal(db, resident, {
    kind: "nomination",
    text: `${data.who} — ${data.why}`,
    payload: { who: data.who, where: data.where, why: data.why },
  });
}

/**
 * A report of what people are saying, from a head or a collaborator. The things people said are kept
 * apart in the payload and also join the text, so the labeller and the rumour matcher read them.
 */
export async function fileOpinionReport(
  db: Db,
  reporter: ResidentRow,
  data: z.output<typeof opinionReportRequestSchema>,
): Promise<number> {
  const text = [data.summary, ...data.examples.map((example) => `“${example}”`)].join("\n");
  return recordMiniAppSignal(db, reporter, {
    kind: "opinion_report",
    text,
    payload: { mood: data.mood, topics: data.topics, examples: data.examples },
  });
}

/** A head's group members by status; a head sees only their own group. */
export async function groupMembers(
  db: Db,
  head: ResidentRow,
  status: "pending" | "confirmed",
): Promise<GroupMember[]> {
  const rows = await queryRows<{
    id: string;
    full_name: string;
    membership_status: "pending" | "confirmed";
    since: Date | string | null;
  }>(
    db,
    sql`select id, full_name, membership_status, coalesce(membership_changed_at, created_at) as since from residents
        where residential_group_id = ${head.residentialGroupId}::uuid and membership_status = ${status}
          and deleted_at is null and id <> ${head.id}::uuid
        order by since desc limit 500`,
  );
  return rows.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    membershipStatus: r.membership_status,
    since: r.since ? new Date(r.since).toISOString() : null,
  }));
}

/** Confirms a claimed membership, or rejects it (the resident is then in no group). */
export async function decideMember(
  db: Db,
  head: ResidentRow,
  residentId: string,
  decision: "confirm" | "reject",
) {
  const [updated] = await db
    .update(residents)
    .set(
      decision === "confirm"
        ? { membershipStatus: "confirmed", membershipChangedAt: new Date(), updatedAt: new Date() }
        : {
            membershipStatus: null,
            residentialGroupId: null,
            membershipChangedAt: new Date(),
            updatedAt: new Date(),
          },
    )
    .where(
      and(
        eq(residents.id, residentId),
        eq(residents.residentialGroupId, head.residentialGroupId!),
        eq(residents.membershipStatus, "pending"),
      ),
    )
    .returning({ id: residents.id, membershipStatus: residents.membershipStatus });
  if (!updated) throw new AppError("not_found", "Không có người chờ xác nhận này trong tổ của bạn.");
  return updated;
}
