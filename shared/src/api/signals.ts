import { z } from "zod";
import { signalKindSchema } from "../domain/enums.js";

export const signalListQuerySchema = z.strictObject({
  kind: signalKindSchema.optional(),
  residentialGroupId: z.uuid().optional(),
  postId: z.uuid().optional(),
  status: z.enum(["open", "handled"]).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.coerce.number().int().positive().optional(),
});

export const signalSchema = z.object({
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
  replies: z.array(z.object({ text: z.string(), channel: z.string(), status: z.string(), at: z.string(), by: z.string() })),
  /** Whether an OA message can reach the resident now (follower, interacted within 7 days). */
  canReplyByOa: z.boolean(),
});
export type Signal = z.infer<typeof signalSchema>;

/** channel "oa" sends an OA message (only within Zalo's 7-day window); "feed" shows the answer in the Mini App. */
export const replyRequestSchema = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  channel: z.enum(["oa", "feed"]),
});
