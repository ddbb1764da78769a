import type { PostEngagement, Signal } from "@loa-phuong/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "./support/api-client.js";
import { residentClient } from "./support/residents.js";
import { type Stack, startStack } from "./support/stack.js";
import { waitFor } from "./support/wait-for.js";
import { approvedPost, type SeededWard, seedWard } from "./support/ward.js";

const TOXIC = "Mấy thằng cán bộ phường ngu như chó, bao giờ mới sửa cái đường này hả?";
const CLEAN = "Cho hỏi lịch họp phụ huynh đầu năm là ngày nào ạ? Nhà em số 0912345678.";

/**
 * "Bà con hỏi, phường trả lời": residents see others' answered questions under a post, but nothing
 * that did not pass moderation — toxic words, words not yet read, or words an officer kept back.
 */
describe("what residents see of each other's questions", () => {
  let stack: Stack;
  let ward: SeededWard;
  let postId: string;
  let asker: ApiClient;
  let rude: ApiClient;
  let reader: ApiClient;

  beforeAll(async () => {
    stack = await startStack();
    ward = await seedWard(stack, { groups: 1, perGroup: 1 });
    const group = ward.groupIds[0]!;
    const signIn = async () => (await residentClient(stack, { groupId: group })).client;
    [asker, rude, reader] = [await signIn(), await signIn(), await signIn()];
    postId = await approvedPost(ward, { title: "Lịch họp phụ huynh đầu năm học" });
    await ward.editor.request("POST", "/api/broadcasts", {
      postId,
      audience: { include: [{ wholeWard: true }] },
    });
    await waitFor(async () =>
      (await reader.request("GET", "/api/feed")).body.items.some((i: { id: string }) => i.id === postId),
    );
  });
  afterAll(async () => stack?.stop());

  const publicOn = async (client: ApiClient) =>
    (await client.request<PostEngagement>("GET", `/api/feed/${postId}/engagement`)).body.publicQuestions;

  async function askAndAnswer(client: ApiClient, text: string): Promise<Signal> {
    const asked = await client.request("POST", `/api/feed/${postId}/questions`, { kind: "question", text });
    expect(asked.status).toBe(201);
    const id = asked.body.id as number;
    // The ward answers in the app once the labeller has read the question.
    await waitFor(
      async () => {
        const inbox = await ward.editor.request<{ items: Signal[] }>("GET", `/api/signals?postId=${postId}`);
        return inbox.body.items.find((s) => s.id === id)?.labels ?? null;
      },
      { timeoutMs: 20_000, intervalMs: 100, what: `labels on question ${id}` },
    );
    const replied = await ward.editor.request<Signal>("POST", `/api/signals/${id}/reply`, {
      text: "Phường xin trả lời: họp vào 19h00 thứ Sáu tại nhà văn hóa tổ.",
      channel: "feed",
    });
    expect(replied.status).toBe(200);
    return replied.body;
  }

  it("shows an answered clean question to others, without the asker's phone, and never a toxic one", async () => {
    const clean = await askAndAnswer(asker, CLEAN);
    const toxic = await askAndAnswer(rude, TOXIC);
    expect(toxic.labels!.toxicity).not.toBe("clean");
    expect(clean.shownToResidents).toBe(true);
    expect(toxic.shownToResidents).toBe(false);

    const seen = await publicOn(reader);
    expect(seen.map((q) => q.id)).toEqual([clean.id]);
    expect(seen[0]!.text).toBe("Cho hỏi lịch họp phụ huynh đầu năm là ngày nào ạ? Nhà em số ***.");
    expect(seen[0]!.answer.text).toMatch(/^Phường xin trả lời/);
    // The asker sees their own question among theirs, not twice.
    expect(await publicOn(asker)).toEqual([]);
    // The rude resident's own answer still reaches them; others never see the words.
    const theirs = (await rude.request<PostEngagement>("GET", `/api/feed/${postId}/engagement`)).body;
    expect(theirs.myQuestions.map((q) => q.text)).toEqual([TOXIC]);
  });

  it("lets an officer keep a question back and show it again, and refuses a resident who tries", async () => {
    const [question] = await publicOn(reader);
    const hidden = await ward.approver.request<Signal>("PUT", `/api/signals/${question!.id}/visibility`, {
      hidden: true,
    });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hiddenFromResidents: true, shownToResidents: false });
    expect(await publicOn(reader)).toEqual([]);

    expect(
      (await reader.request("PUT", `/api/signals/${question!.id}/visibility`, { hidden: false })).status,
    ).toBe(403);
    expect((await ward.editor.request("PUT", `/api/signals/${question!.id}/visibility`, {})).status).toBe(
      400,
    );
    expect(await publicOn(reader)).toEqual([]);

    const shown = await ward.editor.request<Signal>("PUT", `/api/signals/${question!.id}/visibility`, {
      hidden: false,
    });
    expect(shown.body.shownToResidents).toBe(true);
    expect((await publicOn(reader)).map((q) => q.id)).toEqual([question!.id]);
  });
});
