// General Vietnamese, not any claim's words: how much a word can say about which claim a message repeats
// (function words and the words of every resident's message say little), and the kinds of assertion a
// rumour makes (a fee, an obligation, a ban, a penalty, something no longer valid, something cancelled),
// each said in several ways, so that "sắm" meets "mua" and "nộp" meets "đóng".

/** Words that say little whatever the claim, with the share of their weight they keep (default 1). */
const LIGHT_WORDS: readonly (readonly [weight: number, words: string])[] = [
  [
    0.05,
    "là và của có không được cho các những một này đó kia thì mà với để từ trong ngoài trên dưới đến tới về " +
      "ra vào lên xuống rồi đã đang sẽ cũng lại nữa còn chỉ mới ai gì nào sao đâu thế vậy nhé nha ạ à ơi ư " +
      "hả nhỉ chứ đấy đây luôn ngay rất quá lắm khá hơi như nếu khi lúc vì do nên tại bởi hay hoặc nhưng " +
      "tôi tao mình em anh chị bác cô chú ông bà mẹ bố cháu họ nó bạn chúng ta mày tớ cậu ấy kìa nhá nhen " +
      "thôi vẫn cả mọi mỗi từng tất cái chiếc sự việc điều theo bị bằng qua ở hết nhiều ít",
  ],
  [
    0.3,
    "người dân nhà con đứa năm nay tháng tuần ngày hôm giờ bây sau trước đợt kỳ nghe nói bảo thấy hỏi " +
      "biết xem làm đi thể cần muốn phải thông báo chia sẻ nhóm tin share gửi link",
  ],
  [0.5, "phường học sinh trường phụ huynh thành phố xã quận"],
];

export const WORD_WEIGHT: ReadonlyMap<string, number> = new Map(
  LIGHT_WORDS.flatMap(([weight, words]) => words.split(" ").map((word) => [word, weight] as const)),
);

/** The share of its weight a word keeps: light words little, others all. */
export function wordWeight(word: string): number {
  return WORD_WEIGHT.get(word) ?? 1;
}

export type AssertionKind = "fee" | "obligation" | "stop" | "penalty" | "buy" | "change";

/**
 * Ways of saying each kind of assertion (lower case, with diacritics; a message typed without them
 * matches on the letters). "stop" is whatever ends or forbids something: banned, cancelled, no longer
 * valid, not allowed ("cấm", "bỏ", "hết hạn", "không được"), said in many ways that mean one
 * thing to a resident. A form mapped to null is a different word that starts the same way; a form
 * marked `true` is only read when written with its diacritics.
 */
export const ASSERTIONS: readonly (readonly [form: string, kind: AssertionKind | null, markedOnly?: true])[] =
  [
    ["bắt đầu", null],
    ["có phải", null],
    ["phải không", null],
    ["đóng cửa", null],
    ["bỏ phiếu", null],
    // Typed without marks, "bo" is also "bố" (father) and "bộ" (a set, a ministry): not "bỏ" (drop) here.
    ["bố mẹ", null],
    ["bố em", null],
    ["bố mình", null],
    ["bố tôi", null],
    ["bố nó", null],
    ["bố cháu", null],
    ["toàn bộ", null],
    ["cán bộ", null],
    ["bộ phận", null],
    ["bộ sách", null],
    ["bộ mới", null],
    ["cả bộ", null],
    ["bộ giáo dục", null],
    ["thủ tục", null],
    ["được không", null],
    ["đóng tiền", "fee"],
    ["đóng", "fee"],
    ["nộp", "fee"],
    ["thu", "fee"],
    ["trả tiền", "fee"],
    ["mất tiền", "fee"],
    ["mất phí", "fee"],
    ["tốn", "fee"],
    ["chuyển khoản", "fee"],
    ["chuyển tiền", "fee"],
    ["lệ phí", "fee"],
    ["đóng góp", "fee"],
    ["phí", "fee"],
    ["bắt buộc", "obligation"],
    ["buộc", "obligation"],
    ["bắt", "obligation"],
    ["phải", "obligation"],
    ["yêu cầu", "obligation"],
    ["cưỡng chế", "obligation"],
    ["ép", "obligation"],
    ["xử phạt", "penalty"],
    ["phạt", "penalty"],
    ["bị xử lý", "penalty"],
    ["truy cứu", "penalty"],
    ["nghiêm cấm", "stop"],
    ["cấm", "stop"],
    ["không cho", "stop"],
    ["không được", "stop"],
    ["hết hiệu lực", "stop"],
    ["hết giá trị", "stop"],
    ["hết hạn", "stop"],
    ["vô hiệu", "stop"],
    ["không còn", "stop"],
    ["không dùng được", "stop"],
    ["thu hồi", "stop"],
    ["tịch thu", "stop"],
    ["đình chỉ", "stop"],
    ["tạm dừng", "stop"],
    ["cắt", "stop", true],
    ["không tổ chức", "stop"],
    ["bãi bỏ", "stop"],
    ["xóa bỏ", "stop"],
    ["bỏ", "stop"],
    ["hủy", "stop"],
    ["ngừng", "stop"],
    // Typed without marks, "dung" is far more often "dùng" (use) than "dừng" (stop).
    ["dừng", "stop", true],
    ["mua sắm", "buy"],
    ["mua", "buy"],
    ["sắm", "buy"],
    ["trang bị", "buy"],
    ["đổi sang", "change"],
    ["cấp đổi", "change"],
    ["đổi", "change"],
    ["thay", "change"],
  ];

/** Words that turn what follows into its opposite. */
export const NEGATORS: ReadonlySet<string> = new Set(["không", "chẳng", "chả", "khỏi", "đừng", "chớ"]);

/**
 * A claim's "ai chưa đổi… sẽ bị phạt" says the change negated; in a message "chưa" (not yet) denies
 * nothing: "con em chưa đóng" still owes.
 */
export const CLAIM_NEGATORS: ReadonlySet<string> = new Set([...NEGATORS, "chưa"]);

/** The kinds that are a rumour's false element; buying and changing are only what it is about. */
export const CORE_ASSERTIONS: ReadonlySet<AssertionKind> = new Set(["fee", "obligation", "stop", "penalty"]);
