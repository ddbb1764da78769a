import type { createPostRequestSchema, Post, PostStatus } from "@loa-phuong/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { AppError, invalidFields, notFound } from "../errors/app-error.js";
import type { Db, Tx } from "../store/database.js";
import { broadcasts, campaigns, posts } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { closeCancelled } from "./broadcast-control.js";
import { contentHash, editedSinceApproval, freezeVersion, type PostContent } from "./post-versions.js";
import { type PostRow, toPostDto } from "./posts-read.js";
import type { StaffActor } from "./staff.js";

function requireRole(actor: StaffActor, role: "editor" | "approver"): void {
  if (!actor.roles.includes(role)) throw new AppError("forbidden");
}

async function lockPost(tx: Tx, wardId: string, postId: string): Promise<PostRow> {
  const [row] = await tx
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.wardId, wardId)))
    .for("update");
  if (!row) throw notFound("bài viết");
  return row;
}

function assertStatus(row: PostRow, allowed: PostStatus[]): void {
  if (!allowed.includes(row.status)) {
    throw new AppError(
      "invalid_transition",
      `Bài viết đang ở trạng thái "${row.status}", không thể thực hiện thao tác này.`,
    );
  }
}

export async function createPost(
  db: Db,
  actor: StaffActor,
  data: z.output<typeof createPostRequestSchema>,
): Promise<Post> {
  requireRole(actor, "editor");
  return db.transaction(async (tx) => {
    if (data.campaignId) await requireCampaign(tx, actor.wardId, data.campaignId);
    const [row] = await tx
      .insert(posts)
      .values({
        wardId: actor.wardId,
        kind: data.kind,
        title: data.title,
        summary: data.summary ?? null,
        body: data.body,
        imageUrl: data.imageUrl ?? null,
        campaignId: data.campaignId ?? null,
        isUrgent: data.isUrgent,
        poll: data.poll ?? null,
        authorId: actor.id,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      entityType: "post",
      entityId: row.id,
      action: "create",
      actor: { type: "staff", id: actor.id },
      toStatus: row.status,
      contentHash: contentHash(row),
    });
    return toPostDto(row);
  });
}

/** Editing content after approval sends the post back for approval and unschedules its broadcasts. */
export async function updatePost(
  db: Db,
  actor: StaffActor,
  postId: string,
  input: Partial<PostContent> & { isUrgent?: boolean | undefined },
): Promise<Post> {
  requireRole(actor, "editor");
  return db.transaction(async (tx) => {
    const row = await lockPost(tx, actor.wardId, postId);
    // Broadcasts under way keep the version they froze; the edit only affects what is sent next.
    assertStatus(row, [
      "draft",
      "rejected",
      "submitted",
      "approved",
      "scheduled",
      "paused",
      "sending",
      "sent",
    ]);
    const next = { ...row, ...input };
    const changed = contentHash(next) !== contentHash(row) || next.isUrgent !== row.isUrgent;
    if (!changed) return toPostDto(row);
    const toStatus: PostStatus = row.status === "draft" || row.status === "rejected" ? "draft" : "submitted";
    const [updated] = await tx
      .update(posts)
      .set({ ...input, status: toStatus, version: row.version + 1, updatedAt: new Date() })
      .where(eq(posts.id, postId))
      .returning();
    if (!updated) throw notFound("bài viết");
    if (toStatus === "submitted") await freezeVersion(tx, updated, actor.id);
    const unscheduled = await tx
      .update(broadcasts)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(and(eq(broadcasts.postId, postId), inArray(broadcasts.status, ["scheduled", "paused"])))
      .returning({ id: broadcasts.id });
    await closeCancelled(
      tx,
      unscheduled.map((b) => b.id),
    );
    for (const b of unscheduled) {
      await recordAudit(tx, {
        entityType: "broadcast",
        entityId: b.id,
        action: "cancel",
        actor: { type: "staff", id: actor.id },
        toStatus: "cancelled",
        details: { reason: "post_edited", postId, postVersion: updated.version },
      });
    }
    await recordAudit(tx, {
      entityType: "post",
      entityId: postId,
      action: "edit",
      actor: { type: "staff", id: actor.id },
      fromStatus: row.status,
      toStatus,
      contentHash: contentHash(updated),
      details: { version: updated.version, unscheduledBroadcastIds: unscheduled.map((b) => b.id) },
    });
    return toPostDto(updated);
  });
}

export async function submitPost(db: Db, actor: StaffActor, postId: string): Promise<Post> {
  requireRole(actor, "editor");
  return transition(db, actor, postId, ["draft", "rejected"], "submitted", "submit", async (tx, row) => {
    await freezeVersion(tx, row, actor.id);
    return {};
  });
}

/**
 * Approves the version the approver reviewed. Refused when the post changed since (409: they would
 * approve words they never saw), and when the approver wrote the post or edited it since its last
 * approval (two people, always: an account holding both roles cannot approve its own words).
 */
export async function approvePost(
  db: Db,
  actor: StaffActor,
  postId: string,
  reviewedVersion: number,
): Promise<Post> {
  requireRole(actor, "approver");
  return transition(db, actor, postId, ["submitted"], "approved", "approve", async (tx, row) => {
    if (row.version !== reviewedVersion) {
      throw new AppError(
        "conflict",
        `Bài đã được sửa sau khi bạn mở (nay là bản ${row.version}, bạn xem bản ${reviewedVersion}). ` +
          "Vui lòng xem lại nội dung mới rồi duyệt.",
      );
    }
    if (row.authorId === actor.id || (await editedSinceApproval(tx, row, actor.id)))
      throw new AppError("self_approval");
    return {
      approvedVersion: row.version,
      approvedById: actor.id,
      approvedAt: new Date(),
      rejectionReason: null,
    };
  });
}

/** A post may belong only to a campaign of its own ward: anything else is the caller's mistake (400). */
async function requireCampaign(tx: Tx, wardId: string, campaignId: string): Promise<void> {
  const [campaign] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.wardId, wardId)));
  if (!campaign)
    throw invalidFields([{ field: "body.campaignId", message: "Không có chiến dịch này trong phường." }]);
}

export async function rejectPost(db: Db, actor: StaffActor, postId: string, reason: string): Promise<Post> {
  requireRole(actor, "approver");
  return transition(
    db,
    actor,
    postId,
    ["submitted"],
    "rejected",
    "reject",
    async () => ({ rejectionReason: reason }),
    { reason },
  );
}

async function transition(
  db: Db,
  actor: StaffActor,
  postId: string,
  from: PostStatus[],
  to: PostStatus,
  action: string,
  apply: (tx: Tx, row: PostRow) => Promise<Partial<PostRow>>,
  details: Record<string, unknown> = {},
): Promise<Post> {
  return db.transaction(async (tx) => {
    const row = await lockPost(tx, actor.wardId, postId);
    assertStatus(row, from);
    const extra = await apply(tx, row);
    const [updated] = await tx
      .update(posts)
      .set({ ...extra, status: to, updatedAt: new Date() })
      .where(eq(posts.id, postId))
      .returning();
    if (!updated) throw notFound("bài viết");
    await recordAudit(tx, {
      entityType: "post",
      entityId: postId,
      action,
      actor: { type: "staff", id: actor.id },
      fromStatus: row.status,
      toStatus: to,
      contentHash: contentHash(updated),
      // Urgency is approved with the words but not kept in post_versions: the record says it.
      details: { version: updated.version, isUrgent: updated.isUrgent, ...details },
    });
    return toPostDto(updated);
  });
}
