import { createHash } from "node:crypto";
import type { createPostRequestSchema, Post, PostReview, PostStatus } from "@loa-phuong/shared";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { AppError, invalidFields, notFound } from "../errors/app-error.js";
import type { Db, Tx } from "../store/database.js";
import { auditLog, broadcasts, campaigns, posts, postVersions } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { closeCancelled } from "./broadcast-control.js";
import type { StaffActor } from "./staff.js";

type PostRow = typeof posts.$inferSelect;
type Content = Pick<PostRow, "title" | "summary" | "body" | "imageUrl" | "poll">;

/** SHA-256 over the content a resident reads; it identifies an approved version in the audit log. */
export function contentHash(content: Content): string {
  const canonical = JSON.stringify([
    content.title,
    content.summary ?? null,
    content.body,
    content.imageUrl ?? null,
    ...(content.poll ? [content.poll] : []),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export function toPostDto(row: PostRow): Post {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    summary: row.summary,
    body: row.body,
    imageUrl: row.imageUrl,
    campaignId: row.campaignId,
    isUrgent: row.isUrgent,
    poll: row.poll,
    authorId: row.authorId,
    approvedById: row.approvedById,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    version: row.version,
    approvedVersion: row.approvedVersion,
    rejectionReason: row.rejectionReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

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
  input: Partial<Content> & { isUrgent?: boolean | undefined },
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

/** Whether this staff member changed the post's content after its last approved version. */
async function editedSinceApproval(tx: Tx, row: PostRow, staffId: string): Promise<boolean> {
  const [edit] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "post"),
        eq(auditLog.entityId, row.id),
        eq(auditLog.action, "edit"),
        eq(auditLog.actorId, staffId),
        sql`(${auditLog.details}->>'version')::int > ${row.approvedVersion ?? 0}`,
      ),
    )
    .limit(1);
  return edit !== undefined;
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
      details: { version: updated.version, ...details },
    });
    return toPostDto(updated);
  });
}

/** Stores the content submitted for approval; approval refers to this exact snapshot. */
async function freezeVersion(tx: Tx, row: PostRow, actorId: string): Promise<void> {
  await tx
    .insert(postVersions)
    .values({
      postId: row.id,
      version: row.version,
      title: row.title,
      summary: row.summary,
      body: row.body,
      imageUrl: row.imageUrl,
      poll: row.poll,
      contentHash: contentHash(row),
      createdById: actorId,
    })
    .onConflictDoNothing();
}

export async function getPost(db: Db, wardId: string, postId: string): Promise<Post> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.wardId, wardId)));
  if (!row) throw notFound("bài viết");
  return toPostDto(row);
}

export async function listPosts(
  db: Db,
  wardId: string,
  query: { status?: PostStatus | undefined; limit: number },
): Promise<Post[]> {
  const rows = await db
    .select()
    .from(posts)
    .where(and(eq(posts.wardId, wardId), query.status ? eq(posts.status, query.status) : undefined))
    .orderBy(desc(posts.updatedAt))
    .limit(query.limit);
  return rows.map(toPostDto);
}

/** What an approver compares: the submitted version against the last approved one. */
export async function reviewPost(db: Db, wardId: string, postId: string): Promise<PostReview> {
  const [row] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.wardId, wardId)));
  if (!row) throw notFound("bài viết");
  const versions = await db
    .select()
    .from(postVersions)
    .where(eq(postVersions.postId, postId))
    .orderBy(desc(postVersions.version));
  const toContent = (v: (typeof versions)[number] | undefined) =>
    v
      ? {
          version: v.version,
          title: v.title,
          summary: v.summary,
          body: v.body,
          imageUrl: v.imageUrl,
          contentHash: v.contentHash,
        }
      : null;
  return {
    post: toPostDto(row),
    submitted: toContent(versions.find((v) => v.version === row.version)),
    lastApproved: toContent(
      row.approvedVersion === null ? undefined : versions.find((v) => v.version === row.approvedVersion),
    ),
  };
}
