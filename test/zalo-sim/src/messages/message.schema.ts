import { z } from "zod";
import { ZaloError } from "../envelope.js";

/**
 * Bodies of POST /v3.0/oa/message/cs and /template (reference §4.3). Shapes are strict enough
 * that a client bug shows up here as the -201 Zalo would give, and loose where the reference is
 * unsure (extra fields pass through).
 */

/** Counted in code points, so an emoji counts once (Zalo's own counting is unknown). */
const text2000 = z.string().refine((s) => {
  const length = [...s].length;
  return length >= 1 && length <= 2000;
});

const httpUrl = z.url({ protocol: /^https?$/ });
/** zod's .int() stops at 2^53; ids beyond it are recovered later from the raw body (user-id.ts). */
export const userIdSchema = z.union([
  z.string().regex(/^\d+$/),
  z.number().refine((n) => Number.isInteger(n) && n >= 0),
]);

const openUrlAction = z.object({ type: z.literal("oa.open.url"), url: httpUrl }).loose();
const queryAction = z
  .object({ type: z.enum(["oa.query.show", "oa.query.hide"]), payload: z.string().min(1) })
  .loose();
const phoneAction = z
  .object({ type: z.literal("oa.open.phone"), payload: z.object({ phone_code: z.string().min(1) }) })
  .loose();
const smsAction = z
  .object({
    type: z.literal("oa.open.sms"),
    payload: z.object({ phone_code: z.string().min(1), content: z.string() }),
  })
  .loose();

const button = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("oa.open.url"),
      title: z.string().min(1).max(100),
      payload: z.object({ url: httpUrl }),
    })
    .loose(),
  queryAction.extend({ title: z.string().min(1).max(100) }),
  phoneAction.extend({ title: z.string().min(1).max(100) }),
  smsAction.extend({ title: z.string().min(1).max(100) }),
]);

const listElement = z
  .object({
    title: z.string().min(1).max(100),
    subtitle: z.string().max(500).optional(),
    image_url: httpUrl.optional(),
    default_action: z
      .discriminatedUnion("type", [openUrlAction, queryAction, phoneAction, smsAction])
      .optional(),
  })
  .loose();

const listPayload = z
  .object({
    template_type: z.literal("list"),
    elements: z.array(listElement).min(1).max(5),
    buttons: z.array(button).max(5).optional(),
  })
  .loose();

const mediaElement = z
  .object({
    media_type: z.enum(["image", "gif"]),
    url: httpUrl.optional(),
    attachment_id: z.string().min(1).optional(),
    width: z.number().positive().optional(),
    height: z.number().positive().optional(),
  })
  .loose()
  .refine((e) => e.url !== undefined || e.attachment_id !== undefined, { path: ["url"] })
  .refine((e) => e.media_type !== "gif" || (e.width !== undefined && e.height !== undefined), {
    path: ["width"],
  });

const mediaPayload = z
  .object({ template_type: z.literal("media"), elements: z.array(mediaElement).length(1) })
  .loose();

const requestInfoPayload = z
  .object({
    template_type: z.literal("request_user_info"),
    elements: z
      .array(
        z
          .object({ title: z.string().min(1).max(100), subtitle: z.string().max(500), image_url: httpUrl })
          .loose(),
      )
      .length(1),
  })
  .loose();

const attachment = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("template"),
      payload: z.discriminatedUnion("template_type", [listPayload, mediaPayload, requestInfoPayload]),
    })
    .loose(),
  z.object({ type: z.literal("file"), payload: z.object({ token: z.string().min(1) }) }).loose(),
]);

export const csMessageSchema = z.object({
  recipient: z.object({ user_id: userIdSchema }).loose(),
  message: z
    .object({
      text: text2000.optional(),
      attachment: attachment.optional(),
      quote_message_id: z.string().optional(),
    })
    .loose()
    // A message needs text or an attachment; report it as bad text, as Zalo does.
    .refine((m) => m.text !== undefined || m.attachment !== undefined, { path: ["text"] }),
});
export type CsMessageBody = z.infer<typeof csMessageSchema>;
export type CsMessage = CsMessageBody["message"];

/** ZBS template by UID: the recipient is `user_id` at the top level or `recipient.user_id` (both seen). */
export const templateMessageSchema = z
  .object({
    user_id: userIdSchema.optional(),
    recipient: z.object({ user_id: userIdSchema }).loose().optional(),
    template_id: z.string().min(1),
    template_data: z.record(z.string(), z.unknown()).optional(),
    tracking_id: z.string().max(48).optional(),
  })
  .loose()
  .refine((b) => b.user_id !== undefined || b.recipient !== undefined, { path: ["user_id"] });
export type TemplateMessageBody = z.infer<typeof templateMessageSchema>;

const MESSAGE_TYPE_FIELDS = new Set(["template_type", "type"]);

/** Turns the first zod issue into Zalo's "<field> is invalid!" (-201), or -233 for an unknown message type. */
export function toZaloValidationError(error: z.ZodError): { code: number; message: string } {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = [...path].reverse().find((p): p is string => typeof p === "string") ?? "body";
  const isDiscriminator = issue?.code === "invalid_union" && "discriminator" in issue;
  if (MESSAGE_TYPE_FIELDS.has(field) && isDiscriminator && path.includes("attachment")) {
    return { code: ZaloError.messageTypeInvalid, message: "Message type is invalid" };
  }
  return { code: ZaloError.invalidParam, message: `${field} is invalid!` };
}
