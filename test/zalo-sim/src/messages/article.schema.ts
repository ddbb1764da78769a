import { z } from "zod";

/**
 * Bodies of the OA article API (/v2.0/article/create) and of the article broadcast
 * (/v2.0/oa/message). Both shapes come from Zalo's older v2.0 documentation and are uncertain [?];
 * the lengths (title 150, author 50, description 300) are the documented ones.
 */

const httpUrl = z.url({ protocol: /^https?$/ });

const textItem = z.object({ type: z.literal("text"), content: z.string() }).loose();
const imageItem = z.object({ type: z.literal("image"), url: httpUrl }).loose();
/** Video and product items exist too; they are kept as sent. */
const otherItem = z.object({ type: z.string().refine((t) => t !== "text" && t !== "image") }).loose();

export const articleCreateSchema = z.object({
  type: z.literal("normal").default("normal"),
  title: z.string().trim().min(1).max(150),
  author: z.string().max(50).optional(),
  cover: z
    .object({
      cover_type: z.enum(["photo", "video"]),
      photo_url: httpUrl.optional(),
      status: z.enum(["show", "hide"]).optional(),
    })
    .loose()
    .optional(),
  description: z.string().trim().min(1).max(300),
  body: z.array(z.union([textItem, imageItem, otherItem])).default([]),
  status: z.enum(["show", "hide"]).default("show"),
  comment: z.enum(["show", "hide"]).optional(),
});
export type ArticleCreateBody = z.infer<typeof articleCreateSchema>;

/** Targets are comma-separated codes in Zalo's examples; arrays are accepted as well. */
const targetValue = z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]);

/**
 * The one body the v2.0 message API still answers: an article broadcast to the OA's followers.
 * Anything else (a `user_id`, a text, another attachment) fails this schema and gets -240.
 */
export const articleBroadcastSchema = z.object({
  recipient: z
    .object({
      target: z
        .object({
          ages: targetValue.optional(),
          gender: targetValue.optional(),
          locations: targetValue.optional(),
          cities: targetValue.optional(),
          platform: targetValue.optional(),
        })
        .loose(),
    })
    .loose()
    .refine((r) => !("user_id" in r) && !("message_id" in r) && !("anonymous_id" in r)),
  message: z
    .object({
      attachment: z
        .object({
          type: z.literal("template"),
          payload: z
            .object({
              template_type: z.literal("media"),
              elements: z
                .array(
                  z.object({ media_type: z.literal("article"), attachment_id: z.string().min(1) }).loose(),
                )
                .length(1),
            })
            .loose(),
        })
        .loose(),
    })
    .loose()
    .refine((m) => !("text" in m)),
});
export type ArticleBroadcastBody = z.infer<typeof articleBroadcastSchema>;
