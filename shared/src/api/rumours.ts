import { z } from "zod";
import { textLimits } from "../text-limits.js";
import { writtenText } from "./common.js";
import { relayTaskSchema } from "./relay.js";

/** Staff record a known false claim; its answer is a clarification post, approved as every post is. */
export const rumourClaimRequestSchema = z.strictObject({
  claim: writtenText("Nội dung tin đồn", textLimits.rumourClaim, "Hãy ghi lại tin đồn cần đính chính."),
  topic: writtenText("Chủ đề", textLimits.rumourTopic, "Hãy ghi chủ đề (ví dụ: học phí)."),
  clarificationPostId: z.uuid("Bài đính chính không hợp lệ").optional(),
});
export type RumourClaimRequest = z.infer<typeof rumourClaimRequestSchema>;

export const rumourClaimSchema = z
  .object({
    id: z.string(),
    claim: z.string(),
    topic: z.string(),
    status: z.enum(["active", "retired"]),
    /** The clarification post, and whether its answer is approved (only then is it sent). */
    clarification: z.object({ postId: z.string(), title: z.string(), isApproved: z.boolean() }).nullable(),
    createdAt: z.string(),
    /** Residents' messages that repeat it: in all, and in the last 24 hours. */
    matches: z.object({ total: z.number(), last24h: z.number() }),
    /**
     * Where it spreads, by residential group. A group with fewer than 5 residents who repeated it is
     * counted under "others" and not named: an aggregate never points at a few people.
     */
    byGroup: z.array(z.object({ group: z.string(), messages: z.number(), residents: z.number() })),
    othersMessages: z.number(),
    /**
     * Its spread over time: messages per ward day (yyyy-mm-dd, Asia/Ho_Chi_Minh) and group, oldest day
     * first; the groups not named in `byGroup` are folded into one row per day with `group: null`.
     */
    byDay: z.array(z.object({ day: z.string(), group: z.string().nullable(), messages: z.number() })),
  })
  .meta({ id: "RumourClaim" });
export type RumourClaim = z.infer<typeof rumourClaimSchema>;

/**
 * How a resident repeating a known claim is answered: `auto`, the approved clarification at once (by
 * OA message within Zalo's window, else in "Hỏi đáp"); `staff`, only when an officer taps "Gửi đính chính".
 */
export const rumourReplyModes = ["auto", "staff"] as const;
export type RumourReplyMode = (typeof rumourReplyModes)[number];
export const rumourSettingsRequestSchema = z.strictObject({
  replyMode: z.enum(rumourReplyModes, "Chọn cách gửi đính chính: tự động hoặc do cán bộ"),
});
export const rumourSettingsSchema = rumourSettingsRequestSchema.meta({ id: "RumourSettings" });
export type RumourSettings = z.infer<typeof rumourSettingsSchema>;

export const rumourClaimListSchema = z.object({
  items: z.array(rumourClaimSchema),
  settings: rumourSettingsSchema,
});

/** "Kiểm tra tin này": a head pastes a suspicious message from their group. */
export const messageCheckRequestSchema = z.strictObject({
  text: writtenText("Tin cần kiểm tra", textLimits.messageCheck, "Hãy dán tin cần kiểm tra."),
});
export type MessageCheckRequest = z.infer<typeof messageCheckRequestSchema>;

/**
 * The answer: the ward's approved clarification when the message repeats a known claim (with the head's
 * card to share it into the group), else `forwarded`: the message waits in the staff inbox.
 */
export const messageCheckSchema = z
  .object({
    signalId: z.number(),
    outcome: z.enum(["clarified", "forwarded"]),
    clarification: z
      .object({
        topic: z.string(),
        postId: z.string(),
        title: z.string(),
        summary: z.string().nullable(),
        /** The head's relay card for it (share into the group, then confirm); null outside a group. */
        relayTask: relayTaskSchema.nullable(),
      })
      .nullable(),
  })
  .meta({ id: "MessageCheck" });
export type MessageCheck = z.infer<typeof messageCheckSchema>;
