import {
  formatDate,
  fromWardClock,
  type MessageKind,
  type OpinionDashboard,
  type Sentiment,
  type SentimentCounts,
  type SentimentSeries,
  type SignalKind,
  type Toxicity,
  wardClock,
} from "@loa-phuong/shared";
import { sql } from "drizzle-orm";
import { clusterMessages } from "../opinion/clusters.js";
import { type Db, queryRows } from "../store/database.js";
import { type GroupRow, loadWardGroups, type WardGroups } from "./opinion-groups.js";
import { UNTHEMED_KEY, UNTHEMED_LABEL } from "./opinion-spikes.js";

const DAY_MS = 86_400_000;
/** The most recent messages of the period weighed for clusters: enough for a ward's busy fortnight. */
const CLUSTER_SAMPLE = 5_000;
const TOP_CLUSTERS = 8;

/** The period: the last `days` ward days, today included, up to now. */
export function opinionPeriod(days: number, now = new Date()): { from: Date; to: Date; dates: string[] } {
  const today = wardClock(now);
  const midnight = fromWardClock({ year: today.year, month: today.month, day: today.day });
  const from = new Date(midnight.getTime() - (days - 1) * DAY_MS);
  const dates = Array.from({ length: days }, (_, i) => formatDate(new Date(from.getTime() + i * DAY_MS + 1)));
  return { from, to: now, dates };
}

/** The day column of a signal, in ward time, as the dates list writes it. */
const wardDate = sql`to_char(s.sent_at at time zone 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY')`;
/** A signal's themes, or one null for "Chưa phân loại" once the labeller found none. */
const themeIds = sql`unnest(case when coalesce(cardinality(s.themes), 0) = 0 then array[null::uuid] else s.themes end)`;

interface CountRow {
  key: string | null;
  date: string;
  sentiment: Sentiment | null;
  labelled: boolean;
  n: number;
}

/**
 * What residents feel and say over the period, for staff: sentiment by theme and by residential group day
 * by day, the biggest clusters of near-duplicate messages, rumours by group, the share of toxic words,
 * questions waiting for an answer and open spike alerts. No aggregate names a group under 5 residents.
 */
