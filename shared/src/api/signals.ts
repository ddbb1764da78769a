import { z } from "zod";
import { OA_REPLY_TEXT_LIMIT } from "../broadcast-message.js";
import { messageKindSchema, sentimentSchema, signalKindSchema, toxicitySchema } from "../domain/enums.js";
import { textLimits } from "../text-limits.js";
import { writtenText } from "./common.js";

/** A day of the inbox's range: an ISO date the store can compare (year 0 or 10000 is refused). */
const inboxDate = z.iso
  .date("Ngày phải có dạng yyyy-mm-dd")
  .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Ngày phải nằm trong khoảng 2000–2099");

export const signalListQuerySchema = z.strictObject({
  kind: signalKindSchema.optional(),
  residentialGroupId: z.uuid().optional(),
  postId: z.uuid().optional(),
  /** What the message does, and one of the ward's opinion themes (as labelled). */
  messageKind: messageKindSchema.optional(),
  themeId: z.uuid("Chủ đề không hợp lệ").optional(),
  status: z.enum(["open", "handled"]).optional(),
  from: inboxDate.optional(),
  to: inboxDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const signalSchema = z
  .object({
    id: z.number(),
    kind: signalKindSchema,
    source: z.string(),
    status: z.enum(["open", "handled"]),
    text: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    resident: z.object({ id: z.string(), name: z.string() }).nullable(),
    residentialGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
    post: z.object({ id: z.string(), title: z.string() }).nullable(),
    sentAt: z.string(),
    handledAt: z.string().nullable(),
    photos: z.array(z.string()),
    replies: z.array(
      z.object({ text: z.string(), channel: z.string(), status: z.string(), at: z.string(), by: z.string() }),
    ),
    /** Whether an OA message can reach the resident now (follower, interacted within 7 days). */
    canReplyByOa: z.boolean(),
    /** Shown to other residents under its post ("Bà con hỏi, phường trả lời"): passed moderation, answered. */
    shownToResidents: z.boolean(),
    /** An officer kept it from other residents. */
    hiddenFromResidents: z.boolean(),
    /** What the opinion models (or staff) read in the text; null until labelled, or without text. */
    labels: z
      .object({
        sentiment: sentimentSchema.nullable(),
        toxicity: toxicitySchema.nullable(),
        /** What the message does (question, complaint…), and the ward's opinion themes it is about. */
        kind: messageKindSchema.nullable(),
        themes: z.array(z.object({ id: z.string(), name: z.string() })),
        /** Per label, the model version that gave it, or "staff" once corrected. */
        sources: z.record(z.string(), z.string()),
      })
      .nullable(),
    /** The known false claim the text repeats (the rumour matcher), with its score and reason. */
    rumour: z
      .object({
        claimId: z.string(),
        claim: z.string(),
        score: z.number(),
        reason: z.string(),
        /** The claim's clarification can be sent (approved), and whether it already was to this signal. */
        canClarify: z.boolean(),
        clarified: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: "Signal" });

/** Staff correct what the models read: stored, counted, and learned from by `npm run opinion:train`. */
export const labelCorrectionSchema = z
  .strictObject({
    sentiment: sentimentSchema.optional(),
    toxicity: toxicitySchema.optional(),
    kind: messageKindSchema.optional(),
    /** The themes the text is about (the ward's opinion themes), all of them: none is a label too. */
    themes: z
      .array(z.uuid("Chủ đề không hợp lệ"))
      .max(20, "Một ý kiến gắn tối đa 20 chủ đề.")
      .transform((ids) => [...new Set(ids)])
      .optional(),
  })
  .refine((c) => Object.values(c).some((label) => label !== undefined), {
    message: "Hãy chọn nhãn cần sửa (cảm xúc, mức độ xúc phạm, loại ý kiến hoặc chủ đề).",
  });
export type LabelCorrection = z.infer<typeof labelCorrectionSchema>;
export type Signal = z.infer<typeof signalSchema>;

/** channel "oa" sends an OA message (only within Zalo's 7-day window); "feed" shows the answer in the Mini App. */
export const replyRequestSchema = z
  .strictObject({
    text: writtenText("Câu trả lời", textLimits.reply, "Vui lòng nhập câu trả lời."),
    channel: z.enum(["oa", "feed"]),
  })
  .refine((r) => r.channel !== "oa" || r.text.length <= OA_REPLY_TEXT_LIMIT, {
    path: ["text"],
    message:
      "Tin nhắn Zalo OA chỉ chứa được câu trả lời tối đa 1.800 ký tự; câu dài hơn hãy hiển thị trong Mini App.",
  });

export const signalListSchema = z.object({ items: z.array(signalSchema) });
export const signalParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive("Mã không hợp lệ").max(Number.MAX_SAFE_INTEGER, "Mã không hợp lệ"),
});

/** Moderation: an officer keeps a resident's words from other residents, or shows them again. */
export const signalVisibilitySchema = z.strictObject({ hidden: z.boolean("Chọn ẩn hoặc hiện") });
