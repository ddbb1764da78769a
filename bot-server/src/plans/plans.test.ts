import { describe, expect, it } from "vitest";
import { channelsInClause } from "./channels.js";
import { findDates } from "./dates.js";
import { canonicalNumber, looseNumberKey } from "./document-number.js";
import { extractPlan } from "./extract-plan.js";
import { issuerFromLines } from "./header.js";
import { readDocx } from "./read-docx.js";
import { readHtml } from "./read-html.js";
import { readMarkdown } from "./read-markdown.js";
import { joinLetterSpaced } from "./read-pdf.js";
import { findDeadlines } from "./units.js";
import { writeDocx, writeHtml } from "./write-formats.js";

const PLAN = `|
**ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG**
ĐẢNG ỦY PHƯỜNG HỒNG BÀNG
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
Số: 12 - KH/ĐU
|
*Hồng Bàng, ngày 05
tháng 3 năm 2026*
|

**KẾ HOẠCH**

TUYÊN TRUYỀN NGÀY HỘI TOÀN DÂN

Căn cứ Chỉ thị số số 46 - CT/TW ngày 16 tháng 5 năm 2025 của Bộ Chính trị[1]; Kế hoạch số
30-KH/BTGDVTU, ngày 10/02/2026 của Ban Tuyên giáo.

**I. NỘI DUNG VÀ HÌNH THỨC**

Tuyên truyền trên hệ thống loa truyền thanh, trang Zalo của phường và tại các tổ dân phố.

Thời gian thực hiện: từ ngày 01/4/2026 đến hết tháng 6/2026.

**II. TỔ CHỨC THỰC HIỆN**

**1. Đề nghị Phòng Văn hóa - Xã hội: **Xây dựng tin bài; gửi báo cáo kết quả về Đảng ủy phường trước ngày 15/6/2026.

**2. Các trường THCS trên địa bàn phường**

Hoàn thành trong tháng 5/2026.

[1]
Quyết định số 1679/QĐ-TTg ngày 22/11/2019 của Thủ tướng Chính phủ.
`;

describe("document numbers", () => {
  it("drops doubled 'số', spaces and odd dashes, keeps case and zeros", () => {
    expect(canonicalNumber("số số 46 - CT/TW")).toBe("46-CT/TW");
    expect(canonicalNumber("75/KH- UBND")).toBe("75/KH-UBND");
    expect(canonicalNumber("0125/KH–UBND")).toBe("0125/KH-UBND");
    expect(canonicalNumber("/KH-UBND")).toBeNull();
    expect(looseNumberKey("27/CTTg")).toBe(looseNumberKey("27/CT-TTg"));
  });
});

describe("dates", () => {
  it("reads figures, words, a month alone and a blank day", () => {
    expect(findDates("ngày 16/5/2025").map((d) => d.iso)).toEqual(["2025-05-16"]);
    expect(findDates("ngày 16 tháng 5 năm 2025").map((d) => d.iso)).toEqual(["2025-05-16"]);
    expect(findDates("trong tháng 12/2025").map((d) => d.iso)).toEqual(["2025-12-31"]);
    expect(findDates("tháng 10 năm 2025", { edge: "start" }).map((d) => d.iso)).toEqual(["2025-10-01"]);
    expect(findDates("ngày    tháng 3 năm 2026").map((d) => d.iso)).toEqual(["2026-03-31"]);
    expect(findDates("ngày 01/6", { year: 2026 }).map((d) => d.iso)).toEqual(["2026-06-01"]);
  });
  it("finds deadlines, not other dates", () => {
    expect(findDeadlines("gửi về Sở Nội vụ (qua Phòng) trước ngày 31/3/2026 để tổng hợp")).toEqual([
      "2026-03-31",
    ]);
    expect(findDeadlines("Hoàn thành trong tháng 12/2025")).toEqual(["2025-12-31"]);
    expect(findDeadlines("Chỉ thị ngày 16/5/2025")).toEqual([]);
  });
});

describe("header and channels", () => {
  it("takes the lower body of a two-body header", () => {
    expect(issuerFromLines(["ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY PHƯỜNG HỒNG BÀNG", "-----"])).toBe(
      "Đảng ủy phường Hồng Bàng",
    );
    expect(issuerFromLines(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ"])).toBe(
      "Ủy ban nhân dân thành phố Cần Thơ",
    );
  });
  it("maps wording to the vocabulary", () => {
    expect(channelsInClause("Báo và Phát thanh, Truyền hình Cần Thơ").sort()).toEqual([
      "bao_chi",
      "truyen_hinh",
    ]);
    expect(channelsInClause("đội ngũ cộng tác viên dân số")).toEqual([]);
    expect(channelsInClause("tuyên truyền qua cộng tác viên")).toEqual(["truc_tiep"]);
  });
});

function expectPlan(plan: ReturnType<typeof extractPlan>) {
  expect(plan.plan).toMatchObject({ type: "Kế hoạch", number: "12-KH/ĐU", date: "2026-03-05" });
  expect(plan.plan.issuer).toBe("Đảng ủy phường Hồng Bàng");
  expect(plan.directives.map((d) => [d.number, d.date, d.role])).toEqual([
    ["46-CT/TW", "2025-05-16", "basis"],
    ["30-KH/BTGDVTU", "2026-02-10", "basis"],
    ["1679/QĐ-TTg", "2019-11-22", "mentioned"],
  ]);
  expect(plan.channels.sort()).toEqual(["loa_truyen_thanh", "mang_xa_hoi", "sinh_hoat_to_dan_pho", "zalo"]);
  expect(plan.units.map((u) => [u.name, u.deadlines])).toEqual([
    ["Phòng Văn hóa - Xã hội", ["2026-06-15"]],
    ["Các trường THCS trên địa bàn phường", ["2026-05-31"]],
  ]);
  expect(plan.phases).toEqual([{ name: "Thời gian thực hiện", from: "2026-04-01", to: "2026-06-30" }]);
  expect(plan.reporting).toMatchObject([{ to: "Đảng ủy phường", due: "2026-06-15" }]);
}

describe("a plan in each format", () => {
  const markdown = readMarkdown(PLAN);
  it("reads markdown with its footnote apart", () => {
    expect(markdown.blocks.at(-1)?.kind).toBe("footnote");
    expectPlan(extractPlan(markdown));
  });
  it("reads Word's HTML export", () => expectPlan(extractPlan(readHtml(writeHtml(markdown)))));
  it("reads a .docx with a header table and footnotes", () => {
    const document = readDocx(writeDocx(markdown));
    expect(document.blocks.filter((b) => b.kind === "cell").length).toBeGreaterThan(1);
    expectPlan(extractPlan(document));
  });
  it("keeps each value's span", () => {
    const plan = extractPlan(markdown);
    const span = plan._spans["plan.number"];
    expect(span && !Array.isArray(span) && markdown.text.slice(span.start, span.end)).toContain("12 - KH/ĐU");
  });
  it("undoes letter-spaced PDF text", () => expect(joinLetterSpaced("S ố :   1 2 / K H")).toBe("Số: 12/KH"));
});
