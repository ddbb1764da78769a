import { formatCount } from "@loa-phuong/shared";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import type { Db } from "../store/database.js";
import { staffAccounts } from "../store/schema/index.js";
import type { ReportContent, ReportPeriod, ReportSection, ReportSigner } from "./report-content.js";
import { type ReportFigures, readReportFigures } from "./report-figures.js";
import {
  channelLabels,
  labelOf,
  noPushReasonLabels,
  postKindLabels,
  postStatusLabels,
  sentimentLabels,
  signalKindLabels,
} from "./report-labels.js";
import { formatShare, periodPhrase } from "./report-text.js";

export interface ReportOptions {
  /** The date of issue; now by default. */
  date?: Date;
  /** The registered number, when it has one. */
  number?: string;
  /** The staff account that signs: its name is printed. Without it the name is left to fill in. */
  signerStaffId?: string;
  /** Who signs; by default a vice-chairman for the chairman, on behalf of the People's Committee. */
  signer?: Omit<ReportSigner, "name">;
}

const DEFAULT_SIGNER = {
  onBehalfOf: "TM. ỦY BAN NHÂN DÂN",
  deputyFor: "KT. CHỦ TỊCH",
  title: "PHÓ CHỦ TỊCH",
};

/** "Phường Hồng Bàng" → "Hồng Bàng": the place name of the date line. */
const placeOf = (wardName: string) => wardName.replace(/^(phường|xã|thị trấn)\s+/i, "");
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
const count = formatCount;

/** The kind of a directive read from its symbol: "144-TB/TU" is a Thông báo, "354/KH-UBND" a Kế hoạch. */
const DIRECTIVE_TYPES: Record<string, string> = {
  TB: "Thông báo",
  KH: "Kế hoạch",
  CT: "Chỉ thị",
  NQ: "Nghị quyết",
  KL: "Kết luận",
  QĐ: "Quyết định",
  HD: "Hướng dẫn",
  CV: "Công văn",
};
function directivePhrase(d: { number?: string; date?: string; issuer?: string }): string | undefined {
  if (!d.number) return undefined;
  const symbol = d.number.split(/[-/]/)[1]?.toUpperCase() ?? "";
  const type = DIRECTIVE_TYPES[symbol] ?? "Văn bản";
  const [y, m, day] = (d.date ?? "").split("-");
  const date = y && m && day ? ` ngày ${day}/${m}/${y}` : "";
  return `${type} số ${d.number}${date}${d.issuer ? ` của ${d.issuer}` : ""}`;
}

/**
 * The report upward for one campaign and period, from the store: I. what was done (posts, reach by
 * channel, relay by residential group, residents' feedback), II. the assessment, III. what comes next.
 * Every figure is a query's; no name is invented.
 */
export async function reportContentFor(
  db: Db,
  wardId: string,
  campaignId: string,
  period: ReportPeriod,
  options: ReportOptions = {},
): Promise<ReportContent> {
  const figures = await readReportFigures(db, wardId, campaignId, period);
  if (!figures) throw notFound("chiến dịch");
  const [signer] = options.signerStaffId
    ? await db
        .select({ name: staffAccounts.displayName })
        .from(staffAccounts)
        .where(and(eq(staffAccounts.id, options.signerStaffId), eq(staffAccounts.wardId, wardId)))
    : [];
  const signerName = signer?.name;
  const { ward } = figures;
  const when = periodPhrase(period);
  const isFinal = period.kind === "final";
  return {
    issuer: { name: ["Ủy ban nhân dân", ward.name] },
    ...(options.number ? { number: options.number } : {}),
    symbol: "BC-UBND",
    place: placeOf(ward.name),
    date: options.date ?? new Date(),
    period,
    subject: isFinal
      ? `Tổng kết công tác ${lowerFirst(figures.campaign.title)}`
      : `Kết quả ${lowerFirst(figures.campaign.title)} ${when}`,
    opening: [openingOf({ ...figures, period }, when)],
    sections: [resultsSection(figures, when), assessmentSection(figures), outlookSection(figures)],
    closing: [
      `Trên đây là báo cáo ${isFinal ? "tổng kết công tác" : "kết quả"} ${lowerFirst(figures.campaign.title)}` +
        `${isFinal ? "" : ` ${when}`} của Ủy ban nhân dân ${lowerFirst(ward.name)}./.`,
    ],
    recipients: [
      ...figures.directiveIssuers.map((issuer) => `${issuer} (để báo cáo)`),
      "TT. HĐND - UBND phường",
      "Phòng Văn hóa - Xã hội",
      "Lưu: VT, VHXH",
    ],
    signer: { ...(options.signer ?? DEFAULT_SIGNER), ...(signerName ? { name: signerName } : {}) },
  };
}

