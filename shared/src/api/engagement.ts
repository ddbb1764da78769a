import { z } from "zod";
import { textLimits, tooLongMessage } from "../text-limits.js";
import { writtenText } from "./common.js";

export const reactionKinds = ["huu_ich", "cam_on", "dong_tinh", "quan_tam"] as const;
export const reactionKindSchema = z.enum(reactionKinds);
export type ReactionKind = z.infer<typeof reactionKindSchema>;
/** Vietnamese labels of reactions. */
export const reactionLabels: Record<ReactionKind, string> = {
  huu_ich: "Hữu ích",
  cam_on: "Cảm ơn",
  dong_tinh: "Đồng tình",
  quan_tam: "Quan tâm",
};

export const reactRequestSchema = z.strictObject({ reaction: reactionKindSchema, active: z.boolean() });

/** A poll belongs to a post of kind "poll" and is part of its approved content. */
export const pollSchema = z.strictObject({
  question: z.string().trim().min(1, "Cần có câu hỏi khảo sát").max(300, "Câu hỏi tối đa 300 ký tự"),
  multiple: z.boolean().default(false),
  options: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]{1,20}$/, "Mã phương án không hợp lệ"),
        label: z
          .string()
          .trim()
          .min(1, "Phương án không được để trống")
          .max(200, "Phương án tối đa 200 ký tự"),
      }),
    )
    .min(2, "Khảo sát cần ít nhất 2 phương án")
    .max(10, "Khảo sát có tối đa 10 phương án")
    .refine(
      (options) => new Set(options.map((o) => o.id)).size === options.length,
      "Mã các phương án phải khác nhau",
    ),
});
export type Poll = z.infer<typeof pollSchema>;

export const pollAnswerRequestSchema = z.strictObject({
  optionIds: z.array(z.string().min(1).max(20)).min(1).max(10),
});

export const postQuestionRequestSchema = z.strictObject({
  kind: z.enum(["question", "comment"]),
  text: writtenText("Câu hỏi hoặc góp ý", textLimits.question, "Nội dung không được để trống"),
});

/** A photo uploaded before the report is sent (POST /api/uploads with the image bytes). */
export const uploadResponseSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    bytes: z.number(),
    contentType: z.string(),
  })
  .meta({ id: "UploadResponse" });
export type UploadResponse = z.infer<typeof uploadResponseSchema>;
export const MAX_UPLOAD_BYTES = 3 * 1024 * 1024;

const reportPlace = z
  .string()
  .trim()
  .max(textLimits.reportPlace, tooLongMessage("Mô tả vị trí", textLimits.reportPlace));

/**
 * Phản ánh: a report about the neighbourhood, up to 3 photos and an optional place: the phone's
 * position (`location`, with the words as its label) or, without one, the words alone (`place`).
 */
export const reportRequestSchema = z.strictObject({
  text: writtenText("Nội dung phản ánh", textLimits.report, "Hãy mô tả sự việc"),
  uploadIds: z.array(z.uuid()).max(3, "Tối đa 3 ảnh").default([]),
  location: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      label: reportPlace.optional(),
    })
    .optional(),
  place: reportPlace.optional(),
  postId: z.uuid().optional(),
});

/** Đề cử điển hình: who, where, why; staff review it later. */
export const nominationRequestSchema = z.strictObject({
  who: writtenText(
    "Người hoặc tập thể được đề cử",
    textLimits.nominationWho,
    "Cần nêu người hoặc tập thể được đề cử",
  ),
  where: writtenText(
    "Nơi công tác hoặc sinh sống",
    textLimits.nominationWhere,
    "Cần nêu nơi công tác, sinh sống",
  ),
  why: writtenText("Lý do đề cử", textLimits.nominationWhy, "Cần nêu lý do"),
});

/** What the post page shows beyond the content: reactions, the poll, the resident's own questions and their answers. */
/** A question another resident asked about the post, answered by the ward, shown without a name. */
export const publicQuestionSchema = z.object({
  id: z.number(),
  text: z.string(),
  askedAt: z.string(),
  answer: z.object({ text: z.string(), at: z.string() }),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

export const postEngagementSchema = z
  .object({
    reactions: z.record(z.string(), z.number()),
    myReactions: z.array(reactionKindSchema),
    poll: z
      .object({
        question: z.string(),
        multiple: z.boolean(),
        options: z.array(z.object({ id: z.string(), label: z.string(), votes: z.number().nullable() })),
        myAnswer: z.array(z.string()).nullable(),
        totalVotes: z.number().nullable(),
      })
      .nullable(),
    myQuestions: z.array(
      z.object({
        id: z.number(),
        kind: z.string(),
        text: z.string(),
        sentAt: z.string(),
        replies: z.array(z.object({ text: z.string(), at: z.string(), by: z.string() })),
      }),
    ),
    /** "Bà con hỏi, phường trả lời": what passed moderation (bot-server/src/services/public-questions.ts). */
    publicQuestions: z.array(publicQuestionSchema),
  })
  .meta({ id: "PostEngagement" });
export type PostEngagement = z.infer<typeof postEngagementSchema>;
