import type { ReactionKind } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { posts } from "./content.js";
import { residents } from "./residents.js";
import { rumourClaims } from "./rumours.js";
import { signals } from "./signals.js";
import { taskReports } from "./tasks.js";
import { staffAccounts } from "./ward.js";

/** A resident's current reactions to a post (the signal records each one given). */
export const postReactions = pgTable(
  "post_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    reaction: text("reaction").$type<ReactionKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.residentId, t.reaction] })],
);

/** One answer per resident and poll; results are shown after answering. */
export const pollAnswers = pgTable(
  "poll_answers",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    optionIds: jsonb("option_ids").$type<string[]>().notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.residentId] })],
);

/** Last-read state of a resident's feed. */
export const postReads = pgTable(
  "post_reads",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.residentId] })],
);

/** Photos residents upload for reports, stored under the data folder. */
export const uploads = pgTable("uploads", {
  id: uuid("id").primaryKey().defaultRandom(),
  residentId: uuid("resident_id").references(() => residents.id, { onDelete: "set null" }),
  contentType: text("content_type").notNull(),
  bytes: bigint("bytes", { mode: "number" }).notNull(),
  /** File name inside the uploads folder. */
  storageKey: text("storage_key").notNull(),
  signalId: bigint("signal_id", { mode: "number" }).references(() => signals.id, { onDelete: "set null" }),
  /** Evidence for a unit's task report (campaign tasks), instead of a signal. */
  taskReportId: bigint("task_report_id", { mode: "number" }).references(() => taskReports.id, {
    onDelete: "set null",
  }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Staff answers to a signal: by OA message (within Zalo's window) or shown in the Mini App. */
export const signalReplies = pgTable(
  "signal_replies",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    signalId: bigint("signal_id", { mode: "number" })
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    /** Null for the automatic clarification of a known false claim. */
    staffId: uuid("staff_id").references(() => staffAccounts.id),
    text: text("text").notNull(),
    channel: text("channel").$type<"oa" | "feed">().notNull(),
    /** The clarification this reply carries, and the post its link opens (else the signal's post). */
    rumourClaimId: uuid("rumour_claim_id").references(() => rumourClaims.id, { onDelete: "set null" }),
    linkPostId: uuid("link_post_id").references(() => posts.id, { onDelete: "set null" }),
    /**
     * queued → sent (OA accepted) → delivered → seen (Zalo's receipts), or failed; feed replies are
     * "shown" at once.
     */
    status: text("status")
      .$type<"queued" | "sending" | "sent" | "delivered" | "seen" | "failed" | "shown">()
      .notNull(),
    zaloMessageId: text("zalo_message_id"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("signal_replies_signal").on(t.signalId),
    // One clarification per message, however often the labeller or staff ask for it.
    uniqueIndex("signal_replies_clarification").on(t.signalId).where(sql`rumour_claim_id is not null`),
  ],
);