export async function opinionDashboard(db: Db, wardId: string, days: number, now = new Date()) {
  const { from, to, dates } = opinionPeriod(days, now);
  const groups = await loadWardGroups(db, wardId);
  const inPeriod = sql`s.ward_id = ${wardId} and s.text is not null and s.sent_at >= ${from} and s.sent_at <= ${to}`;

  const [themeRows, groupRows, themes, totals] = await Promise.all([
    queryRows<CountRow>(
      db,
      sql`select t.theme_id as key, ${wardDate} as date, s.sentiment, s.labelled_at is not null as labelled,
                 count(*)::int as n
          from signals s cross join lateral ${themeIds} as t(theme_id)
          where ${inPeriod}
          group by 1, 2, 3, 4`,
    ),
    queryRows<CountRow>(
      db,
      sql`select s.residential_group_id as key, ${wardDate} as date, s.sentiment, true as labelled, count(*)::int as n
          from signals s where ${inPeriod}
          group by 1, 2, 3`,
    ),
    queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from opinion_themes where ward_id = ${wardId}`,
    ),
    queryRows<{ messages: number; labelled: number; toxic: number }>(
      db,
      sql`select count(*)::int as messages, count(s.toxicity)::int as labelled,
                 count(*) filter (where s.toxicity in ('offensive', 'hate'))::int as toxic
          from signals s where ${inPeriod}`,
    ),
  ]);
  const themeNames = new Map(themes.map((t) => [t.id, t.name]));
  // A message not labelled yet has no theme to count under: it waits for the labeller, not "Chưa phân loại".
  const byTheme = series(
    themeRows.filter((r) => r.key !== null || r.labelled),
    dates,
    (key) => ({ key: key ?? UNTHEMED_KEY, label: key ? (themeNames.get(key) ?? "") : UNTHEMED_LABEL }),
  );
  const byGroup = series(groupRows, dates, (key) => groups.rowOf(key));
  const total = totals[0] ?? { messages: 0, labelled: 0, toxic: 0 };

  const result: OpinionDashboard = {
    dates,
    from: from.toISOString(),
    to: to.toISOString(),
    totals: { ...total, toxicShare: total.labelled === 0 ? 0 : total.toxic / total.labelled },
    byTheme,
    byGroup,
    topClusters: await topClusters(db, groups, inPeriod),
    rumours: await rumoursByGroup(db, groups, inPeriod),
    questionsWaiting: await questionsWaiting(db, wardId),
    spikes: await openSpikes(db, wardId),
  };
  return result;
}

/** Counts folded into rows (the privacy fold merges small groups), each with its days in order. */
function series(
  rows: CountRow[],
  dates: string[],
  rowOf: (key: string | null) => Pick<GroupRow, "key" | "label">,
): SentimentSeries[] {
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const out = new Map<string, SentimentSeries>();
  for (const row of rows) {
    const { key, label } = rowOf(row.key);
    let entry = out.get(key);
    if (!entry) {
      entry = { key, label, total: 0, sentiment: zero(), byDay: dates.map(zero) };
      out.set(key, entry);
    }
    entry.total += row.n;
    const day = dayIndex.get(row.date);
    if (!row.sentiment) continue;
    entry.sentiment[row.sentiment] += row.n;
    if (day !== undefined) (entry.byDay[day] as SentimentCounts)[row.sentiment] += row.n;
  }
  return [...out.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "vi"));
}

function zero(): SentimentCounts {
  return { negative: 0, neutral: 0, positive: 0 };
}

async function topClusters(db: Db, groups: WardGroups, inPeriod: ReturnType<typeof sql>) {
  const rows = await queryRows<{
    id: number;
    text: string;
    group_id: string | null;
    sent_at: Date | string;
    toxicity: Toxicity | null;
  }>(
    db,
    sql`select s.id, s.text, s.residential_group_id as group_id, s.sent_at, s.toxicity from signals s
        where ${inPeriod} order by s.sent_at desc limit ${CLUSTER_SAMPLE}`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const clusters = clusterMessages(
    rows.map((r) => ({ id: r.id, text: r.text, groupId: r.group_id, sentAt: new Date(r.sent_at) })),
  );
  return clusters.slice(0, TOP_CLUSTERS).map((c) => {
    // Shown words are clean ones when the cluster has any: offensive words stay blurred otherwise.
    const isClean = (id: number) => (byId.get(id)?.toxicity ?? "clean") === "clean";
    const shownId = isClean(c.representative)
      ? c.representative
      : (c.members.find(isClean) ?? c.representative);
    const labels = [...new Set(c.members.map((id) => groups.rowOf(byId.get(id)?.group_id ?? null).label))];
    return {
      count: c.count,
      text: byId.get(shownId)?.text ?? c.representativeText,
      isToxic: !isClean(shownId),
      groups: labels,
      firstAt: c.firstAt.toISOString(),
      lastAt: c.lastAt.toISOString(),
    };
  });
}

async function rumoursByGroup(db: Db, groups: WardGroups, inPeriod: ReturnType<typeof sql>) {
  const rows = await queryRows<{ claim_id: string; claim: string; group_id: string | null; n: number }>(
    db,
    sql`select c.id as claim_id, c.claim, s.residential_group_id as group_id, count(*)::int as n
        from signals s join rumour_claims c on c.id = s.rumour_claim_id
        where ${inPeriod}
        group by c.id, c.claim, s.residential_group_id`,
  );
  const claims = new Map<
    string,
    { claimId: string; claim: string; total: number; groups: Map<string, number> }
  >();
  for (const row of rows) {
    let claim = claims.get(row.claim_id);
    if (!claim) {
      claim = { claimId: row.claim_id, claim: row.claim, total: 0, groups: new Map() };
      claims.set(row.claim_id, claim);
    }
    const { label } = groups.rowOf(row.group_id);
    claim.total += row.n;
    claim.groups.set(label, (claim.groups.get(label) ?? 0) + row.n);
  }
  return [...claims.values()]
    .sort((a, b) => b.total - a.total || a.claim.localeCompare(b.claim, "vi"))
    .map(({ groups: byLabel, ...claim }) => ({
      ...claim,
      byGroup: [...byLabel]
        .map(([label, messages]) => ({ label, messages }))
        .sort((a, b) => b.messages - a.messages),
    }));
}

/** A question is answered once a staff reply reached the resident (sent, delivered, seen, or shown in the feed). */
const answered = sql`exists (select 1 from signal_replies r where r.signal_id = s.id
                             and r.status in ('sent', 'delivered', 'seen', 'shown'))`;

async function questionsWaiting(db: Db, wardId: string) {
  const [row] = await queryRows<{ count: number; oldest: Date | string | null }>(
    db,
    sql`select count(*)::int as count, min(s.sent_at) as oldest from signals s
        where s.ward_id = ${wardId} and s.status = 'open' and s.text is not null
          and (s.kind = 'question' or s.message_kind = 'question') and not ${answered}`,
  );
  return { count: row?.count ?? 0, oldestAt: row?.oldest ? new Date(row.oldest).toISOString() : null };
}

async function openSpikes(db: Db, wardId: string) {
  const rows = await queryRows<{
    id: string;
    message: string;
    created_at: Date | string;
    details: { themeName?: string; groupLabel?: string; recent?: number; dailyMean?: number } | null;
  }>(
    db,
    sql`select id, message, created_at, details from staff_alerts
        where ward_id = ${wardId} and kind = 'opinion_spike' and read_at is null
        order by created_at desc limit 20`,
  );
  return rows.map((a) => ({
    id: a.id,
    message: a.message,
    createdAt: new Date(a.created_at).toISOString(),
    theme: a.details?.themeName ?? "",
    group: a.details?.groupLabel ?? "",
    recent: a.details?.recent ?? 0,
    dailyMean: a.details?.dailyMean ?? 0,
  }));
}

const SIGNAL_KIND_VI: Record<SignalKind, string> = {
  question: "Câu hỏi",
  comment: "Góp ý",
  report: "Phản ánh",
  nomination: "Đề cử điển hình",
  reaction: "Bày tỏ cảm xúc",
  poll_answer: "Trả lời khảo sát",
  oa_message: "Tin nhắn gửi OA",
  opinion_report: "Báo cáo dư luận",
  message_check: "Tổ trưởng nhờ kiểm tra tin",
};
const MESSAGE_KIND_VI: Record<MessageKind, string> = {
  question: "Hỏi",
  complaint: "Phàn nàn, phản ánh",
  proposal: "Đề xuất",
  praise: "Khen ngợi",
  rumour: "Tin đồn, nghi vấn",
  other: "Khác",
};
const SENTIMENT_VI: Record<Sentiment, string> = {
  negative: "Tiêu cực",
  neutral: "Trung tính",
  positive: "Tích cực",
};
const TOXICITY_VI: Record<Toxicity, string> = {
  clean: "Bình thường",
  offensive: "Xúc phạm",
  hate: "Thù ghét",
};

/** dd/mm/yyyy HH:mm in ward time, as spreadsheet readers in the ward write a moment. */
function csvDateTime(at: Date): string {
  const c = wardClock(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(c.day)}/${two(c.month)}/${c.year} ${two(c.hour)}:${two(c.minute)}`;
}

function cell(value: string | number | null): string {
  const raw = value === null ? "" : String(value);
  // A cell a spreadsheet would run as a formula is written as text.
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The period's labelled signals as CSV (UTF-8 with a BOM so spreadsheet programs read the Vietnamese):
 * when, the group (folded under 5 residents), what was sent, the labels, the rumour, the status. No
 * words, names or Zalo ids: a row points at no one.
 */
export async function opinionCsv(db: Db, wardId: string, days: number, now = new Date()): Promise<string> {
  const { from, to } = opinionPeriod(days, now);
  const groups = await loadWardGroups(db, wardId);
  const rows = await queryRows<{
    sent_at: Date | string;
    group_id: string | null;
    kind: SignalKind;
    message_kind: MessageKind | null;
    sentiment: Sentiment | null;
    toxicity: Toxicity | null;
    themes: string | null;
    claim: string | null;
    status: "open" | "handled";
  }>(
    db,
    sql`select s.sent_at, s.residential_group_id as group_id, s.kind, s.message_kind, s.sentiment, s.toxicity,
               (select string_agg(t.name, '; ' order by t.name) from opinion_themes t
                where t.id = any(s.themes)) as themes,
               c.claim, s.status
        from signals s left join rumour_claims c on c.id = s.rumour_claim_id
        where s.ward_id = ${wardId} and s.labelled_at is not null
          and s.sent_at >= ${from} and s.sent_at <= ${to}
        order by s.sent_at, s.id`,
  );
  const header = [
    "Thời gian",
    "Tổ dân phố",
    "Loại tín hiệu",
    "Loại tin",
    "Cảm xúc",
    "Mức độ độc hại",
    "Chủ đề",
    "Tin đồn",
    "Trạng thái",
  ];
  const lines = rows.map((r) =>
    [
      csvDateTime(new Date(r.sent_at)),
      groups.rowOf(r.group_id).label,
      SIGNAL_KIND_VI[r.kind] ?? r.kind,
      r.message_kind ? (MESSAGE_KIND_VI[r.message_kind] ?? r.message_kind) : null,
      r.sentiment ? SENTIMENT_VI[r.sentiment] : null,
      r.toxicity ? TOXICITY_VI[r.toxicity] : null,
      r.themes ?? UNTHEMED_LABEL,
      r.claim,
      r.status === "handled" ? "Đã xử lý" : "Đang mở",
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...lines].join("\r\n")}\r\n`;
}
