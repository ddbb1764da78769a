import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { posts } from "./content.js";
import { staffAccounts, wards } from "./ward.js";

/**
 * Known false claims the ward answers (bàn tin đồn). The answer is a clarification post (kind
 * "clarification"), approved by two people like every post: until it is approved the claim is still
 * matched and counted, but nothing is sent in its name.
 */
export const rumourClaims = pgTable(
  "rumour_claims",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    /** The claim as staff recorded it, in one or two sentences. */
    claim: text("claim").notNull(),
    topic: text("topic").notNull(),
    clarificationPostId: uuid("clarification_post_id").references(() => posts.id, { onDelete: "set null" }),
    /** Retired claims are kept (their matches stay counted) but no longer matched. */
    status: text("status").$type<"active" | "retired">().notNull().default("active"),
    createdById: uuid("created_by_id")
      .notNull()
      .references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rumour_claims_ward").on(t.wardId, t.status)],
);
