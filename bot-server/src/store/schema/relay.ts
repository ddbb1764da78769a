import type { RelayTaskStatus, StaffAlertKind } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { broadcasts } from "./broadcasts.js";
import { posts } from "./content.js";
import { residents } from "./residents.js";
import { rumourClaims } from "./rumours.js";
import { residentialGroups, wards } from "./ward.js";

/** Chuyển tiếp: a group head forwards one broadcast into the neighbourhood Zalo group. */
export const relayTasks = pgTable(
  "relay_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The broadcast the head forwards; null for a clarification card answering a rumour in the group. */
    broadcastId: uuid("broadcast_id").references(() => broadcasts.id, { onDelete: "cascade" }),
    /** The post the head forwards (the broadcast's post, or the clarification). */
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    /** The known false claim a clarification card answers. */
    rumourClaimId: uuid("rumour_claim_id").references(() => rumourClaims.id, { onDelete: "set null" }),
    residentialGroupId: uuid("residential_group_id")
      .notNull()
      .references(() => residentialGroups.id),
    headResidentId: uuid("head_resident_id")
      .notNull()
      .references(() => residents.id),
    status: text("status").$type<RelayTaskStatus>().notNull().default("open"),
    /** The per-head, per-broadcast reference carried by the shared link. */
    ref: text("ref").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** The reminder's OA message id: its receipts come back like any message's. */
    remindMessageId: text("remind_message_id"),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
  },
  (t) => [
    unique("relay_tasks_broadcast_group").on(t.broadcastId, t.residentialGroupId),
    // One open clarification card per claim and group: a second repetition does not add another.
    uniqueIndex("relay_tasks_clarification_open")
      .on(t.rumourClaimId, t.residentialGroupId)
      .where(sql`broadcast_id is null and status = 'open'`),
    index("relay_tasks_head").on(t.headResidentId, t.status),
  ],
);

/** An opening of the Mini App through a head's shared link. */
export const relayOpens = pgTable(
  "relay_opens",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    relayTaskId: uuid("relay_task_id")
      .notNull()
      .references(() => relayTasks.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id").references(() => residents.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("relay_opens_task").on(t.relayTaskId, t.residentId)],
);

/** Alerts for staff, e.g. a head who has not relayed after the second deadline. */
export const staffAlerts = pgTable("staff_alerts", {
  id: uuid("id").primaryKey().defaultRandom(),
  wardId: text("ward_id")
    .notNull()
    .references(() => wards.id),
  kind: text("kind").$type<StaffAlertKind>().notNull(),
  message: text("message").notNull(),
  broadcastId: uuid("broadcast_id").references(() => broadcasts.id, { onDelete: "cascade" }),
  /** Said once per key while open (e.g. a spike of one theme in one group on one day). */
  dedupKey: text("dedup_key"),
  details: jsonb("details").$type<Record<string, unknown>>(),
  relayTaskId: uuid("relay_task_id").references(() => relayTasks.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp("read_at", { withTimezone: true }),
});
