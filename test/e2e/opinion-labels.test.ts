import { queryRows } from "@loa-phuong/bot-server/store";
import type { OpinionTheme, Signal } from "@loa-phuong/shared";
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

  it("reads what a message does and the ward's themes on arrival, and keeps a staff correction of both", async () => {
    const created = await ward.editor.request<OpinionTheme>("POST", "/api/opinion/themes", {
      name: "Môi trường, vệ sinh",
      keywords: ["rác", "bốc mùi", "Rác"],
    });
    expect(created.status).toBe(201);
    expect(created.body.keywords).toEqual(["rác", "bốc mùi"]);
    const roads = await ward.editor.request<OpinionTheme>("POST", "/api/opinion/themes", {
      name: "Hạ tầng, giao thông",
      keywords: ["ngõ", "ổ gà"],
    });
    const again = await ward.editor.request("POST", "/api/opinion/themes", {
      name: "Môi trường, vệ sinh",
      keywords: ["x"],
    });
    expect(again.status).toBe(409);

    // Typed without diacritics, in a report: a complaint about rubbish in a lane.
    const complaint = await labelled(await report("rac o dau ngo 4 boc mui 3 ngay nay khong ai thu gom"));
    expect(complaint.labels).toMatchObject({
      kind: "complaint",
      sources: { kind: "kind-cues-1", themes: "themes-keywords-1" },
    });
    expect(complaint.labels!.themes.map((t) => t.name).sort()).toEqual([
      "Hạ tầng, giao thông",
      "Môi trường, vệ sinh",
    ]);
    const question = await labelled(await report("Cho em hỏi bao giờ phường sửa ổ gà trước số nhà 8 ạ?"));
    expect(question.labels).toMatchObject({ kind: "question", themes: [{ id: roads.body.id }] });

    // Staff say it is a proposal, about the environment only: stored, and the labellers learn from it.
    const corrected = await ward.editor.request<Signal>("PUT", `/api/signals/${question.id}/labels`, {
      kind: "proposal",
      themes: [created.body.id],
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.labels).toMatchObject({
      kind: "proposal",
      themes: [{ id: created.body.id, name: "Môi trường, vệ sinh" }],
      sources: { kind: "staff", themes: "staff" },
    });
    const kept = await queryRows<{ task: string; label: string; previous_label: string }>(
      stack.runtime.store.db,
      sql`select task, label, previous_label from signal_label_corrections
          where signal_id = ${question.id} order by task`,
    );
    expect(kept).toEqual([
      { task: "kind", label: "proposal", previous_label: "question" },
      { task: "themes", label: created.body.id, previous_label: roads.body.id },
    ]);
    const repeat = await labelled(await report("Cho em hoi bao gio phuong sua o ga truoc so nha 8 a?"));
    expect(repeat.labels).toMatchObject({ kind: "proposal", themes: [{ id: created.body.id }] });
    expect(repeat.labels!.sources.kind).toMatch(/^kind-cues-1\+staff-1$/);

    // The inbox filters by kind and by theme.
    const proposals = await ward.editor.request<{ items: Signal[] }>(
      "GET",
      "/api/signals?messageKind=proposal",
    );
    expect(proposals.body.items.map((s) => s.id).sort()).toEqual([question.id, repeat.id].sort());
    const aboutRoads = await ward.editor.request<{ items: Signal[] }>(
      "GET",
      `/api/signals?themeId=${roads.body.id}`,
    );
    expect(aboutRoads.body.items.map((s) => s.id)).toEqual([complaint.id]);

    // A theme retired is found no more; a theme that is not the ward's is refused.
    const retired = await ward.editor.request<OpinionTheme>("PUT", `/api/opinion/themes/${roads.body.id}`, {
      status: "retired",
    });
    expect(retired.body).toMatchObject({ status: "retired", signals: 1 });
    expect((await labelled(await report("Ổ gà ở ngõ 9 sâu quá"))).labels!.themes).toEqual([]);
    const unknown = await ward.editor.request("PUT", `/api/signals/${complaint.id}/labels`, {
      themes: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(unknown.status).toBe(400);
    const listed = await ward.editor.request<{ items: OpinionTheme[] }>("GET", "/api/opinion/themes");
    expect(listed.body.items.map((t) => [t.name, t.status])).toEqual([
      ["Môi trường, vệ sinh", "active"],
      ["Hạ tầng, giao thông", "retired"],
    ]);
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
