import type { SignalKind } from "@loa-phuong/shared";
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { posts } from "./content.js";
import { residents } from "./residents.js";
import { residentialGroups, wards } from "./ward.js";

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
  },
  (t) => [
    index("signals_ward_kind").on(t.wardId, t.kind, t.receivedAt),
    index("signals_group").on(t.residentialGroupId),
  ],
);
