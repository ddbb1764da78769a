// The kind of a message: what the resident does with their words (asks, complains or reports, proposes,
// praises, passes on a claim), read without a labelled corpus: the way they sent it is a prior, and
// Vietnamese cue phrases (with or without diacritics, chat style written out by the analyser) weigh in.
// Staff corrections teach it at once (staff-lessons.ts).
import {
  type AnalyzedText,
  analyzeVietnamese,
  type MessageKind,
  messageKinds,
  type SignalKind,
} from "@loa-phuong/shared";
import { PhraseSet } from "./phrases.js";
import type { StaffLessons } from "./staff-lessons.js";

/** Recorded in label_sources.kind; "+staff-N" when N staff-labelled texts taught it. */
export const MESSAGE_KIND_VERSION = "kind-cues-1";

type Kind = Exclude<MessageKind, "other">;

/**
 * Cue phrases and their weights. A phrase ending in " $" counts only where a clause ends ("… không?").
 * Weights: 3 says the kind nearly alone ("cho em hỏi", "kiến nghị"), 2 a clear sign, 1 a hint.
 */
const CUES: Record<Kind, [string, number][]> = {
  question: [
    ["?", 2],
    ["cho em hỏi", 3],
    ["cho tôi hỏi", 3],
    ["cho cháu hỏi", 3],
    ["cho mình hỏi", 3],
    ["cho hỏi", 3],
    ["xin hỏi", 3],
    ["hỏi", 1],
    ["không ạ", 2],
    ["chưa ạ", 2],
    ["vậy ạ", 2],
    ["không $", 1.5],
    ["chưa $", 1.5],
    ["có phải", 2],
    ["phải không", 2],
    ["bao giờ", 2],
    ["khi nào", 2],
    ["ở đâu", 2],
    ["chỗ nào", 2],
    ["làm sao", 1.5],
    ["như thế nào", 2],
    ["thế nào", 1.5],
    ["được không", 2],
    ["bao nhiêu", 2],
    ["mấy giờ", 2],
    ["là gì", 2],
    ["gì ạ", 2],
    ["ai ạ", 2],
    ["có cần", 1.5],
    ["có được", 1],
    ["không biết", 1],
    ["thủ tục", 1],
    ["hả $", 1.5],
    ["nhỉ $", 1],
    ["sao ạ", 2],
    ["tại sao", 2],
    ["vì sao", 2],
    ["nào ạ", 2],
    ["nào thế", 2],
    ["nào vậy", 2],
    ["thế ạ", 2],
    ["nào", 1],
  ],
  complaint: [
    ["bức xúc", 3],
    ["phản ánh", 2.5],
    ["khiếu nại", 3],
    ["tố cáo", 3],
    ["ngập", 2],
    ["mất điện", 2.5],
    ["mất nước", 2.5],
    ["cúp điện", 2.5],
    ["rác", 1.5],
    ["ồn ào", 2],
    ["ồn quá", 2],
    ["tiếng ồn", 2],
    ["xuống cấp", 2],
    ["đề nghị xử lý", 3],
    ["đề nghị kiểm tra", 2.5],
    ["nhờ phường kiểm tra", 2.5],
    ["xử lý giúp", 2],
    ["bị hư", 2],
    ["hư hỏng", 2],
    ["bị hỏng", 2],
    ["hỏng rồi", 2],
    ["bị tắc", 2],
    ["tắc nghẽn", 2],
    ["ổ gà", 2],
    ["bốc mùi", 2],
    ["hôi thối", 2],
    ["ô nhiễm", 2],
    ["lấn chiếm", 2.5],
    ["mất trộm", 2],
    ["trộm", 1.5],
    ["đánh nhau", 2],
    ["nguy hiểm", 1.5],
    ["không ai", 1.5],
    ["vẫn chưa", 1.5],
    ["quá chậm", 2],
    ["chậm trễ", 2],
    ["chậm quá", 2],
    ["bụi", 1.5],
    ["quá tệ", 2],
    ["rất tệ", 2],
    ["thật tệ", 2],
    ["tệ quá", 2],
    ["kém", 1],
    ["quá đáng", 2],
    ["ùn tắc", 2],
    ["kẹt xe", 2],
    ["sụt lún", 2],
    ["tràn ra", 2],
    ["nước tràn", 2],
    ["đổ trộm", 2.5],
    ["thả rông", 2],
    ["nhũng nhiễu", 3],
    ["gây khó dễ", 3],
    ["hách dịch", 3],
    ["vô trách nhiệm", 2.5],
    ["mấy ngày nay", 1],
    ["suốt", 1],
    ["không chịu nổi", 2.5],
    ["thất vọng", 2],
  ],
  proposal: [
    ["đề xuất", 3],
    ["kiến nghị", 3],
    ["góp ý", 2.5],
    ["đề nghị phường", 2.5],
    ["mong phường", 2.5],
    ["xin phường", 2],
    ["rất mong", 2],
    ["mong muốn", 2],
    ["mong", 1],
    ["hy vọng", 1],
    ["hi vọng", 1],
    ["nên", 1.5],
    ["nên có", 2],
    ["cần có", 2],
    ["cần phải", 1.5],
    ["cần được", 1.5],
    ["rất cần", 1.5],
    ["nếu có thể", 2],
    ["nếu được", 1.5],
    ["giá như", 2],
    ["thêm", 1],
    ["bổ sung", 1.5],
    ["lắp thêm", 2],
    ["mở thêm", 2],
    ["tổ chức thêm", 2],
    ["nên chăng", 3],
    ["ý tưởng", 2],
    ["sáng kiến", 2],
  ],
  praise: [
    ["cảm ơn", 2],
    ["cám ơn", 2],
    ["cảm ơn phường", 3],
    ["tuyệt vời", 2.5],
    ["khen", 2.5],
    ["biểu dương", 3],
    ["đề cử", 2.5],
    ["tuyên dương", 3],
    ["ghi nhận", 1.5],
    ["nhiệt tình", 2],
    ["chu đáo", 2],
    ["tận tình", 2],
    ["tận tâm", 2],
    ["gương mẫu", 2],
    ["tấm gương", 2.5],
    ["xứng đáng", 2],
    ["hài lòng", 2],
    ["hay quá", 2],
    ["đẹp quá", 2],
    ["sạch đẹp", 1.5],
    ["rất tốt", 1.5],
    ["ấm lòng", 2],
    ["cảm động", 2],
    ["trân trọng", 1.5],
    ["hoan nghênh", 2.5],
    ["giỏi quá", 2],
    ["rất giỏi", 2],
    ["vui", 1],
    ["tốt bụng", 2],
    ["chăm chỉ", 1.5],
    ["đáng khen", 3],
    ["gần gũi", 1.5],
    ["tận tụy", 2],
  ],
  rumour: [
    ["nghe nói", 2.5],
    ["nghe đồn", 3],
    ["tin đồn", 2.5],
    ["thấy bảo", 2],
    ["nghe bảo", 2.5],
    ["người ta nói", 2],
    ["chuyển tiếp", 2],
    ["khẩn", 1.5],
    ["nóng", 1],
    ["tin nóng", 2.5],
    ["sắp bị phạt", 2.5],
    ["bị phạt", 1],
    ["share gấp", 3],
    ["chia sẻ gấp", 3],
    ["chia sẻ ngay", 2.5],
    ["gửi cho mọi người", 2],
    ["lan truyền", 2],
    ["truyền tai", 3],
    ["xôn xao", 2],
    ["trên mạng", 1.5],
    ["cảnh báo", 1.5],
    ["thông tin mật", 2.5],
    ["có thật không", 2.5],
    ["thật không", 1.5],
    ["bắt buộc", 1],
  ],
};

