import { z } from "zod";

/** Zalo ids exceed 2^53: keep them as strings even if a number slips through. */
const zaloId = z.union([z.string(), z.number()]).transform(String);

export const graphMeSchema = z.object({
  id: zaloId,
  name: z.string().default(""),
  picture: z.object({ data: z.object({ url: z.string() }) }).optional(),
  user_id_by_oa: zaloId.optional(),
  // The SDK reads `!!is_follower`; a 0/1 or a string must not fail a sign-in.
  is_follower: z
    .unknown()
    .transform((v) =>
      v === undefined || v === null ? undefined : v === true || v === 1 || v === "1" || v === "true",
    ),
  is_sensitive: z.unknown().optional(),
});
export type GraphMe = z.infer<typeof graphMeSchema>;

export const graphPhoneSchema = z.object({
  data: z.object({ number: z.union([z.string(), z.number()]).transform(String) }),
});

export const oauthTokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string(), z.number()]).transform(Number),
  /** Seconds the refresh token lives; Zalo's answer may leave it out (3 months then). */
  refresh_token_expires_in: z.union([z.string(), z.number()]).transform(Number).optional(),
});

export const sendMessageSchema = z.object({
  data: z
    .object({ message_id: zaloId, user_id: zaloId.optional(), sent_time: z.unknown().optional() })
    .loose(),
});

export const conversationSchema = z.object({
  data: z.array(
    z
      .object({
        src: z.number().optional(),
        time: z.union([z.number(), z.string()]).optional(),
        type: z.string().optional(),
        message: z.string().optional(),
        message_id: zaloId,
        from_id: zaloId.optional(),
        to_id: zaloId.optional(),
        links: z.array(z.object({ url: z.string() }).loose()).optional(),
      })
      .loose(),
  ),
});
export type ConversationMessage = z.infer<typeof conversationSchema>["data"][number];

export const userDetailSchema = z.object({
  data: z
    .object({
      user_id: zaloId,
      user_id_by_app: zaloId.optional(),
      display_name: z.string().optional(),
      user_is_follower: z.boolean().optional(),
      user_last_interaction_date: z.string().optional(),
    })
    .loose(),
});

export const userListSchema = z.object({
  data: z.object({
    total: z.number(),
    count: z.number().optional(),
    offset: z.number().optional(),
    users: z.array(z.object({ user_id: zaloId })),
  }),
});

/** A send's answer may carry what is left of a quota: `remain` (OA API) or ZBS's `remainingQuota`. */
const quotaSchema = z
  .object({
    remain: z.union([z.string(), z.number()]).transform(Number).optional(),
    remainingQuota: z.union([z.string(), z.number()]).transform(Number).optional(),
  })
  .loose()
  .optional();

export const templateSendSchema = z.object({
  data: z.object({ message_id: zaloId, quota: quotaSchema }).loose(),
});

/** ZBS by phone (business.openapi.zalo.me/message/template): the id is `msg_id`. */
export const zbsSendSchema = z.object({
  data: z.object({ msg_id: zaloId, quota: quotaSchema }).loose(),
});

/** OA Article: create answers a token, verify answers the article's id. */
export const articleTokenSchema = z.object({ data: z.object({ token: z.string().min(1) }).loose() });
export const articleIdSchema = z.object({ data: z.object({ id: zaloId }).loose() });

/** Mini App notification: the answer's shape is not documented ([?]); an id is kept when there is one. */
export const notificationSendSchema = z.object({
  data: z
    .object({ msg_id: zaloId.optional(), message_id: zaloId.optional(), msgId: zaloId.optional() })
    .loose()
    .optional(),
});
