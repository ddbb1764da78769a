import type { RelayBoardRow } from "@loa-phuong/shared";
import { relayStatusLabels } from "../../../utils/staff-labels";

const number = new Intl.NumberFormat("vi-VN");
const order: RelayBoardRow["status"][] = ["confirmed", "shared", "open", "no_head"];

/** How many groups are at each step, and how many residents opened the post through their head's link. */
export function RelaySummary({ rows }: { rows: RelayBoardRow[] }) {
  const withHead = rows.filter((row) => row.status !== "no_head").length;
  const confirmed = rows.filter((row) => row.status === "confirmed").length;
  const opens = rows.reduce((sum, row) => sum + row.opens.uniqueResidents, 0);
  return (
    <>
      <p className="progress-text">
        <strong>
          {number.format(confirmed)}/{number.format(withHead)}
        </strong>{" "}
        tổ trưởng đã chuyển tiếp · <strong>{number.format(opens)}</strong> người dân mở bài qua link của tổ
        trưởng
      </p>
      <dl className="count-grid relay-counts">
        {order.map((status) => (
          <div key={status} className={`count-cell relay-count-${status}`}>
            <dt>{relayStatusLabels[status]}</dt>
            <dd>{number.format(rows.filter((row) => row.status === status).length)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