function openingOf(f: ReportFigures & { period: ReportPeriod }, when: string): string {
  const cited = f.directives.map(directivePhrase).filter((p): p is string => !!p);
  const basis = cited.length ? `Thực hiện ${cited.join("; ")}; ` : "";
  const what = f.period.kind === "final" ? `tổng kết kết quả thực hiện trong ${when}` : `kết quả ${when}`;
  return `${basis}Ủy ban nhân dân ${lowerFirst(f.ward.name)} báo cáo ${what} như sau:`;
}

const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((total, row) => total + pick(row), 0);
const paragraph = (text: string) => ({ kind: "paragraph" as const, text });

function resultsSection(f: ReportFigures, when: string): ReportSection {
  const posts = sum(f.postsByKind, (r) => r.posts);
  const sends = sum(f.postsByKind, (r) => r.broadcasts);
  const pending = sum(f.postsPending, (r) => r.posts);
  const postsText = posts
    ? `Trong ${when}, phường đã phát hành ${count(posts)} tin bài với ${count(sends)} lượt gửi trên hệ thống ` +
      `Loa Phường (Zalo OA, Zalo Mini App), gồm: ` +
      `${f.postsByKind.map((r) => `${count(r.posts)} ${lowerFirst(postKindLabels[r.kind])}`).join(", ")}.`
    : `Trong ${when}, chưa có tin bài nào của kế hoạch được phát hành.`;
  const pendingParts = f.postsPending.map(
    (r) => `${count(r.posts)} ${lowerFirst(labelOf(postStatusLabels, r.status))}`,
  );
  const pendingText = pending
    ? ` Còn ${count(pending)} tin bài chưa phát hành (${pendingParts.join(", ")}).`
    : "";

  const deliveries = sum(f.reachByChannel, (r) => r.deliveries);
  const reached = f.residentsReached;
  const reachText =
    `Đến cuối kỳ, phường có ${count(f.residents.registered)} người dân đăng ký sử dụng Loa Phường, trong đó ` +
    `${count(f.residents.followers)} người quan tâm Zalo OA của phường. ` +
    (deliveries
      ? `Các tin bài đã được gửi trực tiếp đến điện thoại của ${count(reached.pushed)} người dân; ` +
        `${count(reached.seen)} người đã xem (${formatShare(reached.seen, reached.pushed)} số người nhận được tin); ` +
        `${count(reached.neverPushed)} người chưa nhận được tin trực tiếp, được tổ trưởng chuyển tiếp ` +
        "hoặc xem trên Mini App."
      : "Trong kỳ chưa có lượt gửi tin nào đến người dân.");
  const costTotal = sum(f.reachByChannel, (r) => r.costVnd);

  const relayTasks = sum(f.relayByGroup, (r) => r.tasks);
  const relayDone = sum(f.relayByGroup, (r) => r.done);
  const relayOpens = sum(f.relayByGroup, (r) => r.opens);
  const relayText = relayTasks
    ? `Tổ trưởng ${count(f.relayByGroup.length)} tổ dân phố nhận ${count(relayTasks)} nhiệm vụ chuyển tiếp tin ` +
      `vào nhóm Zalo của tổ, đã thực hiện ${count(relayDone)} nhiệm vụ (${formatShare(relayDone, relayTasks)}); ` +
      `người dân đã mở tin qua liên kết chuyển tiếp ${count(relayOpens)} lượt.`
    : "Trong kỳ không phát sinh nhiệm vụ chuyển tiếp tin qua tổ trưởng tổ dân phố.";

  const feedback = sum(f.feedbackByKind, (r) => r.signals);
  const worded = sum(f.feedbackBySentiment, (r) => r.signals);
  const feedbackText = feedback
    ? `Người dân đã gửi ${count(feedback)} lượt phản hồi về nội dung tuyên truyền (${f.feedbackByKind
        .map((r) => `${count(r.signals)} ${lowerFirst(signalKindLabels[r.kind])}`)
        .join(", ")}). Trong ${count(worded)} ý kiến bằng lời: ${f.feedbackBySentiment
        .map((r) => `${lowerFirst(sentimentLabels[r.sentiment])} ${count(r.signals)}`)
        .join(
          ", ",
        )}. Cán bộ đã xử lý ${count(feedback - f.feedbackOpen)} lượt, còn ${count(f.feedbackOpen)} ` +
      "lượt đang xử lý."
    : "Trong kỳ chưa ghi nhận phản hồi của người dân về nội dung tuyên truyền.";
  const repeats = sum(f.rumours, (r) => r.repeats);
  const rumourText = repeats
    ? `Hệ thống ghi nhận ${count(repeats)} lượt người dân nhắc lại ${count(f.rumours.length)} thông tin sai ` +
      "sự thật đã được phường xác định; các trường hợp này được gửi thông tin đính chính hoặc chuyển tổ trưởng " +
      "đính chính trong nhóm."
    : "Trong kỳ không ghi nhận lượt nhắc lại thông tin sai sự thật đã được phường xác định.";
  const opinionText = f.opinionReports.reports
    ? `Tổ trưởng và cộng tác viên dư luận xã hội đã gửi ${count(f.opinionReports.reports)} báo cáo dư luận ` +
      `(${count(f.opinionReports.reporters)} người báo cáo).`
    : "Trong kỳ chưa có báo cáo dư luận của tổ trưởng, cộng tác viên dư luận xã hội.";

  return {
    heading: "Kết quả thực hiện",
    blocks: [],
    subsections: [
      {
        heading: "Tin bài tuyên truyền",
        blocks: [
          paragraph(postsText + pendingText),
          ...(posts
            ? [
                {
                  kind: "table" as const,
                  table: {
                    id: "posts_by_kind",
                    caption: "Bảng 1. Tin bài đã phát hành theo loại",
                    columns: ["Loại tin bài", "Số tin bài", "Số lượt gửi"],
                    rows: [
                      ...f.postsByKind.map((r) => [postKindLabels[r.kind], r.posts, r.broadcasts]),
                      ["Tổng cộng", posts, sends],
                    ],
                  },
                },
              ]
            : []),
        ],
      },
      {
        heading: "Kết quả tiếp cận người dân",
        blocks: [
          paragraph(reachText),
          ...(deliveries
            ? [
                {
                  kind: "table" as const,
                  table: {
                    id: "reach_by_channel",
                    caption: "Bảng 2. Lượt gửi tin theo kênh",
                    columns: ["Kênh", "Lượt gửi", "Đã đến", "Đã xem", "Không gửi được", "Chi phí (đồng)"],
                    rows: [
                      ...f.reachByChannel.map((r) => [
                        channelLabels[r.channel] ?? r.channel,
                        r.deliveries,
                        r.pushed,
                        r.seen,
                        r.failed,
                        r.costVnd,
                      ]),
                      [
                        "Tổng cộng",
                        deliveries,
                        sum(f.reachByChannel, (r) => r.pushed),
                        sum(f.reachByChannel, (r) => r.seen),
                        sum(f.reachByChannel, (r) => r.failed),
                        costTotal,
                      ],
                    ],
                  },
                },
              ]
            : []),
        ],
      },
      {
        heading: "Chuyển tiếp tin qua tổ dân phố",
        blocks: [
          paragraph(relayText),
          ...(relayTasks
            ? [
                {
                  kind: "table" as const,
                  table: {
                    id: "relay_by_group",
                    caption: "Bảng 3. Chuyển tiếp tin theo tổ dân phố",
                    columns: ["Tổ dân phố", "Nhiệm vụ chuyển tiếp", "Đã chuyển tiếp", "Lượt mở tin"],
                    rows: f.relayByGroup.map((r) => [r.groupName, r.tasks, r.done, r.opens]),
                  },
                },
              ]
            : []),
        ],
      },
      {
        heading: "Ý kiến, phản hồi của Nhân dân và tình hình dư luận",
        blocks: [
          paragraph(feedbackText),
          ...(feedback
            ? [
                {
                  kind: "table" as const,
                  table: {
                    id: "feedback_by_kind",
                    caption: "Bảng 4. Phản hồi của người dân theo loại",
                    columns: ["Loại phản hồi", "Số lượt"],
                    rows: [
                      ...f.feedbackByKind.map((r) => [signalKindLabels[r.kind], r.signals]),
                      ["Tổng cộng", feedback],
                    ],
                  },
                },
              ]
            : []),
          paragraph(rumourText),
          ...(repeats
            ? [
                {
                  kind: "table" as const,
                  table: {
                    id: "rumours",
                    caption: "Bảng 5. Thông tin sai sự thật được nhắc lại",
                    columns: ["Nội dung", "Số lượt nhắc lại", "Đã có bài đính chính"],
                    rows: f.rumours.map((r) => [r.claim, r.repeats, r.hasClarification ? "Có" : "Chưa"]),
                  },
                },
              ]
            : []),
          paragraph(opinionText),
        ],
      },
    ],
  };
}

