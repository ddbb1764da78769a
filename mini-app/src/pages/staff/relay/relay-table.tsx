import type { RelayBoardRow } from "@loa-phuong/shared";
import { formatDateTime } from "@loa-phuong/shared/client";
import { type ReactNode, useState } from "react";
import { relayStatusLabels } from "../../../utils/staff-labels";
import { nextSort, type RelaySort, type RelaySortKey, sortRelayRows } from "./relay-sort";

const number = new Intl.NumberFormat("vi-VN");

/** The relay board: one row per residential group, sortable by every column that has a button. */
export function RelayTable({ rows }: { rows: RelayBoardRow[] }) {
  const [sort, setSort] = useState<RelaySort>({ key: "group", isAscending: true });
  const sorted = sortRelayRows(rows, sort);
  const ariaSort = (key: RelaySortKey) =>
    sort.key === key ? (sort.isAscending ? "ascending" : "descending") : "none";
  const header = (key: RelaySortKey, label: ReactNode, isNumeric = false) => (
    <th scope="col" aria-sort={ariaSort(key)} className={isNumeric ? "num" : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((current) => nextSort(current, key))}
      >
        {label}
      </button>
    </th>
  );

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a sideways scroller needs keyboard focus.
    <section className="table-scroll" tabIndex={0} aria-label="Bảng chuyển tiếp (cuộn ngang để xem hết)">
      <table className="group-table relay-table">
        <caption className="visually-hidden">Chuyển tiếp theo tổ dân phố</caption>
        <thead>
          <tr>
            {header("group", "Tổ dân phố")}
            {header("head", "Tổ trưởng")}
            {header("status", "Trạng thái")}
            {header("confirmedAt", "Xác nhận lúc")}
            <th scope="col">Nhắc việc</th>
            {header("opens", "Lượt mở qua link", true)}
            {header("seen", "Tin OA", true)}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.residentialGroup.id}>
              <th scope="row">{row.residentialGroup.name}</th>
              <td>{row.head?.name ?? <span className="muted-inline">—</span>}</td>
              <td>
                <span className={`status-pill relay-${row.status}`}>
                  {relayStatusLabels[row.status] ?? row.status}
                </span>
              </td>
              <td>
                {row.confirmedAt ? (
                  <time dateTime={row.confirmedAt}>{formatDateTime(row.confirmedAt)}</time>
                ) : (
                  "—"
                )}
              </td>
              <td className="marker-cell">
                <Markers row={row} />
              </td>
              <td className="num">
                {number.format(row.opens.uniqueResidents)} người / {number.format(row.opens.total)} lượt
              </td>
              <td className="num">
                <OaCell oa={row.oa} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Markers({ row }: { row: RelayBoardRow }) {
  if (!row.remindedAt && !row.escalatedAt) return <>—</>;
  return (
    <>
      {row.remindedAt && (
        <span className="status-pill marker-reminded">
          Đã nhắc <time dateTime={row.remindedAt}>{formatDateTime(row.remindedAt)}</time>
        </span>
      )}
      {row.escalatedAt && (
        <span className="status-pill marker-escalated">
          Đã báo cán bộ <time dateTime={row.escalatedAt}>{formatDateTime(row.escalatedAt)}</time>
        </span>
      )}
    </>
  );
}

/** "gửi / nhận / xem / Mini App của người nhận", with the whole sentence for screen readers. */
function OaCell({ oa }: { oa: RelayBoardRow["oa"] }) {
  const f = (n: number) => number.format(n);
  return (
    <>
      <span aria-hidden="true">
        {f(oa.sent)} / {f(oa.delivered)} / {f(oa.seen)} / {f(oa.fallback)}{" "}
        <span className="muted-inline">của {f(oa.recipients)}</span>
      </span>
      <span className="visually-hidden">
        {`${f(oa.recipients)} người nhận: đã gửi ${f(oa.sent)}, đã nhận ${f(oa.delivered)}, ` +
          `đã xem ${f(oa.seen)}, xem trong Mini App ${f(oa.fallback)}`}
      </span>
    </>
  );
}
