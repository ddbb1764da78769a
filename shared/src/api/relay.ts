import { z } from "zod";
import { OPINION_EXAMPLES_MAX, textLimits } from "../text-limits.js";
import { writtenText } from "./common.js";

export const relayTaskStatuses = ["open", "shared", "confirmed"] as const;
export type RelayTaskStatus = (typeof relayTaskStatuses)[number];

/**
 * A group head's task: forward one broadcast into the neighbourhood Zalo group and confirm — or a
 * clarification card (no broadcast): the ward's answer to a false claim heard in the group.
 */
export const relayTaskSchema = z
  .object({
    id: z.string(),
    broadcastId: z.string().nullable(),
    /** Set on a clarification card: the claim it answers ("Đính chính tin đồn" and its topic). */
    clarification: z.object({ claimId: z.string(), topic: z.string() }).nullable(),
    post: z.object({
      id: z.string(),
      title: z.string(),
      kind: z.string(),
      summary: z.string().nullable(),
      imageUrl: z.string().nullable(),
    }),
    status: z.enum(relayTaskStatuses),
    /** The per-head, per-broadcast reference the share link carries. */
    ref: z.string(),
    /** Path inside the Mini App for openShareSheet({ type: "zmp_deep_link", data: { path } }). */
    sharePath: z.string(),
    shareUrl: z.string(),
    createdAt: z.string(),
    sharedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    opens: z.object({ total: z.number(), uniqueResidents: z.number() }),
  })
  .meta({ id: "RelayTask" });
export type RelayTask = z.infer<typeof relayTaskSchema>;

export const relayOpenRequestSchema = z.strictObject({
  ref: z.string().regex(/^r-[A-Za-z0-9_-]{6,40}$/, "Mã chuyển tiếp không hợp lệ"),
});
export const relayOpenResponseSchema = z.object({
  counted: z.boolean(),
  /** Offered when the resident arrived through a head's link and belongs to no group yet. */
  joinOffer: z.object({ residentialGroupId: z.string(), name: z.string() }).nullable(),
});

export const memberDecisionSchema = z.strictObject({ decision: z.enum(["confirm", "reject"]) });

/**
 * Báo cáo dư luận: what people in the reporter's area are saying (a group head's, or a public-opinion
 * collaborator's — cộng tác viên dư luận xã hội), with the mood, the topics and a few examples.
 */
export const opinionReportRequestSchema = z.strictObject({
  mood: z.enum(["positive", "neutral", "negative", "mixed"]),
  topics: z
    .array(writtenText("Chủ đề", textLimits.opinionTopic, "Chủ đề không được để trống"))
    .min(1, "Chọn ít nhất một chủ đề")
    .max(10),
  summary: writtenText("Tóm tắt tình hình", textLimits.opinionSummary, "Cần tóm tắt tình hình"),
  examples: z
    .array(writtenText("Ý kiến ghi nhận", textLimits.opinionExample, "Ý kiến ghi nhận không được để trống"))
    .max(OPINION_EXAMPLES_MAX, `Tối đa ${OPINION_EXAMPLES_MAX} ý kiến ghi nhận`)
    .default([]),
});

/** One row of the staff relay board. */
export const relayBoardRowSchema = z
  .object({
    residentialGroup: z.object({ id: z.string(), name: z.string() }),
    head: z.object({ id: z.string(), name: z.string() }).nullable(),
    taskId: z.string().nullable(),
    status: z.enum([...relayTaskStatuses, "no_head"]),
    sharedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    remindedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    opens: z.object({ total: z.number(), uniqueResidents: z.number() }),
    oa: z.object({
      recipients: z.number(),
      sent: z.number(),
      delivered: z.number(),
      seen: z.number(),
      fallback: z.number(),
    }),
  })
  .meta({ id: "RelayBoardRow" });
export type RelayBoardRow = z.infer<typeof relayBoardRowSchema>;

export const relayTaskListSchema = z.object({ items: z.array(relayTaskSchema) });
export const relayBoardSchema = z.object({ items: z.array(relayBoardRowSchema) });

/** A resident of the head's group, confirmed or waiting for the head to confirm them. */
export const groupMemberSchema = z
  .object({
    id: z.string(),
    fullName: z.string(),
    membershipStatus: z.enum(["pending", "confirmed"]),
    since: z.string().nullable(),
  })
  .meta({ id: "GroupMember" });
export type GroupMember = z.infer<typeof groupMemberSchema>;
export const groupMemberListSchema = z.object({ items: z.array(groupMemberSchema) });
export const groupMembersQuerySchema = z.strictObject({
  status: z.enum(["pending", "confirmed"]).default("pending"),
});
/** After a decision: confirmed, or (rejected) in no group. */
export const memberDecisionResponseSchema = z.object({
  id: z.string(),
  membershipStatus: z.enum(["pending", "confirmed"]).nullable(),
});
export type RelayOpenResponse = z.infer<typeof relayOpenResponseSchema>;
export type MemberDecisionResponse = z.infer<typeof memberDecisionResponseSchema>;
