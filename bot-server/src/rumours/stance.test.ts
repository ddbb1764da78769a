import { describe, expect, it } from "vitest";
import { buildClaimIndex } from "./claim-index.js";
import { matchMessage } from "./match.js";
import { TEST_CLAIMS } from "./test-claims.js";

const index = buildClaimIndex(TEST_CLAIMS);
const stanceOf = (text: string) => matchMessage(index, text).stance;

describe("the stance of a message toward the claim it says", () => {
  it("reads a call to disbelieve the claim as a denial", () => {
    expect(
      stanceOf("Tin thu phí vệ sinh 100k qua tài khoản tổ trưởng là tin giả nhé mọi người"),
    ).toMatchObject({
      stance: "denies",
      cues: ["tin giả"],
    });
  });

  it("reads a denial said in a question as a question", () => {
    expect(
      stanceOf("Phường thu phí vệ sinh 100k qua tài khoản cá nhân tổ trưởng, có thật không hay là tin giả ạ?")
        ?.stance,
    ).toBe("asks");
  });

  it("reads 'miễn phí' against a fee, and a negated obligation, as denials", () => {
    expect(
      stanceOf("Phí vệ sinh năm nay miễn phí, không ai phải chuyển khoản cho tổ trưởng")?.cues,
    ).toContain("miễn phí");
    expect(stanceOf("Người về hưu không phải cài VssID đâu, lương hưu trả như cũ")?.cues).toContain(
      "không [obligation]",
    );
  });

  it("does not read a negated condition as a denial: 'không cài là bị dừng' asserts the claim", () => {
    expect(stanceOf("ông bà phải cài vssid trc 30/6 k cài là bị dừng lương hưu đó")?.stance).toBe("asserts");
  });

  it("reads a penalty that follows a negated duty as its condition, and a negated penalty as a denial", () => {
    expect(
      stanceOf("tu thang sau phuong thu phi ve sinh 100k/ho qua tk ca nhan to truong, ai ko nop bi phat")
        ?.stance,
    ).toBe("asserts");
    expect(
      stanceOf("Người về hưu phải cài VssID trước 30/6 ư? Không cài cũng không bị dừng lương hưu đâu.")
        ?.stance,
    ).toBe("denies");
  });

  it("counts 'vẫn' only in the sentences that carry the match", () => {
    const text =
      "Chuyển tiếp: người về hưu phải cài VssID trước 30/6, không cài thì bị dừng trả lương hưu. Trời vẫn mưa to.";
    expect(matchMessage(index, text).claimId).toBe("K4");
  });
});
