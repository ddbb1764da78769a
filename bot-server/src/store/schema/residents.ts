import type { CivicRole, MembershipStatus } from "@loa-phuong/shared";
import { boolean, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { residentialGroups, schools, wards } from "./ward.js";

/** Người dân: a resident known through Zalo (the Mini App, the OA, or both). */
export const residents = pgTable(
  "residents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    fullName: text("full_name").notNull(),
    /** Zalo user id scoped to the Zalo App (what the Mini App's getAccessToken identifies). */
    zaloAppUserId: text("zalo_app_user_id").unique(),
    /** Zalo user id scoped to the ward's Official Account (what OA messages are addressed to). */
    zaloOaUserId: text("zalo_oa_user_id").unique(),
    isFollower: boolean("is_follower").notNull().default(false),
    /**
     * When Zalo last told us the follow state (a follow/unfollow event's own time, or a sign-in's Graph
     * answer). Zalo retries a webhook for up to an hour: an older event must not overturn a newer state.
     */
    followChangedAt: timestamp("follow_changed_at", { withTimezone: true }),
    /** Last time the resident interacted with the OA: Zalo allows CS messages only within 7 days of it. */
    lastInteractionAt: timestamp("last_interaction_at", { withTimezone: true }),
    /** Only after explicit consent (Nghị định 13/2023). */
    phone: text("phone"),
    residentialGroupId: uuid("residential_group_id").references(() => residentialGroups.id, {
      onDelete: "set null",
    }),
    /** A claimed membership stays pending until the group head confirms it. */
    membershipStatus: text("membership_status").$type<MembershipStatus>(),
    /** When the resident gave the data-use consent at onboarding (Nghị định 13/2023). */
    consentedAt: timestamp("consented_at", { withTimezone: true }),
    /** When the resident agreed to share their phone number. */
    phoneConsentedAt: timestamp("phone_consented_at", { withTimezone: true }),
    notificationsAllowed: boolean("notifications_allowed").notNull().default(false),
    largeText: boolean("large_text").notNull().default(false),
    /** Set by the privacy delete: personal data is gone, the row stays so aggregate counts hold. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** When the group head confirmed (or the resident claimed) the membership. */
    membershipChangedAt: timestamp("membership_changed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("residents_group").on(t.residentialGroupId), index("residents_ward").on(t.wardId)],
);

/** Civic roles of a resident: parent of a school, teacher, party member, group head. */
export const residentRoles = pgTable(
  "resident_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    role: text("role").$type<CivicRole>().notNull(),
    schoolId: uuid("school_id").references(() => schools.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("resident_roles_unique").on(t.residentId, t.role, t.schoolId).nullsNotDistinct(),
    index("resident_roles_role").on(t.role, t.schoolId),
  ],
);
