import type { Directive, Poll, PostKind, PostStatus } from "@loa-phuong/shared";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { staffAccounts, wards } from "./ward.js";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Chiến dịch tuyên truyền: turns a plan into directives, themes and a period. */
export const campaigns = pgTable("campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  wardId: text("ward_id")
    .notNull()
    .references(() => wards.id),
  title: text("title").notNull(),
  summary: text("summary"),
  directives: jsonb("directives").$type<Directive[]>().notNull(),
  themes: jsonb("themes").$type<string[]>().notNull(),
  startsOn: date("starts_on").notNull(),
  endsOn: date("ends_on").notNull(),
  /** How often results are reported upward, e.g. "monthly". */
  reportingCadence: text("reporting_cadence").notNull().default("monthly"),
  createdById: uuid("created_by_id").references(() => staffAccounts.id),
  ...timestamps,
});

/** Bài viết: the current working copy of a post. Sends always read an approved row of post_versions. */
export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    kind: text("kind").$type<PostKind>().notNull(),
    status: text("status").$type<PostStatus>().notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary"),
    body: text("body").notNull(),
    imageUrl: text("image_url"),
    /** For kind "poll": the question and options; part of the approved content. */
    poll: jsonb("poll").$type<Poll>(),
    isUrgent: boolean("is_urgent").notNull().default(false),
    authorId: uuid("author_id")
      .notNull()
      .references(() => staffAccounts.id),
    /** Bumped on every content edit; a version is frozen into post_versions when submitted. */
    version: integer("version").notNull().default(1),
    approvedVersion: integer("approved_version"),
    approvedById: uuid("approved_by_id").references(() => staffAccounts.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    ...timestamps,
  },
  (t) => [index("posts_ward_status").on(t.wardId, t.status)],
);

/** An immutable snapshot of a post's content, identified by a content hash. */
export const postVersions = pgTable(
  "post_versions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    body: text("body").notNull(),
    imageUrl: text("image_url"),
    poll: jsonb("poll").$type<Poll>(),
    contentHash: text("content_hash").notNull(),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.version] })],
);
