import type { SchoolLevel, StaffRole } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Phường: the ward that runs the system. */
export const wards = pgTable("wards", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  /**
   * How a resident repeating a known false claim gets its clarification: at once ("auto", within
   * Zalo's messaging window) or once an officer taps "Gửi đính chính" ("staff").
   */
  rumourReplyMode: text("rumour_reply_mode").$type<"auto" | "staff">().notNull().default("auto"),
  createdAt: createdAt(),
});

/** Tổ dân phố: a residential group inside the ward, led by a group head. */
export const residentialGroups = pgTable(
  "residential_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    area: text("area"),
    createdAt: createdAt(),
  },
  (t) => [unique("residential_groups_ward_code").on(t.wardId, t.code)],
);

/** Trường học trên địa bàn: mầm non, tiểu học, THCS. */
export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    name: text("name").notNull(),
    level: text("level").$type<SchoolLevel>().notNull(),
    address: text("address"),
    createdAt: createdAt(),
  },
  (t) => [unique("schools_ward_name").on(t.wardId, t.name)],
);

/** Cán bộ phường: staff accounts with roles. */
export const staffAccounts = pgTable(
  "staff_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    /** scrypt$N$r$p$salt$hash */
    passwordHash: text("password_hash").notNull(),
    roles: jsonb("roles").$type<StaffRole[]>().notNull().default(sql`'[]'::jsonb`),
    /** A staff member who also uses the Mini App inside Zalo is linked to their Zalo user. */
    zaloAppUserId: text("zalo_app_user_id").unique(),
    isDisabled: boolean("is_disabled").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("staff_accounts_ward").on(t.wardId)],
);
