import type { TaskStatus, UnitKind } from "@loa-phuong/shared";
import {
  bigserial,
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns } from "./content.js";
import { residents } from "./residents.js";
import { staffAccounts, wards } from "./ward.js";

/**
 * Đơn vị thực hiện: a unit the campaign's plan makes responsible (an office, a school, a residential
 * group's head, the Front or a mass organisation). Its members report its tasks from the Mini App.
 */
export const campaignUnits = pgTable(
  "campaign_units",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind").$type<UnitKind>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("campaign_units_name").on(t.campaignId, t.name)],
);

/** Residents who report for a unit (a school's teacher in charge, the head of a group…). */
export const unitMembers = pgTable(
  "unit_members",
  {
    unitId: uuid("unit_id")
      .notNull()
      .references(() => campaignUnits.id, { onDelete: "cascade" }),
    residentId: uuid("resident_id")
      .notNull()
      .references(() => residents.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.residentId] }), index("unit_members_resident").on(t.residentId)],
);

/** A unit's task from the campaign, with its deadline; reminded before it and escalated after it. */
export const campaignTasks = pgTable(
  "campaign_tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wardId: text("ward_id")
      .notNull()
      .references(() => wards.id),
    unitId: uuid("unit_id")
      .notNull()
      .references(() => campaignUnits.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The end of the deadline's ward day (Asia/Ho_Chi_Minh), or a precise moment. */
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<TaskStatus>().notNull().default("open"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    /** The last time an officer urged the unit (đôn đốc). */
    urgedAt: timestamp("urged_at", { withTimezone: true }),
    createdById: uuid("created_by_id").references(() => staffAccounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("campaign_tasks_unit").on(t.unitId),
    index("campaign_tasks_due").on(t.wardId, t.status, t.dueAt),
  ],
);

/** A progress report on a task, by a member (Mini App) or an officer (staff screens), with evidence. */
export const taskReports = pgTable(
  "task_reports",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    taskId: uuid("task_id")
      .notNull()
      .references(() => campaignTasks.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    residentId: uuid("resident_id").references(() => residents.id, { onDelete: "set null" }),
    staffId: uuid("staff_id").references(() => staffAccounts.id),
    /** The report says the task is done. */
    marksDone: boolean("marks_done").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("task_reports_task").on(t.taskId)],
);
