import { z } from "zod";

/**
 * How a post reaches a resident (docs/zalo-contracts.md §4.3, §7, §1.9c):
 * - `oa`: an OA customer-service message (free within 48 h of the resident's last interaction, billed
 *   from 48 h to 7 days, refused after 7 days);
 * - `article`: an OA Article broadcast to every follower (ward-wide posts only; a few a month);
 * - `notification`: a Mini App notification to a resident who allowed it (`requestSendNotification`);
 * - `template`: a ZBS template message by the resident's OA user id (paid);
 * - `zbs_phone`: a ZBS template message by phone number, only with the resident's recorded consent (paid);
 * - `relay`: nothing pushed; the head of the resident's residential group forwards it to the group;
 * - `feed`: nothing pushed; the post waits in the Mini App feed.
 */
export const deliveryChannels = [
  "oa",
  "article",
  "notification",
  "template",
  "zbs_phone",
  "relay",
  "feed",
] as const;
export const deliveryChannelSchema = z.enum(deliveryChannels);
export type DeliveryChannel = z.infer<typeof deliveryChannelSchema>;

/** The channels that push a message to the resident's phone. */
export const pushChannels = ["oa", "article", "notification", "template", "zbs_phone"] as const;
export type PushChannel = (typeof pushChannels)[number];
export const pushChannelSchema = z.enum(pushChannels);
export const isPushChannel = (c: DeliveryChannel): c is PushChannel =>
  (pushChannels as readonly string[]).includes(c);

/**
 * Why a resident gets nothing pushed (a `relay` or `feed` row), or why a push fell back. The first
 * two are Zalo's rules; the rest are the ward's limits or an OA-level stop.
 */
export const noPushReasons = [
  "not_follower",
  "outside_interaction_window",
  "daily_cap",
  "quota_exhausted",
  "budget",
  "paid_excluded",
  "channel_stopped",
] as const;
export const noPushReasonSchema = z.enum(noPushReasons);
export type NoPushReason = z.infer<typeof noPushReasonSchema>;
