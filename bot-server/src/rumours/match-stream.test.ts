import { describe, expect, it } from "vitest";
import { buildClaimIndex } from "./claim-index.js";
import { matchStream, type StreamedMessage } from "./match-stream.js";
import { TEST_CLAIMS } from "./test-claims.js";

async function answers(claims: typeof TEST_CLAIMS, lines: string[]): Promise<StreamedMessage[]> {
  const out: StreamedMessage[] = [];
  await matchStream(buildClaimIndex(claims), lines, (message) => {
    out.push(message);
  });
  return out;
}

describe("matching a stream of messages", () => {
  it("answers every message, in order", async () => {
    const lines = [
      JSON.stringify({ id: "a", text: "p thu phí vệ sinh 100k/hộ/tháng, ck vào tk cá nhân tổ trưởng á mn" }),
      JSON.stringify({ id: "b", text: "Đèn đường tổ 7 hỏng rồi ạ" }),
    ];
    const out = await answers(TEST_CLAIMS, lines);
    expect(out.map((m) => [m.id, m.result?.claimId])).toEqual([
      ["a", "K2"],
      ["b", null],
    ]);
  });

  it("answers a line that is not a message with no match, and skips blank lines", async () => {
    const out = await answers(TEST_CLAIMS, [
      "not json",
      "",
      JSON.stringify({ id: 7 }),
      JSON.stringify({ text: "x" }),
    ]);
    expect(out.map((m) => [m.id, m.line, m.result])).toEqual([
      ["1", 1, null],
      ["3", 3, null],
      ["4", 4, expect.objectContaining({ claimId: null })],
    ]);
  });

  it("matches nothing when the claims file is empty", async () => {
    const out = await answers([], [JSON.stringify({ id: "a", text: "p thu phí vệ sinh 100k/hộ/tháng" })]);
    expect(out.map((m) => m.result?.claimId ?? "-")).toEqual(["-"]);
  });
});
