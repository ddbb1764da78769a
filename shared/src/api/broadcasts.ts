import { z } from "zod";
import { audienceSchema } from "../domain/audience.js";
import { broadcastStatusSchema, deliveryStatusSchema } from "../domain/enums.js";

export const createBroadcastRequestSchema = z.strictObject({
  postId: z.uuid(),
  audience: audienceSchema,
  /** ISO 8601 with an offset; omitted = now. */
  scheduledAt: z.iso.datetime({ offset: true, message: "Thời điểm gửi phải theo ISO 8601, có múi giờ" }).optional(),
});
export type CreateBroadcastRequest = z.input<typeof createBroadcastRequestSchema>;

export const broadcastSchema = z.object({
  id: z.string(),
  postId: z.string(),
  status: broadcastStatusSchema,
  audience: audienceSchema,
  scheduledAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recipientCount: z.number().nullable(),
  counts: z.partialRecord(deliveryStatusSchema, z.number()),
});
export type Broadcast = z.infer<typeof broadcastSchema>;
