import type { campaignRequestSchema, PlanExtraction } from "@loa-phuong/shared";
import type { z } from "zod";
import { AppError } from "../errors/app-error.js";
import { extractPlan, readPlanBytes } from "../plans/index.js";
import type { Queues } from "../queue/queues.js";
import type { Db } from "../store/database.js";
import { campaigns, campaignTasks, campaignUnits } from "../store/schema/index.js";
import { recordAudit } from "./audit.js";
import { deadlineOf, scheduleTaskDeadlines } from "./campaign-tasks.js";
import { addCampaignThemes } from "./opinion-themes.js";
import type { StaffActor } from "./staff.js";

/** Reads an uploaded plan and extracts its fields, for staff to check beside its text. Nothing is stored. */
export async function extractUploadedPlan(bytes: Buffer, fileName: string): Promise<PlanExtraction> {
  if (bytes.length === 0) throw new AppError("validation_failed", "Tệp kế hoạch trống.");
  let document: Awaited<ReturnType<typeof readPlanBytes>>;
  try {
    document = await readPlanBytes(new Uint8Array(bytes), fileName);
  } catch {
    throw new AppError(
      "unsupported_media",
      "Không đọc được tệp kế hoạch: hãy gửi tệp .docx, .htm, .pdf có chữ, .md hoặc .txt.",
    );
  }
  const { _spans, ...fields } = extractPlan(document);
  return { ...fields, spans: _spans, text: document.text };
}

/**
 * A plan confirmed by staff becomes a campaign: its directives, themes (also the ward's opinion themes)
 * and period, and its responsible units with their tasks. A task without its own deadline is due when
 * the campaign ends. Reminders and escalations are scheduled once everything is stored.
 */
export async function createCampaign(
  db: Db,
  queues: Queues,
  config: { TASK_REMIND_BEFORE_MS: number },
  staff: StaffActor,
  data: z.output<typeof campaignRequestSchema>,
): Promise<{ id: string }> {
  const names = data.units.map((u) => u.name.toLocaleLowerCase("vi"));
  if (new Set(names).size !== names.length)
    throw new AppError("validation_failed", "Hai đơn vị trùng tên.", [
      { field: "body.units", message: "Mỗi đơn vị chỉ ghi một lần" },
    ]);
  const { campaignId, tasks } = await db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        wardId: staff.wardId,
        title: data.title,
        summary: data.summary ?? null,
        directives: data.directives,
        themes: data.themes,
        startsOn: data.startsOn,
        endsOn: data.endsOn,
        createdById: staff.id,
      })
      .returning({ id: campaigns.id });
    const created: { id: string; dueAt: Date }[] = [];
    for (const unit of data.units) {
      const [row] = await tx
        .insert(campaignUnits)
        .values({ wardId: staff.wardId, campaignId: campaign!.id, name: unit.name, kind: unit.kind })
        .returning({ id: campaignUnits.id });
      if (unit.tasks.length === 0) continue;
      created.push(
        ...(await tx
          .insert(campaignTasks)
          .values(
            unit.tasks.map((task) => ({
              wardId: staff.wardId,
              unitId: row!.id,
              title: task.title,
              dueAt: deadlineOf(task.due ?? data.endsOn),
              createdById: staff.id,
            })),
          )
          .returning({ id: campaignTasks.id, dueAt: campaignTasks.dueAt })),
      );
    }
    await recordAudit(tx, {
      entityType: "campaign",
      entityId: campaign!.id,
      action: "create",
      actor: { type: "staff", id: staff.id },
      details: { units: data.units.length, tasks: created.length },
    });
    return { campaignId: campaign!.id, tasks: created };
  });
  await addCampaignThemes(db, staff.wardId, data.themes);
  for (const task of tasks) await scheduleTaskDeadlines(queues, config, task);
  return { id: campaignId };
}
