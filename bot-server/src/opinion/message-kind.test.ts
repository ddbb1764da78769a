import { readFileSync } from "node:fs";
import { analyzeVietnamese, hasDiacritics, type MessageKind, type SignalKind } from "@loa-phuong/shared";
import { describe, expect, it } from "vitest";
import { readMessageKind } from "./message-kind.js";
import { StaffLessons } from "./staff-lessons.js";

interface DevMessage {
  text: string;
  signal: SignalKind;
  kind: MessageKind;
}

/** ~120 ward messages written for this test, half typed without diacritics (fixtures/). */
const dev: DevMessage[] = readFileSync(new URL("./fixtures/message-kinds.dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as DevMessage);

const accuracy = (
  messages: DevMessage[],
  read = (m: DevMessage) => readMessageKind({ text: m.text, signalKind: m.signal }).kind,
) => messages.filter((m) => read(m) === m.kind).length / messages.length;

describe("the kind of a message", () => {
  it("reads the hand-written dev set, with and without diacritics, far beyond the way it was sent", () => {
    const marked = dev.filter((m) => hasDiacritics(m.text));
    const bare = dev.filter((m) => !hasDiacritics(m.text));
    expect(dev.length).toBeGreaterThanOrEqual(120);
    expect(Math.abs(marked.length - bare.length)).toBeLessThanOrEqual(10);
    // Every kind is there, several times: a reader that always says one kind scores under 0.25.
    const kinds = new Set(dev.map((m) => m.kind));
    expect(kinds.size).toBe(6);
    expect(accuracy(dev)).toBeGreaterThanOrEqual(0.9);
    expect(accuracy(marked)).toBeGreaterThanOrEqual(0.85);
    expect(accuracy(bare)).toBeGreaterThanOrEqual(0.85);
    // The way a message came in alone (a question box, a report, a nomination) is far from enough.
    expect(accuracy(dev, (m) => readMessageKind({ text: "", signalKind: m.signal }).kind)).toBeLessThan(0.4);
  });

  it("reads the same words alike typed with or without diacritics and in chat style", () => {
    for (const [marked, bare] of [
      ["Cho em hỏi bao giờ phường phát gạo ạ?", "cho e hoi bao gio phuong phat gao a"],
      ["Đề xuất phường lắp thêm đèn ở ngõ 9", "de xuat phuong lap them den o ngo 9"],
      ["Cống bị tắc, nước tràn ra đường, bức xúc quá", "cong bi tac nuoc tran ra duong buc xuc qua"],
    ] as const)
      expect(readMessageKind({ text: bare }).kind).toBe(readMessageKind({ text: marked }).kind);
    expect(readMessageKind({ text: "ko bik bao gio moi dc nhan tien ho tro" }).kind).toBe("question");
  });

  it("takes a message repeating a known false claim, even as a question, for a rumour", () => {
    const asked = "Học phí năm nay tăng gấp đôi có đúng không ạ?";
    expect(readMessageKind({ text: asked }).kind).toBe("question");
    expect(readMessageKind({ text: asked, rumourMatched: true }).kind).toBe("rumour");
    expect(readMessageKind({ text: "Nghe nói học phí tăng gấp đôi, có ai biết không?" }).kind).toBe("rumour");
  });

  it("leaves a message that does nothing of the kind as other", () => {
    for (const text of ["Vâng ạ.", "ok", "Nguyễn Văn Bình, tổ 4"])
      expect(readMessageKind({ text, signalKind: "oa_message" }).kind).toBe("other");
  });

  it("learns from staff corrections: a near repeat takes the staff's kind, and repeated words become cues", () => {
    const read = (text: string, lessons?: StaffLessons) =>
      readMessageKind({ text, signalKind: "comment" }, lessons).kind;
    const ask = "Vạch sang đường trước chợ Sắt đã mờ hết";
    expect(read(ask)).toBe("other");
    const lessons = new StaffLessons(
      [
        "Kẻ lại vạch sang đường ở ngã tư Hạ Lý",
        "vach sang duong truoc cong truong tieu hoc da mo",
        "Làm vạch sang đường cho người già ở đầu ngõ 3",
      ].map((text) => ({ text: analyzeVietnamese(text), labels: ["proposal"] })),
    );
    expect(read(ask, lessons)).toBe("proposal");
    // A word staff saw only once teaches nothing alone; the text staff labelled itself is known again.
    const once = new StaffLessons([
      { text: analyzeVietnamese("Sơn lại cột điện đầu ngõ 7"), labels: ["proposal"] },
    ]);
    expect(read("Cột điện ngõ 12 nghiêng", once)).not.toBe("proposal");
    expect(read("son lai cot dien dau ngo 7", once)).toBe("proposal");
  });
});
