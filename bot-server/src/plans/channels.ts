import type { PlanDocument, Span } from "./document.js";
import { isInSection, type Layout } from "./layout.js";

// The channels a plan says it will use, in SCHEMA.md's vocabulary, from the body only: not the
// title or preamble (past work, the documents cited), not the sections on awards or past results,
// not the "Nơi nhận" list or footnotes, and not the subjects of cited documents.

export const CHANNEL_CODES = [
  "zalo",
  "mang_xa_hoi",
  "cong_thong_tin",
  "bao_chi",
  "truyen_hinh",
  "loa_truyen_thanh",
  "hoi_nghi",
  "to_roi_pano_ap_phich",
  "sinh_hoat_to_dan_pho",
  "truong_hoc",
  "tin_nhan_sms",
  "truc_tiep",
  "su_kien",
  "khac",
] as const;
export type ChannelCode = (typeof CHANNEL_CODES)[number];

/** Whole-word phrases (lower case, punctuation read as a space) and the channels each implies. */
const PHRASES: [string[], ChannelCode[]][] = [
  [["zalo"], ["zalo", "mang_xa_hoi"]],
  [
    [
      "mạng xã hội",
      "facebook",
      "fanpage",
      "youtube",
      "tiktok",
      "nền tảng số",
      "internet",
      "không gian mạng",
      "trực tuyến",
      "online",
    ],
    ["mang_xa_hoi"],
  ],
  [
    ["cổng thông tin", "trang thông tin điện tử", "website", "cổng ttđt", "trang tin điện tử"],
    ["cong_thong_tin"],
  ],
  [
    [
      "báo chí",
      "báo và phát thanh",
      "báo điện tử",
      "cơ quan báo",
      "thông tấn",
      "báo in",
      "các báo",
      "phóng viên",
    ],
    ["bao_chi"],
  ],
  [["đài truyền hình", "truyền hình", "đài phát thanh", "phát thanh truyền hình"], ["truyen_hinh"]],
  [
    [
      "phương tiện thông tin đại chúng",
      "truyền thông đại chúng",
      "báo đài",
      "cơ quan truyền thông",
      "cơ quan thông tin truyền thông",
    ],
    ["bao_chi", "truyen_hinh"],
  ],
  [
    [
      "loa truyền thanh",
      "loa phát thanh",
      "truyền thanh cơ sở",
      "loa di động",
      "hệ thống truyền thanh",
      "đài truyền thanh",
      "phát thanh",
    ],
    ["loa_truyen_thanh"],
  ],
  [
    [
      "hội nghị",
      "hội thảo",
      "tọa đàm",
      "toạ đàm",
      "diễn đàn",
      "đối thoại",
      "nói chuyện chuyên đề",
      "tập huấn",
      "sinh hoạt chi bộ",
      "sinh hoạt đảng",
      "họp cấp ủy",
      "sinh hoạt của mttq",
      "sinh hoạt chuyên đề",
      "sinh hoạt định kỳ",
    ],
    ["hoi_nghi"],
  ],
  [
    [
      "tờ rơi",
      "tờ gấp",
      "tài liệu",
      "ấn phẩm",
      "bản tin",
      "pa nô",
      "pano",
      "áp phích",
      "băng rôn",
      "khẩu hiệu",
      "cờ",
      "cổ động trực quan",
      "tuyên truyền trực quan",
      "bảng điện tử",
      "màn hình led",
    ],
    ["to_roi_pano_ap_phich"],
  ],
  [["tổ dân phố", "thôn", "ấp", "khu phố", "họp dân", "khu dân cư"], ["sinh_hoat_to_dan_pho"]],
  [["tin nhắn", "sms"], ["tin_nhan_sms"]],
  [
    [
      "tuyên truyền trực tiếp",
      "truyền thông trực tiếp",
      "đến hộ gia đình",
      "đến từng hộ",
      "họp nhóm",
      "báo cáo viên",
      "tuyên truyền viên",
      "lưu động",
    ],
    ["truc_tiep"],
  ],
  [
    [
      "lễ phát động",
      "mít tinh",
      "míttinh",
      "cuộc thi",
      "hội thi",
      "văn nghệ",
      "thể dục thể thao",
      "giao lưu",
      "hội diễn",
    ],
    ["su_kien"],
  ],
];

/** Phrases that only count in a clause about outreach (a "cộng tác viên" may be a health worker). */
const OUTREACH = /tuyên truyền|truyền thông|vận động|phổ biến|quán triệt|lồng ghép|giáo dục|thông tin/u;
const CONDITIONAL: [RegExp, ChannelCode][] = [
  [/ cộng tác viên /u, "truc_tiep"],
  [/ (nhà trường|trường học|học sinh|sinh viên|cơ sở giáo dục|giáo viên|phụ huynh) /u, "truong_hoc"],
];

const SKIPPED_SECTIONS = /KHEN THƯỞNG|^KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|THỰC TRẠNG/u;
const CITED_DOCUMENT = new RegExp(
  String.raw`(?:Chỉ thị|Quyết định|Kế hoạch|Hướng dẫn|Thông tư|Nghị quyết|Nghị định|` +
    String.raw`Thông báo|Kết luận|Chương trình|Công văn|Luật|Đề án)\s+(?:số\s+)?\d[^;.]*`,
  "gu",
);

export interface ChannelHit {
  code: ChannelCode;
  span: Span;
}

function words(text: string): string {
  return ` ${text
    .toLocaleLowerCase("vi")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** The channels one clause names. */
export function channelsInClause(clause: string): ChannelCode[] {
  const text = words(clause);
  const found = new Set<ChannelCode>();
  for (const [phrases, codes] of PHRASES)
    if (phrases.some((phrase) => text.includes(` ${words(phrase).trim()} `)))
      for (const code of codes) found.add(code);
  // "phát thanh" inside "Phát thanh, Truyền hình" / "đài phát thanh" is broadcasting, not a loudspeaker.
  if (
    / (đài phát thanh|phát thanh truyền hình|phát thanh và truyền hình) /u.test(text) &&
    !/ (loa|truyền thanh) /u.test(text)
  )
    found.delete("loa_truyen_thanh");
  if (OUTREACH.test(text)) for (const [pattern, code] of CONDITIONAL) if (pattern.test(text)) found.add(code);
  return [...found];
}

export function extractChannels(document: PlanDocument, layout: Layout): ChannelHit[] {
  const hits = new Map<ChannelCode, ChannelHit>();
  for (let index = layout.bodyStart; index < layout.bodyEnd; index++) {
    const block = document.blocks[index];
    if (!block || block.kind === "footnote" || isInSection(layout, index, SKIPPED_SECTIONS)) continue;
    const text = block.text.replace(CITED_DOCUMENT, (cited) => " ".repeat(cited.length));
    let offset = 0;
    for (const clause of text.split(/(?<=[;.!?])\s+/u)) {
      for (const code of channelsInClause(clause))
        if (!hits.has(code))
          hits.set(code, {
            code,
            span: { start: block.start + offset, end: block.start + offset + clause.length },
          });
      offset += clause.length + 1;
    }
  }
  return [...hits.values()];
}
