import { z } from "zod";
import { pushChannelSchema } from "../domain/channels.js";
import { schoolLevelSchema, staffAlertKindSchema } from "../domain/enums.js";
import { listOf } from "./common.js";

/** Tổ dân phố, as the server lists it (members = confirmed residents). */
export const residentialGroupSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    area: z.string().nullable(),
    members: z.number().int(),
  })
  .meta({ id: "ResidentialGroup" });
export type ResidentialGroup = z.infer<typeof residentialGroupSchema>;
export const residentialGroupListSchema = listOf(residentialGroupSchema);

export const schoolSchema = z
  .object({ id: z.string(), name: z.string(), level: schoolLevelSchema, address: z.string().nullable() })
  .meta({ id: "School" });
export type School = z.infer<typeof schoolSchema>;
export const schoolListSchema = listOf(schoolSchema);

/** An alert for staff: a head late to relay, the OA's authorisation lost, Zalo events set aside. */
export const staffAlertSchema = z
  .object({
    id: z.string(),
    kind: staffAlertKindSchema,
    message: z.string(),
    broadcastId: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "StaffAlert" });
export type StaffAlert = z.infer<typeof staffAlertSchema>;
export const staffAlertListSchema = listOf(staffAlertSchema);

/** A Zalo event set aside after failing again and again; its body is not shown (residents' words). */
export const setAsideEventSchema = z
  .object({
    id: z.number().int(),
    eventName: z.string(),
    receivedAt: z.string(),
    setAsideAt: z.string(),
    failures: z.number().int(),
    reason: z.string().nullable(),
  })
  .meta({ id: "SetAsideEvent" });
export type SetAsideEvent = z.infer<typeof setAsideEventSchema>;
export const setAsideEventListSchema = listOf(setAsideEventSchema);
export const webhookEventParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive("Mã không hợp lệ").max(Number.MAX_SAFE_INTEGER),
});

/** The ward's OA as connected to the app (never the tokens themselves). */
export const oaConnectionSchema = z
  .object({
    oaId: z.string(),
    connected: z.boolean(),
    accessExpiresAt: z.string().nullable(),
    refreshExpiresAt: z.string().nullable(),
    connectedAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "OaConnection" });
export type OaConnection = z.infer<typeof oaConnectionSchema>;

/** The ward's channels as admins see them: configured, stopped by Zalo (and why), quota left today. */
export const channelStatusListSchema = z
  .object({
    items: z.array(
      z.object({
        channel: pushChannelSchema,
        enabled: z.boolean(),
        priceVnd: z.number(),
        quotaLeft: z.number().nullable(),
        stop: z
          .object({ code: z.number().nullable(), message: z.string(), stoppedAt: z.string() })
          .nullable(),
      }),
    ),
  })
  .meta({ id: "ChannelStatusList" });
export type ChannelStatusList = z.infer<typeof channelStatusListSchema>;
export const channelParamsSchema = z.strictObject({ channel: pushChannelSchema });

/** Zalo's consent link for this admin, valid for `expiresInSec`. */
export const oaConnectStartSchema = z.object({ permissionUrl: z.string(), expiresInSec: z.number().int() });

/** What Zalo sends back to the callback after the consent screen. */
export const oaCallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().min(1).max(200),
  oa_id: z.string().max(40).optional(),
  error: z.string().max(200).optional(),
});
