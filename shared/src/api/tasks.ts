import { z } from "zod";
import { unitKindSchema } from "../domain/enums.js";
import { writtenText } from "./common.js";

/** The ward's campaigns, newest first: what units and tasks belong to. */
export const campaignSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const campaignListSchema = z.object({ items: z.array(campaignSummarySchema) });

export const unitRequestSchema = z.strictObject({
  name: writtenText("Tên đơn vị", 200, "Cần tên đơn vị"),
  kind: unitKindSchema,
});
export const unitMemberRequestSchema = z.strictObject({ residentId: z.uuid("Chọn người dân") });

/** A deadline as a ward day (the task is due by its end, Asia/Ho_Chi_Minh) or a precise moment. */
const deadline = z.union([z.iso.date("Hạn phải có dạng yyyy-mm-dd"), z.iso.datetime({ offset: true })]);
export const taskRequestSchema = z.strictObject({
  unitId: z.uuid("Chọn đơn vị"),
  title: writtenText("Nhiệm vụ", 500, "Cần ghi nhiệm vụ"),
  due: deadline,
});

export const taskReportRequestSchema = z.strictObject({
  text: writtenText("Báo cáo tiến độ", 2000, "Cần ghi kết quả thực hiện"),
  done: z.boolean().default(false),
  uploadIds: z.array(z.uuid()).max(6).default([]),
});

export const taskSchema = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string(),
  status: z.enum(["open", "done"]),
  /** Open past its deadline. */
  isLate: z.boolean(),
  doneAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  urgedAt: z.string().nullable(),
  unit: z.object({ id: z.string(), name: z.string(), kind: unitKindSchema }),
  reports: z.array(
    z.object({
      text: z.string(),
      by: z.string(),
      at: z.string(),
      done: z.boolean(),
      photos: z.array(z.string()),
    }),
  ),
});
export type CampaignTask = z.infer<typeof taskSchema>;
export const taskListSchema = z.object({ items: z.array(taskSchema) });

/** The task board: units with their members and tasks, by deadline. */
export const taskBoardSchema = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: unitKindSchema,
      members: z.array(z.object({ id: z.string(), name: z.string() })),
      open: z.number(),
      late: z.number(),
      done: z.number(),
    }),
  ),
  tasks: z.array(taskSchema),
});
export type TaskBoard = z.infer<typeof taskBoardSchema>;
export const unitCreatedSchema = z.object({ id: z.string() });

/** The report upward for a period: weekly, monthly (the 7 or 30 ward days up to today) or final (the campaign). */
export const reportQuerySchema = z.strictObject({
  kind: z.enum(["weekly", "monthly", "final"], "Chọn kỳ báo cáo: tuần, tháng hoặc tổng kết"),
  format: z.enum(["docx", "csv"]).default("docx"),
});
