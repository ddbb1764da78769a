import type { LabelTask, MessageKind, Sentiment, SignalKind, Toxicity } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { posts } from "./content.js";
import { residents } from "./residents.js";
import { rumourClaims } from "./rumours.js";
import { residentialGroups, staffAccounts, wards } from "./ward.js";

/** Tín hiệu: anything a resident sends back (OA chat, comment, question, reaction, poll answer, report…). */
export const signals = pgTable(
  "signals",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    residentId: uuid("resident_id").references(() => residents.id, { onDelete: "set null" }),
    residentialGroupId: uuid("residential_group_id").references(() => residentialGroups.id, {
      onDelete: "set null",
    }),
    postId: uuid("post_id").references(() => posts.id, { onDelete: "set null" }),
    kind: text("kind").$type<SignalKind>().notNull(),
    source: text("source").$type<"zalo_oa" | "mini_app">().notNull(),
    /** Zalo's msg_id for OA chat messages: one signal per message however often Zalo retries. */
    zaloMsgId: text("zalo_msg_id").unique(),
    text: text("text"),
    /** Lower-case NFC text without diacritics, for search and grouping. */
    searchText: text("search_text"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Staff triage: open until someone marks it handled. */
    status: text("status").$type<"open" | "handled">().notNull().default("open"),
    handledById: uuid("handled_by_id"),
    handledAt: timestamp("handled_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** What the text says, from the opinion models (bot-server/src/opinion) or a staff correction. */
    sentiment: text("sentiment").$type<Sentiment>(),
    toxicity: text("toxicity").$type<Toxicity>(),
    /** What the message does (question, complaint, proposal, praise, rumour, other). */
    messageKind: text("message_kind").$type<MessageKind>(),
    /** The ward's opinion themes (opinion_themes ids) the text is about. */
    themes: uuid("themes").array(),
    /** Which model version gave each label ("staff" once corrected). */
    labelSources: jsonb("label_sources").$type<Partial<Record<LabelTask, string>>>(),
    /** The known false claim the text repeats (the rumour matcher, at labelling), and why it matched. */
    rumourClaimId: uuid("rumour_claim_id").references(() => rumourClaims.id, { onDelete: "set null" }),
    rumourMatch: jsonb("rumour_match").$type<{ score: number; reason: string }>(),
    /** When the labeller (job opinion.label) looked at this signal; null: not yet. */
    labelledAt: timestamp("labelled_at", { withTimezone: true }),
    /** Moderation: staff kept these words from other residents (toxic words never reach them anyway). */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenById: uuid("hidden_by_id").references(() => staffAccounts.id),
  },
  (t) => [
    index("signals_ward_kind").on(t.wardId, t.kind, t.receivedAt),
    index("signals_group").on(t.residentialGroupId),
    index("signals_rumour").on(t.rumourClaimId, t.sentAt),
    index("signals_ward_sent").on(t.wardId, t.sentAt),
    // The labeller's queue: signals with words not yet labelled, oldest first.
    index("signals_unlabelled").on(t.id).where(sql`labelled_at is null and text is not null`),
  ],
);

/** Staff corrections of a signal's labels: kept, so the ward's own data trains the next models. */
export const signalLabelCorrections = pgTable(
  "signal_label_corrections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    signalId: bigint("signal_id", { mode: "number" })
      .notNull()
      .references(() => signals.id, { onDelete: "cascade" }),
    task: text("task").$type<LabelTask>().notNull(),
    /** The label; for themes, the theme ids joined by "," (possibly none). */
    label: text("label").notNull(),
    /** The label it replaced and where that came from (a model version, or "staff"). */
    previousLabel: text("previous_label"),
    previousSource: text("previous_source"),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("signal_label_corrections_signal").on(t.signalId)],
);

/**
 * Chủ đề dư luận: the ward's themes (from its campaigns, or added by staff), each with the keywords
 * that find it in residents' words; staff labels teach it more.
 */
export const opinionThemes = pgTable(
  "opinion_themes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    name: text("name").notNull(),
    /** Words or phrases, folded (no diacritics, lower case) when matched. */
    keywords: text("keywords").array().notNull().default(sql`'{}'::text[]`),
    status: text("status").$type<"active" | "retired">().notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("opinion_themes_ward_name").on(t.wardId, t.name)],
);
