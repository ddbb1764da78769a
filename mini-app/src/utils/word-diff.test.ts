import { describe, expect, it } from "vitest";
import { type DiffPart, diffWords } from "./word-diff";

/** The text on either side, read back from the parts: what the approver sees must be the real text. */
function sides(parts: DiffPart[]): { before: string; after: string } {
  return {
    before: parts
      .filter((p) => p.type !== "added")
      .map((p) => p.text)
      .join(""),
    after: parts
      .filter((p) => p.type !== "removed")
      .map((p) => p.text)
      .join(""),
  };
}

describe("diffWords", () => {
  it("marks inserted words and keeps the rest as unchanged", () => {
    expect(diffWords("Họp tổ lúc 19 giờ", "Họp tổ dân phố lúc 19 giờ")).toEqual([
      { type: "same", text: "Họp tổ " },
      { type: "added", text: "dân phố " },
      { type: "same", text: "lúc 19 giờ" },
    ]);
  });

  it("marks deleted words", () => {
    expect(diffWords("Họp tổ dân phố lúc 19 giờ", "Họp tổ lúc 19 giờ")).toEqual([
      { type: "same", text: "Họp tổ " },
      { type: "removed", text: "dân phố " },
      { type: "same", text: "lúc 19 giờ" },
    ]);
  });

  it("shows a replaced word as removed then added, diacritics intact", () => {
    expect(diffWords("Trạm y tế phường tiêm chủng", "Trạm y tế xã tiêm chủng")).toEqual([
      { type: "same", text: "Trạm y tế " },
      { type: "removed", text: "phường" },
      { type: "added", text: "xã" },
      { type: "same", text: " tiêm chủng" },
    ]);
    // A change of tone mark alone is a change (ma ≠ mà).
    expect(diffWords("Bà con ma đến", "Bà con mà đến")).toEqual([
      { type: "same", text: "Bà con " },
      { type: "removed", text: "ma" },
      { type: "added", text: "mà" },
      { type: "same", text: " đến" },
    ]);
  });

  it("gives an unchanged text as one part, and handles an empty side", () => {
    expect(diffWords("Mời bà con đến họp", "Mời bà con đến họp")).toEqual([
      { type: "same", text: "Mời bà con đến họp" },
    ]);
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "Thông báo mới")).toEqual([{ type: "added", text: "Thông báo mới" }]);
    expect(diffWords("Thông báo cũ", "")).toEqual([{ type: "removed", text: "Thông báo cũ" }]);
  });

  it("keeps line breaks and spacing so the text reads back exactly", () => {
    const before = "Kính gửi bà con,\n\nPhường tổ chức  họp tổ.\nTrân trọng.";
    const after = "Kính gửi bà con tổ 3,\n\nPhường tổ chức  họp tổ vào tối thứ Sáu.\nTrân trọng.";
    expect(sides(diffWords(before, after))).toEqual({ before, after });
  });

  it("still reads back a long body rewritten from end to end", () => {
    const words = (seed: string) => Array.from({ length: 4000 }, (_, i) => `${seed}${i % 97}`).join(" ");
    const before = words("cũ");
    const after = words("mới");
    const parts = diffWords(before, after);
    expect(sides(parts)).toEqual({ before, after });
    expect(parts.some((p) => p.type === "removed")).toBe(true);
    expect(parts.some((p) => p.type === "added")).toBe(true);
  });
});
