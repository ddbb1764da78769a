import { describe, expect, it } from "vitest";
import { diffPollOptions, diffValues, fieldChange, isPollChanged } from "./post-diff";

describe("fieldChange", () => {
  it("says nothing of a field empty on both sides, and names the rest", () => {
    expect(fieldChange("", "")).toBeNull();
    expect(fieldChange("Họp tổ", "Họp tổ")).toBe("same");
    expect(fieldChange("", "Họp tổ")).toBe("added");
    expect(fieldChange("Họp tổ", "")).toBe("removed");
    expect(fieldChange("Họp tổ", "Họp chi bộ")).toBe("changed");
  });
});

describe("diffValues", () => {
  it("replaces a short value whole", () => {
    expect(diffValues("Không khẩn", "Khẩn")).toEqual([
      { type: "removed", text: "Không khẩn" },
      { type: "added", text: "Khẩn" },
    ]);
    expect(diffValues("", "Khảo sát")).toEqual([{ type: "added", text: "Khảo sát" }]);
    expect(diffValues("Tin tức", "Tin tức")).toEqual([{ type: "same", text: "Tin tức" }]);
  });
});

describe("the options of a poll", () => {
  const before = [
    { id: "a", label: "19 giờ" },
    { id: "b", label: "20 giờ" },
  ];

  it("are matched by id: a relabelled option is a word diff, a moved one keeps its words", () => {
    const after = [
      { id: "b", label: "20 giờ" },
      { id: "a", label: "19 giờ 30" },
    ];
    expect(diffPollOptions(before, after).map((o) => [o.id, o.change])).toEqual([
      ["b", "same"],
      ["a", "changed"],
    ]);
    expect(diffPollOptions(before, after)[1]!.parts).toEqual([
      { type: "same", text: "19 giờ" },
      { type: "added", text: " 30" },
    ]);
  });

  it("list the new ones as added, in place, and the dropped ones after, as removed", () => {
    const after = [
      { id: "a", label: "19 giờ" },
      { id: "c", label: "Sáng Chủ nhật" },
    ];
    expect(diffPollOptions(before, after).map((o) => [o.id, o.change])).toEqual([
      ["a", "same"],
      ["c", "added"],
      ["b", "removed"],
    ]);
  });

  it("change with the question, the choice or the order, whatever the order of their keys", () => {
    const poll = { question: "Giờ họp?", multiple: false, options: before };
    expect(isPollChanged(poll, { multiple: false, options: before, question: "Giờ họp?" })).toBe(false);
    expect(isPollChanged(poll, { ...poll, multiple: true })).toBe(true);
    expect(isPollChanged(poll, { ...poll, options: [...before].reverse() })).toBe(true);
    expect(isPollChanged(null, poll)).toBe(true);
  });
});
