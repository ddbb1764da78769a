import type { RelayBoardRow } from "@loa-phuong/shared";
import { and, eq, sql } from "drizzle-orm";
import { notFound } from "../errors/app-error.js";
import { type Db, queryRows } from "../store/database.js";
import { broadcasts } from "../store/schema/index.js";

interface Row {
  group_id: string;
  group_name: string;
  head_id: string | null;
  head_name: string | null;
  task_id: string | null;
  status: string | null;
  shared_at: Date | string | null;
  confirmed_at: Date | string | null;
  reminded_at: Date | string | null;
  escalated_at: Date | string | null;
  opens_total: number;
  opens_unique: number;
  recipients: number;
  sent: number;
  delivered: number;
  seen: number;
  fallback: number;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/**
 * Per residential group the broadcast reached: its head, the relay task, opens through the head's link,
 * OA delivery.
 */
export async function relayBoard(db: Db, wardId: string, broadcastId: string): Promise<RelayBoardRow[]> {
  const [b] = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(eq(broadcasts.id, broadcastId), eq(broadcasts.wardId, wardId)));
  if (!b) throw notFound("đợt gửi");
  const rows = await queryRows<Row>(
    db,
    sql`with reached as (
          select r.residential_group_id as group_id, count(*)::int as recipients,
                 count(*) filter (where d.status in ('sent', 'delivered', 'seen'))::int as sent,
                 count(*) filter (where d.status in ('delivered', 'seen'))::int as delivered,
                 count(*) filter (where d.status = 'seen')::int as seen,
                 count(*) filter (where d.status = 'fallback')::int as fallback
          from deliveries d join residents r on r.id = d.resident_id
          where d.broadcast_id = ${broadcastId}::uuid and r.residential_group_id is not null
          group by r.residential_group_id
        )
        select g.id as group_id, g.name as group_name, h.id as head_id, h.full_name as head_name,
               t.id as task_id, t.status, t.shared_at, t.confirmed_at, t.reminded_at, t.escalated_at,
               (select count(*)::int from relay_opens o where o.relay_task_id = t.id) as opens_total,
               (select count(distinct o.resident_id)::int from relay_opens o
                where o.relay_task_id = t.id) as opens_unique,
               x.recipients, x.sent, x.delivered, x.seen, x.fallback
        from reached x join residential_groups g on g.id = x.group_id
        left join relay_tasks t on t.broadcast_id = ${broadcastId}::uuid and t.residential_group_id = g.id
        left join residents h on h.id = t.head_resident_id
        order by g.code`,
  );
  return rows.map((r) => ({
    residentialGroup: { id: r.group_id, name: r.group_name },
    head: r.head_id && r.head_name ? { id: r.head_id, name: r.head_name } : null,
    taskId: r.task_id,
    status: (r.status ?? "no_head") as RelayBoardRow["status"],
    sharedAt: iso(r.shared_at),
    confirmedAt: iso(r.confirmed_at),
    remindedAt: iso(r.reminded_at),
    escalatedAt: iso(r.escalated_at),
    opens: { total: r.opens_total ?? 0, uniqueResidents: r.opens_unique ?? 0 },
    oa: {
      recipients: r.recipients,
      sent: r.sent,
      delivered: r.delivered,
      seen: r.seen,
      fallback: r.fallback,
    },
  }));
}

const STATUS_VI: Record<string, string> = {
  open: "Chưa chuyển",
  shared: "Đã mở chia sẻ",
  confirmed: "Đã chuyển tiếp",
  no_head: "Chưa có tổ trưởng",
};

/**
 * One CSV cell. Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR: a
 * group or a head may be named so) is opened with an apostrophe, which shows it as plain text.
 */
export function cell(value: string | number | null): string {
  const raw = value === null ? "" : String(value);
  const text = typeof value === "string" && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a BOM so spreadsheet programs read the Vietnamese right; times in ward time. */
export function relayBoardCsv(rows: RelayBoardRow[], formatDateTime: (iso: string) => string): string {
  const header = [
    "Tổ dân phố",
    "Tổ trưởng",
    "Trạng thái",
    "Xác nhận lúc",
    "Đã nhắc",
    "Đã báo cán bộ",
    "Lượt mở (người)",
    "Lượt mở (tổng)",
    "Người nhận",
    "Đã gửi OA",
    "Đã nhận",
    "Đã xem",
    "Chuyển kênh",
  ];
  const lines = rows.map((r) =>
    [
      r.residentialGroup.name,
      r.head?.name ?? null,
      STATUS_VI[r.status] ?? r.status,
      r.confirmedAt ? formatDateTime(r.confirmedAt) : null,
      r.remindedAt ? "Có" : "Không",
      r.escalatedAt ? "Có" : "Không",
      r.opens.uniqueResidents,
      r.opens.total,
      r.oa.recipients,
      r.oa.sent,
      r.oa.delivered,
      r.oa.seen,
      r.oa.fallback,
    ]
      .map(cell)
      .join(","),
  );
  return `\uFEFF${[header.map(cell).join(","), ...lines].join("\r\n")}\r\n`;
}
