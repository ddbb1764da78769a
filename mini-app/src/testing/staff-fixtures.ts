import type { Post } from "@loa-phuong/shared";

/** A post as GET /api/posts/:id answers it. */
export function staffPost(overrides: Partial<Post> = {}): Post {
  return {
    id: "p-9",
    kind: "announcement",
    status: "draft",
    title: "Lịch tiêm chủng tháng 6",
    summary: null,
    body: "Trạm y tế phường tiêm chủng vào sáng thứ Bảy.",
    imageUrl: null,
    campaignId: null,
    isUrgent: false,
    poll: null,
    authorId: "staff-1",
    approvedById: null,
    approvedAt: null,
    version: 1,
    approvedVersion: null,
    rejectionReason: null,
    createdAt: "2026-06-01T01:00:00.000Z",
    updatedAt: "2026-06-01T01:00:00.000Z",
    ...overrides,
  };
}
