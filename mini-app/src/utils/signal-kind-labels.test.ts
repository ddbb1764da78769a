import { signalKinds } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { signalKindLabel, signalKindLabels } from "./signal-kind-labels";
import { signalKindLabels as inboxLabels } from "./staff-labels";

describe("what residents send back, named once", () => {
  it("uses the same word in the resident's screens and the staff inbox", () => {
    expect(inboxLabels).toBe(signalKindLabels);
    expect(signalKinds.map(signalKindLabel)).toEqual([
      "Tin nhắn gửi OA",
      "Góp ý",
      "Câu hỏi",
      "Bày tỏ cảm xúc",
      "Trả lời khảo sát",
      "Phản ánh",
      "Đề cử điển hình",
      "Báo cáo dư luận",
      "Tổ trưởng nhờ kiểm tra tin",
    ]);
  });

  it("reads a kind a newer server sends as something sent, not as its code", () => {
    expect(signalKindLabel("voice_note")).toBe("Ý kiến");
    expect(signalKindLabel("toString")).toBe("Ý kiến");
  });
});
