import type { Post, PostStatus } from "@loa-phuong/shared";
import { and, desc, eq } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import { posts } from "../store/schema/index.js";

export type PostRow = typeof posts.$inferSelect;

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