function assessmentSection(f: ReportFigures): ReportSection {
  const posts = sum(f.postsByKind, (r) => r.posts);
  const relayTasks = sum(f.relayByGroup, (r) => r.tasks);
  const relayDone = sum(f.relayByGroup, (r) => r.done);
  const strengths = [
    ...(posts
      ? [
          `Các tin bài được biên tập, phê duyệt trước khi phát hành; ${count(posts)} tin bài đến người dân ` +
            "qua Zalo OA, Zalo Mini App và tổ trưởng tổ dân phố, đúng nội dung đã được duyệt.",
        ]
      : []),
    ...(f.residentsReached.seen
      ? [`${count(f.residentsReached.seen)} người dân đã xem tin trực tiếp trên điện thoại.`]
      : []),
    ...(relayDone
      ? [
          `Tổ trưởng tổ dân phố đã chuyển tiếp ${count(relayDone)}/${count(relayTasks)} tin vào nhóm Zalo của tổ.`,
        ]
      : []),
  ];
  const reasons = f.noPushReasons.filter((r) => r.deliveries > 0);
  const unfinished = f.relayByGroup.filter((r) => r.done < r.tasks);
  const negative = f.feedbackBySentiment.find((r) => r.sentiment === "negative")?.signals ?? 0;
  const unanswered = f.rumours.filter((r) => !r.hasClarification);
  const difficulties = [
    ...(f.residentsReached.neverPushed
      ? [
          `${count(f.residentsReached.neverPushed)} người dân chưa nhận được tin trực tiếp trên điện thoại` +
            (reasons.length
              ? ` (số lượt: ${reasons
                  .map((r) => `${count(r.deliveries)} lượt vì ${labelOf(noPushReasonLabels, r.reason)}`)
                  .join("; ")})`
              : "") +
            ", phải trông vào tổ trưởng chuyển tiếp hoặc tự xem trên Mini App.",
        ]
      : []),
    ...(f.residents.registered > f.residents.followers
      ? [
          `${count(f.residents.registered - f.residents.followers)} người dân đã đăng ký chưa quan tâm Zalo OA ` +
            "của phường.",
        ]
      : []),
    ...(unfinished.length
      ? [
          `${count(unfinished.length)} tổ dân phố chưa chuyển tiếp đủ tin: ` +
            `${unfinished.map((r) => `${r.groupName} (${count(r.done)}/${count(r.tasks)})`).join(", ")}.`,
        ]
      : []),
    ...(negative
      ? [`${count(negative)} ý kiến của người dân mang sắc thái tiêu cực cần được giải đáp.`]
      : []),
    ...(f.feedbackOpen ? [`${count(f.feedbackOpen)} lượt phản hồi của người dân chưa được xử lý xong.`] : []),
    ...(unanswered.length
      ? [
          `${count(unanswered.length)} thông tin sai sự thật được nhắc lại chưa có bài đính chính được phát hành.`,
        ]
      : []),
  ];
  return {
    heading: "Đánh giá chung",
    blocks: [],
    subsections: [
      {
        heading: "Ưu điểm",
        blocks: (strengths.length ? strengths : ["Chưa có kết quả để đánh giá trong kỳ."]).map((t) =>
          paragraph(`- ${t}`),
        ),
      },
      {
        heading: "Khó khăn, hạn chế",
        blocks: (difficulties.length ? difficulties : ["Không ghi nhận khó khăn, hạn chế trong kỳ."]).map(
          (t) => paragraph(`- ${t}`),
        ),
      },
    ],
  };
}

