import { z } from "zod";

const id = z.union([z.string(), z.number()]).transform(String);
/** Milliseconds since the epoch, as a string of digits or a number; anything else is refused. */
const timestamp = z
  .union([z.string().regex(/^\d{1,15}$/), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
  .transform((v) => new Date(Number(v)))
  .refine((d) => Number.isFinite(d.getTime()), "not a time");

/** user_send_text, user_send_image, … : a resident wrote to the OA. */
export const userSendEventSchema = z.object({
  event_name: z.string().startsWith("user_send_"),
  sender: z.object({ id }),
  user_id_by_app: id.optional(),
  timestamp,
  message: z
    .object({
      msg_id: id,
      text: z.string().optional(),
      attachments: z.array(z.object({ type: z.string(), payload: z.unknown() }).loose()).optional(),
      quote_msg_id: id.optional(),
    })
    .loose(),
});

/** Receipts; `user_seen_message` carries msg_ids (an array) or, in some integrations, msg_id. */
export const receiptEventSchema = z.object({
  event_name: z.enum(["user_received_message", "user_seen_message"]),
  recipient: z.object({ id }),
  timestamp,
  message: z.object({ msg_id: id.optional(), msg_ids: z.array(id).optional() }).loose(),
});

export const followEventSchema = z.object({
  event_name: z.enum(["follow", "unfollow"]),
  follower: z.object({ id }),
  user_id_by_app: id.optional(),
  timestamp,
});

/** Flat shape: the resident tapped "Nhắn tin" on the OA profile (counts as an interaction). */
export const clickChatNowEventSchema = z.object({
  event_name: z.literal("user_click_chatnow"),
  user_id: id,
  user_id_by_app: id.optional(),
  timestamp,
});

/** The schema an event of this name must match to be accepted, if it is one the worker applies. */
export function eventSchemaFor(eventName: string): z.ZodType | undefined {
  if (eventName === "user_received_message" || eventName === "user_seen_message") return receiptEventSchema;
  if (eventName === "follow" || eventName === "unfollow") return followEventSchema;
  if (eventName === "user_click_chatnow") return clickChatNowEventSchema;
  if (eventName.startsWith("user_send_") && !eventName.startsWith("user_send_group_"))
    return userSendEventSchema;
  return undefined;
}
