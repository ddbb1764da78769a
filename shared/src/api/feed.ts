import { z } from "zod";
import { postKindSchema } from "../domain/enums.js";

export const feedQuerySchema = z.strictObject({
  kind: postKindSchema.optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const feedItemSchema = z
  .object({
    id: z.string(),
    kind: postKindSchema,
    title: z.string(),
    summary: z.string().nullable(),
    body: z.string(),
    imageUrl: z.string().nullable(),
    campaign: z.object({ id: z.string(), title: z.string() }).nullable(),
    publishedAt: z.string(),
    /** The resident opened it already (last-read state). */
    isRead: z.boolean(),
  })
  .meta({ id: "FeedItem" });
export type FeedItem = z.infer<typeof feedItemSchema>;

export const feedResponseSchema = z.object({ items: z.array(feedItemSchema) });
export type FeedResponse = z.infer<typeof feedResponseSchema>;

/** A post reached through a group head's link carries the link's reference. */
export const feedItemQuerySchema = z.strictObject({
  relay: z
    .string()
    .regex(/^r-[A-Za-z0-9_-]{6,40}$/, "Mã chuyển tiếp không hợp lệ")
    .optional(),
});