function outlookSection(f: ReportFigures): ReportSection {
  const notFollowing = f.noPushReasons.some((r) => r.reason === "not_follower");
  const unfinished = f.relayByGroup.some((r) => r.done < r.tasks);
  const directions = [
    "Tiếp tục phát hành tin bài theo các nội dung của kế hoạch: " +
      `${f.campaign.themes.map(lowerFirst).join("; ")}.`,
    ...(notFollowing || f.residents.registered > f.residents.followers
      ? ["Vận động người dân quan tâm Zalo OA của phường và cho phép nhận thông báo để nhận tin trực tiếp."]
      : []),
    ...(unfinished ? ["Đôn đốc tổ trưởng các tổ dân phố chưa chuyển tiếp đủ tin."] : []),
    ...(f.feedbackOpen ? ["Giải đáp, xử lý dứt điểm các phản hồi của người dân còn tồn đọng."] : []),
    ...(f.rumours.some((r) => !r.hasClarification)
      ? ["Phát hành bài đính chính cho các thông tin sai sự thật chưa được đính chính."]
      : []),
  ];
  const proposals = [
    "Đề nghị các cơ quan cấp trên tiếp tục cung cấp tài liệu, định hướng nội dung tuyên truyền cho phường.",
  ];
  return {
    heading: "Phương hướng, kiến nghị",
    blocks: [],
    subsections: [
      { heading: "Phương hướng", blocks: directions.map((t) => paragraph(`- ${t}`)) },
      { heading: "Kiến nghị", blocks: proposals.map((t) => paragraph(`- ${t}`)) },
    ],
  };
}
