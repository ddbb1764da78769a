import { z } from "zod";
import { audienceSchema } from "../domain/audience.js";
import { deliveryChannelSchema, noPushReasonSchema } from "../domain/channels.js";
import { broadcastStatusSchema, deliveryStatusSchema } from "../domain/enums.js";

/** What staff may limit for one broadcast: a budget in VND for paid channels, or no paid channel at all. */
const channelLimits = {
  /** The most this broadcast may spend on paid channels (escalation included), in VND; omitted = no limit. */
  budgetVnd: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  /** Use only free channels (CS within 48 h, the Article broadcast, Mini App notifications if free). */
  excludePaidChannels: z.boolean().default(false),
};

export const createBroadcastRequestSchema = z.strictObject({
  postId: z.uuid(),
  audience: audienceSchema,
  /** ISO 8601 with an offset; omitted = now. */
  scheduledAt: z.iso
    .datetime({ offset: true, message: "Thời điểm gửi phải theo ISO 8601, có múi giờ" })
    .optional(),
  ...channelLimits,
});
export type CreateBroadcastRequest = z.input<typeof createBroadcastRequestSchema>;

export const broadcastSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    status: broadcastStatusSchema,
    audience: audienceSchema,
    scheduledAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    recipientCount: z.number().nullable(),
    counts: z.partialRecord(deliveryStatusSchema, z.number()),
    budgetVnd: z.number().nullable(),
    excludePaidChannels: z.boolean(),
    /** What the pushes accepted so far cost, by the ward's price table (VND). */
    costVnd: z.number(),
  })
  .meta({ id: "Broadcast" });
export type Broadcast = z.infer<typeof broadcastSchema>;

/** Live progress of one broadcast: by state, failures and fallbacks by reason, and per residential group. */
export const broadcastProgressSchema = z
  .object({
    broadcast: broadcastSchema,
    post: z.object({ id: z.string(), title: z.string(), kind: z.string() }),
    total: z.number(),
    /** Rows settled (sent, delivered, seen, failed, fallback) over all rows, 0..1. */
    settledRatio: z.number(),
    reasons: z.array(z.object({ status: deliveryStatusSchema, reason: z.string(), count: z.number() })),
    groups: z.array(
      z.object({
        groupId: z.string().nullable(),
        name: z.string(),
        total: z.number(),
        counts: z.partialRecord(deliveryStatusSchema, z.number()),
        byChannel: z.partialRecord(deliveryChannelSchema, z.number()),
      }),
    ),
    /** Reach per channel: rows planned on it, and how far they got. */
    channels: z.array(
      z.object({
        channel: deliveryChannelSchema,
        total: z.number(),
        counts: z.partialRecord(deliveryStatusSchema, z.number()),
      }),
    ),
    /** Urgent posts: residents who had not seen it in time and were sent a ZBS message by phone. */
    escalation: z.object({ sent: z.number(), failed: z.number(), pending: z.number() }),
    pauseReason: z.string().nullable(),
  })
  .meta({ id: "BroadcastProgress" });
export type BroadcastProgress = z.infer<typeof broadcastProgressSchema>;

export const broadcastListQuerySchema = z.strictObject({
  status: broadcastStatusSchema.optional(),
  postId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A recurring schedule: weekly on chosen weekdays (0 = Sunday … 6 = Saturday) or daily, at HH:mm ward time. */
export const recurrenceSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("weekly"),
    weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ phải có dạng HH:mm"),
  }),
  z.strictObject({
    kind: z.literal("daily"),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Giờ phải có dạng HH:mm"),
  }),
]);
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const createScheduleRequestSchema = z.strictObject({
  postId: z.uuid(),
  audience: audienceSchema,
  recurrence: recurrenceSchema,
  endsAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateScheduleRequest = z.input<typeof createScheduleRequestSchema>;

/** The cron pattern (minute hour day month weekday) of a recurrence, read in Asia/Ho_Chi_Minh. */
export function recurrencePattern(r: Recurrence): string {
  const [hour, minute] = r.time.split(":").map(Number) as [number, number];
  const weekdays = r.kind === "daily" ? "*" : [...new Set(r.weekdays)].sort().join(",");
  return `${minute} ${hour} * * ${weekdays}`;
}

/** How many residents an audience reaches, and how (staff see it before they send). */
export const audienceCountRequestSchema = z.strictObject({
  audience: audienceSchema,
  /** An urgent post bypasses the daily cap, so nobody is counted as capped. */
  isUrgent: z.boolean().default(false),
});
export const audienceCountsSchema = z.object({
  recipients: z.number().int(),
  /** Followers who interacted with the OA within 7 days, not yet at today's cap; the rest read the feed. */
  reachableByOa: z.number().int(),
  /** Reachable by OA but already at today's cap of non-urgent messages. */
  cappedToday: z.number().int(),
});
export type AudienceCounts = z.infer<typeof audienceCountsSchema>;

/** The channel plan of a broadcast before it is sent: who gets it how, at what cost, and who cannot be reached. */
export const channelPlanRequestSchema = z.strictObject({
  audience: audienceSchema,
  isUrgent: z.boolean().default(false),
  ...channelLimits,
});
export type ChannelPlanRequest = z.input<typeof channelPlanRequestSchema>;

export const channelPlanSchema = z
  .object({
    recipients: z.number().int(),
    /** Residents per channel (relay and feed included: nothing is pushed to them). */
    byChannel: z.partialRecord(deliveryChannelSchema, z.number().int()),
    /** Residents nothing reaches (no push, no head relaying in their group), by reason. */
    unreachable: z.array(z.object({ reason: noPushReasonSchema, count: z.number().int() })),
    /** Residents reached by relay or feed only, by why nothing is pushed to them. */
    notPushed: z.array(z.object({ reason: noPushReasonSchema, count: z.number().int() })),
    channels: z.array(
      z.object({
        channel: deliveryChannelSchema,
        residents: z.number().int(),
        costVnd: z.number(),
        /** What is left of the channel's quota after this plan; null = no quota. */
        quotaLeft: z.number().int().nullable(),
        /** Configured for this ward (a template registered, a key set). */
        enabled: z.boolean(),
        /** Stopped for the whole OA by a quota or package error until an admin resumes it. */
        stopped: z.boolean(),
        paid: z.boolean(),
      }),
    ),
    costVnd: z.number(),
    /** Urgent posts: residents a ZBS message by phone would go to if they have not seen it in time. */
    escalation: z
      .object({ afterMinutes: z.number(), residents: z.number().int(), maxCostVnd: z.number() })
      .nullable(),
    budgetVnd: z.number().nullable(),
    excludePaidChannels: z.boolean(),
  })
  .meta({ id: "ChannelPlan" });
export type ChannelPlan = z.infer<typeof channelPlanSchema>;

/** A recurring broadcast (e.g. a weekly bulletin). */
export const recurringScheduleSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    postTitle: z.string().nullable(),
    audience: audienceSchema,
    /** Cron pattern "minute hour * * weekdays", in ward time. */
    pattern: z.string(),
    isActive: z.boolean(),
    endsAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "RecurringSchedule" });
export type RecurringSchedule = z.infer<typeof recurringScheduleSchema>;
export const recurringScheduleListSchema = z.object({ items: z.array(recurringScheduleSchema) });
export const broadcastListItemSchema = broadcastSchema.extend({ postTitle: z.string() });
export type BroadcastListItem = z.infer<typeof broadcastListItemSchema>;
export const broadcastListSchema = z.object({ items: z.array(broadcastListItemSchema) });
