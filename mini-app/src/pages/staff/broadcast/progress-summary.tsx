import type { BroadcastProgress } from "@loa-phuong/shared";
import { reasonLabel, settledStatuses } from "../../../utils/staff-labels";
import { cumulativeCounts, receiptsNote } from "./receipt-counts";

const number = new Intl.NumberFormat("vi-VN");

/** Percent settled, never shown as 100 before every row is really done. */
export function settledPercent(ratio: number): number {
  if (ratio >= 1) return 100;
  return Math.max(0, Math.floor(ratio * 100));
}

/** The progress bar, counts by state, and why deliveries failed or went to the Mini App feed. */
export function ProgressSummary({ progress }: { progress: BroadcastProgress }) {
  const counts = progress.broadcast.counts;
  const settled = settledStatuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  const percent = settledPercent(progress.settledRatio);
  const failures = progress.reasons.filter((reason) => reason.status === "failed");
  const fallbacks = progress.reasons.filter((reason) => reason.status === "fallback");
  const isCancelled = progress.broadcast.status === "cancelled";
  // Rows closed by the cancel were never sent: they are not "done", and not errors of sending.
  const notSent =
    progress.reasons.find((reason) => reason.status === "failed" && reason.reason === "cancelled")?.count ??
    0;
  const reached = (counts.sent ?? 0) + (counts.delivered ?? 0) + (counts.seen ?? 0);

  return (
    <section className="staff-card" aria-labelledby="progress-heading">
      <h2 id="progress-heading" className="section-title section-title-first">
        Tiến độ
      </h2>
      {isCancelled && (
        <p className="hint-box" role="note">
          {progress.total === 0
            ? "Đợt gửi đã bị hủy trước khi bắt đầu: chưa ai nhận tin."
            : `Đợt gửi đã bị hủy: ${number.format(reached)} người đã nhận tin trước khi hủy, ` +
              `${number.format(notSent)} người không được gửi.`}
        </p>
      )}
      <div
        className={isCancelled ? "progress-track progress-cancelled" : "progress-track"}
        role="progressbar"
        aria-label="Tiến độ gửi"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${settled}/${progress.total} người nhận đã xử lý xong`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress-text">
        <strong>
          {number.format(settled)}/{number.format(progress.total)}
        </strong>{" "}
        đã xử lý xong ({percent}%)
      </p>
      <dl className="count-grid" aria-describedby="receipts-note">
        {cumulativeCounts(counts).map(({ key, label, count }) => (
          <div key={key} className={count > 0 && key === "failed" ? "count-cell count-alarm" : "count-cell"}>
            <dt>{label}</dt>
            <dd>{number.format(count)}</dd>
          </div>
        ))}
      </dl>
      <p id="receipts-note" className="field-hint">
        {receiptsNote}
      </p>
      <ReasonList title="Lý do lỗi" reasons={failures} />
      <ReasonList title="Lý do chuyển kênh (người dân xem trong Mini App)" reasons={fallbacks} />
    </section>
  );
}

function ReasonList({ title, reasons }: { title: string; reasons: BroadcastProgress["reasons"] }) {
  if (reasons.length === 0) return null;
  return (
    <>
      <h3 className="subsection-title">{title}</h3>
      <ul className="reason-list">
        {reasons.map((reason) => (
          <li key={`${reason.status}:${reason.reason}`}>
            <span>{reasonLabel(reason.reason)}</span> <strong>{number.format(reason.count)}</strong>
          </li>
        ))}
      </ul>
    </>
  );
}
