import { describe, expect, it } from "vitest";
import { textLimits } from "../text-limits.js";
import { nominationRequestSchema, postQuestionRequestSchema, reportRequestSchema } from "./engagement.js";
import { opinionReportRequestSchema } from "./relay.js";
import { replyRequestSchema } from "./signals.js";

/** The one issue a too-long field raises, as the API answers it: its path and its message. */
function refusal(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("what residents and heads write, and staff answer them: refused past the limit, never cut", () => {
  it("refuses a 5,000-character question, naming the limit", () => {
    const text = "Buổi họp phụ huynh có ghi hình không ạ? ".repeat(125);
    expect(refusal(postQuestionRequestSchema.safeParse({ kind: "question", text }))).toEqual([
      { path: "text", message: "Câu hỏi hoặc góp ý tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
    ]);
    const atLimit = "a".repeat(textLimits.question);
    expect(postQuestionRequestSchema.parse({ kind: "comment", text: ` ${atLimit} ` }).text).toBe(atLimit);
  });

  it("refuses an over-long report, place, nomination and opinion report, each in its own words", () => {
    const long = (limit: number) => "x".repeat(limit + 1);
    expect(
      refusal(
        reportRequestSchema.safeParse({ text: long(textLimits.report), place: long(textLimits.reportPlace) }),
      ),
    ).toEqual([
      { path: "text", message: "Nội dung phản ánh tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
      { path: "place", message: "Mô tả vị trí tối đa 200 ký tự. Hãy rút gọn rồi gửi lại." },
    ]);
    expect(
      refusal(
        nominationRequestSchema.safeParse({
          who: long(textLimits.nominationWho),
          where: long(textLimits.nominationWhere),
          why: long(textLimits.nominationWhy),
        }),
      ).map((issue) => issue.message),
    ).toEqual([
      "Người hoặc tập thể được đề cử tối đa 200 ký tự. Hãy rút gọn rồi gửi lại.",
      "Nơi công tác hoặc sinh sống tối đa 300 ký tự. Hãy rút gọn rồi gửi lại.",
      "Lý do đề cử tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại.",
    ]);
    expect(
      refusal(
        opinionReportRequestSchema.safeParse({
          mood: "mixed",
          topics: [long(textLimits.opinionTopic)],
          summary: long(textLimits.opinionSummary),
        }),
      ),
    ).toEqual([
      { path: "topics.0", message: "Chủ đề tối đa 80 ký tự. Hãy rút gọn rồi gửi lại." },
      { path: "summary", message: "Tóm tắt tình hình tối đa 3.000 ký tự. Hãy rút gọn rồi gửi lại." },
    ]);
  });

  it("refuses a staff answer past the ward's limit, and one past what an OA message holds by OA", () => {
    const atLimit = "a".repeat(textLimits.reply);
    expect(replyRequestSchema.parse({ text: ` ${atLimit} `, channel: "feed" }).text).toBe(atLimit);
    expect(refusal(replyRequestSchema.safeParse({ text: `${atLimit}a`, channel: "feed" }))).toEqual([
      { path: "text", message: "Câu trả lời tối đa 2.000 ký tự. Hãy rút gọn rồi gửi lại." },
    ]);
    expect(
      refusal(replyRequestSchema.safeParse({ text: atLimit, channel: "oa" })).map((i) => i.path),
    ).toEqual(["text"]);
  });
});
