import { z } from "zod";
import { postKindSchema, postStatusSchema } from "../domain/enums.js";
import { pollSchema } from "./engagement.js";

export const idParamsSchema = z.strictObject({ id: z.uuid("Mã không hợp lệ") });

/** A post's picture: an absolute http(s) address (create and edit alike). */
export const imageUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: "Địa chỉ ảnh không hợp lệ: cần một địa chỉ http:// hoặc https:// đầy đủ",
  })
  .max(2000, "Địa chỉ ảnh tối đa 2.000 ký tự");

/** The fields of a post; create and edit both build on it. */
export const postFieldsSchema = z.strictObject({
  kind: postKindSchema,
  title: z.string().trim().min(1, "Cần có tiêu đề").max(200, "Tiêu đề tối đa 200 ký tự"),
  summary: z.string().trim().max(500).optional(),
  body: z.string().trim().min(1, "Cần có nội dung").max(20_000, "Nội dung tối đa 20.000 ký tự"),
  imageUrl: imageUrlSchema.optional(),
  campaignId: z.uuid().optional(),
  isUrgent: z.boolean().default(false),
  /** Required for kind "poll"; part of the approved content. */
  poll: pollSchema.optional(),
});

export const createPostRequestSchema = postFieldsSchema.refine(
  (p) => p.kind !== "poll" || p.poll !== undefined,
  {
    message: "Bài khảo sát cần có câu hỏi và các lựa chọn",
    path: ["poll"],
  },
);
export type CreatePostRequest = z.input<typeof createPostRequestSchema>;

/** The approver names the version they reviewed: a post edited since is not approved unseen. */
export const approvePostRequestSchema = z.strictObject({
  version: z.number({ error: "Cần nêu bản bài đã xem" }).int().positive(),
});
export type ApprovePostRequest = z.infer<typeof approvePostRequestSchema>;

export const rejectPostRequestSchema = z.strictObject({
  reason: z.string().trim().min(1, "Cần nêu lý do").max(1000),
});

export const postSchema = z
  .object({
    id: z.string(),
    kind: postKindSchema,
    status: postStatusSchema,
    title: z.string(),
    summary: z.string().nullable(),
    body: z.string(),
    imageUrl: z.string().nullable(),
    campaignId: z.string().nullable(),
    isUrgent: z.boolean(),
    poll: pollSchema.nullable(),
    authorId: z.string(),
    approvedById: z.string().nullable(),
    approvedAt: z.string().nullable(),
    version: z.number(),
    approvedVersion: z.number().nullable(),
    rejectionReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Post" });
export type Post = z.infer<typeof postSchema>;

export const postListQuerySchema = z.strictObject({
  status: postStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/**
 * The content an approver compares: the last approved version against the one submitted now. Every
 * field that is sent is here; the kind and the campaign never change after the post is created.
 */
export const postVersionContentSchema = z
  .object({
    version: z.number(),
    title: z.string(),
    summary: z.string().nullable(),
    body: z.string(),
    imageUrl: z.string().nullable(),
    poll: pollSchema.nullable(),
    /** Urgency as approved (it needs approval again when changed); null: not recorded for this version. */
    isUrgent: z.boolean().nullable(),
    contentHash: z.string(),
  })
  .meta({ id: "PostVersionContent" });
export const postReviewSchema = z
  .object({
    post: postSchema,
    /** The campaign the post belongs to, shown to residents beside it. */
    campaign: z.object({ id: z.string(), title: z.string() }).nullable(),
    submitted: postVersionContentSchema.nullable(),
    lastApproved: postVersionContentSchema.nullable(),
  })
  .meta({ id: "PostReview" });
export type PostReview = z.infer<typeof postReviewSchema>;

/** Content edits (imageUrl null removes the image; urgency needs approval again too); at least one field. */
export const updatePostRequestSchema = postFieldsSchema
  .pick({ title: true, summary: true, body: true, poll: true })
  // Re-declared without the create default, so a PATCH that omits them leaves them alone.
  .extend({ imageUrl: imageUrlSchema.nullable(), isUrgent: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "Cần ít nhất một trường để sửa" });
export type UpdatePostRequest = z.input<typeof updatePostRequestSchema>;

export const postListSchema = z.object({ items: z.array(postSchema) });
