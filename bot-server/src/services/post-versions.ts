import { createHash } from "node:crypto";
import type { PostReview } from "@loa-phuong/shared";
import { and, desc, eq, sql } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import type { Db, Tx } from "../store/database.js";
import { auditLog, campaigns, posts, postVersions } from "../store/schema/index.js";
import { type PostRow, toPostDto } from "./posts-read.js";

export type PostContent = Pick<PostRow, "title" | "summary" | "body" | "imageUrl" | "poll">;

/** SHA-256 over the content a resident reads; it identifies an approved version in the audit log. */
export function contentHash(content: PostContent): string {
  const canonical = JSON.stringify([
    content.title,
    content.summary ?? null,
    content.body,
    content.imageUrl ?? null,
    ...(content.poll ? [content.poll] : []),
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Stores the content submitted for approval; approval refers to this exact snapshot. */
export async function freezeVersion(tx: Tx, row: PostRow, actorId: string): Promise<void> {
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

/** Whether this staff member changed the post's content after its last approved version. */
export async function editedSinceApproval(tx: Tx, row: PostRow, staffId: string): Promise<boolean> {
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

/**
 * The urgency approved with a version: the approval records it (post_versions keeps the words only).
 * Null for an approval recorded before it did.
 */
async function approvedUrgency(db: Db, row: PostRow): Promise<boolean | null> {
  if (row.approvedVersion === null) return null;
  if (row.approvedVersion === row.version) return row.isUrgent;
  const [approval] = await db
    .select({ isUrgent: sql<boolean | null>`(${auditLog.details}->>'isUrgent')::boolean` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, "post"),
        eq(auditLog.entityId, row.id),
        eq(auditLog.action, "approve"),
        sql`(${auditLog.details}->>'version')::int = ${row.approvedVersion}`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(1);
  return approval?.isUrgent ?? null;
}

/** What an approver compares: the submitted version against the last approved one, every field of each. */
export async function reviewPost(db: Db, wardId: string, postId: string): Promise<PostReview> {
  const [found] = await db
    .select({ post: posts, campaignTitle: campaigns.title })
    .from(posts)
    .leftJoin(campaigns, eq(campaigns.id, posts.campaignId))
    .where(and(eq(posts.id, postId), eq(posts.wardId, wardId)));
  if (!found) throw notFound("bài viết");
  const row = found.post;
  const versions = await db
    .select()
    .from(postVersions)
    .where(eq(postVersions.postId, postId))
    .orderBy(desc(postVersions.version));
  const toContent = (v: (typeof versions)[number] | undefined, isUrgent: boolean | null) =>
    v
      ? {
          version: v.version,
          title: v.title,
          summary: v.summary,
          body: v.body,
          imageUrl: v.imageUrl,
          poll: v.poll,
          isUrgent,
          contentHash: v.contentHash,
        }
      : null;
  return {
    post: toPostDto(row),
    campaign:
      row.campaignId && found.campaignTitle ? { id: row.campaignId, title: found.campaignTitle } : null,
    // The submitted version is the post's current one: its urgency is the row's.
    submitted: toContent(
      versions.find((v) => v.version === row.version),
      row.isUrgent,
    ),
    lastApproved: toContent(
      row.approvedVersion === null ? undefined : versions.find((v) => v.version === row.approvedVersion),
      await approvedUrgency(db, row),
    ),
  };
}
