import { buildStaff, buildWard } from "@loa-phuong/bot-server/testing";
import type { Collaborator, Signal } from "@loa-phuong/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient } from "./support/api-client.js";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { type SeededWard, seedWard } from "./support/ward.js";

const REPORT = {
  mood: "negative",
  topics: ["Giáo dục"],
  summary: "Phụ huynh tổ 2 lo lắng về khoản thu đầu năm học.",
  examples: ["Năm nay trường thu thêm tiền máy chiếu à?", "Sao không họp phụ huynh trước khi thu?"],
};

/** Public-opinion collaborators: staff appoint them, they report, staff see when each last reported. */
describe("public-opinion collaborators (cộng tác viên dư luận xã hội)", () => {
  let stack: Stack;
  let ward: SeededWard;

  beforeAll(async () => {
    stack = await startStack({ worker: false });
    ward = await seedWard(stack, { groups: 2, perGroup: 1 });
  });
  afterAll(async () => stack?.stop());

  it("cannot be chosen by residents themselves: only staff appoint", async () => {
    const { client } = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const declared = await client.request("POST", "/api/me/onboarding", {
      residentialGroupId: ward.groupIds[0],
      civicRoles: [{ role: "opinion_collaborator" }],
      consent: true,
    });
    expect(declared.status).toBe(400);
    const me = await client.request("GET", "/api/me");
    expect(me.body.isOpinionCollaborator).toBe(false);
    expect((await client.request("POST", "/api/opinion-reports", REPORT)).status).toBe(403);
  });

  it("appointed, files reports with what people said; staff see the latest report and the count", async () => {
    const resident = await residentClient(stack, { groupId: ward.groupIds[1]! });
    const candidates = await ward.editor.request(
      "GET",
      `/api/opinion/collaborator-candidates?groupId=${ward.groupIds[1]}`,
    );
    expect(candidates.status).toBe(200);
    expect(candidates.body.items).toContainEqual(
      expect.objectContaining({ residentId: resident.residentId, isCollaborator: false }),
    );

    const appointed = await ward.approver.request<Collaborator>("POST", "/api/opinion/collaborators", {
      residentId: resident.residentId,
    });
    expect(appointed.status).toBe(201);
    expect(appointed.body).toMatchObject({ residentId: resident.residentId, lastReportAt: null });
    expect((await resident.client.request("GET", "/api/me")).body.isOpinionCollaborator).toBe(true);

    const filed = await resident.client.request("POST", "/api/opinion-reports", REPORT);
    expect(filed.status).toBe(201);
    const listed = await ward.editor.request<{ items: Collaborator[] }>("GET", "/api/opinion/collaborators");
    const me = listed.body.items.find((c) => c.residentId === resident.residentId)!;
    expect(me.reportsLast30Days).toBe(1);
    expect(me.lastReportAt).not.toBeNull();
    expect(me.residentialGroup?.id).toBe(ward.groupIds[1]);

    // Staff read the report in the inbox, with the mood, the topics and the words heard.
    const inbox = await ward.editor.request<{ items: Signal[] }>("GET", "/api/signals?kind=opinion_report");
    const report = inbox.body.items.find((s) => s.id === filed.body.id)!;
    expect(report.payload).toMatchObject({ mood: "negative", examples: REPORT.examples });
    expect(report.text).toContain("máy chiếu");

    // Changing their own group keeps the ward's appointment.
    const moved = await resident.client.request("POST", "/api/me/onboarding", {
      residentialGroupId: ward.groupIds[0],
      civicRoles: [{ role: "party_member" }],
      consent: true,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.isOpinionCollaborator).toBe(true);
  });

  it("refuses too many examples and a resident of another ward, changing nothing", async () => {
    const resident = await residentClient(stack, { groupId: ward.groupIds[0]!, collaborator: true });
    const tooMany = await resident.client.request("POST", "/api/opinion-reports", {
      ...REPORT,
      examples: ["1", "2", "3", "4", "5", "6"],
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.fields).toEqual([{ field: "body.examples", message: "Tối đa 5 ý kiến ghi nhận" }]);

    await buildWard(stack.runtime.store.db, { id: "ward-khac" });
    const outsider = await buildStaff(stack.runtime.store.db, "ward-khac", ["editor"]);
    const other = await new ApiClient(stack.url).loginStaff(outsider.username, outsider.password);
    expect(
      (await other.request("POST", "/api/opinion/collaborators", { residentId: resident.residentId })).status,
    ).toBe(404);
    expect((await other.request("GET", "/api/opinion/collaborators")).body.items).toEqual([]);
  });

  it("once dismissed, can no longer report; reports already sent stay", async () => {
    const resident = await residentClient(stack, { groupId: ward.groupIds[0]!, collaborator: true });
    const filed = await resident.client.request("POST", "/api/opinion-reports", { ...REPORT, examples: [] });
    expect(filed.status).toBe(201);
    expect(
      (await ward.editor.request("DELETE", `/api/opinion/collaborators/${resident.residentId}`)).status,
    ).toBe(204);
    expect(
      (await ward.editor.request("DELETE", `/api/opinion/collaborators/${resident.residentId}`)).status,
    ).toBe(404);
    expect((await resident.client.request("POST", "/api/opinion-reports", REPORT)).status).toBe(403);
    const inbox = await ward.editor.request<{ items: Signal[] }>("GET", "/api/signals?kind=opinion_report");
    expect(inbox.body.items.map((s) => s.id)).toContain(filed.body.id);
  });
});
