import { describe, expect, it } from "vitest";
import { buildClaimIndex } from "./claim-index.js";
import { matchMessage } from "./match.js";
import { TEST_CLAIMS } from "./test-claims.js";

const index = buildClaimIndex(TEST_CLAIMS);
const match = (text: string) => matchMessage(index, text).claimId;

describe("matching a message to the claim it repeats", () => {
  it("matches the claim in other words and in another order", () => {
    expect(
      match(
        "Sang tháng phường bắt mỗi hộ đóng 100 nghìn tiền vệ sinh, chuyển thẳng vào tài khoản tổ trưởng.",
      ),
    ).toBe("K2");
    expect(
      match(
        "Trường ép phụ huynh mua bộ đồng phục mới giá 1,2 triệu, phải mua ở đúng cửa hàng trường chỉ định.",
      ),
    ).toBe("K3");
  });

  it("matches the claim typed without diacritics", () => {
    expect(
      match("so ho khau giay tu thang 7 bi thu hoi, ai chua nop lai cho cong an phuong se bi phat 2 trieu"),
    ).toBe("K1");
    expect(match("nguoi ve huu phai cai vssid truoc 30/6, khong cai la bi dung tra luong huu")).toBe("K4");
  });

  it("matches chat style: abbreviations, amounts as 100k and 2tr, emoji", () => {
    expect(match("p thu phí vệ sinh 100k/hộ/tháng, ck vào tk cá nhân tổ trưởng á mn 🤔")).toBe("K2");
    expect(match("sổ hộ khẩu giấy t7 bị thu hồi r mn ơi, k nộp lại cho công an p là bị phạt 2tr 😱")).toBe(
      "K1",
    );
  });

  it("matches a question asking whether the claim is true: the resident needs the clarification", () => {
    const result = matchMessage(
      index,
      "Bố em về hưu rồi, có đúng là không cài VssID trước 30/6 thì bị dừng trả lương hưu không ạ?",
    );
    expect(result.claimId).toBe("K4");
    expect(result.stance?.stance).toBe("asks");
  });

  it("matches the claim's false element said in passing", () => {
    expect(match("Tuần này phải xin nghỉ đi nộp cái sổ hộ khẩu, không lại bị phạt 2 triệu thì chết.")).toBe(
      "K1",
    );
  });

  it("matches a long forwarded text with the claim among other sentences", () => {
    const forwarded =
      "Chuyển tiếp: THÔNG BÁO KHẨN tới các hộ dân. Do ngân sách có hạn nên năm nay phường thay đổi cách thu. " +
      "Từ tháng sau mỗi hộ nộp phí vệ sinh 100.000đ/tháng, chuyển khoản vào tài khoản cá nhân của tổ trưởng. " +
      "Hộ nào chậm nộp sẽ bị nhắc tên ở buổi họp tổ. Mọi người chia sẻ cho nhau biết nhé!";
    expect(match(forwarded)).toBe("K2");
  });

  it("does not match a message that denies the claim or states the true fact", () => {
    expect(
      match("Phường không thu phí vệ sinh qua tài khoản cá nhân của tổ trưởng đâu, ai nhắn thế là lừa đảo."),
    ).toBe(null);
    expect(
      match("BHXH vừa nói lương hưu vẫn chi trả bình thường dù không cài VssID trước 30/6, các cụ yên tâm."),
    ).toBe(null);
    expect(
      match("Sổ hộ khẩu giấy hết giá trị rồi nhưng không phải nộp lại cho công an phường, không ai bị phạt."),
    ).toBe(null);
    expect(
      match("Đồng phục cũ vẫn mặc được nhé, trường không bắt buộc mua đồng phục mới ở cửa hàng nào cả."),
    ).toBe(null);
  });

  it("does not match a different matter of the same topic, even in many of the claim's words", () => {
    expect(match("Cho em hỏi đồng phục thể dục của học sinh lớp 6 mua ở cửa hàng nào ạ?")).toBe(null);
    expect(match("Cho em hỏi lĩnh lương hưu tháng này ở bưu điện nào gần nhất ạ?")).toBe(null);
    expect(
      match("Cho em hỏi đăng ký tạm trú cho người thuê trọ thì ra công an phường hay làm online ạ?"),
    ).toBe(null);
  });

  it("does not match an ordinary message", () => {
    expect(match("Cảm ơn tổ dân phố đã tổ chức trung thu cho các cháu rất vui.")).toBe(null);
    expect(match("")).toBe(null);
  });

  it("says why it matched: the score, the terms, the stretch and the aligned amounts", () => {
    const result = matchMessage(
      index,
      "Nghe nói trường bắt mua đồng phục mới 1tr2 ở cửa hàng trường chỉ định.",
    );
    expect(result.claimId).toBe("K3");
    expect(result.reason).toBe("repeats the claim");
    expect(result.best?.score).toBeGreaterThan(0.3);
    expect(result.best?.amounts.aligned).toEqual(["1.200.000 đ"]);
    expect(result.best?.matched.map((m) => m.term)).toEqual(
      expect.arrayContaining(["đồng phục", "[obligation]"]),
    );
    expect(result.best?.span).toContain("đồng phục");
  });

  it("lowers a message that gives another amount than the claim", () => {
    const result = matchMessage(
      index,
      "Trường bắt buộc mua đồng phục mới giá 300 nghìn ở cửa hàng trường chỉ định.",
    );
    expect(result.best?.amounts.isConflicting).toBe(true);
    expect(result.best?.adjustments.join()).toContain("amounts differ");
  });

  it("matches nothing when there are no claims", () => {
    const empty = buildClaimIndex([]);
    expect(matchMessage(empty, "p thu phí vệ sinh 100k/hộ/tháng").claimId).toBe(null);
  });
});
