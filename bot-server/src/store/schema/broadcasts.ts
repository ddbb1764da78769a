import type { Audience, BroadcastStatus, DeliveryChannel, DeliveryStatus } from "@loa-phuong/shared";
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { posts } from "./content.js";
import { residents } from "./residents.js";
import { staffAccounts, wards } from "./ward.js";

/** Lịch gửi định kỳ: e.g. a weekly education bulletin every Monday at 07:30; each occurrence is a broadcast. */
export const broadcastSchedules = pgTable("broadcast_schedules", {
  id: uuid("id").primaryKey().defaultRandom(),
  wardId: text("ward_id")
    .notNull()
    .references(() => wards.id),
  postId: uuid("post_id")
    .notNull()
    .references(() => posts.id),
  audience: jsonb("audience").$type<Audience>().notNull(),
  /** Cron pattern in Asia/Ho_Chi_Minh (minute hour day month weekday). */
  pattern: text("pattern").notNull(),
  isActive: boolean("is_active").notNull().default(true),
  createdById: uuid("created_by_id")
    .notNull()
    .references(() => staffAccounts.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  endsAt: timestamp("ends_at", { withTimezone: true }),
});

/** Đợt gửi: one approved post version sent to an audience at a time. */
export const broadcasts = pgTable(
  "broadcasts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id),
    /** The approved version that is sent; no other version ever goes out. */
    postVersion: integer("post_version").notNull(),
    audience: jsonb("audience").$type<Audience>().notNull(),
    scheduledAt: timestamp("scheduled_at", { withTimezone: true }).notNull(),
    status: text("status").$type<BroadcastStatus>().notNull().default("scheduled"),
    isUrgent: boolean("is_urgent").notNull().default(false),
    recipientCount: integer("recipient_count"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** "manual", or "error_rate" when the worker paused it because too many sends failed. */
    pauseReason: text("pause_reason"),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** Set for an occurrence of a recurring schedule; the occurrence key makes each one unique. */
    scheduleId: uuid("schedule_id").references(() => broadcastSchedules.id),
    occurrenceKey: text("occurrence_key"),
    /** The most paid channels may cost for this broadcast (VND, escalation included); null = no limit. */
    budgetVnd: integer("budget_vnd"),
    /** Staff chose free channels only. */
    excludePaid: boolean("exclude_paid").notNull().default(false),
    /** The OA Article this broadcast was published as (ward-wide posts sent to followers by Article). */
    articleId: text("article_id"),
    /** pending → sending → sent | failed | in_doubt (the answer was lost: never sent again). */
    articleStatus: text("article_status").$type<"pending" | "sending" | "sent" | "failed" | "in_doubt">(),
    articleMessageId: text("article_message_id"),
    articleError: text("article_error"),
    articleSentAt: timestamp("article_sent_at", { withTimezone: true }),
  },
  (t) => [
    index("broadcasts_status_due").on(t.status, t.scheduledAt),
    index("broadcasts_post").on(t.postId),
    unique("broadcasts_schedule_occurrence").on(t.scheduleId, t.occurrenceKey),
  ],
);

/** One broadcast to one resident: the unit that is sent exactly once. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    broadcastId: uuid("broadcast_id")
      .notNull()
      .references(() => broadcasts.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    /** The channel the planner chose, or the one a push fell back to (shared/src/domain/channels.ts). */
    channel: text("channel").$type<DeliveryChannel>().notNull().default("oa"),
    /** What this push costs by the ward's price table (VND); the Article's cost is on its first row. */
    costVnd: integer("cost_vnd").notNull().default(0),
    zaloMessageId: text("zalo_message_id"),
    attempts: integer("attempts").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set just before the Zalo call: a row in flight after a crash is reconciled with Zalo before any resend. */
    inFlightAt: timestamp("in_flight_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    seenAt: timestamp("seen_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Urgent posts not seen in time: a second push by ZBS to the resident's phone. sending → sent |
     * failed | in_doubt (a lost answer: never sent twice).
     */
    escalationStatus: text("escalation_status").$type<"sending" | "sent" | "failed" | "in_doubt">(),
    escalationMessageId: text("escalation_message_id"),
    escalationError: text("escalation_error"),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
  },
  (t) => [
    unique("deliveries_broadcast_resident").on(t.broadcastId, t.residentId),
    index("deliveries_zalo_message").on(t.zaloMessageId),
    index("deliveries_broadcast_status").on(t.broadcastId, t.status),
    index("deliveries_resident_created").on(t.residentId, t.createdAt),
  ],
);
