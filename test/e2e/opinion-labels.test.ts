import { queryRows } from "@loa-phuong/bot-server/store";
import type { Signal } from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { type SeededWard, seedWard } from "./support/ward.js";

/** What staff read in the inbox about what residents wrote: the opinion models' labels, and corrections. */
describe("opinion labels on arrival", () => {
  let stack: Stack;
  let ward: SeededWard;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
  });
  afterAll(async () => stack?.stop());

  async function report(text: string): Promise<number> {
    const resident = await residentClient(stack, { groupId: ward.groupIds[0]! });
    const asked = await resident.client.request("POST", "/api/reports", { text });
    expect(asked.status).toBe(201);
    return asked.body.id as number;
  }

  async function labelled(id: number): Promise<Signal> {
    return waitFor(
      async () => {
        const inbox = await ward.editor.request<{ items: Signal[] }>("GET", "/api/signals?kind=report");
        const signal = inbox.body.items.find((s) => s.id === id);
        return signal?.labels ? signal : null;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: `labels on signal ${id}` },
    );
  }

  it("labels each resident's words as they arrive, saying which model version did", async () => {
    const praise = await labelled(
      await report("Cán bộ phường nhiệt tình, chu đáo, cảm ơn phường rất nhiều ạ!"),
    );
    expect(praise.labels).toMatchObject({ sentiment: "positive", toxicity: "clean" });
    expect(praise.labels!.sources.sentiment).toMatch(/^sentiment-/);
    expect(praise.labels!.sources.toxicity).toMatch(/^toxicity-/);
    // Written without diacritics, as on a phone without a Vietnamese keyboard.
    const complaint = await labelled(
      await report("thu tuc qua cham, cho ca buoi sang ma khong ai giai quyet, that te"),
    );
    expect(complaint.labels!.sentiment).toBe("negative");
  });

  it("keeps a staff correction, records what it replaced, and never lets the labeller undo it", async () => {
    const signal = await labelled(await report("Đèn đường ngõ 5 tắt từ tối qua, nhờ phường kiểm tra."));
    const previous = signal.labels!.sentiment;
    const wanted = previous === "neutral" ? "positive" : "neutral";
    const corrected = await ward.editor.request<Signal>("PUT", `/api/signals/${signal.id}/labels`, {
      sentiment: wanted,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.labels).toMatchObject({ sentiment: wanted, sources: { sentiment: "staff" } });
    const kept = await queryRows<{ task: string; label: string; previous_label: string }>(
      stack.runtime.store.db,
      sql`select task, label, previous_label from signal_label_corrections where signal_id = ${signal.id}`,
    );
    expect(kept).toEqual([{ task: "sentiment", label: wanted, previous_label: previous }]);
    // Another run of the labeller leaves the staff's label alone.
    await stack.runtime.queues.opinion.add("opinion.label", {}, { jobId: `again-${signal.id}` });
    await report("Một phản ánh khác để bộ gán nhãn chạy lại.").then(labelled);
    const inbox = await ward.editor.request<{ items: Signal[] }>("GET", "/api/signals?kind=report");
    expect(inbox.body.items.find((s) => s.id === signal.id)!.labels!.sentiment).toBe(wanted);
  });

  it("refuses a correction that names no label or a label that does not exist, changing nothing", async () => {
    const signal = await labelled(await report("Cống trước nhà số 12 bị tắc, nước tràn ra đường."));
    for (const body of [{}, { sentiment: "angry" }, { toxicity: "rude", sentiment: "neutral" }]) {
      const refused = await ward.editor.request("PUT", `/api/signals/${signal.id}/labels`, body);
      expect(refused.status).toBe(400);
    }
    const missing = await ward.editor.request("PUT", "/api/signals/999999999/labels", {
      sentiment: "neutral",
    });
    expect(missing.status).toBe(404);
    const after = await labelled(signal.id);
    expect(after.labels).toEqual(signal.labels);
    const corrections = await queryRows<{ n: number }>(
      stack.runtime.store.db,
      sql`select count(*)::int as n from signal_label_corrections where signal_id = ${signal.id}`,
    );
    expect(corrections[0]!.n).toBe(0);
  });
});
