import { queryRows } from "@loa-phuong/bot-server/store";
import type { CampaignTask, StaffAlert, TaskBoard } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1PX, residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { type SeededWard, seedWard, WARD } from "./support/ward.js";

type Resident = Awaited<ReturnType<typeof residentClient>>;

/**
 * A campaign's units and tasks: staff give a school a task with a deadline, its teacher is reminded
 * before it and reports it done with a photo from the Mini App; a unit that lets the deadline pass is
 * escalated to staff; an officer urges with one tap. Deadlines are seconds away here.
 */
describe("campaign tasks for responsible units", () => {
  let stack: Stack;
  let ward: SeededWard;
  let campaignId: string;
  let teacher: Resident;
  let schoolId: string;

  beforeAll(async () => {
    // Remind 3 s before the deadline.
    stack = await startStack({ env: { TASK_REMIND_BEFORE_MS: "3000" } });
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
    const [campaign] = await queryRows<{ id: string }>(
      stack.runtime.store.db,
      sql`insert into campaigns (ward_id, title, directives, themes, starts_on, ends_on)
          values (${WARD}, 'Tuyên truyền Kế hoạch 354/KH-UBND', '[]', '[]', '2026-03-01', '2026-12-31')
          returning id`,
    );
    campaignId = campaign!.id;
    teacher = await residentClient(stack, { groupId: ward.groupIds[0]! });
  });
  afterAll(async () => stack?.stop());

  const board = async () =>
    (await ward.editor.request<TaskBoard>("GET", `/api/campaigns/${campaignId}/tasks`)).body;
  const oaTexts = (who: Resident) => stack.sim.ledger.forUser(who.idByOa).map((m) => m.text ?? "");

  it("sets up a school with its teacher, refusing bad input and changing nothing", async () => {
    const listed = await ward.editor.request("GET", "/api/campaigns");
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    const created = await ward.editor.request("POST", `/api/campaigns/${campaignId}/units`, {
      name: "Trường THCS Hồng Bàng",
      kind: "school",
    });
    expect(created.status).toBe(201);
    schoolId = created.body.id;
    expect(
      (
        await ward.editor.request("POST", `/api/campaigns/${campaignId}/units`, {
          name: "Trường THCS Hồng Bàng",
          kind: "school",
        })
      ).status,
    ).toBe(409);
    expect(
      (await ward.editor.request("POST", `/api/campaigns/${campaignId}/units`, { name: "X", kind: "club" }))
        .status,
    ).toBe(400);
    expect(
      (
        await ward.editor.request("POST", `/api/units/${schoolId}/members`, {
          residentId: teacher.residentId,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await ward.editor.request("POST", "/api/tasks", {
          unitId: schoolId,
          title: "Họp phụ huynh",
          due: "31/12/2026",
        })
      ).status,
    ).toBe(400);
    expect((await board()).units).toEqual([
      expect.objectContaining({
        name: "Trường THCS Hồng Bàng",
        members: [expect.objectContaining({ id: teacher.residentId })],
      }),
    ]);
    expect((await board()).tasks).toEqual([]);
  });

  it("reminds the unit before the deadline; a member reports it done with a photo; nothing escalates", async () => {
    const due = new Date(Date.now() + 5_000).toISOString();
    const created = await ward.editor.request<CampaignTask>("POST", "/api/tasks", {
      unitId: schoolId,
      title: "Tổ chức chuyên đề giáo dục kỹ năng sống cho học sinh",
      due,
    });
    expect(created.status).toBe(201);
    const taskId = created.body.id;
    const reminder = await waitFor(
      () => oaTexts(teacher).find((t) => t.startsWith("⏰ Nhắc hạn — Trường THCS Hồng Bàng")),
      { timeoutMs: 10_000, what: "the reminder before the deadline" },
    );
    expect(reminder).toContain("Tổ chức chuyên đề giáo dục kỹ năng sống");

    const mine = await teacher.client.request<{ items: CampaignTask[] }>("GET", "/api/me/tasks");
    expect(mine.body.items.map((t) => t.id)).toEqual([taskId]);
    const upload = await uploadRaw(teacher);
    expect(upload.status).toBe(201);
    const reported = await teacher.client.request<CampaignTask>("POST", `/api/me/tasks/${taskId}/reports`, {
      text: "Đã tổ chức chuyên đề cho 420 học sinh khối 8, 9.",
      done: true,
      uploadIds: [upload.body.id],
    });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: "done", isLate: false });
    expect(reported.body.reports).toEqual([
      expect.objectContaining({ done: true, photos: [`/api/uploads/${upload.body.id}`] }),
    ]);
    // Done in time: its escalation is withdrawn, so the deadline passing raises nothing.
    const escalate = await stack.runtime.queues.broadcasts.getJob(`task-escalate-${taskId}`);
    expect(escalate ?? null).toBeNull();
    expect((await alerts()).filter((a) => a.kind === "task_overdue")).toEqual([]);
  });

  it("escalates a late unit to staff once, and lets an officer urge it with one tap", async () => {
    const created = await ward.editor.request<CampaignTask>("POST", "/api/tasks", {
      unitId: schoolId,
      title: "Gửi báo cáo kết quả tuyên truyền tháng",
      due: new Date(Date.now() + 1_000).toISOString(),
    });
    const taskId = created.body.id;
    const alert = await waitFor(async () => (await alerts()).find((a) => a.kind === "task_overdue"), {
      timeoutMs: 10_000,
      what: "the overdue alert",
    });
    expect(alert.message).toContain("Trường THCS Hồng Bàng chưa hoàn thành nhiệm vụ quá hạn");
    const late = (await board()).tasks.find((t) => t.id === taskId)!;
    expect(late).toMatchObject({ status: "open", isLate: true });
    expect((await board()).units[0]).toMatchObject({ late: 1, done: 1 });

    const before = oaTexts(teacher).length;
    const [first, second] = await Promise.all([
      ward.approver.request<CampaignTask>("POST", `/api/tasks/${taskId}/urge`),
      ward.approver.request<CampaignTask>("POST", `/api/tasks/${taskId}/urge`),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await waitFor(() => oaTexts(teacher).length > before, { what: "the urging message" });
    expect(oaTexts(teacher).at(-1)).toMatch(/^📣 Phường đôn đốc — Trường THCS Hồng Bàng: Gửi báo cáo/);
    // The reconciler does not raise it again.
    const { reconcileQueues } = await import("@loa-phuong/bot-server/jobs");
    await reconcileQueues({
      db: stack.runtime.store.db,
      queues: stack.runtime.queues,
      logger: stack.runtime.logger,
      config: stack.config,
    });
    expect((await alerts()).filter((a) => a.kind === "task_overdue")).toHaveLength(1);
    // A resident outside the unit cannot report it.
    const stranger = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const refused = await stranger.client.request("POST", `/api/me/tasks/${taskId}/reports`, {
      text: "Xong",
      done: true,
    });
    expect(refused.status).toBe(403);
    expect((await board()).tasks.find((t) => t.id === taskId)!.status).toBe("open");
  });

  const alerts = async () =>
    (await ward.editor.request<{ items: StaffAlert[] }>("GET", "/api/staff/alerts")).body.items;
  async function uploadRaw(who: Resident) {
    const res = await fetch(`${stack.url}/api/uploads`, {
      method: "POST",
      headers: { authorization: `Bearer ${who.client.token}`, "content-type": "image/png" },
      body: PNG_1PX,
    });
    return { status: res.status, body: (await res.json()) as { id: string } };
  }

  it("gives staff the month's report upward as a .docx to sign, and its figures as CSV", async () => {
    const res = await fetch(`${stack.url}/api/campaigns/${campaignId}/report?kind=monthly`, {
      headers: { authorization: `Bearer ${ward.editor.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("bao-cao-thang.docx");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = strFromU8(files["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/g, "");
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Nơi nhận:");
    const csv = await fetch(`${stack.url}/api/campaigns/${campaignId}/report?kind=final&format=csv`, {
      headers: { authorization: `Bearer ${ward.editor.token}` },
    });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    // UTF-8 with its byte-order mark, so Excel reads the Vietnamese right.
    expect([...new Uint8Array(await csv.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const refused = await ward.editor.request("GET", `/api/campaigns/${campaignId}/report?kind=daily`);
    expect(refused.status).toBe(400);
  });
});
