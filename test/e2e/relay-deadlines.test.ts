import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, type SeededWard, seedWard } from "./support/ward.js";

const REMIND_MS = 1500;
const ESCALATE_MS = 3000;

describe("relay reminders and escalation, with short deadlines", () => {
  let stack: Stack;
  let ward: SeededWard;
  beforeAll(async () => {
    stack = await startStack({
      env: { RELAY_REMIND_AFTER_MS: String(REMIND_MS), RELAY_ESCALATE_AFTER_MS: String(ESCALATE_MS) },
    });
    ward = await seedWard(stack, { groups: 2, perGroup: 2 });
  });
  afterAll(async () => stack?.stop());

  it("reminds a head who has not confirmed, then alerts staff; a head who confirmed hears nothing", async () => {
    const late = await residentClient(stack, { groupId: ward.groupIds[0]!, head: true });
    const prompt = await residentClient(stack, { groupId: ward.groupIds[1]!, head: true });
    const postId = await approvedPost(ward, { title: "Thông báo lịch tiêm chủng", isUrgent: true });
    const b = await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    const taskOf = async (head: typeof late) =>
      waitFor(async () =>
        (await head.client.request("GET", "/api/head/relay-tasks")).body.items.find(
          (t: { broadcastId: string }) => t.broadcastId === b.body.id,
        ),
      );
    const promptTask = await taskOf(prompt);
    await prompt.client.request("POST", `/api/head/relay-tasks/${promptTask.id}/confirm`);
    const lateTask = await taskOf(late);
    const createdAt = new Date(lateTask.createdAt).getTime();

    const reminder = await waitFor(
      () => stack.sim.ledger.forUser(late.idByOa).find((e) => e.text?.includes("Nhắc việc chuyển tiếp")),
      { timeoutMs: 10_000, what: "the reminder" },
    );
    expect(reminder.sentAt - createdAt).toBeGreaterThanOrEqual(REMIND_MS - 100);
    expect(reminder.sentAt - createdAt).toBeLessThan(REMIND_MS + 2500);
    expect(reminder.text).toContain("Thông báo lịch tiêm chủng");

    const alert = await waitFor(
      async () =>
        (await ward.editor.request("GET", "/api/staff/alerts")).body.items.find(
          (a: { broadcastId: string }) => a.broadcastId === b.body.id,
        ),
      { timeoutMs: 10_000, what: "the staff alert" },
    );
    expect(new Date(alert.createdAt).getTime() - createdAt).toBeGreaterThanOrEqual(ESCALATE_MS - 100);
    expect(alert.message).toContain("Tổ dân phố số 1");

    // Past both deadlines, the head who confirmed got no reminder and no alert names them.
    const board = await ward.editor.request("GET", `/api/broadcasts/${b.body.id}/relay`);
    const rows = Object.fromEntries(
      board.body.items.map((r: { residentialGroup: { name: string } }) => [r.residentialGroup.name, r]),
    );
    expect(rows["Tổ dân phố số 1"]).toMatchObject({
      status: "open",
      remindedAt: expect.any(String),
      escalatedAt: expect.any(String),
    });
    expect(rows["Tổ dân phố số 2"]).toMatchObject({
      status: "confirmed",
      remindedAt: null,
      escalatedAt: null,
    });
    expect(stack.sim.ledger.forUser(prompt.idByOa).some((e) => e.text?.includes("Nhắc việc"))).toBe(false);
    const alerts = (await ward.editor.request("GET", "/api/staff/alerts")).body.items.filter(
      (a: { broadcastId: string }) => a.broadcastId === b.body.id,
    );
    expect(alerts).toHaveLength(1);
  });
});