/** The way a signal came in, as a prior over what it does: a question box holds mostly questions. */
const PRIORS: Partial<Record<SignalKind, Partial<Record<MessageKind, number>>>> = {
  question: { question: 1.5 },
  report: { complaint: 1.5 },
  nomination: { praise: 2 },
  message_check: { rumour: 1.5 },
};

/** What a kind must outscore: a message with no cue stays "other". */
const OTHER_SCORE = 1.5;
/** Rumour cues this strong say hearsay is passed on, even inside a question. */
const HEARSAY = 2.5;
/** Each cue learned from staff corrections (at most LEARNED_CAP in all per kind). */
const LEARNED_WEIGHT = 1.5;
const LEARNED_CAP = 3;

const KINDS = Object.keys(CUES) as Kind[];
const phraseSet = new PhraseSet(KINDS.flatMap((kind) => CUES[kind].map(([phrase]) => phrase)));
const phraseKind = KINDS.flatMap((kind) => CUES[kind].map(([, weight]) => ({ kind, weight })));

export interface MessageKindInput {
  text: string | AnalyzedText;
  /** How the signal came in. */
  signalKind?: SignalKind;
  /** Whether the rumour matcher found a known false claim in it. */
  rumourMatched?: boolean;
}

export interface MessageKindReading {
  kind: MessageKind;
  /** Per kind (in `messageKinds` order) the summed evidence. */
  scores: Record<MessageKind, number>;
  /** "staff" when the text nearly repeats one staff labelled, "matcher" when it repeats a known claim. */
  by: "cues" | "staff" | "matcher";
}

/** Reads the kind of one message; `lessons` from staff corrections, when the ward has any. */
export function readMessageKind(input: MessageKindInput, lessons?: StaffLessons): MessageKindReading {
  const text = typeof input.text === "string" ? analyzeVietnamese(input.text) : input.text;
  const scores = Object.fromEntries(messageKinds.map((k) => [k, 0])) as Record<MessageKind, number>;
  scores.other = OTHER_SCORE;
  for (const [kind, prior] of Object.entries(PRIORS[input.signalKind ?? "oa_message"] ?? {}))
    scores[kind as MessageKind] += prior;
  for (const index of phraseSet.find(text)) {
    const { kind, weight } = phraseKind[index]!;
    scores[kind] += weight;
  }
  // Asking whether hearsay is true passes the claim on all the same ("nghe nói … có đúng không?").
  if (scores.rumour >= HEARSAY) scores.rumour += scores.question / 2;
  if (lessons) {
    for (const [kind, count] of lessons.cues(text))
      if (kind in scores) scores[kind as MessageKind] += LEARNED_WEIGHT * Math.min(count, LEARNED_CAP);
  }
  // The rumour matcher is precise (at least 0.95 on claims it never saw): a message repeating a known
  // false claim passes it on, even asking whether it is true.
  if (input.rumourMatched) return { kind: "rumour", scores, by: "matcher" };
  const repeated = lessons?.nearest(text)?.[0];
  if (repeated && repeated in scores) return { kind: repeated as MessageKind, scores, by: "staff" };
  let best: MessageKind = "other";
  for (const kind of messageKinds) if (scores[kind] > scores[best]) best = kind;
  return { kind: best, scores, by: "cues" };
}
