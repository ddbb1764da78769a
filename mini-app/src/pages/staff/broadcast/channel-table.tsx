import type { BroadcastProgress } from "@loa-phuong/shared";
import { byChannelOrder, channelLabel, formatCount, formatVnd } from "../../../utils/channel-labels";
import { hasReceipts, reachedCounts } from "./receipt-counts";

type ChannelRow = BroadcastProgress["channels"][number];

/** The columns after "Người nhận": the receipts cumulative, as the counts above them. */
const columns: { label: string; cell(row: ChannelRow): number | null }[] = [
  { label: "Đã gửi", cell: (row) => reachedCounts(row.counts).sent },
  // Only messages in the OA's chat have receipts: elsewhere the cell says there are none, not "0".
  {
    label: "Đã nhận",
    cell: (row) => (hasReceipts(row.channel) ? reachedCounts(row.counts).delivered : null),
  },
  { label: "Đã xem", cell: (row) => (hasReceipts(row.channel) ? reachedCounts(row.counts).seen : null) },
  { label: "Chuyển kênh", cell: (row) => row.counts.fallback ?? 0 },
  { label: "Lỗi", cell: (row) => row.counts.failed ?? 0 },
];

/**
 * "Theo kênh": what the broadcast cost (and its budget), how far it got on each channel, and for an
 * urgent post the reminders by ZBS to a phone number.
 */
export function ChannelTable({ progress }: { progress: BroadcastProgress }) {
  const { broadcast, escalation } = progress;
  const channels = byChannelOrder(progress.channels);
  const escalated = escalation.sent + escalation.failed + escalation.pending;
  return (
    <section className="staff-card" aria-labelledby="channel-table-heading">
      <h2 id="channel-table-heading" className="section-title section-title-first">
        Theo kênh
      </h2>
      <p>
        Chi phí: <strong>{formatVnd(broadcast.costVnd)}</strong>
        {broadcast.budgetVnd !== null && (
          <>
            {" · "}Ngân sách tối đa: <strong>{formatVnd(broadcast.budgetVnd)}</strong>
          </>
        )}
        {broadcast.excludePaidChannels && " · Không dùng kênh trả phí"}
      </p>
      {escalated > 0 && (
        <p>
          Nhắc lại qua ZBS số điện thoại: đã gửi <strong>{formatCount(escalation.sent)}</strong>
          {escalation.failed > 0 && <>, lỗi {formatCount(escalation.failed)}</>}
          {escalation.pending > 0 && <>, đang chờ {formatCount(escalation.pending)}</>}
        </p>
      )}
      {channels.length === 0 ? (
        <p className="muted">Chưa có người nhận nào được xếp kênh.</p>
      ) : (
        <div className="table-scroll">
          <table className="group-table">
            <caption className="visually-hidden">Tiến độ gửi theo kênh</caption>
            <thead>
              <tr>
                <th scope="col">Kênh</th>
                <th scope="col">Người nhận</th>
                {columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {channels.map((row) => (
                <tr key={row.channel}>
                  <th scope="row">{channelLabel(row.channel)}</th>
                  <td>{formatCount(row.total)}</td>
                  {columns.map((column) => {
                    const count = column.cell(row);
                    return (
                      <td key={column.label}>
                        {count === null ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="visually-hidden">không có báo nhận</span>
                          </>
                        ) : (
                          formatCount(count)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
